package quire.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Launches the real window under Xvfb on an indexed corpus, and reads from Quire's own log when the
 * window was shown and when the corpus was re-checked and searchable (both in ms since JVM start).
 */
final class Window {
    private static final Pattern SHOWN = Pattern.compile("Window shown ([\\d,.\\u00a0]+) ms after the JVM started");
    private static final Pattern SEARCHABLE = Pattern.compile("Corpus indexed and searchable ([\\d,.\\u00a0]+) ms after the JVM started");

    private Window() {}

    static void measure(Bench bench, Path corpus, Path workspace, int runs) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/xvfb-run"))) {
            System.err.println("xvfb-run not found: the window is not measured");
            return;
        }
        // The window keeps its workspace in the corpus (.quire): index it there first, untimed.
        bench.phaseAs("window-prep", "index", corpus.toString(), corpus.resolve(".quire").toString());
        for (int r = 0; r < runs; r++) {
            Path data = Files.createTempDirectory(bench.work(), "window-data");
            List<String> command = new ArrayList<>(List.of("/usr/bin/xvfb-run", "-a",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                    "-cp", bench.classpathForPhases(), "quire.Main", "open", corpus.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(bench.work().resolve("window.out").toFile());
            builder.environment().put("XDG_DATA_HOME", data.toString());
            builder.environment().put("XDG_CONFIG_HOME", data.toString());
            Process process = builder.start();
            Path logs = data.resolve("quire").resolve("logs");
            Optional<Double> shown = Optional.empty();
            Optional<Double> searchable = Optional.empty();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while ((shown.isEmpty() || searchable.isEmpty()) && System.nanoTime() < deadline && process.isAlive()) {
                Thread.sleep(200);
                String log = readLogs(logs);
                shown = find(SHOWN, log);
                searchable = find(SEARCHABLE, log);
            }
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            if (shown.isEmpty() || searchable.isEmpty()) {
                throw new IllegalStateException("the window did not report being shown and searchable; see " + bench.work().resolve("window.out") + " and " + logs);
            }
            ObjectNode result = new ObjectMapper().createObjectNode();
            result.put("phase", "window");
            result.put("shownMs", shown.get());
            result.put("searchableMs", searchable.get());
            bench.keep("window", result);
            System.err.println("window: " + result);
            try {
                Phase.deleteTree(data);
            } catch (java.io.IOException stillClosing) {
                // The log's lock file may go while the window shuts down; a leftover folder in the work dir is harmless.
            }
        }
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
