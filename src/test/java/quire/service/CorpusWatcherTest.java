package quire.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.ingest.CorpusScanner;
import quire.ingest.Ingester;
import quire.model.SearchRequest;

/** A running session with a watcher on its corpus, as the window has: dropped files become searchable. */
class CorpusWatcherTest {
    /** Generous: the point is that the files arrive without a re-check, not how fast on a busy machine. */
    private static final long TIMEOUT_MS = 30_000;

    @TempDir
    Path corpus;

    private Session session;
    private CorpusWatcher watcher;
    private final ExecutorService writer = Executors.newSingleThreadExecutor();
    private final List<Optional<Set<String>>> reports = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        write("first.txt", "An opening story\n\nThe first article of the corpus, about the harbour.");
        Workspace workspace = new Workspace(corpus, corpus.resolve(".quire"));
        session = Session.open(workspace, new CorpusIndexer(new CorpusScanner(), new Ingester(), 2));
        session.index(Progress.NONE);
        // As the window does: what the watcher reports is indexed on one background writer.
        watcher = CorpusWatcher.start(corpus, workspace.dir(), Duration.ofMillis(150), changed -> {
            reports.add(changed);
            writer.execute(() -> changed.ifPresentOrElse(session::indexChanged, () -> session.index(Progress.NONE)));
        });
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        watcher.close();
        writer.shutdown();
        writer.awaitTermination(30, TimeUnit.SECONDS);
        session.close();
    }

    private void write(String path, String content) throws IOException {
        Path file = corpus.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private long count(String query) {
        return session.search(SearchRequest.of(query)).total();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void filesDroppedIntoTheCorpusBecomeSearchableWithoutARecheck() throws Exception {
        write("second.txt", "A lighthouse report\n\nThe keeper counted ships passing the lighthouse.");
        write("third.txt", "Another lighthouse\n\nA second lighthouse was built on the cape.");

        await("both new articles are searchable", () -> count("lighthouse") == 2);
        assertEquals(3, count(""));
    }

    @Test
    void filesInAFolderMadeAfterWatchingBeganAreFoundToo() throws Exception {
        write("2024/06/new.txt", "Deep in new folders\n\nA story about glaciers, saved in a folder made just now.");

        await("the article in the new folder is searchable", () -> count("glaciers") == 1);
        write("2024/06/later.txt", "Later in the same folder\n\nMore glaciers, saved after the folder was watched.");
        await("a later file in the new folder is searchable", () -> count("glaciers") == 2);
    }

    @Test
    void aChangedFileIsReadAgainAndADeletedOneLeavesTheIndex() throws Exception {
        write("first.txt", "An opening story\n\nThe first article of the corpus, now about the volcano.");
        await("the edit is searchable", () -> count("volcano") == 1 && count("harbour") == 0);

        Files.delete(corpus.resolve("first.txt"));
        await("the deleted article is gone", () -> count("") == 0);
    }

    @Test
    void theSameArticleDroppedTwiceIsIndexedOnceAsInAFullUpdate() throws Exception {
        write("copy-of-first.txt", "An opening story\n\nThe first article of the corpus, about the harbour.");
        write("marker.txt", "A marker\n\nWritten after the copy, so its arrival means the copy was seen.");

        await("the marker is searchable", () -> count("marker") == 1);
        assertEquals(1, count("harbour"));
        IndexReport full = session.index(Progress.NONE);
        assertEquals(1, count("harbour"));
        assertEquals(1, full.duplicates());
    }

    @Test
    void aTargetedUpdateKeepsTheDuplicateRulesOfAFullOne() throws Exception {
        watcher.close();
        String truncated = "{\"id\":1,\"date\":\"2024-06-20T18:05:15\",\"link\":\"https://example.org/p\",\"title\":{\"rendered\":\"Title\"},"
                + "\"content\":{\"rendered\":\"<p>Complete first paragraph.</p><p>Sec";
        String complete = "{\"id\":1,\"date\":\"2024-06-20T18:05:15\",\"link\":\"https://example.org/p\",\"title\":{\"rendered\":\"Title\"},"
                + "\"content\":{\"rendered\":\"<p>Complete first paragraph.</p><p>Second.</p>\"}}";
        write("posts/a-truncated.json", truncated);
        session.indexChanged(Set.of("posts"));
        write("posts/b-complete.json", complete);

        IndexReport both = session.indexChanged(Set.of("posts/b-complete.json"));

        assertEquals(1, both.duplicates());
        assertEquals("posts/b-complete.json", session.search(SearchRequest.of("paragraph")).hits().get(0).path());
        Files.delete(corpus.resolve("posts/b-complete.json"));
        IndexReport one = session.indexChanged(Set.of("posts/b-complete.json"));
        assertEquals(0, one.duplicates());
        assertEquals(1, one.removed());
        assertEquals("posts/a-truncated.json", session.search(SearchRequest.of("paragraph")).hits().get(0).path());
        Files.delete(corpus.resolve("posts/a-truncated.json"));
        Files.delete(corpus.resolve("posts"));
        assertEquals(1, session.indexChanged(Set.of("posts")).removed());
        assertEquals(0, count("paragraph"));
    }

    @Test
    void hiddenFilesAndTheWorkspaceAreNotReported() throws Exception {
        write(".hidden.txt", "Hidden\n\nNot an article.");
        write(".quire/scratch.txt", "Workspace\n\nNot an article either.");
        write("seen.txt", "Seen\n\nThis one is an article about otters.");

        await("the visible file is searchable", () -> count("otters") == 1);
        assertTrue(reports.stream().flatMap(Optional::stream).flatMap(Set::stream).noneMatch(p -> p.startsWith(".")), reports.toString());
        assertEquals(2, count(""));
    }

    @Test
    void closingStopsTheReports() throws Exception {
        watcher.close();
        int before = reports.size();

        write("after-close.txt", "After closing\n\nNobody is watching any more.");
        Thread.sleep(500);

        assertEquals(before, reports.size());
    }
}
