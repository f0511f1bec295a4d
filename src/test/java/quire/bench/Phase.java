package quire.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import quire.index.BareLucene;
import quire.ingest.CorpusFile;
import quire.ingest.CorpusScanner;
import quire.ingest.Ingester;
import quire.model.Article;
import quire.model.Highlight;
import quire.model.HighlightState;
import quire.model.SearchRequest;
import quire.model.SearchResult;
import quire.service.CorpusIndexer;
import quire.service.ExportRequest;
import quire.service.IndexReport;
import quire.service.Progress;
import quire.service.Session;
import quire.service.Workspace;
import quire.store.AnnotationStore;

/**
 * One benchmark phase, run by {@link Bench} in a JVM of its own: it does its work, then prints one
 * line {@code RESULT {json}} with its timings, CPU time and peak heap.
 *
 * <p>Uses Quire's services as the app does; only the set-up of annotations (10,000 highlights to
 * export) goes to the store directly, as a faster stand-in for an analyst's months of work.
 */
public final class Phase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Phase() {}

    public static void main(String[] args) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("phase", args[0]);
        HeapWatch.start();
        long cpu0 = cpuNanos();
        switch (args[0]) {
            case "extract" -> extract(Path.of(args[1]), Path.of(args[2]), result);
            case "bare-index" -> bareIndex(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), false, result);
            case "bare-index-reduced" -> bareIndex(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), true, result);
            case "index", "recheck" -> index(Path.of(args[1]), Path.of(args[2]), result);
            case "add" -> addWatched(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), true, result);
            case "add-cold" -> addWatched(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), false, result);
            case "add-recheck" -> add(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), result);
            case "queries" -> Queries.write(Path.of(args[1]), Path.of(args[2]), Long.parseLong(args[3]), result);
            case "search-quire" -> searchQuire(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]), result);
            case "search-bare" -> searchBare(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), result);
            case "annotate" -> annotate(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), result);
            case "open-article" -> openArticle(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), result);
            case "export" -> export(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), result);
            default -> throw new IllegalArgumentException("unknown phase " + args[0]);
        }
        result.put("cpuMs", (cpuNanos() - cpu0) / 1_000_000);
        result.put("jvmCpuMs", jvmThreadsCpuMs());
        result.put("peakHeapMb", peakHeapMb());
        result.put("sumOfPoolPeaksMb", sumOfPoolPeaksMb());
        System.out.println("RESULT " + JSON.writeValueAsString(result));
        System.out.flush();
        System.exit(0);
    }

    static Session session(Path corpus, Path workspace) {
        return Session.open(new Workspace(corpus, workspace),
                new CorpusIndexer(new CorpusScanner(), new Ingester(), Runtime.getRuntime().availableProcessors()));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Pre-extracts every article once with Quire's reader, for the bare baseline to index. */
    private static void extract(Path corpus, Path out, Map<String, Object> result) throws IOException {
        Ingester ingester = new Ingester();
        int n = 0;
        try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16))) {
            for (CorpusFile file : new CorpusScanner().scan(corpus).files()) {
                List<Article> articles = ingester.ingest(file.file(), file.path()).articles();
                for (int i = 0; i < articles.size(); i++) {
                    BareLucene.writeArticle(data, new BareLucene.Placed(articles.get(i), i));
                    n++;
                }
            }
        }
        result.put("articles", n);
    }

    /** The bare baseline over the pre-extracted articles: Quire's own documents, or ({@code reduced}) the first baseline's. */
    private static void bareIndex(Path articles, Path indexDir, int threads, boolean reduced, Map<String, Object> result) throws Exception {
        long t0 = System.nanoTime();
        int n = reduced
                ? BareLucene.index(indexDir, () -> new MappedIterator(BareLucene.readArticles(articles).iterator()), threads)
                : BareLucene.indexArticles(indexDir, BareLucene.readArticles(articles), threads);
        result.put("ms", ms(System.nanoTime() - t0));
        result.put("articles", n);
    }

    /** The reduced-schema texts of the articles, read as they are indexed. */
    private record MappedIterator(Iterator<BareLucene.Placed> in) implements Iterator<BareLucene.Text> {
        @Override
        public boolean hasNext() {
            return in.hasNext();
        }

        @Override
        public BareLucene.Text next() {
            return in.next().text();
        }
    }

    /** A first full index (into an empty workspace) or a re-check (of an indexed one): the same call. */
    private static void index(Path corpus, Path workspace, Map<String, Object> result) {
        long t0 = System.nanoTime();
        try (Session session = session(corpus, workspace)) {
            long t1 = System.nanoTime();
            IndexReport report = session.index(Progress.NONE);
            long t2 = System.nanoTime();
            result.put("ms", ms(t2 - t1));
            result.put("openMs", ms(t1 - t0));
            result.put("articles", report.articles());
            result.put("added", report.added());
            result.put("unchanged", report.unchanged());
        }
    }

    /**
     * What the analyst sees in the window: a session that has re-checked the corpus and is watching
     * it (as the window does once it opens a corpus), 100 files copied in, and the time from the
     * end of the copy until a search counts them all. Then takes them out again.
     */
    private static void addWatched(Path corpus, Path workspace, Path extra, boolean afterWarmUp, Map<String, Object> result) throws Exception {
        Path target = corpus.resolve("new-files");
        List<Path> files;
        try (var walk = Files.walk(extra)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.BlockingQueue<IndexReport> reports = new java.util.concurrent.LinkedBlockingQueue<>();
        try (Session session = session(corpus, workspace)) {
            // As the window's opening check (OpenCorpus.index): the check, then the warm-up.
            session.warmUpAfter(session.index(Progress.NONE));
            long before = session.search(SearchRequest.of("")).total();
            // The files arrive after the session's warm-up (a few seconds after the opening check, at
            // idle priority; see CorpusIndexer.warmUp), as they do in the window, where an analyst
            // saves them minutes later. Or (add-cold) at once: the worst case, a copy made while the
            // window opens, whose report stops the warm-up and finds the code as cold as it is then.
            long w0 = System.nanoTime();
            if (afterWarmUp) {
                session.awaitWarmUp();
            }
            result.put("warmUpWaitMs", ms(System.nanoTime() - w0));
            // As the window: each report is indexed on one background writer, then the results are
            // searched again; the time is until that search counts all 100.
            try (var watcher = quire.service.CorpusWatcher.start(corpus, workspace, java.time.Duration.ofMillis(100),
                    changed -> writer.execute(() -> reports.add(changed.isPresent()
                            ? session.indexChanged(changed.get())
                            : session.index(Progress.NONE))))) {
                long c0 = System.nanoTime();
                Files.createDirectories(target);
                for (Path f : files) {
                    Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
                long t0 = System.nanoTime();
                long after = before;
                List<Long> updateMs = new ArrayList<>();
                while (after - before < files.size()) {
                    IndexReport report = reports.poll(60, java.util.concurrent.TimeUnit.SECONDS);
                    if (report == null) {
                        throw new IllegalStateException("the new files were not all searchable within 60 s: " + (after - before));
                    }
                    updateMs.add(report.tookMs());
                    after = session.search(SearchRequest.of("")).total();
                }
                long t1 = System.nanoTime();
                result.put("ms", ms(t1 - t0));
                result.put("copyMs", ms(t0 - c0));
                result.put("newlySearchable", after - before);
                result.put("updateMs", updateMs);
                deleteTree(target);
            }
            writer.shutdown();
            writer.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
            session.index(Progress.NONE);
        }
    }

    /** Copies 100 new files into the corpus, times a full re-check and a search that sees them (as {@code quire index} would), then takes them out again. */
    private static void add(Path corpus, Path workspace, Path extra, Map<String, Object> result) throws IOException {
        Path target = corpus.resolve("new-files");
        List<Path> files;
        try (var walk = Files.walk(extra)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (Session session = session(corpus, workspace)) {
            // As the window does when it opens a corpus: re-check it, then search. The new files
            // arrive in this running app, as when an analyst saves more articles into the folder.
            session.index(Progress.NONE);
            long before = session.search(SearchRequest.of("")).total();
            Files.createDirectories(target);
            for (Path f : files) {
                Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
            long t0 = System.nanoTime();
            IndexReport report = session.index(Progress.NONE);
            long after = session.search(SearchRequest.of("")).total();
            long t1 = System.nanoTime();
            result.put("ms", ms(t1 - t0));
            result.put("added", report.added());
            result.put("newlySearchable", after - before);
            deleteTree(target);
            session.index(Progress.NONE);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Runs every query {@code passes} times, round robin as luceneutil does; the first pass is each
     * query's first run in this JVM, reported apart from the warm ones.
     */
    private static void searchQuire(Path corpus, Path workspace, Path queries, int passes, Map<String, Object> result) throws IOException {
        List<Queries.Spec> specs = Queries.read(queries);
        try (Session session = session(corpus, workspace)) {
            runPasses(specs, passes, result, spec -> {
                SearchResult r = session.search(SearchRequest.of(spec.quire()));
                if (r.error().isPresent()) {
                    throw new IllegalStateException("query " + spec.quire() + " read leniently: " + r.error().get());
                }
                return r.total();
            });
        }
    }

    private static void searchBare(Path indexDir, Path queries, int passes, Map<String, Object> result) throws Exception {
        List<Queries.Spec> specs = Queries.read(queries);
        try (BareLucene.Searcher searcher = new BareLucene.Searcher(indexDir)) {
            runPasses(specs, passes, result, spec -> {
                try {
                    return searcher.search(spec.bare(), spec.from(), spec.to());
                } catch (Exception e) {
                    throw new IllegalStateException("query " + spec.bare() + ": " + e, e);
                }
            });
        }
    }

    private interface Search {
        long run(Queries.Spec spec);
    }

    private static void runPasses(List<Queries.Spec> specs, int passes, Map<String, Object> result, Search search) {
        Map<String, List<Double>> warm = new LinkedHashMap<>();
        List<Double> first = new ArrayList<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        for (int pass = 0; pass < passes; pass++) {
            for (Queries.Spec spec : specs) {
                long t0 = System.nanoTime();
                long total = search.run(spec);
                double took = ms(System.nanoTime() - t0);
                if (pass == 0) {
                    first.add(took);
                    totals.put(spec.quire(), total);
                } else {
                    warm.computeIfAbsent(spec.kind(), k -> new ArrayList<>()).add(took);
                }
            }
        }
        result.put("firstQueryMs", first.get(0));
        result.put("firstPassMs", first);
        result.put("warmMs", warm);
        result.put("totals", totals);
    }

    /** Saves {@code count} highlights, one transaction each, on the run's own article; times each save. */
    private static void annotate(Path corpus, Path workspace, int run, Map<String, Object> result) {
        try (Session session = session(corpus, workspace)) {
            Article article = articleOfRun(session, run);
            List<Double> samples = new ArrayList<>();
            String text = article.text();
            int count = 100;
            int step = Math.max(1, (text.length() - 40) / count);
            for (int i = 0; i < count; i++) {
                int start = Math.min(i * step, text.length() - 20);
                long t0 = System.nanoTime();
                session.annotate(article.key(), start, start + 15, Highlight.COLORS.get(i % 6), i % 3 == 0 ? "note " + i : "", i % 2 == 0 ? List.of("bench/tag-" + (i % 7)) : List.of());
                samples.add(ms(System.nanoTime() - t0));
            }
            result.put("samplesMs", samples);
            result.put("article", article.key());
        }
    }

    /** The article with the run's number in the sorted key list: each run annotates its own. */
    private static Article articleOfRun(Session session, int run) {
        SearchResult all = session.search(new SearchRequest("", quire.model.SortOrder.RELEVANCE, 0, 200, Map.of()));
        String key = all.hits().stream().map(h -> h.key()).sorted().toList().get(run % all.hits().size());
        return session.article(key).orElseThrow();
    }

    /**
     * Opens the run's article (which {@code annotate} gave 100 highlights): reads it, its highlights
     * and the style spans the reader paints, as the window does when an article is chosen.
     */
    private static void openArticle(Path corpus, Path workspace, int run, Map<String, Object> result) {
        try (Session session = session(corpus, workspace)) {
            String key = articleOfRun(session, run).key();
            List<Double> samples = new ArrayList<>();
            int highlights = 0;
            for (int i = 0; i < 30; i++) {
                long t0 = System.nanoTime();
                Article article = session.article(key).orElseThrow();
                List<Highlight> hs = session.highlights(Optional.of(key), Optional.empty(), Optional.empty(), Optional.empty());
                int spans = quire.ui.reader.PaintModel.spanCount(article.text().length(), hs);
                samples.add(ms(System.nanoTime() - t0));
                highlights = hs.size();
                if (spans == 0) {
                    throw new IllegalStateException("nothing to paint");
                }
            }
            result.put("samplesMs", samples);
            result.put("highlights", highlights);
        }
    }

    /**
     * Exports {@code wanted} highlights to one Markdown file, several times in this JVM. The
     * highlights are set up once, in one import transaction, on as many articles as needed (10 each).
     */
    private static void export(Path corpus, Path workspace, int wanted, Map<String, Object> result) throws IOException {
        List<Highlight> toAdd = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        try (Session session = session(corpus, workspace)) {
            List<Highlight> existing = session.highlights(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            if (existing.size() < wanted) {
                SearchResult page = session.search(new SearchRequest("", quire.model.SortOrder.DATE_ASCENDING, 200, 1000, Map.of()));
                Random random = new Random(7);
                Instant now = Instant.parse("2026-01-01T00:00:00Z");
                outer:
                for (var hit : page.hits()) {
                    Article a = session.article(hit.key()).orElseThrow();
                    texts.put(a.textHash(), a.text());
                    for (int i = 0; i < 10; i++) {
                        if (existing.size() + toAdd.size() >= wanted) {
                            break outer;
                        }
                        int start = random.nextInt(Math.max(1, a.text().length() - 200));
                        int end = start + 20 + random.nextInt(150);
                        String quote = a.text().substring(start, end);
                        String prefix = a.text().substring(Math.max(0, start - Highlight.CONTEXT_CHARS), start);
                        String suffix = a.text().substring(end, Math.min(a.text().length(), end + Highlight.CONTEXT_CHARS));
                        toAdd.add(new Highlight(UUID.nameUUIDFromBytes((a.key() + i).getBytes(StandardCharsets.UTF_8)).toString(), a.key(), start, end,
                                quote, prefix, suffix, Highlight.COLORS.get(i % 6), i % 3 == 0 ? "A note on passage " + i + "." : "",
                                i % 2 == 0 ? List.of("export/tag-" + (i % 5)) : List.of(), now, now, HighlightState.ANCHORED, a.textHash()));
                    }
                }
            }
        }
        if (!toAdd.isEmpty()) {
            try (AnnotationStore store = AnnotationStore.open(workspace)) {
                store.importHighlights(toAdd, texts);
            }
        }
        try (Session session = session(corpus, workspace)) {
            List<Double> samples = new ArrayList<>();
            int exported = 0;
            for (int i = 0; i < Integer.getInteger("quire.bench.exports", 6); i++) {
                Path target = Files.createTempFile("quire-bench-export", ".md");
                long t0 = System.nanoTime();
                var summary = session.export(new ExportRequest(ExportRequest.Format.MARKDOWN, false, false, target, Optional.empty(), Optional.empty(), Set.of()), Instant.now());
                samples.add(ms(System.nanoTime() - t0));
                exported = summary.highlights();
                result.put("bytes", Files.size(target));
                Files.delete(target);
            }
            result.put("samplesMs", samples);
            result.put("highlights", exported);
        }
    }

    /**
     * CPU time of the JVM's own threads (JIT compilers, garbage collectors) since the JVM started,
     * from Linux's per-thread accounting; empty elsewhere. A phase that runs more distinct code pays
     * more compiling: part of its CPU time that no profile of Java threads shows.
     */
    static Map<String, Long> jvmThreadsCpuMs() {
        Map<String, Long> out = new LinkedHashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        long compiler = 0;
        long gc = 0;
        try (var list = Files.list(tasks)) {
            for (Path task : list.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                if (name.contains("Compiler")) {
                    compiler += ticks;
                } else if (name.startsWith("G1") || name.startsWith("GC Thread")) {
                    gc += ticks;
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.put("compiler", compiler * 10); // USER_HZ is 100 on Linux
        out.put("gc", gc * 10);
        return out;
    }

    static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /**
     * The most heap in use at any moment: the largest occupancy any collection found before it ran,
     * or what is in use now. (Summing each pool's own peak overstates it: eden, survivor and old
     * peak at different times; that sum is reported too, as {@code sumOfPoolPeaksMb}.)
     */
    static long peakHeapMb() {
        long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return Math.max(now, HeapWatch.PEAK.get()) / (1024 * 1024);
    }

    static long sumOfPoolPeaksMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    /** Records the heap occupancy found by every collection, before it collects. */
    private static final class HeapWatch {
        static final java.util.concurrent.atomic.AtomicLong PEAK = new java.util.concurrent.atomic.AtomicLong();

        static void start() {
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter emitter) {
                    emitter.addNotificationListener((notification, handback) -> {
                        if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                            var info = com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) notification.getUserData());
                            long before = info.getGcInfo().getMemoryUsageBeforeGc().entrySet().stream()
                                    .filter(e -> !e.getKey().contains("Metaspace") && !e.getKey().contains("Code") && !e.getKey().contains("Class"))
                                    .mapToLong(e -> e.getValue().getUsed()).sum();
                            PEAK.accumulateAndGet(before, Math::max);
                        }
                    }, null, null);
                }
            }
        }
    }
}
