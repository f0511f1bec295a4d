package quire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.model.Article;
import quire.model.Highlight;
import quire.model.QuireException;

/**
 * Promise 1 under faults: a full disk or a read-only database refuses the change with a plain
 * sentence naming the workspace, damages nothing already saved, and the next action in the same
 * session succeeds once the fault is gone.
 *
 * <p>We run as root here and in CI, so chmod does not make anything read-only; the faults are made
 * with SQLite's own limits on the store's connection ({@code max_page_count} gives a genuine
 * SQLITE_FULL, {@code query_only} a genuine SQLITE_READONLY) and, where the machine allows
 * mounting, with a real 1 MiB tmpfs that the kernel fills.
 */
class DiskFaultsTest {
    @TempDir
    Path temp;

    private static final Article ARTICLE = Fixtures.treaty();
    /** A note big enough that a few highlights need new pages. */
    private static final String BIG_NOTE = "n".repeat(3000);

    @Test
    void aFullDatabaseRefusesTheChangePlainlyAndTheNextChangeSucceedsOnceThereIsRoom() throws Exception {
        Path workspace = temp.resolve("ws");
        List<Highlight> saved;
        try (AnnotationStore store = AnnotationStore.open(workspace)) {
            saved = createSome(store, 20);
            long pages = pragma(store, "PRAGMA page_count");
            pragma(store, "PRAGMA max_page_count = " + pages);

            QuireException refused = firstRefusal(saved, () -> store.createHighlight(ARTICLE, 0, 10, null, BIG_NOTE, List.of("t")));
            assertPlainDiskFull(refused, workspace);
            assertEverythingSavedIsIntact(store, saved);
            QuireException noteRefused = firstRefusal(saved, () -> store.setNote(saved.get(0).id(), BIG_NOTE + BIG_NOTE));
            assertPlainDiskFull(noteRefused, workspace);

            pragma(store, "PRAGMA max_page_count = 1073741823");
            saved.add(store.createHighlight(ARTICLE, 4, 10, null, BIG_NOTE, List.of("after")));
            assertEverythingSavedIsIntact(store, saved);
            assertEquals(Optional.of("Undid: highlight created"), store.undo(), "the undo log survived the refusal");
            saved.remove(saved.size() - 1);
        }
        try (AnnotationStore reopened = AnnotationStore.open(workspace)) {
            assertEverythingSavedIsIntact(reopened, saved);
            assertEquals(saved.size(), reopened.allHighlights().size());
        }
    }

    @Test
    void aReadOnlyDatabaseRefusesTheChangePlainlyAndTheNextChangeSucceedsOnceWritable() throws Exception {
        Path workspace = temp.resolve("ws");
        try (AnnotationStore store = AnnotationStore.open(workspace)) {
            List<Highlight> saved = createSome(store, 5);
            execute(store, "PRAGMA query_only = 1");

            QuireException refused = firstRefusal(saved, () -> store.createHighlight(ARTICLE, 0, 10, null, "x", List.of()));
            assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
            assertTrue(refused.getMessage().contains(workspace.toAbsolutePath().toString()), refused.getMessage());
            assertTrue(refused.getMessage().contains("Nothing already saved was lost"), refused.getMessage());
            assertEquals(5, saved.size(), "nothing was acknowledged while read-only");

            execute(store, "PRAGMA query_only = 0");
            saved.add(store.createHighlight(ARTICLE, 0, 10, null, "x", List.of()));
            assertEverythingSavedIsIntact(store, saved);
        }
    }

    @Test
    void aFailedBackupOnOpeningIsReportedAndTheWorkspaceStillOpens() throws Exception {
        Path workspace = temp.resolve("ws");
        BackupsTest.TestClock clock = new BackupsTest.TestClock(Instant.parse("2025-03-01T09:00:00Z"));
        try (AnnotationStore store = AnnotationStore.open(workspace, new AnnotationStore.Options(clock, Duration.ofMinutes(5), p -> {}))) {
            createSome(store, 3);
            assertEquals(Optional.empty(), store.backupProblem());
        }
        clock.advance(Duration.ofMinutes(10));
        AnnotationStore.Options full = new AnnotationStore.Options(clock, Duration.ofMinutes(5), p -> {
            throw new UncheckedIOException(new java.io.IOException("No space left on device"));
        });
        try (AnnotationStore store = AnnotationStore.open(workspace, full)) {
            String problem = store.backupProblem().orElseThrow(() -> new AssertionError("the skipped backup was not reported"));
            assertTrue(problem.contains("disk is full"), problem);
            assertTrue(problem.contains(workspace.resolve("backups").toAbsolutePath().toString()), problem);
            createSome(store, 1);
            assertEquals(4, store.allHighlights().size(), "writing still works");
        }
    }

    @Test
    void aBackupOnRequestOnAFullDiskSaysSoAndTheStoreGoesOn() {
        Path workspace = temp.resolve("ws");
        AnnotationStore.Options full = new AnnotationStore.Options(java.time.Clock.systemUTC(), Duration.ofMinutes(5), p -> {
            throw new UncheckedIOException(new java.io.IOException("No space left on device"));
        });
        try (AnnotationStore store = AnnotationStore.open(workspace, full)) {
            List<Highlight> saved = createSome(store, 2);
            QuireException refused = org.junit.jupiter.api.Assertions.assertThrows(QuireException.class, store::backUp);
            assertTrue(refused.getMessage().contains("the disk holding '" + workspace.toAbsolutePath() + "' is full"),
                    refused.getMessage());
            saved.addAll(createSome(store, 1));
            assertEverythingSavedIsIntact(store, saved);
        }
    }

    // ---- a real full disk (tmpfs), where the machine allows mounting ----

    @Test
    void aRealFullDiskRefusesChangesPlainlyKeepsEverythingAndResumesWhenSpaceIsFreed() throws Exception {
        Optional<SmallDisk> mounted = SmallDisk.mount(temp.resolve("disk"), 1024);
        assumeTrue(mounted.isPresent(), "cannot mount a tmpfs here (needs root and a container that allows it)");
        try (SmallDisk disk = mounted.get()) {
            Path workspace = disk.dir().resolve("ws");
            List<Highlight> saved;
            try (AnnotationStore store = AnnotationStore.open(workspace)) {
                saved = createSome(store, 10);
                Path filler = disk.fill();

                QuireException refused = firstRefusal(saved, () -> store.createHighlight(ARTICLE, 0, 10, null, BIG_NOTE, List.of("t")));
                assertPlainDiskFull(refused, workspace);
                assertEverythingSavedIsIntact(store, saved);

                Files.delete(filler);
                saved.add(store.createHighlight(ARTICLE, 0, 10, null, BIG_NOTE, List.of("after")));
                assertEverythingSavedIsIntact(store, saved);
            }
            // Full again when the analyst comes back. SQLite's WAL needs room for its 32 KiB
            // shared-memory index even to read, so opening is refused, plainly and harmlessly.
            Path filler = disk.fill();
            QuireException refused = org.junit.jupiter.api.Assertions.assertThrows(QuireException.class,
                    () -> AnnotationStore.open(workspace));
            assertTrue(refused.getMessage().contains("the disk it is on is full"), refused.getMessage());
            assertTrue(refused.getMessage().contains(workspace.toAbsolutePath().toString()), refused.getMessage());
            Files.delete(filler);
            try (AnnotationStore store = AnnotationStore.open(workspace)) {
                assertEverythingSavedIsIntact(store, saved);
                saved.add(store.createHighlight(ARTICLE, 0, 10, null, "after reopening", List.of()));
                assertEverythingSavedIsIntact(store, saved);
            }
        }
    }

    @Test
    void aWorkspaceOnARealReadOnlyDiskIsRefusedForWritingPlainlyButReadableAndOpensAgainOnceWritable() throws Exception {
        Optional<SmallDisk> mounted = SmallDisk.mount(temp.resolve("disk"), 1024);
        assumeTrue(mounted.isPresent(), "cannot mount a tmpfs here (needs root and a container that allows it)");
        try (SmallDisk disk = mounted.get()) {
            Path workspace = disk.dir().resolve("ws");
            List<Highlight> saved;
            try (AnnotationStore store = AnnotationStore.open(workspace)) {
                saved = createSome(store, 5);
                // While the store holds the WAL open for writing the kernel refuses to remount read-only.
                assertFalse(disk.remount(true), "remounted read-only under an open database");
            }
            assertTrue(disk.remount(true));
            QuireException refused = org.junit.jupiter.api.Assertions.assertThrows(QuireException.class,
                    () -> AnnotationStore.open(workspace));
            assertTrue(refused.getMessage().contains(workspace.toAbsolutePath().toString()), refused.getMessage());
            // WAL cannot make its shared-memory file on a read-only disk; a cleanly closed database is read as immutable.
            try (AnnotationStore reader = AnnotationStore.openReadOnly(workspace)) {
                assertEquals(saved, reader.allHighlights());
            }
            assertTrue(disk.remount(false));
            try (AnnotationStore store = AnnotationStore.open(workspace)) {
                saved.add(store.createHighlight(ARTICLE, 0, 10, null, "writable again", List.of()));
                assertEverythingSavedIsIntact(store, saved);
            }
        }
    }

    // ---- helpers ----

    private static List<Highlight> createSome(AnnotationStore store, int n) {
        List<Highlight> created = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            created.add(store.createHighlight(ARTICLE, i, i + 10, null, "note " + i, List.of("tag" + (i % 3))));
        }
        return created;
    }

    /**
     * Repeats the change until it is refused (free pages may take the first few); what succeeds
     * before that is acknowledged and must survive, so it joins {@code saved}.
     */
    private static QuireException firstRefusal(List<Highlight> saved, Supplier<Highlight> change) {
        for (int attempt = 0; attempt < 500; attempt++) {
            try {
                Highlight h = change.get();
                if (saved.stream().noneMatch(s -> s.id().equals(h.id()))) {
                    saved.add(h);
                } else {
                    saved.replaceAll(s -> s.id().equals(h.id()) ? h : s);
                }
            } catch (QuireException e) {
                return e;
            }
        }
        throw new AssertionError("500 changes went through; the fault never bit");
    }

    private static void assertPlainDiskFull(QuireException e, Path workspace) {
        String message = e.getMessage();
        assertTrue(message.contains("disk holding '" + workspace.toAbsolutePath().normalize() + "' is full"), message);
        assertTrue(message.contains("Nothing already saved was lost; free some space and try again."), message);
        assertFalse(message.contains("Exception"), message);
        assertNotNull(e.getCause(), "the technical cause is kept for the log");
    }

    private static void assertEverythingSavedIsIntact(AnnotationStore store, List<Highlight> saved) {
        AnnotationStore.CheckReport report = store.check();
        assertTrue(report.integrityOk(), report.integrityMessages().toString());
        for (Highlight h : saved) {
            assertEquals(Optional.of(h), store.highlight(h.id()), "lost or changed: " + h.id());
        }
    }

    private static void execute(AnnotationStore store, String sql) {
        store.onConnection(c -> {
            try (Statement statement = c.createStatement()) {
                return statement.execute(sql);
            }
        });
    }

    private static long pragma(AnnotationStore store, String sql) {
        return store.onConnection(c -> {
            try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                return rows.next() ? rows.getLong(1) : -1L;
            }
        });
    }
}
