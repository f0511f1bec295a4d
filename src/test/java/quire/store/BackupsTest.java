package quire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.model.Highlight;
import quire.model.QuireException;

class BackupsTest {
    @TempDir
    Path workspace;

    private final TestClock clock = new TestClock(Instant.parse("2025-03-01T09:00:00Z"));

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private AnnotationStore open(Consumer<Path> beforeVerify) {
        return AnnotationStore.open(workspace, new AnnotationStore.Options(clock, Duration.ofMinutes(5), beforeVerify));
    }

    private AnnotationStore open() {
        return open(path -> {});
    }

    /** Opens, writes one highlight, closes; then moves the clock past the interval. */
    private Highlight session() {
        try (AnnotationStore store = open()) {
            Highlight h = store.createHighlight(Fixtures.treaty(), 0, 10, null, "n", List.of("t"));
            clock.advance(Duration.ofMinutes(6));
            return h;
        }
    }

    private List<Path> backups() throws IOException {
        Path dir = workspace.resolve("backups");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void openingAWorkspaceWithDataMakesAVerifiedSelfContainedBackup() throws Exception {
        session();
        session();
        List<Path> made = backups();
        assertEquals(List.of(workspace.resolve("backups/annotations-20250301T090600.000Z.db")), made);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + made.get(0)); Statement s = c.createStatement()) {
            assertEquals(List.of("ok", "delete", "1"),
                    List.of(one(s, "PRAGMA integrity_check"), one(s, "PRAGMA journal_mode"), one(s, "SELECT count(*) FROM highlight")));
        }
    }

    @Test
    void aBackupRestoresAsAWorkspace() throws Exception {
        Highlight h = session();
        session();
        Path restored = workspace.resolve("restored");
        Files.createDirectories(restored);
        Files.copy(backups().get(0), restored.resolve("annotations.db"));
        try (AnnotationStore store = AnnotationStore.open(restored)) {
            assertEquals(List.of(h), store.allHighlights());
        }
    }

    @Test
    void noBackupWithinTheIntervalNorWhenNothingChanged() throws Exception {
        session();
        session();
        assertEquals(1, backups().size());
        // Due: the second session wrote after its backup, and six minutes have passed.
        try (AnnotationStore store = open()) {
            store.setArticleNote("k", "x");
        }
        assertEquals(2, backups().size());
        // Changed, but only a minute after the last backup.
        clock.advance(Duration.ofMinutes(1));
        open().close();
        assertEquals(2, backups().size());
        // An hour later the note is backed up...
        clock.advance(Duration.ofHours(1));
        open().close();
        assertEquals(3, backups().size());
        // ...and an hour after that nothing has changed, so no copy of the same thing.
        clock.advance(Duration.ofHours(1));
        open().close();
        assertEquals(3, backups().size());
    }

    @Test
    void onlyTheNewestTenAreKept() throws Exception {
        for (int i = 0; i < 14; i++) {
            session();
        }
        List<Path> kept = backups();
        // Sessions open six minutes apart from 09:00; the first found the database empty, the next 13 backed up.
        assertEquals(Backups.KEEP, kept.size());
        assertEquals(List.of(workspace.resolve("backups/annotations-20250301T092400.000Z.db"),
                        workspace.resolve("backups/annotations-20250301T101800.000Z.db")),
                List.of(kept.get(0), kept.get(kept.size() - 1)));
    }

    @Test
    void aFailedBackupKeepsTheOlderOnesAndTheStoreStillOpens() throws Exception {
        for (int i = 0; i < 3; i++) {
            session();
        }
        List<Path> before = backups();
        List<byte[]> contents = before.stream().map(BackupsTest::bytes).toList();
        Consumer<Path> corrupt = copy -> {
            try {
                Files.write(copy, new byte[4096]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };

        try (AnnotationStore store = open(corrupt)) {
            assertEquals(3, store.allHighlights().size());
            assertThrows(QuireException.class, store::backUp);
        }

        assertEquals(before, backups());
        for (int i = 0; i < before.size(); i++) {
            assertTrue(java.util.Arrays.equals(contents.get(i), bytes(before.get(i))));
        }
    }

    @Test
    void backUpOnRequestReturnsTheNewBackup() throws Exception {
        try (AnnotationStore store = open()) {
            store.setArticleNote("k", "x");
            Path made = store.backUp();
            assertEquals(List.of(made), backups());
            assertEquals(List.of(made), store.check().backups());
        }
    }

    private static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String one(Statement s, String sql) throws Exception {
        try (ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
