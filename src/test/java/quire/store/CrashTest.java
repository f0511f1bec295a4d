package quire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.model.Highlight;
import quire.model.QuireException;

/**
 * Kills a writing child JVM with SIGKILL at random moments and checks that every acknowledged
 * highlight survived whole and the database is intact (reliability.md R1a). The same workspace
 * is reused, so recovery from an earlier kill is exercised by the next one.
 * CI runs 76 kills (with {@code IndexCrashTest}'s 2 × 12, 100 in all); {@code -Dquire.crash.iterations=200} makes a soak of it.
 */
class CrashTest {
    @TempDir
    Path temp;

    /** One acknowledged highlight: which run and index made it, and its id. */
    record Ack(String run, int index, String id) {}

    @Test
    void everyAcknowledgedHighlightSurvivesAKill() throws Exception {
        int iterations = Integer.getInteger("quire.crash.iterations", 76);
        Random random = new Random(20240619L);
        Path workspace = temp.resolve("workspace");
        // The driver unpacks its native library per JVM; killed children cannot clean theirs up.
        Path nativeDir = Files.createDirectories(temp.resolve("native"));
        List<Ack> acknowledged = new ArrayList<>();
        long began = System.nanoTime();
        for (int run = 0; run < iterations; run++) {
            List<Ack> acks = killDuringWrites(workspace, nativeDir, String.valueOf(run), 150 + random.nextInt(551));
            acknowledged.addAll(acks);

            AnnotationStore store;
            try {
                store = AnnotationStore.open(workspace);
            } catch (QuireException e) {
                throw new AssertionError("run " + run + ": the killed child did not release the workspace", e);
            }
            try (store) {
                assertTrue(store.check().integrityOk(), "run " + run + ": " + store.check().integrityMessages());
                for (Ack ack : acknowledged) {
                    Optional<Highlight> found = store.highlight(ack.id());
                    assertTrue(found.isPresent(), "run " + run + ": acknowledged " + ack + " is lost");
                    assertEquals(List.of(CrashWriter.note(ack.run(), ack.index()), CrashWriter.tags(ack.index())),
                            List.of(found.get().note(), found.get().tags()), ack.toString());
                }
                // Nothing half-written: every highlight there has its full set of tags.
                for (Highlight h : store.allHighlights()) {
                    assertEquals(2, h.tags().size(), h.toString());
                }
            }
        }
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        System.out.printf("crash test: %d kills, %d acknowledged highlights, all present, %d ms%n",
                iterations, acknowledged.size(), tookMs);
        assertTrue(acknowledged.size() >= iterations, "the child wrote too little to test anything: " + acknowledged.size());
    }

    /**
     * The child's stdout goes to a file: bytes it wrote before the kill are in the kernel and
     * survive it, while a pipe read races with the JDK closing the stream when the process dies.
     */
    private static List<Ack> killDuringWrites(Path workspace, Path nativeDir, String run, int delayMs) throws Exception {
        Path out = nativeDir.resolveSibling("child-" + run + ".out");
        Process child = new ProcessBuilder(
                        OpeningTest.javaCommand(), "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                        "-Dorg.sqlite.tmpdir=" + nativeDir,
                        "-cp", System.getProperty("java.class.path"),
                        CrashWriter.class.getName(), workspace.toString(), run)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(nativeDir.resolveSibling("child-stderr.txt").toFile()))
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(out).startsWith("ready\n")) {
                if (System.nanoTime() > deadline || !child.isAlive()) {
                    fail("run " + run + ": the child did not start writing; see child-stderr.txt");
                }
                Thread.sleep(5);
            }
            Thread.sleep(delayMs);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        String written = Files.readString(out);
        // Only lines ended by a newline count: a line cut off by the kill was never acknowledged.
        List<String> lines = List.of(written.substring(0, written.lastIndexOf('\n') + 1).split("\n"));
        List<Ack> acks = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.split(" ");
            acks.add(new Ack(parts[0], Integer.parseInt(parts[1]), parts[2]));
        }
        return acks;
    }
}
