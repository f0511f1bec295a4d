package quire.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * Verified copies of the annotations database in {@code <workspace>/backups/}, made with SQLite's
 * online backup API (never a file copy of a live database, reliability.md 1.4).
 *
 * <p>A copy is written under a temporary name, switched to a self-contained rollback-journal file,
 * checked ({@code integrity_check} is ok and it holds as many highlights as the source), fsynced,
 * and only then renamed into place; only after that are the oldest beyond {@link #KEEP} deleted.
 * So a failed or interrupted backup never costs an older good one.
 */
final class Backups {
    static final int KEEP = 10;

    /**
     * Opening a workspace backs it up at most this often: the command line opens the store for
     * every {@code annotate}, and a backup per command would only churn the rotation.
     */
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

    private static final System.Logger LOG = System.getLogger(Backups.class.getName());
    private static final String PREFIX = "annotations-";
    private static final String SUFFIX = ".db";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final int SQLITE_OK = 0;
    private static final int SQLITE_FULL = 13;

    private final Path dir;
    private final Clock clock;
    private final Duration interval;
    private final Consumer<Path> beforeVerify;
    /** Why the last quiet backup failed, as a sentence for the analyst; empty after a success. */
    private volatile Optional<String> lastFailure = Optional.empty();

    Backups(Path dir, Clock clock, Duration interval, Consumer<Path> beforeVerify) {
        this.dir = dir;
        this.clock = clock;
        this.interval = interval;
        this.beforeVerify = beforeVerify;
    }

    /** Backups present, newest first. */
    List<Path> list() {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            files.forEach(found::add);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot list the backups in " + dir, e);
        }
        // The stamp is fixed-width, so name order is time order.
        found.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return found;
    }

    /**
     * Backs up unless the newest backup is younger than the interval or already holds this
     * revision. Never throws: a failed backup is logged and the older ones stay.
     */
    Optional<Path> backUpIfDue(SQLiteConnection source, long revision) {
        List<Path> existing = list();
        if (!existing.isEmpty()) {
            Path newest = existing.get(0);
            Optional<Instant> taken = stampOf(newest);
            boolean recent = taken.isPresent() && Duration.between(taken.get(), clock.instant()).compareTo(interval) < 0;
            if (recent || revisionOf(newest).orElse(-1L) == revision) {
                return Optional.empty();
            }
        }
        return backUpQuietly(source);
    }

    /** Backs up now; never throws. */
    Optional<Path> backUpQuietly(SQLiteConnection source) {
        try {
            Path made = backUp(source);
            lastFailure = Optional.empty();
            return Optional.of(made);
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The annotations backup failed; the older backups are kept", e);
            lastFailure = Optional.of(failureSentence(e));
            return Optional.empty();
        }
    }

    /** Why the last backup taken quietly (on opening) failed; empty if it did not. */
    Optional<String> lastFailure() {
        return lastFailure;
    }

    /**
     * A skipped backup must not stop the analyst (the annotations themselves are fine), but must
     * not go unnoticed either: a disk that is full now will refuse the next highlight too.
     */
    private String failureSentence(Exception e) {
        String reason = isDiskFull(e) ? "the disk is full" : "it failed (" + e.getClass().getSimpleName() + ")";
        return "Quire could not back up the annotations to '" + dir.toAbsolutePath() + "': " + reason
                + ". Your annotations are unharmed and the older backups are kept; the details are in the log.";
    }

    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("No space left") || message.contains("SQLITE_FULL") || message.contains("disk is full")) {
                return true;
            }
        }
        return false;
    }

    /** Writes, verifies and renames one backup into place, then rotates. */
    Path backUp(SQLiteConnection source) throws IOException, SQLException {
        Files.createDirectories(dir);
        deleteLeftoverTemporaries();
        Path target = freshName();
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            long highlights = highlightCount(source);
            // The driver returns SQLite's result code rather than throwing: a full disk came back as
            // 13 and an empty copy, which only the verification below then caught.
            int result = source.getDatabase().backup("main", temporary.toString(), null);
            if (result != SQLITE_OK) {
                throw new SQLException("SQLite's backup stopped with result code " + result
                        + (result == SQLITE_FULL ? " (SQLITE_FULL: the disk is full)" : ""), null, result);
            }
            beforeVerify.accept(temporary);
            verify(temporary, highlights);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(temporary);
            Files.deleteIfExists(temporary.resolveSibling(temporary.getFileName() + "-journal"));
        }
        rotate();
        return target;
    }

    private void verify(Path copy, long expectedHighlights) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy, new SQLiteConfig().toProperties());
                Statement statement = connection.createStatement()) {
            // One self-contained file: a WAL-mode copy would need its -wal and -shm beside it to open.
            statement.execute("PRAGMA journal_mode = DELETE");
            try (ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
                String first = rows.next() ? rows.getString(1) : "";
                if (!"ok".equals(first)) {
                    throw new SQLException("The backup copy failed its integrity check: " + first);
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM highlight")) {
                long copied = rows.next() ? rows.getLong(1) : -1;
                if (copied != expectedHighlights) {
                    throw new SQLException("The backup copy holds " + copied + " highlights, not " + expectedHighlights);
                }
            }
        }
    }

    private void rotate() {
        List<Path> all = list();
        for (Path old : all.subList(Math.min(KEEP, all.size()), all.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot delete the old backup " + old, e);
            }
        }
    }

    private Path freshName() {
        String stamp = STAMP.format(clock.instant());
        Path candidate = dir.resolve(PREFIX + stamp + SUFFIX);
        for (int n = 1; Files.exists(candidate); n++) {
            // Two backups in one millisecond (tests, a fast clock): keep both, still in name order.
            candidate = dir.resolve(PREFIX + stamp + "-" + n + SUFFIX);
        }
        return candidate;
    }

    private void deleteLeftoverTemporaries() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*.tmp*")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    static Optional<Instant> stampOf(Path backup) {
        String name = backup.getFileName().toString();
        if (!name.startsWith(PREFIX) || name.length() < PREFIX.length() + 20) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(STAMP.parse(name.substring(PREFIX.length(), PREFIX.length() + 20))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> revisionOf(Path backup) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + backup, config.toProperties());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT revision FROM meta")) {
            return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static long highlightCount(Connection source) throws SQLException {
        return Rows.count(source, "SELECT count(*) FROM highlight");
    }

    private static void forceDirectory(Path directory) {
        // Makes the rename itself durable; Linux allows fsync on a directory, other systems may not.
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Cannot fsync the directory " + directory, e);
        }
    }
}
