package quire.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import quire.model.Problem;

/**
 * Child JVM of {@link ExtremeFilesTest}: ingests each file named on the command line, in a heap
 * as small as the test chose, and prints one tab-separated line per file: name, milliseconds, heap
 * growth in MB (sampled every 2 ms above the level after a forced collection), articles, blocks
 * of the first article, and the first error (else the first warning). An OutOfMemoryError ends the child with exit 3.
 */
public final class ExtremeFileChild {
    private ExtremeFileChild() {}

    public static void main(String[] args) throws Exception {
        Ingester ingester = new Ingester();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (String arg : args) {
            Path file = Path.of(arg);
            String name = file.getFileName().toString();
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(baseline);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long start = System.nanoTime();
            FileIngest result;
            try {
                result = ingester.ingest(file, name);
            } catch (OutOfMemoryError e) {
                System.out.println(name + "\tOOM");
                System.out.flush();
                System.exit(3);
                return;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            sampler.interrupt();
            sampler.join();
            // The first error if there is one, else the first warning.
            String problem = result.problems().stream()
                    .filter(p -> p.severity() == quire.model.Severity.ERROR)
                    .findFirst()
                    .or(() -> result.problems().stream().findFirst())
                    .map(ExtremeFileChild::describe)
                    .orElse("");
            int blocks = result.articles().isEmpty() ? 0 : result.articles().get(0).blocks().size();
            System.out.println(name + "\t" + millis + "\t" + (peak.get() - baseline) / (1024 * 1024) + "\t"
                    + result.articles().size() + "\t" + blocks + "\t" + result.problems().size() + "\t" + problem);
            System.out.flush();
        }
    }

    private static String describe(Problem problem) {
        return problem.path() + ": " + problem.severity() + ": " + problem.message().replace('\t', ' ').replace('\n', ' ');
    }
}
