package quire.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexOutput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.NoLockFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.model.Article;
import quire.model.Block;
import quire.model.BlockKind;
import quire.model.QuireException;
import quire.model.SearchRequest;

/**
 * Promise 1 for the index: a full or read-only disk while indexing gives a plain sentence naming
 * the index folder, leaves the last commit whole and searchable, does not leave the index unusable
 * (Lucene closes its writer on a failed flush; Quire reopens it), and indexing again after the
 * fault is gone completes, in the same ArticleIndex.
 *
 * <p>The faults come from a directory wrapper that fails every write once a byte budget is spent,
 * at a range of budgets, so they land in different places: while a segment is flushed, in the
 * middle of a file, while the commit point is written, at the fsync.
 */
class IndexFaultsTest {
    @TempDir
    Path temp;

    /** Where in the second batch's writes the disk fills: nothing fits, a few bytes, then shares of the batch. */
    private static final double[] SHARES = {0.0, 0.0001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.97, 0.995, 0.9995};

    @Test
    void aFullDiskDuringIndexingIsReportedPlainlyAndIndexingResumesWhenSpaceIsFreed() throws Exception {
        long batchBytes = bytesOfSecondBatch();
        List<Long> budgets = new ArrayList<>();
        for (double share : SHARES) {
            budgets.add(Math.max(share == 0 ? 0 : 1, Math.round(share * batchBytes)));
        }
        int faults = 0;
        for (long budget : budgets) {
            Path dir = temp.resolve("full-" + budget);
            FaultyDirectory[] faulty = new FaultyDirectory[1];
            try (ArticleIndex index = ArticleIndex.open(dir, d -> faulty[0] = new FaultyDirectory(d))) {
                putBatch(index, 0, 20);
                index.commit();

                faulty[0].failAfter(budget, () -> new IOException("No space left on device"));
                Optional<QuireException> refused = indexBatch(index, 20, 40);
                assertTrue(refused.isPresent(), "budget " + budget + ": the fault never bit");
                faults++;
                String message = refused.get().getMessage();
                assertTrue(message.contains("'" + dir + "'") && message.contains("the disk is full")
                        && message.contains("The index as last saved is intact"), message);
                assertLastCommitIsWholeAndSearchable(dir, 20);

                faulty[0].heal();
                putBatch(index, 20, 40);
                index.commit();
                assertEquals(40, index.articleCount(), "budget " + budget);
                assertEquals(40, index.search(SearchRequest.of("ledger")).total(), "budget " + budget);
            }
            assertLastCommitIsWholeAndSearchable(dir, 40);
        }
        System.out.printf("Index faults (disk full): %d injected, at %s of the %d bytes a batch writes; all reported"
                + " plainly, last commit intact, indexing resumed in the same index%n", faults, budgets, batchBytes);
    }

    @Test
    void aReadOnlyFolderDuringIndexingIsReportedPlainlyAndIndexingResumesWhenWritable() throws Exception {
        Path dir = temp.resolve("ro");
        FaultyDirectory[] faulty = new FaultyDirectory[1];
        try (ArticleIndex index = ArticleIndex.open(dir, d -> faulty[0] = new FaultyDirectory(d))) {
            putBatch(index, 0, 10);
            index.commit();

            faulty[0].failAfter(0, () -> new FileSystemException(dir.toString(), null, "Read-only file system"));
            QuireException refused = indexBatch(index, 10, 20).orElseThrow(() -> new AssertionError("the fault never bit"));
            assertTrue(refused.getMessage().contains("cannot be written") && refused.getMessage().contains(dir.toString()),
                    refused.getMessage());
            assertLastCommitIsWholeAndSearchable(dir, 10);
            assertEquals(10, index.articleCount(), "this process still reads the last commit");

            faulty[0].heal();
            putBatch(index, 10, 20);
            index.commit();
            assertEquals(20, index.articleCount());
        }
    }

    // ---- helpers ----

    private long bytesOfSecondBatch() {
        FaultyDirectory[] counted = new FaultyDirectory[1];
        try (ArticleIndex index = ArticleIndex.open(temp.resolve("measure"), d -> counted[0] = new FaultyDirectory(d))) {
            putBatch(index, 0, 20);
            index.commit();
            long before = counted[0].written.get();
            putBatch(index, 20, 40);
            index.commit();
            return counted[0].written.get() - before;
        }
    }

    /** What an indexing pass does: put documents, then commit. Empty if nothing failed. */
    private static Optional<QuireException> indexBatch(ArticleIndex index, int from, int to) {
        try {
            putBatch(index, from, to);
            index.commit();
            return Optional.empty();
        } catch (QuireException e) {
            assertFalse(e.getMessage().contains("Exception"), e.getMessage());
            return Optional.of(e);
        }
    }

    private static void putBatch(ArticleIndex index, int from, int to) {
        for (int i = from; i < to; i++) {
            String text = "Article " + i + " of the ledger, about the treaty and its " + "clauses ".repeat(50 + i);
            index.putArticle(new Article("a" + i, "a" + i + ".txt", "Title " + i, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), List.of(), text,
                    List.of(new Block(BlockKind.PARAGRAPH, 0, text.length()))));
        }
    }

    /** Opens the folder afresh, as the next Quire would: CheckIndex clean, exactly {@code articles} found. */
    private static void assertLastCommitIsWholeAndSearchable(Path dir, int articles) throws IOException {
        try (Directory plain = FSDirectory.open(dir)) {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            // The failed writer may still hold the write lock; the last commit's files are immutable, so check beside it.
            try (CheckIndex check = new CheckIndex(plain, NoLockFactory.INSTANCE.obtainLock(plain, IndexWriter.WRITE_LOCK_NAME))) {
                check.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
                assertTrue(check.checkIndex().clean, log.toString(StandardCharsets.UTF_8));
            }
            try (DirectoryReader reader = DirectoryReader.open(plain)) {
                assertTrue(reader.numDocs() >= articles, "documents in the last commit: " + reader.numDocs());
            }
        }
        try (ArticleIndex reader = ArticleIndex.openReadOnly(dir).orElseThrow()) {
            assertEquals(articles, reader.articleCount());
            assertEquals(articles, reader.search(SearchRequest.of("ledger")).total());
        }
    }

    /** Fails every write once {@code budget} bytes were written, until healed. */
    static final class FaultyDirectory extends FilterDirectory {
        interface Fault {
            IOException make();
        }

        private final AtomicLong left = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong written = new AtomicLong();
        private volatile Fault fault;

        FaultyDirectory(Directory in) {
            super(in);
        }

        void failAfter(long budget, Fault fault) {
            left.set(budget);
            this.fault = fault;
        }

        void heal() {
            fault = null;
            left.set(Long.MAX_VALUE);
        }

        private void spend(long bytes) throws IOException {
            written.addAndGet(bytes);
            Fault f = fault;
            if (f != null && left.addAndGet(-bytes) < 0) {
                throw f.make();
            }
        }

        private void check() throws IOException {
            Fault f = fault;
            if (f != null && left.get() <= 0) {
                throw f.make();
            }
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            check();
            return new Counting(in.createOutput(name, context));
        }

        @Override
        public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
            check();
            return new Counting(in.createTempOutput(prefix, suffix, context));
        }

        @Override
        public void sync(Collection<String> names) throws IOException {
            check();
            super.sync(names);
        }

        @Override
        public void rename(String source, String dest) throws IOException {
            check();
            super.rename(source, dest);
        }

        @Override
        public void syncMetaData() throws IOException {
            check();
            super.syncMetaData();
        }

        private final class Counting extends FilterIndexOutput {
            Counting(IndexOutput out) {
                super("counting(" + out + ")", out.getName(), out);
            }

            @Override
            public void writeByte(byte b) throws IOException {
                spend(1);
                out.writeByte(b);
            }

            @Override
            public void writeBytes(byte[] b, int offset, int length) throws IOException {
                spend(length);
                out.writeBytes(b, offset, length);
            }
        }
    }
}
