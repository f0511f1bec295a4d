package quire.index;

import java.io.IOException;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.MergePolicy;

/**
 * Lucene's merge scheduler with its merge threads below normal priority: merging is background
 * work, and on a machine with few cores it competes for the CPU with the JavaFX thread, which then
 * stalls (RELIABILITY.md, Load). The priority takes effect where the JVM maps Java priorities to the
 * operating system's (on Linux, {@code -XX:ThreadPriorityPolicy=1}, which the launchers set).
 */
final class BackgroundMerges extends ConcurrentMergeScheduler {
    @Override
    protected synchronized MergeThread getMergeThread(MergeSource mergeSource, MergePolicy.OneMerge merge) throws IOException {
        MergeThread thread = super.getMergeThread(mergeSource, merge);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    }
}
