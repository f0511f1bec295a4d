package quire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.model.Highlight;
import quire.model.QuireException;

class OpeningTest {
    private static final String ALREADY_OPEN =
            "This workspace is already open in another Quire. Close it there first, or use another workspace.";

    @TempDir
    Path workspace;

    @Test
    void everyConnectionIsDurableWalWithForeignKeys() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(workspace)) {
            store.setArticleNote("k", "x");
        }
        try (Connection c = AnnotationStore.connect(workspace.resolve("annotations.db"), false);
                Statement s = c.createStatement()) {
            assertEquals(List.of("wal", "2", "1", "5000", "3", String.valueOf(Schema.APPLICATION_ID)),
                    List.of(pragma(s, "journal_mode"), pragma(s, "synchronous"), pragma(s, "foreign_keys"),
                            pragma(s, "busy_timeout"), pragma(s, "user_version"), pragma(s, "application_id")));
        }
    }

    @Test
    void aSecondStoreInTheSameProcessIsToldTheWorkspaceIsOpen() {
        try (AnnotationStore store = AnnotationStore.open(workspace)) {
            QuireException e = assertThrows(QuireException.class, () -> AnnotationStore.open(workspace));
            assertEquals(ALREADY_OPEN, e.getMessage());
        }
        // Released on close: opening again works.
        AnnotationStore.open(workspace).close();
    }

    @Test
    void anotherProcessHoldingTheLockKeepsTheStoreOut() throws Exception {
        Files.createDirectories(workspace);
        Process holder = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), workspace.resolve("annotations.lock").toString())
                .redirectErrorStream(true).start();
        try {
            assertEquals("locked", new String(holder.getInputStream().readNBytes(6)));
            QuireException e = assertThrows(QuireException.class, () -> AnnotationStore.open(workspace));
            assertEquals(ALREADY_OPEN, e.getMessage());
        } finally {
            holder.destroyForcibly();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        AnnotationStore.open(workspace).close();
    }

    @Test
    void lockHeldThroughAnotherChannelIsMappedToo() throws Exception {
        Files.createDirectories(workspace);
        try (FileChannel channel = FileChannel.open(workspace.resolve("annotations.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            QuireException e = assertThrows(QuireException.class, () -> AnnotationStore.open(workspace));
            assertEquals(ALREADY_OPEN, e.getMessage());
        }
    }

    @Test
    void readOnlyStoreReadsBesideAnOpenWindowAndRefusesWrites() {
        try (AnnotationStore writer = AnnotationStore.open(workspace)) {
            Highlight h = writer.createHighlight(Fixtures.treaty(), 0, 10, null, "n", List.of("t"));
            try (AnnotationStore reader = AnnotationStore.openReadOnly(workspace)) {
                assertEquals(List.of(h), reader.allHighlights());
                Highlight later = writer.setNote(h.id(), "newer");
                assertEquals(Optional.of(later), reader.highlight(h.id()));
                QuireException e = assertThrows(QuireException.class, () -> reader.setNote(h.id(), "x"));
                assertEquals("The annotations are open read-only here (another Quire may have the workspace open),"
                        + " so they cannot be changed.", e.getMessage());
                assertThrows(QuireException.class, reader::undo);
                assertEquals(true, reader.check().integrityOk());
            }
        }
    }

    @Test
    void readOnlyStoreWorksWhenNoWindowIsOpen() {
        try (AnnotationStore writer = AnnotationStore.open(workspace)) {
            writer.setArticleNote("k", "note");
        }
        try (AnnotationStore reader = AnnotationStore.openReadOnly(workspace)) {
            assertEquals("note", reader.articleNote("k"));
        }
    }

    @Test
    void readOnlyStoreOfAFreshWorkspaceIsEmptyAndCreatesNothing() {
        try (AnnotationStore reader = AnnotationStore.openReadOnly(workspace.resolve("new"))) {
            assertEquals(List.of(List.of(), List.of()), List.of(reader.allHighlights(), reader.tags()));
        }
        assertEquals(false, Files.exists(workspace.resolve("new")));
    }

    @Test
    void aDatabaseFromANewerQuireIsRefusedAndLeftUntouched() throws Exception {
        Path database = workspace.resolve("annotations.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE future (x)");
            s.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(database);

        QuireException e = assertThrows(QuireException.class, () -> AnnotationStore.open(workspace));
        assertEquals("The annotations in '" + database + "' were saved by a newer version of Quire (database version 99;"
                + " this Quire knows up to " + Schema.LATEST + "). Open them with that newer Quire; this one leaves them untouched.",
                e.getMessage());
        assertThrows(QuireException.class, () -> AnnotationStore.openReadOnly(workspace));
        assertEquals(List.of(true, false), List.of(java.util.Arrays.equals(before, Files.readAllBytes(database)),
                Files.exists(workspace.resolve("annotations.db-wal"))));
        // And the lock was let go.
        try (FileChannel channel = FileChannel.open(workspace.resolve("annotations.lock"), StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            assertEquals(true, lock != null);
        }
    }

    @Test
    void anotherProgramsDatabaseIsRefused() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + workspace.resolve("annotations.db"));
                Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = 42");
            s.execute("CREATE TABLE t (x)");
        }
        QuireException e = assertThrows(QuireException.class, () -> AnnotationStore.open(workspace));
        assertEquals("'" + workspace.resolve("annotations.db") + "' is an SQLite database of another program, not Quire's annotations.",
                e.getMessage());
    }

    private static String pragma(Statement s, String name) throws Exception {
        try (ResultSet rows = s.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Holds the workspace lock from another process until killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            System.out.print("locked");
            System.out.flush();
            Thread.sleep(60_000);
            lock.release();
        }
    }
}
