package quire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.ingest.CorpusScanner;
import quire.ingest.Ingester;
import quire.service.AppDirs;
import quire.service.CorpusIndexer;
import quire.service.CorpusService;

/** The command line on a copy of the bundled corpus, as an analyst would use it. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path corpus;
    private Path workspace;
    private Cli cli;

    private record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        corpus = temp.resolve("corpus");
        Files.createDirectories(corpus);
        try (Stream<Path> seeds = Files.list(Path.of("corpus"))) {
            for (Path seed : seeds.filter(Files::isRegularFile).toList()) {
                Files.copy(seed, corpus.resolve(seed.getFileName()));
            }
        }
        workspace = temp.resolve("ws");
        AppDirs dirs = new AppDirs(Map.of(), "Linux", temp.resolve("home"));
        cli = new Cli(new CorpusService(new CorpusIndexer(new CorpusScanner(), new Ingester(), 2)), dirs);
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        boolean corpusCommand = !all.isEmpty() && !all.get(0).startsWith("-") && !all.get(0).equals("open");
        if (corpusCommand && !all.contains("--corpus")) {
            all.addAll(List.of("--corpus", corpus.toString(), "--workspace", workspace.toString()));
        }
        int exit = cli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aNameWithALineBreakStaysOnOneLineOfPlainOutputAndExactInJson() throws IOException {
        // A file name may hold a line break; plain output is read line by line (grep, wc -l), so the
        // name is printed quoted with C-style escapes, as git prints such paths. JSON keeps it exact.
        Files.writeString(corpus.resolve("empty\nname.txt"), "");
        Files.writeString(corpus.resolve("two\nlines.txt"), "Ferry news\n\nThe ferry left Zanzibar.\n");

        Run index = run("index");
        Run articles = run("articles");
        Run search = run("search", "Zanzibar");
        Run json = run("index", "--json");

        assertTrue(index.out().lines().anyMatch(l -> l.equals("  error   \"empty\\nname.txt\": The file is empty.")), index.out());
        assertTrue(articles.out().lines().anyMatch(l -> l.strip().equals("path: \"two\\nlines.txt\"")), articles.out());
        assertTrue(search.out().lines().anyMatch(l -> l.strip().startsWith("\"two\\nlines.txt\", undated")), search.out());
        List<String> names = new ArrayList<>();
        json.json().get("problems").forEach(p -> names.add(p.get("path").asText()));
        assertTrue(names.contains("empty\nname.txt"), names.toString());
    }

    @Test
    void indexJsonReportsTheBundledCorpusInTheDocumentedShape() throws IOException {
        Run run = run("index", "--json");

        assertEquals(0, run.exit(), run.err());
        JsonNode report = run.json();
        Set<String> fields = new TreeSet<>();
        report.fieldNames().forEachRemaining(fields::add);
        assertTrue(fields.containsAll(Set.of(
                "corpus", "articles", "added", "updated", "removed", "unchanged", "duplicates", "problems", "tookMs")), fields.toString());
        assertEquals(3, report.get("articles").asInt());
        assertEquals(3, report.get("added").asInt());
        // The two WordPress posts are cut off mid-string; that is a warning, not an error.
        List<String> truncated = new ArrayList<>();
        for (JsonNode p : report.get("problems")) {
            assertEquals("warning", p.get("severity").asText(), p.toString());
            if (p.get("message").asText().toLowerCase().contains("truncated")) {
                truncated.add(p.get("path").asText());
            }
        }
        assertEquals(List.of("000_fe8c5ed74ec9ed57.txt", "001_250d73399310addd.txt"), truncated);
    }

    @Test
    void aSecondIndexRunFindsEverythingUnchanged() throws IOException {
        run("index");

        JsonNode report = run("index", "--json").json();

        assertEquals(3, report.get("unchanged").asInt());
        assertEquals(0, report.get("added").asInt() + report.get("updated").asInt() + report.get("removed").asInt());
    }

    @Test
    void articlesListsTheThreeSeedArticlesWithTheirMetadata() throws IOException {
        JsonNode articles = run("articles", "--json").json().get("articles");

        assertEquals(3, articles.size());
        assertEquals("South Korea faces geopolitical balancing act as Russia and North Korea align", articles.get(0).get("title").asText());
        assertEquals("koreapro.org", articles.get(0).get("source").asText());
        assertEquals("2024-06-20T18:05:15+09:00", articles.get(0).get("published").asText());
        assertEquals("S. Korea running out of red lines on Russia-N. Korea cooperation", articles.get(2).get("title").asText());
        assertEquals("Ji Da-gyum", articles.get(2).get("author").asText());
        assertEquals("003_4180961e451abf6c.txt", articles.get(2).get("path").asText());
    }

    @Test
    void articlesAsTextShowsKeyDateSourceAndTitle() {
        Run run = run("articles");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("2024-06-23 15:35"), run.out());
        assertTrue(run.out().contains("koreapro.org"), run.out());
        assertTrue(run.out().contains("3 articles"), run.out());
    }

    @Test
    void showJsonGivesTheCleanTextWithBlockOffsets() throws IOException {
        String key = run("articles", "--json").json().get("articles").get(2).get("key").asText();

        Run run = run("show", key, "--json");

        assertEquals(0, run.exit(), run.err());
        JsonNode article = run.json();
        String text = article.get("text").asText();
        assertTrue(text.startsWith("National security adviser Chang Ho-jin gives a briefing"), text);
        assertFalse(text.contains("Send to"));
        JsonNode firstParagraph = article.get("blocks").get(1);
        assertEquals("paragraph", firstParagraph.get("kind").asText());
        assertTrue(text.substring(firstParagraph.get("start").asInt(), firstParagraph.get("end").asInt())
                .startsWith("South Korean national security adviser Chang Ho-jin issued another stark warning Sunday"));
        int previousEnd = 0;
        for (JsonNode block : article.get("blocks")) {
            int start = block.get("start").asInt();
            int end = block.get("end").asInt();
            assertTrue(start >= previousEnd && end <= text.length() && start < end, block.toString());
            previousEnd = end;
        }
        assertEquals("caption", article.get("blocks").get(0).get("kind").asText());
    }

    @Test
    void showAcceptsAUniquePrefixOfTheKey() throws IOException {
        String key = run("articles", "--json").json().get("articles").get(1).get("key").asText();

        Run run = run("show", key.substring(0, 8));

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("South Korea’s security at risk"), run.out());
    }

    @Test
    void thePhraseComprehensiveStrategicPartnershipIsInAllThreeArticles() throws IOException {
        JsonNode result = run("search", "\"comprehensive strategic partnership\"", "--json").json();

        assertEquals(3, result.get("total").asInt());
        for (JsonNode hit : result.get("hits")) {
            assertTrue(hit.get("snippets").get(0).asText().toLowerCase().contains("<mark>comprehensive strategic partnership</mark>"), hit.toString());
        }
        assertEquals(3, result.get("facets").get("year").get("2024").asInt());
    }

    @Test
    void tumenRiverIsInExactlyOneArticle() throws IOException {
        JsonNode result = run("search", "Tumen River", "--json").json();

        assertEquals(1, result.get("total").asInt());
        assertEquals("001_250d73399310addd.txt", result.get("hits").get(0).get("path").asText());
    }

    @Test
    void aDateRangeFindsTheTwoJune20PostsAndNotTheJune23Article() throws IOException {
        JsonNode result = run("search", "date:[2024-06-20 TO 2024-06-21]", "--json", "--sort", "date").json();

        List<String> paths = new ArrayList<>();
        result.get("hits").forEach(h -> paths.add(h.get("path").asText()));
        assertEquals(List.of("000_fe8c5ed74ec9ed57.txt", "001_250d73399310addd.txt"), paths);
    }

    @Test
    void aBadQueryStillAnswersWithTheErrorAndTheFallbackInJson() throws IOException {
        Run run = run("search", "\"Tumen River", "--json");

        assertEquals(0, run.exit(), run.err());
        JsonNode result = run.json();
        assertEquals(1, result.get("total").asInt());
        assertTrue(result.get("error").asText().contains("quotation mark"), result.toString());
        assertEquals("Tumen River", result.get("fallback").asText());
    }

    @Test
    void repeatReportsTheMedianAndTheFirstRun() throws IOException {
        JsonNode result = run("search", "treaty", "--json", "--repeat", "5").json();

        assertTrue(result.has("firstMs") && result.has("tookMs"), result.toString());
    }

    @Test
    void showWithAQueryGivesTheHitOffsetsInTheText() throws IOException {
        String key = run("search", "Tumen River", "--json").json().get("hits").get(0).get("key").asText();

        JsonNode article = run("show", key, "--query", "\"Tumen River\"", "--json").json();

        JsonNode hit = article.get("hits").get(0);
        assertEquals("Tumen River", article.get("text").asText().substring(hit.get("start").asInt(), hit.get("end").asInt()));
    }

    @Test
    void similarListsTheOtherArticlesButNotTheOneAsked() throws IOException {
        String key = run("articles", "--json").json().get("articles").get(0).get("key").asText();

        JsonNode result = run("similar", key, "--json").json();

        assertTrue(result.get("total").asInt() >= 1, result.toString());
        result.get("hits").forEach(h -> assertFalse(h.get("key").asText().equals(key)));
    }

    private String treatyArticleKey() throws IOException {
        return run("search", "Tumen River", "--json").json().get("hits").get(0).get("key").asText();
    }

    @Test
    void anAnnotationIsListedAndFoundByItsTagAndNote() throws IOException {
        String key = treatyArticleKey();

        Run annotate = run("annotate", "--article", key, "--quote", "\"mutual assistance\"", "--tag", "treaty/article-4",
                "--note", "verify the wording", "--color", "green", "--json");

        assertEquals(0, annotate.exit(), annotate.err());
        JsonNode h = annotate.json();
        assertEquals("“mutual assistance”", h.get("quote").asText());
        assertEquals("anchored", h.get("state").asText());
        JsonNode listed = run("annotations", "--tag", "treaty", "--json").json().get("annotations");
        assertEquals(1, listed.size());
        assertEquals(h.get("id").asText(), listed.get(0).get("id").asText());
        assertEquals(1, run("search", "tag:treaty AND note:verify", "--json").json().get("total").asInt());
        assertTrue(run("tags").out().contains("treaty\n  article-4  (1 highlights, 0 articles)"), run("tags").out());
    }

    @Test
    void undoRemovesTheLastAnnotation() throws IOException {
        run("annotate", "--article", treatyArticleKey(), "--quote", "Tumen River");

        Run undo = run("undo");

        assertEquals(0, undo.exit(), undo.err());
        assertEquals(0, run("annotations", "--json").json().get("annotations").size());
    }

    @Test
    void aQuoteThatIsNotInTheArticleIsAPlainErrorWithExitCode2() throws IOException {
        Run run = run("annotate", "--article", treatyArticleKey(), "--quote", "no such words here");

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("does not contain \"no such words here\""), run.err());
    }

    @Test
    void theMarkdownExportHasEachPassageAsAQuote() throws IOException {
        run("annotate", "--article", treatyArticleKey(), "--quote", "Tumen River", "--tag", "places", "--note", "border bridge");
        Path out = temp.resolve("notes.md");

        Run export = run("export", "--format", "markdown", "--out", out.toString());

        assertEquals(0, export.exit(), export.err());
        String markdown = Files.readString(out);
        assertTrue(markdown.contains("> Tumen River"), markdown);
        assertTrue(markdown.contains("#places"), markdown);
        assertTrue(markdown.contains("border bridge"), markdown);
    }

    @Test
    void aJsonExportImportedIntoAFreshWorkspaceReproducesEveryHighlightAndTwiceChangesNothing() throws IOException {
        String key = treatyArticleKey();
        run("annotate", "--article", key, "--quote", "Tumen River", "--tag", "places", "--note", "border bridge");
        run("annotate", "--article", key, "--quote", "\"mutual assistance\"", "--tag", "treaty/article-4", "--color", "pink");
        Run articleNote = run("annotate", "--article", key, "--note", "Read with the 1961 treaty.", "--tag", "dprk-russia");
        assertEquals(0, articleNote.exit(), articleNote.err());
        Path json = temp.resolve("notes.json");
        assertEquals(0, run("export", "--format", "json", "--out", json.toString()).exit());
        JsonNode before = run("annotations", "--json").json().get("annotations");
        workspace = temp.resolve("ws2");

        Run first = run("import", json.toString());
        Run second = run("import", json.toString());

        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("2 new"), first.out());
        assertTrue(second.out().contains("0 new"), second.out());
        JsonNode after = run("annotations", "--json").json().get("annotations");
        assertEquals(before.size(), after.size());
        assertTrue(run("annotate", "--article", key, "--tag", "dprk-russia").out()
                .contains("tags dprk-russia; note: Read with the 1961 treaty."), "article note and tag imported once");
        for (int i = 0; i < before.size(); i++) {
            for (String field : List.of("id", "article", "start", "end", "quote", "note", "color", "tags", "state")) {
                assertEquals(before.get(i).get(field), after.get(i).get(field), field);
            }
        }
    }

    @Test
    void checkReportsAHealthyDatabase() {
        Run run = run("check");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Database: OK"), run.out());
    }

    @Test
    void anUnknownKeyIsAPlainMessageAndExitCode2() {
        Run run = run("show", "0000000000000000");

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("No article has the key '0000000000000000'"), run.err());
    }

    @Test
    void aMissingCorpusFolderIsAPlainMessageAndExitCode2() {
        Run run = run("index", "--corpus", temp.resolve("nowhere").toString());

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("nowhere"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void aUsageErrorExitsWith1() {
        assertEquals(1, run("--no-such-option").exit());
        assertEquals(1, run("no-such-command").exit());
    }
}
