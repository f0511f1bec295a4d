package quire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark suite: generates the corpus, then runs every phase several times, each in a fresh
 * JVM ({@link Phase}) with {@code -Xmx1g}, and writes a Markdown report of medians, p99 and first
 * (cold) runs beside a bare-Lucene baseline measured in the same run.
 *
 * <pre>
 * mvn -B -DskipTests package   # builds target/classes, target/test-classes and target/bench.classpath
 * java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" quire.bench.Bench \
 *     --size 10000 --runs 5 --work /tmp/quire-bench --report target/bench-10k.md
 * </pre>
 *
 * {@code --quick} runs each phase once with few query passes: it only proves the suite works (CI).
 * {@code --phases index} runs only the first index and its two baselines (for work on indexing);
 * {@code --corpus DIR} takes an existing corpus instead of {@code WORK/corpus-SIZE}.
 */
public final class Bench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int size;
    private final int runs;
    private final int passes;
    private final Path work;
    private final boolean window;
    /** Only the first-index phases and their baselines ({@code --phases index}): for measuring indexing alone. */
    private final boolean indexOnly;
    /** The corpus folder: {@code WORK/corpus-SIZE} unless given. */
    private final Path corpusDir;
    private final String classpath;
    private final List<String> jvmFlags;
    private final Map<String, List<JsonNode>> results = new LinkedHashMap<>();
    private final Map<String, List<Double>> wallMs = new LinkedHashMap<>();

    Bench(int size, int runs, int passes, Path work, boolean window, String classpath, List<String> jvmFlags) {
        this(size, runs, passes, work, window, false, null, classpath, jvmFlags);
    }

    Bench(int size, int runs, int passes, Path work, boolean window, boolean indexOnly, Path corpusDir, String classpath, List<String> jvmFlags) {
        this.size = size;
        this.runs = runs;
        this.passes = passes;
        this.work = work;
        this.window = window;
        this.indexOnly = indexOnly;
        this.corpusDir = corpusDir != null ? corpusDir : work.resolve("corpus-" + size);
        this.classpath = classpath;
        this.jvmFlags = List.copyOf(jvmFlags);
    }

    public static void main(String[] args) throws Exception {
        int size = 10_000;
        int runs = 5;
        int passes = 21;
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "quire-bench");
        Path report = null;
        boolean window = true;
        boolean indexOnly = false;
        boolean windowOnly = false;
        Path corpus = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                case "--no-window" -> window = false;
                case "--phases" -> {
                    String phases = args[++i];
                    if (!List.of("index", "window", "all").contains(phases)) {
                        throw new IllegalArgumentException("--phases takes 'index', 'window' or 'all', not " + phases);
                    }
                    indexOnly = phases.equals("index");
                    windowOnly = phases.equals("window");
                }
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--quick" -> {
                    runs = 1;
                    passes = 3;
                    window = false;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Bench bench = new Bench(size, runs, passes, work, window, indexOnly, corpus, classpath(), List.of("-Xmx1g"));
        String markdown = windowOnly ? bench.runWindowOnly() : bench.run();
        System.out.println(markdown);
        if (report != null) {
            Files.writeString(report, markdown, StandardCharsets.UTF_8);
        }
    }

    /** The class path of the phases' JVMs: this JVM's, or, under a test runner, the one Maven wrote. */
    static String classpath() throws IOException {
        Path file = Path.of("target", "bench.classpath");
        if (Files.exists(file)) {
            return String.join(java.io.File.pathSeparator,
                    Path.of("target", "classes").toAbsolutePath().toString(),
                    Path.of("target", "test-classes").toAbsolutePath().toString(),
                    Files.readString(file).strip());
        }
        return System.getProperty("java.class.path");
    }

    String run() throws Exception {
        Files.createDirectories(work);
        Path corpus = corpusDir;
        Path extra = work.resolve("extra-" + size);
        Path marker = corpus.resolve(".generated");
        if (!Files.exists(marker)) {
            Phase.deleteTree(corpus);
            Phase.deleteTree(extra);
            long t0 = System.nanoTime();
            CorpusGenerator.generate(corpus, size, CorpusGenerator.DEFAULT_SEED, 0);
            CorpusGenerator.generate(extra, 100, CorpusGenerator.DEFAULT_SEED + 1, size);
            Files.writeString(marker, "generated in " + (System.nanoTime() - t0) / 1_000_000 + " ms\n");
        }
        // Whole articles (schema 5 and later); the older texts-SIZE.bin held only what the reduced baseline used.
        Path texts = work.resolve("articles-" + size + ".bin");
        if (!Files.exists(texts)) {
            phase("extract", corpus.toString(), texts.toString());
        }
        int threads = Runtime.getRuntime().availableProcessors();
        Path workspace = null;
        for (int r = 0; r < runs; r++) {
            Path bare = work.resolve("bare-" + size);
            Phase.deleteTree(bare);
            phase("bare-index", texts.toString(), bare.toString(), String.valueOf(threads));
            Phase.deleteTree(bare);
            phase("bare-index-reduced", texts.toString(), bare.toString(), String.valueOf(threads));
            Phase.deleteTree(bare);
            if (workspace != null) {
                Phase.deleteTree(workspace);
            }
            workspace = work.resolve("ws-" + size + "-" + r);
            Phase.deleteTree(workspace);
            phase("index", corpus.toString(), workspace.toString());
            if (indexOnly) {
                continue;
            }
            phase("recheck", corpus.toString(), workspace.toString());
            phase("add", corpus.toString(), workspace.toString(), extra.toString());
            phase("add-cold", corpus.toString(), workspace.toString(), extra.toString());
            phase("add-recheck", corpus.toString(), workspace.toString(), extra.toString());
            phase("annotate", corpus.toString(), workspace.toString(), String.valueOf(r));
            phase("open-article", corpus.toString(), workspace.toString(), String.valueOf(r));
        }
        if (indexOnly) {
            return indexReport();
        }
        Path queries = work.resolve("queries-" + size + ".tsv");
        Path indexDir = workspace.resolve("index");
        phase("queries", indexDir.toString(), queries.toString(), "42");
        for (int r = 0; r < runs; r++) {
            // Alternated, so that a noisy neighbour hurts both sides alike.
            phase("search-quire", corpus.toString(), workspace.toString(), queries.toString(), String.valueOf(passes));
            phase("search-bare", indexDir.toString(), queries.toString(), String.valueOf(passes));
        }
        for (int r = 0; r < runs; r++) {
            phase("export", corpus.toString(), workspace.toString(), String.valueOf(10_000));
        }
        if (window) {
            Window.measure(this, corpus, workspace, runs);
        }
        return report(Files.readString(marker).strip(), queries);
    }

    /**
     * Measures the window only and writes the report with the other phases' results read back from
     * {@code WORK/results-SIZE.jsonl}: for a suite whose window could not be measured (no display
     * libraries), without re-running the rest. The file should hold that one suite's results.
     */
    String runWindowOnly() throws Exception {
        Path file = work.resolve("results-" + size + ".jsonl");
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0 && !line.startsWith("window")) { // window and window-prep: measured again
                String name = line.substring(0, tab);
                JsonNode result = json.readTree(line.substring(tab + 1));
                results.computeIfAbsent(name, k -> new ArrayList<>()).add(result);
                // Results written before the file kept it have no JVM wall time; the report shows NaN for those.
                wallMs.computeIfAbsent(name, k -> new ArrayList<>()).add(result.path("jvmWallMs").asDouble(Double.NaN));
            }
        }
        Window.measure(this, corpusDir, null, runs);
        return report(Files.readString(corpusDir.resolve(".generated")).strip(), work.resolve("queries-" + size + ".tsv"));
    }

    /** Runs one phase in a fresh JVM and keeps its result. */
    JsonNode phase(String name, String... args) throws Exception {
        return phaseAs(name, name, args);
    }

    /** As {@link #phase}, keeping the result under another name (set-up work that is not a figure of its phase). */
    JsonNode phaseAs(String key, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(classpath);
        command.add(Phase.class.getName());
        command.add(name);
        command.addAll(List.of(args));
        JsonNode result = runJvm(key, command);
        keep(key, result);
        System.err.printf(Locale.ROOT, "%s %s: %s%n", Instant.now(), name, brief(result));
        return result;
    }

    private JsonNode runJvm(String name, List<String> command) throws Exception {
        Path log = Files.createTempFile(work, name, ".log");
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("phase " + name + " did not finish in 30 minutes; see " + log);
        }
        double wall = (System.nanoTime() - t0) / 1e6;
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String resultLine = lines.stream().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b).orElse(null);
        if (process.exitValue() != 0 || resultLine == null) {
            throw new IllegalStateException("phase " + name + " failed (exit " + process.exitValue() + "):\n" + String.join("\n", lines));
        }
        Files.delete(log);
        wallMs.computeIfAbsent(name, k -> new ArrayList<>()).add(wall);
        JsonNode result = JSON.readTree(resultLine.substring("RESULT ".length()));
        // Kept in the results file too, for a report written again from it (--phases window).
        ((com.fasterxml.jackson.databind.node.ObjectNode) result).put("jvmWallMs", wall);
        return result;
    }

    private static String brief(JsonNode result) {
        Map<String, Object> shown = new LinkedHashMap<>();
        result.fields().forEachRemaining(e -> {
            if (!e.getValue().isContainerNode()) {
                shown.put(e.getKey(), e.getValue());
            }
        });
        return shown.toString();
    }

    void keep(String name, JsonNode result) {
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(result);
        try {
            // Every result also goes to a file, so that a report can be written again without re-running.
            Files.writeString(work.resolve("results-" + size + ".jsonl"), name + "\t" + result + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- report ----

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private List<Double> field(String phase, ToDoubleFunction<JsonNode> f) {
        List<Double> out = new ArrayList<>();
        for (JsonNode n : results.getOrDefault(phase, List.of())) {
            out.add(f.applyAsDouble(n));
        }
        return out;
    }

    private List<Double> samples(String phase, String arrayField, boolean skipFirst) {
        List<Double> out = new ArrayList<>();
        for (JsonNode n : results.getOrDefault(phase, List.of())) {
            JsonNode array = n.get(arrayField);
            for (int i = skipFirst ? 1 : 0; i < array.size(); i++) {
                out.add(array.get(i).asDouble());
            }
        }
        return out;
    }

    private List<Double> firsts(String phase, String arrayField) {
        return field(phase, n -> n.get(arrayField).get(0).asDouble());
    }

    private List<Double> warm(String phase, String kind) {
        List<Double> out = new ArrayList<>();
        for (JsonNode n : results.getOrDefault(phase, List.of())) {
            n.get("warmMs").fields().forEachRemaining(e -> {
                if (kind == null || e.getKey().equals(kind)) {
                    e.getValue().forEach(v -> out.add(v.asDouble()));
                }
            });
        }
        return out;
    }

    private static String f(double ms) {
        if (Double.isNaN(ms)) {
            return "–";
        }
        return ms >= 100 ? String.format(Locale.ROOT, "%,.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static String verdict(boolean ok) {
        return ok ? "met" : "**missed**";
    }

    private String report(String generated, Path queries) throws IOException {
        StringBuilder md = new StringBuilder();
        Runtime rt = Runtime.getRuntime();
        md.append(String.format(Locale.ROOT, "### %,d articles%n%n", size));
        md.append(String.format(Locale.ROOT,
                "Measured %s on %d cores, %s %s (%s), phases with `%s`; %d runs of each phase (fresh JVM each), "
                        + "%d passes over %d queries per search JVM (first pass reported apart). Corpus %s.%n%n",
                Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC",
                rt.availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), String.join(" ", jvmFlags),
                runs, passes, Files.readAllLines(queries).size(), generated));
        md.append("All times in ms. Median and p99 over every sample of every run; *first* is the first run "
                + "(of the suite for indexing, of its JVM for the rest). CPU is the phase JVM's own CPU time, a steadier "
                + "figure than wall time on a shared machine.\n\n");
        md.append("| phase | target | median | p99 | first | bare Lucene median | ratio | CPU median | verdict |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");

        List<Double> index = field("index", n -> n.get("ms").asDouble());
        List<Double> bare = field("bare-index", n -> n.get("ms").asDouble());
        double articles = results.get("index").get(0).get("articles").asDouble();
        double ratio = median(bare) / median(index);
        boolean big = size >= 100_000;
        md.append(String.format(Locale.ROOT, "| first full ingest and index (%,.0f articles/s) | ≥ 0.8× bare throughput%s | %s | %s | %s | %s | %.2f× | %s | %s |%n",
                articles / median(index) * 1000, big ? ", ≤ 100 s" : "", f(median(index)), f(percentile(index, 99)), f(index.get(0)),
                f(median(bare)), ratio, f(median(field("index", n -> n.get("cpuMs").asDouble()))),
                verdict(ratio >= 0.8 && (!big || median(index) <= 100_000))));
        md.append(indexRatios());
        List<Double> recheck = field("recheck", n -> n.get("ms").asDouble());
        md.append(String.format(Locale.ROOT, "| re-check of the unchanged corpus (JVM wall %s) | ≤ 5 s | %s | %s | %s | | | %s | %s |%n",
                f(median(wallMs.get("recheck"))), f(median(recheck)), f(percentile(recheck, 99)), f(recheck.get(0)),
                f(median(field("recheck", n -> n.get("cpuMs").asDouble()))), verdict(median(recheck) <= 5000)));
        List<Double> add = field("add", n -> n.get("ms").asDouble());
        md.append(String.format(Locale.ROOT, "| 100 new files until searchable (watched, as in the window) | ≤ 1 s | %s | %s | %s | | | | %s |%n",
                f(median(add)), f(percentile(add, 99)), f(add.get(0)), verdict(median(add) <= 1000)));
        if (results.containsKey("add-cold")) {
            List<Double> addCold = field("add-cold", n -> n.get("ms").asDouble());
            md.append(String.format(Locale.ROOT, "| the same, the files copied at once after the opening check (before the warm-up) | ≤ 1 s | %s | %s | %s | | | | %s |%n",
                    f(median(addCold)), f(percentile(addCold, 99)), f(addCold.get(0)), verdict(median(addCold) <= 1000)));
        }
        if (results.containsKey("add-recheck")) {
            List<Double> addRecheck = field("add-recheck", n -> n.get("ms").asDouble());
            md.append(String.format(Locale.ROOT, "| 100 new files, then a full re-check (`quire index`) until searchable | | %s | %s | %s | | | | |%n",
                    f(median(addRecheck)), f(percentile(addRecheck, 99)), f(addRecheck.get(0))));
        }
        List<Double> sq = warm("search-quire", null);
        List<Double> sb = warm("search-bare", null);
        double p50 = percentile(sq, 50);
        double p99 = percentile(sq, 99);
        double b50 = percentile(sb, 50);
        double b99 = percentile(sb, 99);
        md.append(String.format(Locale.ROOT, "| search: top 10, snippets, facet counts (p50) | ≤ 5 ms, ≤ 2× bare | %s | | %s | %s | %.2f× | | %s |%n",
                f(p50), f(median(field("search-quire", n -> n.get("firstQueryMs").asDouble()))), f(b50), p50 / b50, verdict(p50 <= 5 && p50 <= 2 * b50)));
        md.append(String.format(Locale.ROOT, "| search: top 10, snippets, facet counts (p99) | ≤ 50 ms, ≤ 3× bare | | %s | | %s | %.2f× | | %s |%n",
                f(p99), f(b99), p99 / b99, verdict(p99 <= 50 && p99 <= 3 * b99)));
        List<Double> open = samples("open-article", "samplesMs", true);
        md.append(String.format(Locale.ROOT, "| open an article with 100 highlights | p50 ≤ 50 ms | %s | %s | %s | | | | %s |%n",
                f(median(open)), f(percentile(open, 99)), f(median(firsts("open-article", "samplesMs"))), verdict(median(open) <= 50)));
        List<Double> save = samples("annotate", "samplesMs", true);
        md.append(String.format(Locale.ROOT, "| save one annotation, durable | p99 ≤ 10 ms | %s | %s | %s | | | | %s |%n",
                f(median(save)), f(percentile(save, 99)), f(median(firsts("annotate", "samplesMs"))), verdict(percentile(save, 99) <= 10)));
        List<Double> export = samples("export", "samplesMs", true);
        int exported = results.get("export").get(0).get("highlights").asInt();
        md.append(String.format(Locale.ROOT, "| export %,d highlights to Markdown | ≤ 500 ms | %s | %s | %s | | | | %s |%n",
                exported, f(median(export)), f(percentile(export, 99)), f(median(firsts("export", "samplesMs"))), verdict(median(export) <= 500)));
        if (results.containsKey("window")) {
            // The target is the window interactive with the index open: its first results on screen.
            List<Double> shown = field("window", n -> n.get("shownMs").asDouble());
            List<Double> first = field("window", n -> n.path("resultsMs").asDouble(Double.NaN));
            List<Double> ready = field("window", n -> n.get("searchableMs").asDouble());
            md.append(String.format(Locale.ROOT, "| window shown, from JVM start (Xvfb, launched by ./quire) | | %s | %s | %s | | | | |%n",
                    f(median(shown)), f(percentile(shown, 99)), f(shown.get(0))));
            md.append(String.format(Locale.ROOT, "| window interactive with the index open: the corpus's first results shown | ≤ 2 s | %s | %s | %s | | | | %s |%n",
                    f(median(first)), f(percentile(first, 99)), f(first.get(0)), verdict(median(first) <= 2000)));
            md.append(String.format(Locale.ROOT, "| window's opening re-check done (changes since the last session searchable) | | %s | %s | %s | | | | |%n",
                    f(median(ready)), f(percentile(ready, 99)), f(ready.get(0))));
        }
        if (results.containsKey("window-first")) {
            // The first launch after a build makes ./quire's start-up archive: once per build, so reported apart.
            List<Double> shown = field("window-first", n -> n.get("shownMs").asDouble());
            List<Double> first = field("window-first", n -> n.path("resultsMs").asDouble(Double.NaN));
            List<Double> ready = field("window-first", n -> n.get("searchableMs").asDouble());
            md.append(String.format(Locale.ROOT, "| first launch after a build (makes the start-up archive): shown / first results / re-checked | | %s / %s / %s | | | | | | |%n",
                    f(median(shown)), f(median(first)), f(median(ready))));
        }
        double heap = results.values().stream().flatMap(List::stream).filter(n -> n.has("peakHeapMb"))
                .mapToDouble(n -> n.get("peakHeapMb").asDouble()).max().orElse(Double.NaN);
        md.append(String.format(Locale.ROOT, "| peak heap in use in any phase (-Xmx1g) | fits in 1 GB | %,.0f MB | | | | | | %s |%n%n",
                heap, verdict(heap <= 1024)));

        md.append("Search by kind of query (warm, ms):\n\n| kind | Quire p50 | Quire p99 | bare p50 | bare p99 | hits (median) |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        JsonNode totals = results.get("search-quire").get(0).get("totals");
        for (String kind : List.of("common", "medium", "rare", "phrase", "and", "or", "date-range")) {
            List<Double> hits = new ArrayList<>();
            for (Queries.Spec s : Queries.read(queries)) {
                if (s.kind().equals(kind)) {
                    hits.add(totals.get(s.quire()).asDouble());
                }
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %,.0f |%n", kind,
                    f(percentile(warm("search-quire", kind), 50)), f(percentile(warm("search-quire", kind), 99)),
                    f(percentile(warm("search-bare", kind), 50)), f(percentile(warm("search-bare", kind), 99)), median(hits)));
        }
        md.append(String.format(Locale.ROOT, "%nJVM wall time per phase (median, ms): %s.%n",
                wallMs.entrySet().stream().map(e -> e.getKey() + " " + f(median(e.getValue()))).reduce((a, b) -> a + ", " + b).orElse("")));
        md.append(String.format(Locale.ROOT, "Driver JVM: %s.%n", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        return md.toString();
    }

    /**
     * The first index against both baselines, by wall and by CPU time (both sides keep both cores
     * busy, so CPU is the steadier measure of work): Quire's own schema, and the reduced schema the
     * first baseline indexed.
     */
    private String indexRatios() {
        StringBuilder md = new StringBuilder();
        double index = median(field("index", n -> n.get("ms").asDouble()));
        double indexCpu = median(field("index", n -> n.get("cpuMs").asDouble()));
        for (String[] row : new String[][] {
                {"bare-index", "bare IndexWriter, Quire's schema (the baseline)"},
                {"bare-index-reduced", "bare IndexWriter, reduced schema (the first baseline)"}}) {
            if (!results.containsKey(row[0])) {
                continue;
            }
            double wall = median(field(row[0], n -> n.get("ms").asDouble()));
            double cpu = median(field(row[0], n -> n.get("cpuMs").asDouble()));
            md.append(String.format(Locale.ROOT, "| %s: Quire's throughput ratio by wall %.2f×, by CPU %.2f× | | %s | %s | %s | | | %s | |%n",
                    row[1], wall / index, cpu / indexCpu, f(wall), f(percentile(field(row[0], n -> n.get("ms").asDouble()), 99)),
                    f(field(row[0], n -> n.get("ms").asDouble()).get(0)), f(cpu)));
        }
        return md.toString();
    }

    /** The report of {@code --phases index}: the first index and its baselines, run by run. */
    private String indexReport() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "### First index, %,d articles (%d runs, %s)%n%n", size, runs,
                Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC"));
        md.append("| phase | runs, wall (ms) | runs, CPU (ms) | median wall | median CPU |\n| --- | --- | --- | ---: | ---: |\n");
        for (String phase : List.of("index", "bare-index", "bare-index-reduced")) {
            List<Double> wall = field(phase, n -> n.get("ms").asDouble());
            List<Double> cpu = field(phase, n -> n.get("cpuMs").asDouble());
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", phase,
                    wall.stream().map(Bench::f).reduce((a, b) -> a + " · " + b).orElse(""),
                    cpu.stream().map(Bench::f).reduce((a, b) -> a + " · " + b).orElse(""), f(median(wall)), f(median(cpu))));
        }
        md.append("\n| baseline | Quire's ratio by wall | by CPU |\n| --- | ---: | ---: |\n");
        double index = median(field("index", n -> n.get("ms").asDouble()));
        double indexCpu = median(field("index", n -> n.get("cpuMs").asDouble()));
        for (String phase : List.of("bare-index", "bare-index-reduced")) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f× | %.2f× |%n", phase,
                    median(field(phase, n -> n.get("ms").asDouble())) / index, median(field(phase, n -> n.get("cpuMs").asDouble())) / indexCpu));
        }
        return md.toString();
    }

    Path work() {
        return work;
    }

    String classpathForPhases() {
        return classpath;
    }

    /** The JVM options of the phases' JVMs (the window gets them too, through the launcher). */
    List<String> jvmFlags() {
        return jvmFlags;
    }
}
