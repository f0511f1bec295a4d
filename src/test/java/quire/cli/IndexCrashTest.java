package quire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.ingest.CorpusScanner;
import quire.ingest.Ingester;
import quire.service.AppDirs;
import quire.service.CorpusIndexer;
import quire.service.CorpusService;
import quire.service.Session;
import quire.service.Workspace;

/**
 * Kills a child JVM with SIGKILL while it re-indexes a changing corpus (and, in the second test,
 * annotates at the same time), then checks what an analyst would see next: {@code quire check}
 * passes, {@code quire index} brings the index up to date by itself (rebuilding it if the kill
 * damaged it), every file is searchable, and every acknowledged highlight is there.
 * {@code -Dquire.crash.iterations=N} sets the kills per test (a soak); CI runs 12 each (with the store's 76, 100 kills in all).
 */
class IndexCrashTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FILES = 150;

    @TempDir
    Path temp;

    /** A small Markdown article whose text changes with {@code revision}. */
    static String article(Path file, String revision) {
        String name = file.getFileName().toString().replace(".md", "");
        return "---\ntitle: Report " + name + "\ndate: 2024-06-" + (10 + Math.floorMod(name.hashCode(), 18)) + "\n---\n\n"
                + ("The treaty " + name + " was discussed again in revision " + revision + ". ").repeat(20)
                + "\n\nOfficials said the text of the treaty would be published later.\n";
    }

    @Test
    void indexingKilledAtRandomMomentsLeavesAWorkspaceThatChecksAndCatchesUp() throws Exception {
        crashLoop("index", 20240701L);
    }

    @Test
    void indexingAndAnnotatingKilledTogetherLoseNoAcknowledgedHighlight() throws Exception {
        crashLoop("both", 20240702L);
    }

    private void crashLoop(String mode, long seed) throws Exception {
        int iterations = Integer.getInteger("quire.crash.iterations", 12);
        Random random = new Random(seed);
        Path corpus = Files.createDirectories(temp.resolve("corpus dir [crash] ‘quoted’ 한글"));
        for (int i = 0; i < FILES; i++) {
            Path file = corpus.resolve(String.format("article %03d.md", i));
            Files.writeString(file, article(file, "0"));
        }
        Path workspace = temp.resolve("ws");
        Path nativeDir = Files.createDirectories(temp.resolve("native"));
        Cli cli = new Cli(new CorpusService(new CorpusIndexer(new CorpusScanner(), new Ingester(), 2)),
                new AppDirs(Map.of(), "Linux", temp.resolve("home")));
        List<String[]> acknowledged = new ArrayList<>();
        assertEquals(0, run(cli, "index", "--corpus", corpus.toString(), "--workspace", workspace.toString()).exit);
        int rebuilt = 0;
        long began = System.nanoTime();
        for (int run = 0; run < iterations; run++) {
            acknowledged.addAll(killWhileWorking(corpus, workspace, nativeDir, mode, String.valueOf(run), 200 + random.nextInt(1300)));

            String[] where = {"--corpus", corpus.toString(), "--workspace", workspace.toString(), "--json"};
            Run check = run(cli, "check", where);
            assertEquals(0, check.exit, "run " + run + ": quire check: " + check.err);
            assertTrue(JSON.readTree(check.out).get("integrityOk").asBoolean(), "run " + run + ": " + check.out);
            Run index = run(cli, "index", where);
            assertEquals(0, index.exit, "run " + run + ": quire index: " + index.err);
            if (index.out.contains("rebuil")) {
                rebuilt++;
            }
            Run search = run(cli, "search", "treaty", "--limit", "1", where[0], where[1], where[2], where[3], "--json");
            assertEquals(0, search.exit, search.err);
            JsonNode result = JSON.readTree(search.out);
            assertEquals(FILES, result.get("total").asInt(), "run " + run + ": every file searchable again: " + search.out);
            try (Session session = Session.open(new Workspace(corpus, workspace),
                    new CorpusIndexer(new CorpusScanner(), new Ingester(), 1))) {
                for (String[] ack : acknowledged) {
                    var found = session.highlight(ack[2]);
                    assertTrue(found.isPresent(), "run " + run + ": acknowledged highlight " + String.join(" ", ack) + " is lost");
                    assertEquals("note " + ack[0] + "-" + ack[1], found.get().note());
                }
            }
        }
        System.out.printf("index crash test (%s): %d kills, %d acknowledged highlights all present, %d index rebuilds, %d ms%n",
                mode, iterations, acknowledged.size(), rebuilt, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        if (mode.equals("both")) {
            // Annotating slows to a few a second while a pass re-indexes (see RELIABILITY.md), so few are made per kill.
            assertTrue(acknowledged.size() >= 1, "the child annotated nothing to test: " + acknowledged.size());
        }
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(Cli cli, String command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(List.of(args));
        int exit = cli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    private static List<String[]> killWhileWorking(Path corpus, Path workspace, Path nativeDir, String mode, String run, int delayMs)
            throws Exception {
        Path out = nativeDir.resolveSibling("child-" + run + ".out");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xmx256m",
                        "-Dorg.sqlite.tmpdir=" + nativeDir,
                        "-cp", System.getProperty("java.class.path"),
                        IndexCrashChild.class.getName(), corpus.toString(), workspace.toString(), run, mode)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(nativeDir.resolveSibling("child-stderr.txt").toFile()))
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(out).startsWith("ready\n")) {
                if (System.nanoTime() > deadline || !child.isAlive()) {
                    fail("run " + run + ": the child did not start; see " + nativeDir.resolveSibling("child-stderr.txt"));
                }
                Thread.sleep(5);
            }
            Thread.sleep(delayMs);
            if (!child.isAlive()) {
                fail("run " + run + ": the child died by itself; see " + Files.readString(nativeDir.resolveSibling("child-stderr.txt")));
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        String written = Files.readString(out);
        List<String> lines = List.of(written.substring(0, written.lastIndexOf('\n') + 1).split("\n"));
        List<String[]> acks = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            acks.add(line.split(" "));
        }
        return acks;
    }
}
