package quire.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Launches the real window under Xvfb on an indexed corpus through the {@code quire} launcher, and
 * reads from Quire's own log when the window was shown and when the corpus was re-checked and searchable (both in ms since JVM start).
 */
final class Window {
    private static final Pattern SHOWN = Pattern.compile("Window shown ([\\d,.\\u00a0]+) ms after the JVM started");
    private static final Pattern SEARCHABLE = Pattern.compile("Corpus indexed and searchable ([\\d,.\\u00a0]+) ms after the JVM started");
    private static final Pattern RESULTS = Pattern.compile("First results shown ([\\d,.\\u00a0]+) ms after the JVM started");

    private Window() {}

    static void measure(Bench bench, Path corpus, Path workspace, int runs) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/xvfb-run"))) {
            System.err.println("xvfb-run not found: the window is not measured");
            return;
        }
        Path launcher = Path.of("quire").toAbsolutePath();
        if (!Files.isExecutable(launcher)) {
            System.err.println("the launcher " + launcher + " is not here (run from the project folder): the window is not measured");
            return;
        }
        // The window keeps its workspace in the corpus (.quire): index it there first, untimed.
        bench.phaseAs("window-prep", "index", corpus.toString(), corpus.resolve(".quire").toString());
        // Launched as analysts launch it, through ./quire (its JVM options and start-up archive), with
        // an archive folder of the bench's own: the first launch makes the archive and is reported
        // apart, the others use it.
        Path archives = bench.work().resolve("window-cds");
        Phase.deleteTree(archives);
        for (int r = 0; r <= runs; r++) {
            ObjectNode result = launch(bench, launcher, corpus, archives);
            String key = r == 0 ? "window-first" : "window";
            bench.keep(key, result);
            System.err.println(key + ": " + result);
        }
    }

    private static ObjectNode launch(Bench bench, Path launcher, Path corpus, Path archives) throws Exception {
        Path data = Files.createTempDirectory(bench.work(), "window-data");
        // The window closes itself once the corpus is re-checked (as in the packaged app's training
        // start), so that the launch that makes the archive ends normally and keeps it.
        ProcessBuilder builder = new ProcessBuilder(List.of("/usr/bin/xvfb-run", "-a", launcher.toString(), "open", corpus.toString()))
                .redirectErrorStream(true).redirectOutput(bench.work().resolve("window.out").toFile());
        Map<String, String> env = builder.environment();
        env.put("XDG_DATA_HOME", data.toString());
        env.put("XDG_CONFIG_HOME", data.toString());
        env.put("QUIRE_NO_BUILD", "1");
        env.put("QUIRE_CDS_DIR", archives.toString());
        env.put("QUIRE_JAVA_OPTS", String.join(" ", bench.jvmFlags()) + " -Dquire.exitAfterStartup=true");
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
        Process process = builder.start();
        Path logs = data.resolve("quire").resolve("logs");
        Optional<Double> shown = Optional.empty();
        Optional<Double> searchable = Optional.empty();
        Optional<Double> results = Optional.empty();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        boolean alive = true;
        while ((shown.isEmpty() || searchable.isEmpty() || results.isEmpty()) && System.nanoTime() < deadline && alive) {
            alive = !process.waitFor(200, TimeUnit.MILLISECONDS);
            String log = readLogs(logs);
            shown = find(SHOWN, log);
            searchable = find(SEARCHABLE, log);
            results = find(RESULTS, log);
        }
        // Writing the archive at exit takes a few seconds on the first launch; it is not timed.
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        if (shown.isEmpty() || searchable.isEmpty() || results.isEmpty()) {
            throw new IllegalStateException("the window did not report being shown, its first results and being searchable; see " + bench.work().resolve("window.out") + " and " + logs);
        }
        ObjectNode result = new ObjectMapper().createObjectNode();
        result.put("phase", "window");
        result.put("shownMs", shown.get());
        result.put("searchableMs", searchable.get());
        result.put("resultsMs", results.get());
        try {
            Phase.deleteTree(data);
        } catch (java.io.IOException stillClosing) {
            // The log's lock file may go while the window shuts down; a leftover folder in the work dir is harmless.
        }
        return result;
    }

    private static String readLogs(Path logs) throws java.io.IOException {
        if (!Files.isDirectory(logs)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(logs)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    private static Optional<Double> find(Pattern pattern, String log) {
        Matcher m = pattern.matcher(log);
        return m.find() ? Optional.of(Double.parseDouble(m.group(1).replaceAll("[,.\\u00a0]", ""))) : Optional.empty();
    }
}
