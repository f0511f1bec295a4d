package quire.service;

import java.time.Duration;
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
 * The thread also waits for a pause in the requests ({@link #QUIET}, but no longer than
 * {@link #MAX_DELAY} after the first): an analyst saving passage after passage would otherwise have
 * each save's commit compete with the re-index of the previous one for the disk and the cores (at
 * 100k articles a re-index and reopen cost about ten times a save's CPU).
 * {@link #await()} waits until every request made before it is searchable: for commands that
 * search right after a change, and for tests.
 */
final class SearchableUpdates implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SearchableUpdates.class.getName());

    /** What the thread does: re-index these articles (and everything, when {@code all}), then make it visible. */
    interface Apply {
        void apply(Set<String> keys, boolean all);
    }

    /** How long requests must pause before the thread re-indexes. */
    static final Duration QUIET = Duration.ofMillis(200);
    /** The longest the first pending request waits when requests never pause. */
    static final Duration MAX_DELAY = Duration.ofSeconds(1);

    private final Apply apply;
    private final long quietNanos;
    private final long maxDelayNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Condition done = lock.newCondition();
    private final Thread thread;
    private Set<String> pending = new LinkedHashSet<>();
    private boolean pendingAll;
    /** Requests made so far, and how many of them are applied; {@link #await()} waits for the one to reach the other. */
    private long requested;
    private long applied;
    /** Requests handed to the thread so far (applied, or being applied). */
    private long taken;
    private boolean closing;
    /** When the last request came, and when the oldest one still pending did. */
    private long lastRequestAt;
    private long firstPendingAt;
    /** Callers of {@link #await()} waiting now: they do not wait for the pause. */
    private int waiting;

    SearchableUpdates(Apply apply, String name) {
        this(apply, name, QUIET, MAX_DELAY);
    }

    SearchableUpdates(Apply apply, String name, Duration quiet, Duration maxDelay) {
        this.apply = apply;
        this.quietNanos = quiet.toNanos();
        this.maxDelayNanos = maxDelay.toNanos();
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
            long now = System.nanoTime();
            if (requested == taken) {
                firstPendingAt = now;
            }
            lastRequestAt = now;
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
        waiting++;
        wake.signal();
        try {
            long target = requested;
            while (applied < target && thread.isAlive()) {
                done.await(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting--;
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
                awaitPause();
                keys = pending;
                all = pendingAll;
                upTo = requested;
                taken = upTo;
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

    /** Under the lock: waits until requests pause, unless someone waits for them or the thread is closing. */
    private void awaitPause() {
        while (!closing && waiting == 0) {
            long now = System.nanoTime();
            long until = Math.min(lastRequestAt + quietNanos, firstPendingAt + maxDelayNanos);
            if (now - until >= 0) {
                return;
            }
            try {
                wake.awaitNanos(until - now);
            } catch (InterruptedException e) {
                // Nobody interrupts this thread but the JVM shutting down: apply now rather than lose the wait.
                return;
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
