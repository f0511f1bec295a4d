package quire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.ingest.CorpusScanner;
import quire.ingest.Ingester;
import quire.service.AppDirs;
import quire.service.CorpusIndexer;
import quire.service.CorpusService;
import quire.store.SmallDisk;

/**
 * The command line on a real full disk (a small tmpfs holding the workspace): {@code quire index}
 * and {@code quire annotate} print one plain sentence, no stack trace, exit 2, and succeed once
 * space is freed. Skipped where the machine does not allow mounting.
 */
class CliFaultsTest {
    @TempDir
    Path temp;

    private record Run(int exit, String out, String err) {}

    @Test
    void indexAndAnnotateOnAFullDiskPrintAPlainSentenceAndWorkAgainOnceSpaceIsFreed() throws IOException {
        Path corpus = threeArticles();
        try (SmallDisk disk = smallDisk()) {
            Path workspace = disk.dir().resolve("ws");
            Cli cli = cli();
            assertEquals(0, run(cli, corpus, workspace, "index").exit());

            // Room for SQLite to open, none for the index of 60 more articles.
            writeArticles(corpus, 3, 60);
            Path filler = disk.fill(256 * 1024);
            Run refused = run(cli, corpus, workspace, "index");
            assertEquals(2, refused.exit(), refused.err());
            assertPlain(refused.err());
            assertTrue(refused.err().contains("the disk is full") && refused.err().contains(workspace.toString()), refused.err());

            Files.delete(filler);
            Run again = run(cli, corpus, workspace, "index");
            assertEquals(0, again.exit(), again.err());
            Run articles = run(cli, corpus, workspace, "articles", "--json");
            assertTrue(articles.out().contains("Title 59"), "the articles after the fault were indexed");
            Run hit = run(cli, corpus, workspace, "search", "\"clause number 1 says\"", "--json");
            String key = new com.fasterxml.jackson.databind.ObjectMapper().readTree(hit.out()).get("hits").get(0).get("key").asText();

            // Annotating on a full disk: one plain sentence, and the next try succeeds.
            filler = disk.fill(0);
            Run annotate = run(cli, corpus, workspace, "annotate", "--article", key, "--quote", "ledger", "--note", "n".repeat(5000));
            assertEquals(2, annotate.exit(), annotate.err());
            assertPlain(annotate.err());
            assertTrue(annotate.err().contains("disk") && annotate.err().contains("full"), annotate.err());
            Files.delete(filler);
            Run annotated = run(cli, corpus, workspace, "annotate", "--article", key, "--quote", "ledger");
            assertEquals(0, annotated.exit(), annotated.err());
            System.out.println("CLI on a full disk: index -> " + refused.err().strip() + " | annotate -> " + annotate.err().strip());
        }
    }

    @Test
    void checkSaysWhenTheBackupOnOpeningWasSkippedForLackOfSpace() throws IOException {
        Path corpus = threeArticles();
        try (SmallDisk disk = smallDisk()) {
            Path workspace = disk.dir().resolve("ws");
            Cli cli = cli();
            assertEquals(0, run(cli, corpus, workspace, "index").exit());
            Run hit = run(cli, corpus, workspace, "search", "\"clause number 1 says\"", "--json");
            String key = new com.fasterxml.jackson.databind.ObjectMapper().readTree(hit.out()).get("hits").get(0).get("key").asText();
            // A database of a few hundred KB, and no backup yet: the next opening takes one.
            for (int i = 0; i < 4; i++) {
                assertEquals(0, run(cli, corpus, workspace, "annotate", "--article", key, "--quote", "ledger", "--note", ("note " + i + " ").repeat(20_000)).exit());
            }
            deleteTree(workspace.resolve("backups"));
            Path filler = disk.fill(96 * 1024);

            Run check = run(cli, corpus, workspace, "check");

            assertEquals(0, check.exit(), check.err());
            assertTrue(check.out().contains("Database: OK"), check.out());
            assertTrue(check.out().contains("Backup skipped: Quire could not back up") && check.out().contains("full"), check.out());
            Files.delete(filler);
            Run json = run(cli, corpus, workspace, "check", "--json");
            var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
            assertTrue(report.get("backupProblem").isNull(), "a backup with room succeeds: " + json.out());
            assertEquals(1, report.get("backups").size(), json.out());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** A 3 MiB tmpfs for the workspace; the test is skipped where mounting is not allowed. */
    private SmallDisk smallDisk() throws IOException {
        Optional<SmallDisk> mounted = SmallDisk.mount(temp.resolve("disk"), 3072);
        assumeTrue(mounted.isPresent(), "cannot mount a tmpfs here (needs root and a container that allows it)");
        return mounted.get();
    }

    private Path threeArticles() throws IOException {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        writeArticles(corpus, 0, 3);
        return corpus;
    }

    private Cli cli() {
        return new Cli(new CorpusService(new CorpusIndexer(new CorpusScanner(), new Ingester(), 2)),
                new AppDirs(Map.of(), "Linux", temp.resolve("home")));
    }

    private static void assertPlain(String err) {
        assertFalse(err.contains("Exception") || err.contains("\tat ") || err.contains("failed unexpectedly"), err);
        assertEquals(1, err.strip().lines().count(), err);
    }

    private static void writeArticles(Path corpus, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            String body = "Article " + i + " of the ledger.\n\n" + ("The treaty clause number " + i + " says many things. ").repeat(400);
            Files.writeString(corpus.resolve("a" + i + ".md"), "---\ntitle: Title " + i + "\nkey: a" + i + "\n---\n\n" + body);
        }
    }

    private static Run run(Cli cli, Path corpus, Path workspace, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--corpus", corpus.toString(), "--workspace", workspace.toString()));
        int exit = cli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }
}
