package quire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.model.Article;
import quire.model.Highlight;

class ConcurrencyTest {
    private static final int WRITERS = 4;
    private static final int ACTIONS_EACH = 25;

    @TempDir
    Path workspace;

    @Test
    void severalWritersAndAReaderLoseNothingAndNeverSeeALockedDatabase() throws Exception {
        Article treaty = Fixtures.treaty();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        try (AnnotationStore store = AnnotationStore.open(workspace);
                AnnotationStore reader = AnnotationStore.openReadOnly(workspace)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < ACTIONS_EACH; i++) {
                            Highlight h = store.createHighlight(treaty, i, i + 5, null, "w" + writer + " n" + i,
                                    List.of("writer/" + writer, "shared"));
                            store.addTag(h.id(), "extra");
                            store.addArticleTag("article-" + writer, "tag-" + i);
                            created.add(h.id());
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                    return null;
                }));
            }
            Future<?> reading = pool.submit(() -> {
                try {
                    start.await();
                    while (writing.get()) {
                        reader.allHighlights();
                        reader.tags();
                        reads.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
                return null;
            });
            start.countDown();
            for (Future<?> f : writers) {
                f.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            reading.get(60, TimeUnit.SECONDS);

            assertEquals(List.of(), failures.stream().map(Throwable::toString).toList());
            Set<String> stored = new TreeSet<>();
            for (Highlight h : reader.allHighlights()) {
                stored.add(h.id());
                assertEquals(3, h.tags().size(), h.toString());
            }
            assertEquals(new TreeSet<>(created), stored);
            assertEquals(WRITERS * ACTIONS_EACH, stored.size());
            for (int w = 0; w < WRITERS; w++) {
                assertEquals(ACTIONS_EACH, reader.articleTags("article-" + w).size());
            }
            assertEquals(true, reads.get() > 0);
            assertEquals(true, store.check().integrityOk());
        } finally {
            pool.shutdownNow();
        }
    }
}
