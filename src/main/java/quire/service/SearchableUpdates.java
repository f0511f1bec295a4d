package quire.service;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Re-indexes the tags and notes of changed articles on one background thread, so that saving an
 * annotation costs only the database commit: analysing a whole article again and reopening the
 * index reader took most of a save, and during a re-index (whose buffered documents each reopen had
 * to flush) far more. The index is a cache of the database, so nothing is lost if Quire dies with
 * requests pending: opening the workspace compares every article's annotation fingerprint and
 * re-indexes those that differ.
 *
 * <p>Requests for the same article made while the thread is busy are coalesced into one update.
 * {@link #await()} waits until every request made before it is searchable: for commands that
 * search right after a change, and for tests.
 */
final class SearchableUpdates implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SearchableUpdates.class.getName());

    /** What the thread does: re-index these articles (and everything, when {@code all}), then make it visible. */
    interface Apply {
        void apply(Set<String> keys, boolean all);
    }

    private final Apply apply;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Condition done = lock.newCondition();
    private final Thread thread;
    private Set<String> pending = new LinkedHashSet<>();
    private boolean pendingAll;
    /** Requests made so far, and how many of them are applied; {@link #await()} waits for the one to reach the other. */
    private long requested;
    private long applied;
    private boolean closing;

    SearchableUpdates(Apply apply, String name) {
        this.apply = apply;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks for this article's tags and notes to be re-indexed. */
    void request(String key) {
        enqueue(p -> p.add(key), false);
    }

    /** Asks for every article whose tags or notes differ from the index to be re-indexed (undo, tag renames). */
    void requestAll() {
        enqueue(p -> { }, true);
    }

    private void enqueue(Consumer<Set<String>> add, boolean all) {
        lock.lock();
        try {
            if (closing) {
                return; // the database has the change; the next opening re-syncs the index
            }
            add.accept(pending);
            pendingAll |= all;
            requested++;
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every change requested before this call is visible to search. */
    void await() {
        lock.lock();
        try {
            long target = requested;
            while (applied < target && thread.isAlive()) {
                done.await(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (true) {
            Set<String> keys;
            boolean all;
            long upTo;
            lock.lock();
            try {
                while (requested == applied && !closing) {
                    wake.awaitUninterruptibly();
                }
                if (requested == applied) {
                    return;
                }
                keys = pending;
                all = pendingAll;
                upTo = requested;
                pending = new LinkedHashSet<>();
                pendingAll = false;
            } finally {
                lock.unlock();
            }
            try {
                apply.apply(keys, all);
            } catch (RuntimeException | Error e) {
                // The database holds the change; the next opening re-syncs the index from it.
                LOG.log(System.Logger.Level.WARNING, "Could not re-index the annotations of " + keys.size()
                        + " articles; search may miss them until the workspace is opened again.", e);
            }
            lock.lock();
            try {
                applied = upTo;
                done.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Applies what is pending, then stops the thread. */
    @Override
    public void close() {
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
    }
}
