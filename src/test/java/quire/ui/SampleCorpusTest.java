package quire.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCorpusTest {
    @TempDir
    Path dir;

    private Path shipped() throws Exception {
        Path shipped = Files.createDirectories(dir.resolve("app/sample-corpus/nested"));
        Files.writeString(shipped.getParent().resolve("a.txt"), "first");
        Files.writeString(shipped.resolve("b.md"), "second");
        return shipped.getParent();
    }

    @Test
    void firstInstallCopiesTheShippedSampleIntoTheDataDirectory() throws Exception {
        Path copy = new SampleCorpus(shipped(), dir.resolve("data")).install();

        assertEquals(dir.resolve("data/sample-corpus"), copy);
        assertEquals("first", Files.readString(copy.resolve("a.txt")));
        assertEquals("second", Files.readString(copy.resolve("nested/b.md")));
        try (Stream<Path> leftovers = Files.list(dir.resolve("data"))) {
            assertEquals(List.of(copy), leftovers.toList());
        }
    }

    @Test
    void anExistingCopyIsKeptAsItIs() throws Exception {
        SampleCorpus sample = new SampleCorpus(shipped(), dir.resolve("data"));
        Path copy = sample.install();
        Files.writeString(copy.resolve("a.txt"), "the analyst's edit");
        Files.createDirectories(copy.resolve(".quire"));

        sample.install();

        assertEquals("the analyst's edit", Files.readString(copy.resolve("a.txt")));
        assertTrue(Files.isDirectory(copy.resolve(".quire")));
    }

    @Test
    void aReadOnlyShippedSampleGivesAWritableCopy() throws Exception {
        Path shipped = shipped();
        Files.setPosixFilePermissions(shipped.resolve("a.txt"), PosixFilePermissions.fromString("r--r--r--"));

        Path copy = new SampleCorpus(shipped, dir.resolve("data")).install();

        // Checked by permission bits, not Files.isWritable, which is always true for root.
        assertTrue(Files.getPosixFilePermissions(copy.resolve("a.txt")).contains(PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void withoutTheLauncherPropertyThereIsNoShippedSample() {
        System.clearProperty(SampleCorpus.PROPERTY);
        assertFalse(SampleCorpus.shipped(dir).isPresent());
    }
}
