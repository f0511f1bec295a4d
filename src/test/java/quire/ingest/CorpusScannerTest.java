package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.model.Problem;

class CorpusScannerTest {
    @TempDir
    Path root;

    private final CorpusScanner scanner = new CorpusScanner();

    @Test
    void filesInNestedFoldersAreFoundSortedByPath() throws IOException {
        write("b.txt");
        write("a/z.json");
        write("a/deeper/still/x.html");
        write("a/b.md");
        Scan scan = scanner.scan(root);
        assertEquals(List.of("a/b.md", "a/deeper/still/x.html", "a/z.json", "b.txt"), paths(scan));
        assertEquals(List.of(), scan.problems());
    }

    @Test
    void sizeAndModificationTimeAreRecorded() throws IOException {
        Path file = write("one.txt", "12345");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
        assertEquals(
                List.of(new CorpusFile(file, "one.txt", 5, 1_700_000_000_000L)),
                scanner.scan(root).files());
    }

    @Test
    void hiddenFilesAndFoldersAreSkippedSilently() throws IOException {
        write("kept.txt");
        write(".hidden.txt");
        write(".DS_Store");
        write(".git/config");
        write(".quire/index/segments_1");
        write("a/.cache/x.txt");
        assertEquals(new Scan(List.of(file("kept.txt")), List.of()), withoutTimes(scanner.scan(root)));
    }

    @Test
    void operatingSystemLeftoversAreSkippedSilently() throws IOException {
        write("kept.txt");
        write("Thumbs.db");
        write("a/desktop.ini");
        write("draft.txt~");
        write("~$report.docx");
        assertEquals(List.of("kept.txt"), paths(scanner.scan(root)));
        assertEquals(List.of(), scanner.scan(root).problems());
    }

    @Test
    void awkwardNamesWork() throws IOException {
        List<String> names = List.of(
                "a b/c d.txt", "[2024] 'quoted' \"double\".txt", "서울/북한 기사.txt", "(x) & y; #1.json", "naïve café.md");
        for (String name : names) {
            write(name);
        }
        Scan scan = scanner.scan(root);
        assertEquals(names.stream().sorted().toList(), paths(scan));
        for (CorpusFile f : scan.files()) {
            assertEquals(f.path(), Files.readString(f.file()));
        }
    }

    @Test
    void linkedFolderOutsideTheCorpusIsFollowed(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("outside.txt"), "x");
        link("ext", elsewhere);
        assertEquals(List.of("ext/outside.txt"), paths(scanner.scan(root)));
    }

    @Test
    void linkLoopIsSurvivedAndReportedOnce() throws IOException {
        write("a/article.txt");
        link("a/loop", root.resolve("a"));
        link("a/up", root);
        Scan scan = scanner.scan(root);
        assertEquals(List.of("a/article.txt"), paths(scan));
        assertEquals(
                List.of(
                        Problem.warning("a/loop", "The link leads back to 'a', which contains it; it was skipped to avoid a loop."),
                        Problem.warning("a/up", "The link leads back to the corpus folder, which contains it; it was skipped to avoid a loop.")),
                scan.problems());
    }

    @Test
    void fileReachedTwiceIsReadOnceUnderItsRealPath() throws IOException {
        write("z/real.txt");
        link("a-link.txt", root.resolve("z/real.txt"));
        Scan scan = scanner.scan(root);
        assertEquals(List.of("z/real.txt"), paths(scan));
        assertEquals(List.of(Problem.warning("a-link.txt", "Same file as 'z/real.txt' (a link); read once.")), scan.problems());
    }

    @Test
    void folderReachedTwiceIsReadOnce() throws IOException {
        write("z/one.txt");
        write("z/two.txt");
        link("a-link", root.resolve("z"));
        Scan scan = scanner.scan(root);
        assertEquals(List.of("z/one.txt", "z/two.txt"), paths(scan));
        assertEquals(List.of(Problem.warning("a-link", "Same folder as 'z' (a link); read once.")), scan.problems());
    }

    @Test
    void brokenLinkIsReported() throws IOException {
        write("kept.txt");
        link("gone.txt", root.resolve("missing.txt"));
        Scan scan = scanner.scan(root);
        assertEquals(List.of("kept.txt"), paths(scan));
        assertEquals(
                List.of(Problem.warning("gone.txt", "The link points to '" + root.resolve("missing.txt") + "', which does not exist; skipped.")),
                scan.problems());
    }

    @Test
    void circleOfLinksIsReported() throws IOException {
        link("one", root.resolve("two"));
        link("two", root.resolve("one"));
        Scan scan = scanner.scan(root);
        assertEquals(List.of(), scan.files());
        assertEquals(
                List.of(
                        Problem.warning("one", "The link leads round a circle of links; skipped."),
                        Problem.warning("two", "The link leads round a circle of links; skipped.")),
                scan.problems());
    }

    @Test
    void namedPipeIsSkippedWithAWarning() throws Exception {
        Path fifo = root.resolve("pipe");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made, "mkfifo is not available");
        assertEquals(
                new Scan(List.of(), List.of(Problem.warning("pipe", "Not a regular file (a named pipe, socket or device); skipped."))),
                scanner.scan(root));
    }

    @Test
    void unreadableFolderIsAnErrorAndTheScanGoesOn() throws IOException {
        write("kept.txt");
        Path locked = Files.createDirectories(root.resolve("locked"));
        write("locked/secret.txt");
        assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked), "permissions are not enforced for this user");
            Scan scan = scanner.scan(root);
            assertEquals(List.of("kept.txt"), paths(scan));
            assertEquals(
                    List.of(Problem.error("locked", "The folder cannot be read (permission denied); its files were skipped.")),
                    scan.problems());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void missingFolderIsRefused() {
        Path missing = root.resolve("nowhere");
        IngestException e = assertThrows(IngestException.class, () -> scanner.scan(missing));
        assertEquals("The corpus folder '" + missing + "' does not exist.", e.getMessage());
    }

    @Test
    void fileInsteadOfFolderIsRefused() throws IOException {
        Path file = write("article.txt");
        IngestException e = assertThrows(IngestException.class, () -> scanner.scan(file));
        assertEquals("'" + file + "' is a file, not a folder.", e.getMessage());
    }

    @Test
    void manyFilesAreScannedQuickly() throws IOException {
        for (int d = 0; d < 100; d++) {
            Path dir = Files.createDirectories(root.resolve("d" + d));
            for (int f = 0; f < 100; f++) {
                Files.writeString(dir.resolve("f" + f + ".txt"), "x");
            }
        }
        long start = System.nanoTime();
        Scan scan = scanner.scan(root);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(10_000, scan.files().size());
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "10,000 files took " + took);
    }

    private Path write(String path) throws IOException {
        return write(path, path);
    }

    private Path write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private void link(String path, Path target) throws IOException {
        try {
            Files.createSymbolicLink(root.resolve(path), target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are not available here: " + e);
        }
    }

    private CorpusFile file(String path) throws IOException {
        return new CorpusFile(root.resolve(path), path, Files.size(root.resolve(path)), 0);
    }

    private static Scan withoutTimes(Scan scan) {
        return new Scan(
                scan.files().stream().map(f -> new CorpusFile(f.file(), f.path(), f.size(), 0)).toList(),
                scan.problems());
    }

    private static List<String> paths(Scan scan) {
        return scan.files().stream().map(CorpusFile::path).toList();
    }
}
