package quire.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;

class BackgroundMergesTest {
    @Test
    void segmentsAreMergedOnThreadsBelowNormalPrioritySoTheWindowGetsTheCpuFirst() throws IOException {
        Set<Integer> mergePriorities = ConcurrentHashMap.newKeySet();
        FilterDirectory watched = new FilterDirectory(new ByteBuffersDirectory()) {
            @Override
            public IndexOutput createOutput(String name, IOContext context) throws IOException {
                if (Thread.currentThread().getName().startsWith("Lucene Merge Thread")) {
                    mergePriorities.add(Thread.currentThread().getPriority());
                }
                return super.createOutput(name, context);
            }
        };
        try (IndexWriter writer = new IndexWriter(watched,
                new IndexWriterConfig(new StandardAnalyzer()).setMergeScheduler(new BackgroundMerges()))) {
            for (int segment = 0; segment < 3; segment++) {
                Document doc = new Document();
                doc.add(new TextField("body", "seoul envoys treaty " + segment, Field.Store.NO));
                writer.addDocument(doc);
                writer.flush();
            }
            writer.forceMerge(1);
        }
        assertFalse(mergePriorities.isEmpty(), "no merge ran on a merge thread");
        assertEquals(Set.of(Thread.MIN_PRIORITY), mergePriorities);
    }

    @Test
    void quiresWriterMergesInTheBackground() {
        assertEquals(BackgroundMerges.class,
                ArticleIndex.writerConfig(IndexWriterConfig.OpenMode.CREATE).getMergeScheduler().getClass());
    }
}
