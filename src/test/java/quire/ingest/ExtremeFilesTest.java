package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability R2, extreme files: each is generated here, ingested by a child JVM with a 512 MB heap
 * (so that finishing at all proves the memory bound; an OutOfMemoryError fails the test), and must
 * be read sanely or reported by name within a generous time. The child's measurements go to
 * {@code target/hostile/extreme.tsv} and standard output for RELIABILITY.md.
 *
 * <p>{@code -Dquire.hostile.soak=true} adds files just under the 50 MB limit, the worst a file can
 * cost (a single 49 MB line, and the same inside a JSON string): with this heap the ingester's
 * memory budget (half the heap, 16× a file's size) reads files up to 16 MB and refuses these by name
 * instead of running out of memory, as a 256 MB heap once did.
 */
class ExtremeFilesTest {
    private static final String HEAP = "-Xmx512m";
    private static final long MB = 1024 * 1024;
    private static final Duration PER_FILE = Duration.ofSeconds(30);
    private static final Duration OVERSIZED = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private final Map<String, Predicate<String[]>> expected = new LinkedHashMap<>();
    private final List<Path> files = new ArrayList<>();

    @Test
    void extremeFilesAreReadOrReportedWithinBoundedTimeAndMemory() throws Exception {
        boolean soak = Boolean.getBoolean("quire.hostile.soak");
        String tooLarge = "The file is too large to be an article";

        repeated("line-100mb.txt", "", "North Korea and Russia signed a treaty. ", 100 * MB, "\n", tooLarge(tooLarge));
        repeated("string-100mb.json", "{\"title\":{\"rendered\":\"Long\"},\"content\":{\"rendered\":\"<p>",
                "Seoul said on Sunday. ", 100 * MB, "</p>\"}}", tooLarge(tooLarge));
        sparse("sparse-5gb.txt", 5L * 1024 * MB, tooLarge(tooLarge));
        repeated("deep-arrays.json", "", "[", 100_000, "]".repeat(100_000), error());
        repeated("deep-objects.json", "", "{\"a\":", 500_000, "1" + "}".repeat(100_000), error());
        repeated("million-posts.json", "[", "{\"title\":\"t\"},", 15 * MB, "{\"title\":\"t\"}]", error());
        repeated("million-numbers.json", "[", "0,", 2 * MB, "0]", error());
        repeated("token-10mb.txt", "", "x", 10 * MB, "", anything());
        repeated("token-10mb.html", "<html><body><p>", "x", 10 * MB, "</p></body></html>", article(1));
        repeated("attribute-10mb.html", "<html><body><p title=\"", "a", 10 * MB, "\">The only paragraph.</p></body></html>",
                article(1));
        repeated("paragraphs-100k.html", "<html><body>", "<p>Seoul said on Sunday.</p>", 100_000 * 28L, "</body></html>",
                article(100_000));
        repeated("unclosed-p-100k.html", "<html><body>", "<p>Seoul said.", 100_000 * 14L, "", article(100_000));
        repeated("whitespace-10mb.txt", "", " \n\t\r\n  ", 10 * MB, "", error());
        repeated("newlines-10mb.md", "", "\n", 10 * MB, "", error());
        repeated("lists-100k.md", "# Title\n\n", "- ", 200_000, "item\n", anything());
        zip("archive.zip", error());
        png("image.png", error());
        if (soak) {
            String outOfMemoryBudget = "The file is too large to read with the memory Quire has";
            repeated("line-49mb.txt", "", "North Korea and Russia signed a treaty. ", 49 * MB, "\n", tooLarge(outOfMemoryBudget));
            repeated("string-49mb.json", "{\"title\":{\"rendered\":\"Long\"},\"content\":{\"rendered\":\"<p>",
                    "Seoul said on Sunday. ", 49 * MB, "</p>\"}}", tooLarge(outOfMemoryBudget));
        }

        List<String[]> rows = runChild();
        Path report = Path.of("target", "hostile", "extreme.tsv");
        Files.createDirectories(report.getParent());
        StringBuilder tsv = new StringBuilder("file\tms\theap_growth_mb\tarticles\tblocks\tproblems\tfirst_problem\n");
        rows.forEach(r -> tsv.append(String.join("\t", r)).append('\n'));
        Files.writeString(report, tsv);
        System.out.print(tsv);

        assertEquals(new ArrayList<>(expected.keySet()), rows.stream().map(r -> r[0]).toList(), "every file was ingested, in order");
        for (String[] row : rows) {
            String name = row[0];
            long millis = Long.parseLong(row[1]);
            Duration bound = name.contains("100mb") || name.contains("5gb") ? OVERSIZED : PER_FILE;
            assertTrue(millis <= bound.toMillis(), name + " took " + millis + " ms");
            int articles = Integer.parseInt(row[3]);
            String problem = row.length > 6 ? row[6] : "";
            assertTrue(articles > 0 || problem.startsWith(name + ": ERROR: "), name + ": neither an article nor an error: " + problem);
            assertTrue(!problem.contains("see the log"), name + ": a reader crashed: " + problem);
            assertTrue(expected.get(name).test(row), name + ": unexpected outcome " + String.join(" | ", row));
        }
    }

    private List<String[]> runChild() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP, "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), ExtremeFileChild.class.getName()));
        files.forEach(f -> command.add(f.toString()));
        Path out = dir.resolve("child-out.txt");
        Path err = dir.resolve("child-err.txt");
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!child.waitFor(10, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the child did not finish in 10 minutes:\n" + Files.readString(out));
        }
        String output = Files.readString(out);
        assertEquals(0, child.exitValue(), () -> "child failed (3 is OutOfMemoryError in " + HEAP + "):\n" + output
                + tail(err));
        return output.lines().map(l -> l.split("\t", -1)).toList();
    }

    private static String tail(Path err) {
        try {
            String text = Files.readString(err);
            return text.substring(Math.max(0, text.length() - 3000));
        } catch (IOException e) {
            return "";
        }
    }

    // ---------------------------------------------------------------- expectations

    private static Predicate<String[]> tooLarge(String message) {
        return row -> row[3].equals("0") && row[6].contains(message);
    }

    private static Predicate<String[]> error() {
        return row -> row[3].equals("0") && row[6].contains(": ERROR: ");
    }

    private static Predicate<String[]> article(int blocks) {
        return row -> row[3].equals("1") && Integer.parseInt(row[4]) == blocks;
    }

    private static Predicate<String[]> anything() {
        return row -> true;
    }

    // ---------------------------------------------------------------- generators

    /** Writes head, then unit repeated until {@code size} bytes (counting units only), then tail. */
    private void repeated(String name, String head, String unit, long size, String tail, Predicate<String[]> outcome)
            throws IOException {
        Path file = dir.resolve(name);
        byte[] unitBytes = unit.getBytes(StandardCharsets.UTF_8);
        byte[] chunk = unitBytes;
        if (unitBytes.length < 64 * 1024) {
            chunk = unit.repeat((int) Math.max(1, Math.min(size / unitBytes.length, 64 * 1024 / unitBytes.length)))
                    .getBytes(StandardCharsets.UTF_8);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            long written = 0;
            long units = size / unitBytes.length;
            while (written + chunk.length / unitBytes.length <= units) {
                out.write(chunk);
                written += chunk.length / unitBytes.length;
            }
            for (; written < units; written++) {
                out.write(unitBytes);
            }
            out.write(tail.getBytes(StandardCharsets.UTF_8));
        }
        add(file, outcome);
    }

    /** A file that claims gigabytes but holds none: it must be refused by its size, never read. */
    private void sparse(String name, long length, Predicate<String[]> outcome) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
        add(file, outcome);
    }

    private void zip(String name, Predicate<String[]> outcome) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("article.txt"));
            zip.write("Seoul said on Sunday it would answer the treaty.\n".repeat(2000).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        add(file, outcome);
    }

    private void png(String name, Predicate<String[]> outcome) throws IOException {
        Path file = dir.resolve(name);
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                image.setRGB(x, y, x * 7919 ^ y * 104729);
            }
        }
        ImageIO.write(image, "png", file.toFile());
        add(file, outcome);
    }

    private void add(Path file, Predicate<String[]> outcome) {
        files.add(file);
        expected.put(file.getFileName().toString(), outcome);
    }
}
