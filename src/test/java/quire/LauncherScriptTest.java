package quire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code quire} launcher's start-up archive (AppCDS), run against a copy of the script in a
 * built-looking folder with a fake {@code java} that records its arguments and, when asked to
 * archive at exit, writes the archive as the JVM would.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherScriptTest {
    private static final String FAKE_JAVA = """
            #!/bin/sh
            printf '%s\\n' "$@" > "$FAKE_ARGS"
            for a in "$@"; do
              case "$a" in -XX:ArchiveClassesAtExit=*) printf archive > "${a#-XX:ArchiveClassesAtExit=}" ;; esac
            done
            exit "${FAKE_EXIT:-0}"
            """;

    @TempDir
    Path app;
    @TempDir
    Path bin;
    Path args;

    @BeforeEach
    void builtApp() throws IOException {
        Files.copy(Path.of("quire"), app.resolve("quire"));
        Files.createDirectories(app.resolve("target/classes"));
        Files.createDirectories(app.resolve("target/lib"));
        Files.writeString(app.resolve("target/lib/dep.jar"), "jar");
        Files.writeString(app.resolve("target/quire-1.0.jar"), "jar");
        Files.writeString(app.resolve("target/.quire-built"), "");
        Path java = bin.resolve("java");
        Files.writeString(java, FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        args = bin.resolve("args.txt");
    }

    @Test
    void firstWindowLaunchMakesTheArchiveAndTheNextUsesIt() throws Exception {
        assertEquals(0, launch(Map.of(), "open", "/corpus"));
        List<String> first = recorded();
        assertTrue(first.stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=")), first.toString());
        assertTrue(first.contains(app.resolve("target/quire-1.0.jar") + ":" + app.resolve("target/lib") + "/*"), first.toString());
        Path archive = onlyArchive();

        assertEquals(0, launch(Map.of(), "open", "/corpus"));
        List<String> second = recorded();
        assertTrue(second.contains("-XX:SharedArchiveFile=" + archive), second.toString());
        assertTrue(second.contains("-Xshare:auto"), second.toString());
        assertTrue(second.containsAll(List.of("quire.Main", "open", "/corpus")), second.toString());
    }

    @Test
    void aJarNewerThanTheArchiveMakesItAgain() throws Exception {
        launch(Map.of(), "open", "/corpus");
        Path archive = onlyArchive();
        Files.setLastModifiedTime(app.resolve("target/lib/dep.jar"), FileTime.from(Instant.now().plusSeconds(60)));

        launch(Map.of(), "open", "/corpus");

        assertTrue(recorded().stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=" + archive + ".")), recorded().toString());
        assertEquals(archive, onlyArchive());
    }

    @Test
    void aFailedFirstLaunchKeepsNoArchiveAndReportsItsStatus() throws Exception {
        assertEquals(2, launch(Map.of("FAKE_EXIT", "2"), "open", "/corpus"));

        try (Stream<Path> files = Files.list(app.resolve("target/cds"))) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void theCommandLineRunsWithoutAnArchive() throws Exception {
        launch(Map.of(), "search", "treaty");

        assertFalse(recorded().stream().anyMatch(a -> a.contains("Archive") || a.contains("Xshare")), recorded().toString());
        assertTrue(recorded().contains(app.resolve("target/classes") + ":" + app.resolve("target/lib") + "/*"), recorded().toString());
        assertFalse(Files.exists(app.resolve("target/cds")));
    }

    @Test
    void anArchiveFolderThatCannotBeMadeOnlyMeansNoArchive() throws Exception {
        Path notAFolder = bin.resolve("file");
        Files.writeString(notAFolder, "");

        assertEquals(0, launch(Map.of("QUIRE_CDS_DIR", notAFolder.resolve("cds").toString()), "open", "/corpus"));

        assertFalse(recorded().stream().anyMatch(a -> a.contains("Archive")), recorded().toString());
        assertTrue(recorded().contains("quire.Main"), recorded().toString());
    }

    private int launch(Map<String, String> env, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", app.resolve("quire").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().put("FAKE_ARGS", args.toString());
        builder.environment().remove("QUIRE_CDS_DIR");
        builder.environment().remove("QUIRE_JAVA_OPTS");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals("", output, "the launcher printed something");
        return process.exitValue();
    }

    private List<String> recorded() throws IOException {
        return Files.readAllLines(args, StandardCharsets.UTF_8);
    }

    private Path onlyArchive() throws IOException {
        try (Stream<Path> files = Files.list(app.resolve("target/cds"))) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            assertTrue(all.get(0).getFileName().toString().endsWith(".jsa"), all.toString());
            return all.get(0);
        }
    }
}
