package quire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import quire.ingest.CorpusScanner;
import quire.ingest.Ingester;
import quire.model.Article;
import quire.model.Highlight;
import quire.model.SearchHit;
import quire.model.SearchRequest;
import quire.service.AppDirs;
import quire.service.CorpusIndexer;
import quire.service.CorpusService;
import quire.service.Progress;
import quire.service.Session;
import quire.service.Workspace;
import quire.ui.Background;
import quire.ui.OpenCorpus;

/**
 * The window's load (issue 8): an analyst annotating 20 times a second (create, note, tag, colour,
 * delete, undo) while the whole corpus is indexed in the same process, as the window does it: the
 * corpus is opened and indexed through {@link Background}'s indexing thread with progress shown on
 * the JavaFX thread, and every change is posted from the JavaFX thread to the work thread, which
 * saves it and hands back to the JavaFX thread, which then reloads the article's highlights in the
 * background and shows them. A watchdog posts a ping to the JavaFX thread every 10 ms and records
 * how late each one ran: the longest wait is the longest the window stopped responding.
 *
 * <p>Checks: no change fails (no "database is locked"), every acknowledged change is in the
 * database afterwards, search agrees with the database, and, with generous bounds, the save times
 * and the JavaFX thread's stalls. Quick mode (CI): 1,500 generated files and at least 10 s of load.
 * Long mode: {@code mvn -B test -Dtest=LoadTest -Dquire.load.files=10000} (20 changes a second for
 * the whole re-index). Prints one {@code LOAD} line with the figures, then, for each stall over
 * 30 ms, when it began and what the JavaFX and renderer threads did meanwhile (RELIABILITY.md, Load);
 * all of it also in {@code target/load-report.txt}. The window runs its indexing below normal
 * priority, which Linux honours only with {@code -XX:ThreadPriorityPolicy=1}, as the launchers set:
 * pass it with {@code -Dquire.test.jvm=-XX:ThreadPriorityPolicy=1} to measure the window as it runs.
 */
@ExtendWith(ApplicationExtension.class)
class LoadTest {
    private static final int FILES = Integer.getInteger("quire.load.files", 1_500);
    private static final int SEED_FILES = 40;
    private static final long MIN_LOAD_MS = 10_000;
    private static final long OP_PERIOD_MS = 50;
    private static final long PING_PERIOD_MS = 10;
    private static final List<String> TAGS = List.of("places", "places/seoul", "people", "people/envoys", "treaty",
            "treaty/article-4", "sanctions", "verify");
    /**
     * Saves p99 within 200 ms is the target, met here (RELIABILITY.md, Load); the assertion allows
     * for a CI machine as loaded as this shared one, where an idle thread was itself delayed up to
     * 300 ms and a save's fsync queued behind the indexer's writes. Saves that waited on index
     * flushes (the fault this guards against) had a p99 of 1.3 s.
     */
    private static final double SAVE_P99_BOUND_MS = 1_000;
    /** Of the 20 changes a second offered, how many must be saved and acknowledged while indexing runs. */
    private static final double MIN_RATE_DURING_INDEX = 10;
    /**
     * A stall the analyst notices is 50 ms; the bound is generous for the same reason (here the
     * idle thread's worst delay was 120–300 ms, collections paused everything up to 120 ms). Work
     * moved onto the JavaFX thread by mistake, an index or a save, would stall it for seconds.
     */
    private static final double STALL_BOUND_MS = 1_000;

    @TempDir
    static Path home;

    private ProgressBar progress;
    private Label status;
    private ListView<String> shown;

    @BeforeAll
    static void headless() {
        quire.ui.HeadlessFx.configure();
    }

    @Start
    void start(Stage stage) {
        progress = new ProgressBar(0);
        status = new Label();
        shown = new ListView<>();
        stage.setScene(new Scene(new VBox(progress, status, shown), 600, 400));
        stage.show();
    }

    @Test
    void annotatingWhileTheCorpusIsIndexedLosesNothingAndKeepsTheWindowResponsive() throws Exception {
        Path corpus = home.resolve("corpus");
        CorpusGenerator.generate(corpus.resolve("seed"), SEED_FILES, CorpusGenerator.DEFAULT_SEED, 0);
        AppDirs dirs = new AppDirs(Map.of("XDG_DATA_HOME", home.resolve("data").toString()), "Linux", home);
        CorpusService service = new CorpusService(new CorpusIndexer(new CorpusScanner(), new Ingester(),
                Runtime.getRuntime().availableProcessors()));
        Workspace workspace = Workspace.resolve(corpus, Optional.empty(), dirs);
        List<Article> articles = new ArrayList<>();
        try (Session first = service.session(workspace)) {
            first.index(Progress.NONE);
            for (SearchHit hit : first.search(SearchRequest.of("").withPage(0, SearchRequest.MAX_LIMIT)).hits()) {
                articles.add(first.article(hit.key()).orElseThrow());
            }
        }
        // The files to index while the analyst works: as if the corpus had just been copied in.
        CorpusGenerator.generate(corpus.resolve("more"), FILES, CorpusGenerator.DEFAULT_SEED + 1, SEED_FILES);

        ExecutorService work = Executors.newSingleThreadExecutor(r -> daemon(r, "load-work"));
        // Below normal priority, as the window's indexing thread (WindowLauncher.indexingThreads).
        ExecutorService indexing = Executors.newSingleThreadExecutor(r -> {
            Thread t = daemon(r, "load-indexing");
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, r -> daemon(r, "load-clock"));
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Background background = new Background(work, indexing, failures::add);
        OpenCorpus open = CompletableFuture.supplyAsync(() -> OpenCorpus.open(service, workspace), work).get();
        Session session = open.requireSession();
        Analyst analyst = new Analyst(session, articles, new Random(8));
        Samples stalls = new Samples(true);
        // The same pings to a plain idle thread: how late any thread of this process ran (a loaded
        // machine, a collection), to tell the JavaFX thread's own stalls from the machine's.
        ExecutorService idle = Executors.newSingleThreadExecutor(r -> daemon(r, "load-idle"));
        Samples idleDelays = new Samples(true);
        Samples clockLate = new Samples(true);
        Samples roundTrips = new Samples();
        try {
            // The window has shown list cells (its results, an article's highlights) before the analyst
            // annotates; the test's list shows its first cells here, before the watchdog starts. That
            // first display (cold code, CSS) is a once-only 50-100 ms of JavaFX work, reported apart.
            long warm0 = System.nanoTime();
            CompletableFuture<Void> warmed = new CompletableFuture<>();
            Platform.runLater(() -> {
                shown.getItems().setAll(articles.get(0).title());
                shown.layout();
                warmed.complete(null);
            });
            warmed.get(1, TimeUnit.MINUTES);
            double firstListMs = (System.nanoTime() - warm0) / 1e6;
            ThreadTimes times = ThreadTimes.start();
            // How late the watchdog's own clock ticked: a pause of the whole process (a collection)
            // stops the clock too, so no ping is posted during it and the pings miss it unless
            // one was already waiting; the clock's lateness does not.
            long firstTick = System.nanoTime();
            AtomicLong ticks = new AtomicLong();
            clock.scheduleAtFixedRate(() -> {
                times.sample();
                long posted = System.nanoTime();
                clockLate.add(Math.max(0, posted - firstTick - ticks.getAndIncrement() * PING_PERIOD_MS * 1_000_000));
                Platform.runLater(() -> stalls.add(System.nanoTime() - posted));
                idle.execute(() -> idleDelays.add(System.nanoTime() - posted));
            }, 0, PING_PERIOD_MS, TimeUnit.MILLISECONDS);

            long t0 = System.nanoTime();
            long loadStartUptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            // When the list first showed cells (cold JavaFX code, CSS): to tell that once-only stall from the rest.
            AtomicLong firstListUptime = new AtomicLong(-1);
            CountDownLatch indexed = new CountDownLatch(1);
            AtomicLong indexMs = new AtomicLong();
            Platform.runLater(() -> background.index(open::index, (fraction, message) -> {
                progress.setProgress(fraction);
                status.setText(message);
            }, report -> {
                indexMs.set((System.nanoTime() - t0) / 1_000_000);
                indexed.countDown();
            }, message -> {
                failures.add("indexing: " + message);
                indexed.countDown();
            }));
            AtomicLong duringIndex = new AtomicLong();
            clock.scheduleAtFixedRate(() -> Platform.runLater(() -> {
                long posted = System.nanoTime();
                background.run(analyst::next, article -> {
                    roundTrips.add(System.nanoTime() - posted);
                    if (indexed.getCount() > 0) {
                        duringIndex.incrementAndGet();
                    }
                    // As the window does after a change: reload the article's highlights, then show them.
                    background.run(() -> session.highlights(Optional.of(article), Optional.empty(), Optional.empty(), Optional.empty()),
                            hs -> {
                                firstListUptime.compareAndSet(-1, java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
                                shown.getItems().setAll(hs.stream().map(Highlight::quote).toList());
                            });
                });
            }), OP_PERIOD_MS, OP_PERIOD_MS, TimeUnit.MILLISECONDS);

            assertTrue(indexed.await(30, TimeUnit.MINUTES), "indexing did not finish");
            long remaining = MIN_LOAD_MS - (System.nanoTime() - t0) / 1_000_000;
            if (remaining > 0) {
                Thread.sleep(remaining);
            }
            clock.shutdown();
            assertTrue(clock.awaitTermination(10, TimeUnit.SECONDS));
            long loadMs = (System.nanoTime() - t0) / 1_000_000;
            // Everything posted has reached the work thread once the JavaFX thread has run its queue.
            CompletableFuture<Void> fx = new CompletableFuture<>();
            Platform.runLater(() -> fx.complete(null));
            fx.get(1, TimeUnit.MINUTES);
            CompletableFuture.runAsync(() -> { }, work).get(5, TimeUnit.MINUTES);
            session.awaitSearchable();

            assertEquals(List.of(), failures);
            analyst.verify();

            String line = String.format(Locale.ROOT,
                    "LOAD files=%d indexMs=%d loadMs=%d ops=%d ackedDuringIndex=%d (%.1f/s)"
                            + " saveP50=%.1f saveP99=%.1f saveMax=%.1f roundTripP50=%.1f roundTripP99=%.1f"
                            + " fxPings=%d fxDelayP50=%.1f fxDelayP99=%.1f fxStallMax=%.1f idleThreadDelayP99=%.1f idleThreadMax=%.1f clockLateMax=%.1f"
                            + " firstListDisplayMs=%.1f loadStartUptime=%.3fs firstListUptime=%.3fs",
                    FILES, indexMs.get(), loadMs, analyst.saves.count(), duringIndex.get(),
                    duringIndex.get() * 1000.0 / Math.max(1, indexMs.get()), analyst.saves.quantile(0.5),
                    analyst.saves.quantile(0.99), analyst.saves.max(), roundTrips.quantile(0.5), roundTrips.quantile(0.99),
                    stalls.count(), stalls.quantile(0.5), stalls.quantile(0.99), stalls.max(),
                    idleDelays.quantile(0.99), idleDelays.max(), clockLate.max(),
                    firstListMs, loadStartUptime / 1000.0, firstListUptime.get() / 1000.0);
            System.out.println(line);
            // When each long wait began, to line up with a GC log (-Xlog:...:uptime) or a JFR recording.
            String report = line + "\n" + stalls.longWaits("fx", times) + idleDelays.longWaits("idle", times)
                    + clockLate.longWaits("clock", times);
            System.out.print(report.substring(line.length() + 1));
            Files.writeString(Path.of("target", "load-report.txt"), report);
            // Before saves stopped waiting on the index, about 2 a second got through during indexing
            // and the rest queued up on the work thread for tens of seconds.
            assertTrue(duringIndex.get() * 1000.0 / Math.max(1, indexMs.get()) >= MIN_RATE_DURING_INDEX, line);
            assertTrue(analyst.saves.quantile(0.99) <= SAVE_P99_BOUND_MS, line);
            assertTrue(stalls.max() <= STALL_BOUND_MS, line);
        } finally {
            clock.shutdownNow();
            CompletableFuture.runAsync(open::close, work).get(5, TimeUnit.MINUTES);
            work.shutdown();
            indexing.shutdown();
            idle.shutdown();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * The analyst's changes, made on the work thread one at a time, with what the database must
     * hold afterwards: each acknowledged highlight as the call returned it, and, for undo, the state
     * before the last change.
     */
    private static final class Analyst {
        private final Session session;
        private final List<Article> articles;
        private final Random random;
        private Map<String, Highlight> expected = new HashMap<>();
        private Map<String, Highlight> beforeLast;
        private int notes;
        final Samples saves = new Samples();

        Analyst(Session session, List<Article> articles, Random random) {
            this.session = session;
            this.articles = articles;
            this.random = random;
        }

        /** Makes one change; returns the key of the article it changed. */
        String next() {
            List<Highlight> live = new ArrayList<>(expected.values());
            live.sort(java.util.Comparator.comparing(Highlight::id));
            int pick = random.nextInt(100);
            if (pick >= 90 && beforeLast != null) {
                Map<String, Highlight> restored = beforeLast;
                Set<String> touched = new TreeSet<>();
                restored.values().forEach(h -> touched.add(h.articleKey()));
                long t = System.nanoTime();
                session.undo().orElseThrow();
                saves.add(System.nanoTime() - t);
                Set<String> changed = changedArticles(expected, restored);
                expected = restored;
                beforeLast = null;
                return changed.isEmpty() ? articles.get(0).key() : changed.iterator().next();
            }
            beforeLast = new HashMap<>(expected);
            if (live.isEmpty() || pick < 35) {
                Article a = articles.get(random.nextInt(articles.size()));
                int length = 10 + random.nextInt(30);
                int start = random.nextInt(Math.max(1, a.text().length() - length));
                String note = random.nextInt(3) == 0 ? "note " + random.nextInt(1000) : "";
                List<String> tags = random.nextBoolean() ? List.of(TAGS.get(random.nextInt(TAGS.size()))) : List.of();
                return timed(() -> session.annotate(a.key(), start, Math.min(a.text().length(), start + length),
                        Highlight.COLORS.get(random.nextInt(Highlight.COLORS.size())), note, tags));
            }
            Highlight h = live.get(random.nextInt(live.size()));
            // Each change really changes something: one that changes nothing is not logged, and the
            // next undo would then undo an earlier change than the model expects.
            if (pick < 50) {
                return timed(() -> session.setNote(h.id(), "note " + (++notes)));
            } else if (pick < 65) {
                String tag = TAGS.get(random.nextInt(TAGS.size()));
                List<String> tags = h.tags().equals(List.of(tag)) ? List.of() : List.of(tag);
                return timed(() -> session.setTags(h.id(), tags));
            } else if (pick < 80) {
                String color = Highlight.COLORS.get((Highlight.COLORS.indexOf(h.color()) + 1 + random.nextInt(4)) % Highlight.COLORS.size());
                return timed(() -> session.setColor(h.id(), color));
            }
            long t = System.nanoTime();
            session.deleteHighlight(h.id());
            saves.add(System.nanoTime() - t);
            expected.remove(h.id());
            return h.articleKey();
        }

        private String timed(java.util.function.Supplier<Highlight> change) {
            long t = System.nanoTime();
            Highlight h = change.get();
            saves.add(System.nanoTime() - t);
            expected.put(h.id(), h);
            return h.articleKey();
        }

        private static Set<String> changedArticles(Map<String, Highlight> a, Map<String, Highlight> b) {
            Set<String> keys = new TreeSet<>();
            a.forEach((id, h) -> {
                if (!h.equals(b.get(id))) {
                    keys.add(h.articleKey());
                }
            });
            b.forEach((id, h) -> {
                if (!h.equals(a.get(id))) {
                    keys.add(h.articleKey());
                }
            });
            return keys;
        }

        /** Every acknowledged change is in the database, and search finds each tag where the database has it. */
        void verify() {
            Map<String, Highlight> stored = new HashMap<>();
            for (Highlight h : session.highlights(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())) {
                stored.put(h.id(), h);
            }
            assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(stored.keySet()), "highlights lost or left over");
            expected.forEach((id, h) -> {
                Highlight s = stored.get(id);
                assertEquals(h.color(), s.color(), id);
                assertEquals(h.note(), s.note(), id);
                assertEquals(h.tags(), s.tags(), id);
                assertEquals(h.start(), s.start(), id);
            });
            for (String tag : TAGS) {
                Set<String> tagged = new TreeSet<>();
                session.highlights(Optional.empty(), Optional.of(tag), Optional.empty(), Optional.empty())
                        .forEach(h -> tagged.add(h.articleKey()));
                Set<String> found = new TreeSet<>();
                session.search(SearchRequest.of("tag:\"" + tag + "\"").withPage(0, SearchRequest.MAX_LIMIT)).hits()
                        .forEach(hit -> found.add(hit.key()));
                assertEquals(tagged, found, "search for tag " + tag);
            }
        }
    }

    /**
     * What the JavaFX and renderer threads did during a stall, from Linux's per-thread scheduler
     * counters (/proc/self/task/TID/schedstat: time on a CPU, time runnable but waiting for one),
     * sampled by the watchdog's clock thread, so nothing is added to the JavaFX thread; and the
     * collectors' pause time. A stall with the JavaFX thread on a CPU is its own work; waiting for
     * a CPU is the machine's load; neither is waiting on the renderer, a lock or a collection.
     */
    private static final class ThreadTimes {
        private final Optional<Path> fx;
        private final Optional<Path> renderer;
        private final List<long[]> samples = Collections.synchronizedList(new ArrayList<>());

        private ThreadTimes(Optional<Path> fx, Optional<Path> renderer) {
            this.fx = fx;
            this.renderer = renderer;
        }

        static ThreadTimes start() throws Exception {
            CompletableFuture<Optional<Path>> fx = new CompletableFuture<>();
            Platform.runLater(() -> fx.complete(schedstat(Path.of("/proc/thread-self"))));
            Optional<Path> renderer = Optional.empty();
            Path tasks = Path.of("/proc/self/task");
            if (Files.isDirectory(tasks)) {
                try (var all = Files.list(tasks)) {
                    for (Path task : (Iterable<Path>) all::iterator) {
                        try {
                            if (Files.readString(task.resolve("comm")).startsWith("QuantumRendere")) {
                                renderer = Optional.of(task.resolve("schedstat"));
                            }
                        } catch (java.io.IOException gone) {
                            // the thread ended while listed
                        }
                    }
                }
            }
            return new ThreadTimes(fx.get(1, TimeUnit.MINUTES), renderer);
        }

        private static Optional<Path> schedstat(Path task) {
            try {
                Path real = task.toRealPath().resolve("schedstat");
                return Files.isReadable(real) ? Optional.of(real) : Optional.empty();
            } catch (java.io.IOException | UnsupportedOperationException e) {
                return Optional.empty();
            }
        }

        void sample() {
            long gcMs = 0;
            for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                // G1's concurrent cycle is not a pause; its young and mixed collections are.
                if (!gc.getName().contains("Concurrent")) {
                    gcMs += Math.max(0, gc.getCollectionTime());
                }
            }
            long[] f = read(fx);
            long[] r = read(renderer);
            samples.add(new long[] {System.nanoTime(), f[0], f[1], r[0], r[1], gcMs});
        }

        private static long[] read(Optional<Path> schedstat) {
            if (schedstat.isEmpty()) {
                return new long[] {0, 0};
            }
            try {
                String[] fields = Files.readString(schedstat.get()).trim().split(" ");
                return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
            } catch (java.io.IOException | RuntimeException e) {
                return new long[] {0, 0};
            }
        }

        /** CPU and run-queue time of both threads, and pause time, from the last sample before {@code from} to the first after {@code to}. */
        String between(long from, long to) {
            long[] a = null;
            long[] b = null;
            synchronized (samples) {
                for (long[] s : samples) {
                    if (s[0] <= from) {
                        a = s;
                    } else if (s[0] >= to && b == null) {
                        b = s;
                    }
                }
            }
            if (a == null || b == null || fx.isEmpty()) {
                return "no thread times";
            }
            return String.format(Locale.ROOT, "over %.0f ms: fx on CPU %.1f ms, waiting for CPU %.1f ms; renderer on CPU %.1f ms,"
                            + " waiting for CPU %.1f ms; collector pauses %d ms",
                    (b[0] - a[0]) / 1e6, (b[1] - a[1]) / 1e6, (b[2] - a[2]) / 1e6, (b[3] - a[3]) / 1e6, (b[4] - a[4]) / 1e6, b[5] - a[5]);
        }
    }

    /** Durations, in ms; waits longer than {@link #LONG_WAIT_MS} also keep when they began. */
    private static final class Samples {
        private static final double LONG_WAIT_MS = 30;
        /** nanoTime at JVM start, so a wait's start prints as JVM uptime, as -Xlog's uptime decoration does. */
        private static final long JVM_START_NANOS = System.nanoTime()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000;
        private final List<Double> ms = Collections.synchronizedList(new ArrayList<>());
        private final List<long[]> longWaits = Collections.synchronizedList(new ArrayList<>());
        private final boolean keepLongWaits;

        Samples() {
            this(false);
        }

        Samples(boolean keepLongWaits) {
            this.keepLongWaits = keepLongWaits;
        }

        void add(long nanos) {
            ms.add(nanos / 1e6);
            if (keepLongWaits && nanos / 1e6 > LONG_WAIT_MS) {
                longWaits.add(new long[] {System.nanoTime() - nanos, nanos, System.currentTimeMillis() - nanos / 1_000_000});
            }
        }

        /**
         * One line per stall: overlapping waits longer than {@link #LONG_WAIT_MS} (pings posted
         * during the same stall) merged, with when it began (JVM uptime, as -Xlog's uptime
         * decoration prints it, and UTC, as JFR does) and the longest wait in it.
         */
        String longWaits(String label, ThreadTimes times) {
            List<long[]> waits;
            synchronized (longWaits) {
                waits = new ArrayList<>(longWaits);
            }
            waits.sort(java.util.Comparator.comparingLong(w -> w[0]));
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < waits.size()) {
                long[] first = waits.get(i);
                long end = first[0] + first[1];
                long longest = first[1];
                int pings = 0;
                for (; i < waits.size() && waits.get(i)[0] <= end; i++) {
                    end = Math.max(end, waits.get(i)[0] + waits.get(i)[1]);
                    longest = Math.max(longest, waits.get(i)[1]);
                    pings++;
                }
                out.append(String.format(Locale.ROOT, "  %s stall at uptime=%.3fs (%s) until %.3fs: longest wait %.1f ms, %d pings; %s%n",
                        label, (first[0] - JVM_START_NANOS) / 1e9, java.time.Instant.ofEpochMilli(first[2]),
                        (end - JVM_START_NANOS) / 1e9, longest / 1e6, pings, times.between(first[0], end)));
            }
            return out.toString();
        }

        int count() {
            return ms.size();
        }

        double quantile(double q) {
            List<Double> sorted;
            synchronized (ms) {
                sorted = new ArrayList<>(ms);
            }
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
        }

        double max() {
            return quantile(1.0);
        }
    }
}
