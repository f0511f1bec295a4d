package quire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import quire.model.Article;
import quire.model.Highlight;

/**
 * Backups taken while writers annotate: every backup opens, passes integrity_check and holds every
 * highlight acknowledged before it started. {@code -Dquire.backups.rounds=N} takes N backups
 * (CI: 20); the figures are printed for RELIABILITY.md.
 */
class BackupsUnderWritesTest {
    private static final int ROUNDS = Integer.getInteger("quire.backups.rounds", 20);
    private static final int WRITERS = 2;

    @TempDir
    Path workspace;

    @Test
    void everyBackupTakenDuringWritesIsSoundAndHoldsEveryEarlierAcknowledgedHighlight() throws Exception {
        Article article = Fixtures.treaty();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        List<String> problems = new ArrayList<>();
        int checkedHighlights = 0;
        long started = System.nanoTime();
        try (AnnotationStore store = AnnotationStore.open(workspace)) {
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Thread t = new Thread(() -> {
                    try {
                        for (int i = 0; !stop.get(); i++) {
                            Highlight h = store.createHighlight(article, i % 20, i % 20 + 5, null,
                                    "writer " + writer + " #" + i, List.of("w" + writer));
                            acknowledged.add(h.id());
                            if (i % 5 == 4) {
                                store.setNote(h.id(), "edited " + i);
                            }
                        }
                    } catch (Throwable e) {
                        writerFailure.set(e);
                    }
                }, "writer-" + w);
                t.start();
                writers.add(t);
            }
            for (int round = 0; round < ROUNDS; round++) {
                Thread.sleep(20);
                Set<String> before = new HashSet<>(acknowledged);
                Path backup = store.backUp();
                Set<String> inBackup = idsIn(backup, problems);
                for (String id : before) {
                    if (!inBackup.contains(id)) {
                        problems.add(backup.getFileName() + " lacks " + id);
                    }
                }
                checkedHighlights += before.size();
            }
            stop.set(true);
            for (Thread t : writers) {
                t.join(30_000);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Backups under writes: %d backups, %d writers, %d highlights acknowledged in %.1f s,"
                + " %d acknowledged-before-backup checks, problems: %d%n",
                ROUNDS, WRITERS, acknowledged.size(), seconds, checkedHighlights, problems.size());
        assertEquals(null, writerFailure.get(), "a writer failed while backups ran");
        assertEquals(List.of(), problems);
        assertTrue(acknowledged.size() > ROUNDS, "the writers hardly wrote: " + acknowledged.size());
    }

    private static Set<String> idsIn(Path backup, List<String> problems) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup, config.toProperties());
                Statement s = c.createStatement()) {
            try (ResultSet rows = s.executeQuery("PRAGMA integrity_check")) {
                String first = rows.next() ? rows.getString(1) : "";
                if (!"ok".equals(first)) {
                    problems.add(backup.getFileName() + " integrity_check: " + first);
                }
            }
            try (ResultSet rows = s.executeQuery("PRAGMA journal_mode")) {
                if (rows.next() && !"delete".equalsIgnoreCase(rows.getString(1))) {
                    problems.add(backup.getFileName() + " is not self-contained: journal_mode " + rows.getString(1));
                }
            }
            try (ResultSet rows = s.executeQuery("SELECT id FROM highlight")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }
}
