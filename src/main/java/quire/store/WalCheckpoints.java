package quire.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Copies the write-ahead log into the database file (a checkpoint) on a thread and connection of
 * its own, so that no save pays for one. SQLite's default checkpoints inside the commit that takes
 * the log past 1,000 pages: about every 130th save, which then wrote hundreds of pages and synced
 * the database file on top of its own commit.
 *
 * <p>The writing connection runs with {@code wal_autocheckpoint=0}; this thread runs a PASSIVE
 * checkpoint once saves pause ({@link Policy#idle()}) or after {@link Policy#commits()} commits,
 * whichever comes first. PASSIVE never waits for, or blocks, the writer. Durability is unchanged:
 * every commit still syncs the log ({@code synchronous=FULL}), a checkpoint syncs the log before
 * and the database after copying, and after a crash SQLite replays the log however long it is.
 *
 * <p>A log only starts again from its beginning once a checkpoint has copied all of it; saves that
 * never pause can keep a PASSIVE checkpoint from catching up, so past {@link Policy#hardLimitBytes()}
 * the save that crossed it checkpoints itself (TRUNCATE, which also empties the file).
 */
final class WalCheckpoints {
    /** When to checkpoint. */
    record Policy(Duration idle, int commits, long hardLimitBytes) {
        static final Policy DEFAULT = new Policy(Duration.ofMillis(500), 100, 64L << 20);
    }

    private static final System.Logger LOG = System.getLogger(WalCheckpoints.class.getName());

    private final Policy policy;
    private final Path wal;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Thread thread;
    /** Commits since the last checkpoint began, and when the last one came. */
    private int commits;
    private long lastCommitAt;
    private boolean closing;

    private WalCheckpoints(Policy policy, Path wal, Connection connection) {
        this.policy = policy;
        this.wal = wal;
        this.connection = connection;
        this.thread = new Thread(this::loop, "quire-wal-checkpoint");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the writer checkpointing in its commits and starts the thread that does it instead. */
    static WalCheckpoints start(Path database, Connection writer, Policy policy) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = 0");
        }
        Connection own = AnnotationStore.connect(database, false);
        return new WalCheckpoints(policy, database.resolveSibling(database.getFileName() + "-wal"), own);
    }

    /**
     * Called by the writer after each commit, on its connection and under the store's lock. Never
     * throws: the commit is already durable, whatever happens to the checkpoint.
     */
    void committed(Connection writer) {
        lock.lock();
        try {
            commits++;
            lastCommitAt = System.nanoTime();
            wake.signal();
        } finally {
            lock.unlock();
        }
        long size;
        try {
            size = Files.size(wal);
        } catch (IOException e) {
            return; // no log file (yet): nothing to bound
        }
        if (size > policy.hardLimitBytes()) {
            checkpoint(writer, Mode.TRUNCATE);
        }
    }

    private void loop() {
        while (true) {
            lock.lock();
            try {
                while (commits == 0 && !closing) {
                    wake.awaitUninterruptibly();
                }
                while (!closing && commits < policy.commits()) {
                    long wait = lastCommitAt + policy.idle().toNanos() - System.nanoTime();
                    if (wait <= 0) {
                        break;
                    }
                    try {
                        wake.awaitNanos(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closing) {
                    return; // the store checkpoints on its own connection as it closes
                }
                commits = 0;
            } finally {
                lock.unlock();
            }
            checkpoint(connection, Mode.PASSIVE);
        }
    }

    /** The two checkpoints used, each a literal statement (no SQL is built from values, see StaticGuardsTest). */
    private enum Mode {
        /** Copies what no reader needs, never waiting for a save: the background's. */
        PASSIVE("PRAGMA wal_checkpoint(PASSIVE)"),
        /** Copies everything and empties the log file: at close and past the hard limit. */
        TRUNCATE("PRAGMA wal_checkpoint(TRUNCATE)");

        final String sql;

        Mode(String sql) {
            this.sql = sql;
        }
    }

    /** Failures (a full disk) are logged; what was not copied stays in the log and is copied later. */
    private static void checkpoint(Connection c, Mode mode) {
        try (Statement statement = c.createStatement();
                ResultSet row = statement.executeQuery(mode.sql)) {
            if (row.next() && row.getInt(1) != 0) {
                // A reader or the other checkpointer was in the way; the next attempt copies the rest.
                LOG.log(System.Logger.Level.DEBUG, "Checkpoint (" + mode + ") of the annotations log was incomplete");
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not checkpoint the annotations log (" + mode
                    + "); it stays in the log, which is as durable, and is tried again later", e);
        }
    }

    /** Stops the thread and closes its connection; then checkpoints the whole log on the writer's. */
    void close(Connection writer) {
        lock.lock();
        try {
            closing = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot close the checkpoint connection", e);
        }
        checkpoint(writer, Mode.TRUNCATE);
    }
}
