package quire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.model.Article;

/**
 * Saves append to the write-ahead log and leave copying it into the database file (the checkpoint)
 * to a background thread, so no save pays for one; past a hard limit a save does it itself, and
 * closing does it. "The database file alone" is a copy of {@code annotations.db} without its log:
 * what a checkpoint has put there.
 */
class WalCheckpointsTest {
    /** About 8 log pages each: 200 saves are past SQLite's default of checkpointing at 1,000 pages. */
    private static final int SAVES = 200;
    private static final Duration NEVER = Duration.ofDays(1);

    @TempDir
    Path temp;

    @Test
    void savesLeaveTheCheckpointToTheBackground() throws Exception {
        Path workspace = temp.resolve("ws");
        try (AnnotationStore store = open(workspace, new WalCheckpoints.Policy(NEVER, Integer.MAX_VALUE, Long.MAX_VALUE))) {
            save(store, SAVES);

            assertEquals(0, highlightsInDatabaseFileAlone(workspace), "a save checkpointed the log itself");
        }
    }

    @Test
    void theBackgroundCheckpointsOnceSavesPause() throws Exception {
        Path workspace = temp.resolve("ws");
        try (AnnotationStore store = open(workspace, new WalCheckpoints.Policy(Duration.ofMillis(50), Integer.MAX_VALUE, Long.MAX_VALUE))) {
            save(store, SAVES);

            assertTrue(eventually(workspace, n -> n == SAVES), "the log was not checkpointed after the saves paused");
        }
    }

    @Test
    void theBackgroundCheckpointsEveryFewCommitsWhenSavesNeverPause() throws Exception {
        Path workspace = temp.resolve("ws");
        try (AnnotationStore store = open(workspace, new WalCheckpoints.Policy(NEVER, 50, Long.MAX_VALUE))) {
            save(store, SAVES);

            assertTrue(eventually(workspace, n -> n >= 150), "the log was not checkpointed while saves went on");
        }
    }

    @Test
    void pastTheHardLimitASaveCheckpointsAndEmptiesTheLog() throws Exception {
        Path workspace = temp.resolve("ws");
        long limit = 256 * 1024;
        try (AnnotationStore store = open(workspace, new WalCheckpoints.Policy(NEVER, Integer.MAX_VALUE, limit))) {
            save(store, SAVES);

            // One save's pages may come on top of the limit before the next save empties the log.
            assertTrue(Files.size(wal(workspace)) <= limit + 128 * 1024, "the log grew to " + Files.size(wal(workspace)));
            assertTrue(highlightsInDatabaseFileAlone(workspace) > SAVES / 2);
        }
    }

    @Test
    void closingCheckpointsTheLog() throws Exception {
        Path workspace = temp.resolve("ws");
        AnnotationStore store = open(workspace, new WalCheckpoints.Policy(NEVER, Integer.MAX_VALUE, Long.MAX_VALUE));
        save(store, SAVES);

        store.close();

        assertTrue(!Files.exists(wal(workspace)) || Files.size(wal(workspace)) == 0);
        assertEquals(SAVES, highlightsInDatabaseFileAlone(workspace));
    }

    @Test
    void aStoreKilledWithALongLogReopensWithEverySave() throws Exception {
        Path workspace = temp.resolve("ws");
        Path killed = Files.createDirectories(temp.resolve("killed"));
        try (AnnotationStore store = open(workspace, new WalCheckpoints.Policy(NEVER, Integer.MAX_VALUE, Long.MAX_VALUE))) {
            save(store, SAVES);
            // What a kill leaves on disk: the database file and its log as they are, no shared-memory index.
            Files.copy(workspace.resolve(AnnotationStore.DATABASE), killed.resolve(AnnotationStore.DATABASE));
            Files.copy(wal(workspace), wal(killed));
        }

        try (AnnotationStore reopened = AnnotationStore.open(killed)) {
            assertTrue(reopened.check().integrityOk());
            assertEquals(SAVES, reopened.allHighlights().size());
        }
    }

    @Test
    void aBackupHoldsSavesStillOnlyInTheLog() throws Exception {
        Path workspace = temp.resolve("ws");
        try (AnnotationStore store = open(workspace, new WalCheckpoints.Policy(NEVER, Integer.MAX_VALUE, Long.MAX_VALUE))) {
            save(store, SAVES);

            Path backup = store.backUp();

            assertEquals(SAVES, highlights(backup));
        }
    }

    /** A workspace whose schema is already in the database file (closing checkpoints it). */
    private static AnnotationStore open(Path workspace, WalCheckpoints.Policy policy) {
        AnnotationStore.open(workspace).close();
        return AnnotationStore.open(workspace, new AnnotationStore.Options(Clock.systemUTC(), Duration.ofMinutes(5), p -> {}, policy));
    }

    private static void save(AnnotationStore store, int count) {
        Article article = Fixtures.treaty();
        for (int i = 0; i < count; i++) {
            int start = i % (article.text().length() - 20);
            store.createHighlight(article, start, start + 10, null, "note " + i, List.of("tag-" + (i % 5)));
        }
    }

    private static Path wal(Path workspace) {
        return workspace.resolve(AnnotationStore.DATABASE + "-wal");
    }

    /** Polls (up to 30 s) until the database file alone holds a number of highlights the test wants. */
    private boolean eventually(Path workspace, LongPredicate wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                if (wanted.test(highlightsInDatabaseFileAlone(workspace))) {
                    return true;
                }
            } catch (java.sql.SQLException copiedMidCheckpoint) {
                // The file was copied while a checkpoint wrote it; the next copy will do.
            }
            Thread.sleep(20);
        }
        return false;
    }

    private long highlightsInDatabaseFileAlone(Path workspace) throws Exception {
        Path copy = Files.createTempDirectory(temp, "alone").resolve("copy.db");
        Files.copy(workspace.resolve(AnnotationStore.DATABASE), copy);
        return highlights(copy);
    }

    private static long highlights(Path database) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM highlight")) {
            return rows.next() ? rows.getLong(1) : -1;
        }
    }
}
