package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.model.Problem;
import quire.model.Severity;

/** What the ingester does before any format reader sees the file. */
class IngesterTest {
    @TempDir
    Path dir;

    @Test
    void emptyFileIsAnError() throws IOException {
        Path file = Files.write(dir.resolve("empty.txt"), new byte[0]);
        assertEquals(failed("a/empty.txt", "The file is empty."), new Ingester().ingest(file, "a/empty.txt"));
    }

    @Test
    void junkBeforeAWordPressPostIsSkippedWithAWarning() {
        byte[] bytes = "\u00f8\u02c6\u20ac{\"title\":{\"rendered\":\"T\"},\"content\":{\"rendered\":\"<p>Body &#8220;x&#8221;</p>\"}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        FileIngest result = new Ingester().ingest(bytes, "junk.json");

        assertEquals(1, result.articles().size(), result.problems().toString());
        assertEquals("Body \u201cx\u201d", result.articles().get(0).text());
        assertEquals(List.of(Problem.warning("junk.json", "3 characters before the JSON were not part of it and were skipped.")),
                result.problems());
    }

    @Test
    void emptyBytesAreAnError() {
        assertEquals(failed("empty.txt", "The file is empty."), new Ingester().ingest(new byte[0], "empty.txt"));
    }

    @Test
    void fileOverTheSizeLimitIsAnErrorNamingTheSize() throws IOException {
        Path file = Files.writeString(dir.resolve("big.txt"), "x".repeat(2048));
        FileIngest result = new Ingester(1024).ingest(file, "big.txt");
        assertEquals(List.of(), result.articles());
        assertEquals(1, result.problems().size());
        Problem problem = result.problems().get(0);
        assertEquals(Severity.ERROR, problem.severity());
        assertTrue(problem.message().startsWith("The file is too large to be an article ("), problem.message());
    }

    @Test
    void fileAtTheSizeLimitIsNotRefusedForItsSize() throws IOException {
        Path file = Files.writeString(dir.resolve("fits.txt"), "x".repeat(1024));
        FileIngest result = new Ingester(1024).ingest(file, "fits.txt");
        assertTrue(result.problems().stream().noneMatch(p -> p.message().contains("too large")), result.toString());
    }

    @Test
    void binaryFileIsAnErrorNamingWhatItIs() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        Path file = Files.write(dir.resolve("photo.txt"), png);
        assertEquals(
                failed("photo.txt", "The file is a PNG image, not text."), new Ingester().ingest(file, "photo.txt"));
    }

    @Test
    void randomBinaryFileIsAnError() {
        byte[] bytes = new byte[4096];
        new java.util.Random(1).nextBytes(bytes);
        bytes[0] = 'a';
        assertEquals(
                failed("blob.dat", "The file is binary, not text."), new Ingester().ingest(bytes, "blob.dat"));
    }

    @Test
    void vanishedFileIsAnError() {
        Path gone = dir.resolve("gone.txt");
        assertEquals(
                failed("gone.txt", "The file disappeared while it was being read."),
                new Ingester().ingest(gone, "gone.txt"));
    }

    private static FileIngest failed(String path, String message) {
        return new FileIngest(path, List.of(), List.of(Problem.error(path, message)));
    }
}
