package quire.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static quire.export.Fixtures.EXPORTED_AT;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import quire.model.AnnotatedArticle;
import quire.model.QuireException;

class MarkdownFolderExportTest {
    private static final ExportOptions OPTIONS = ExportOptions.of(EXPORTED_AT).withTitle("Treaty briefing");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Putin, Kim sign mutual defence pact        | Putin, Kim sign mutual defence pact (7f3a9c2e).md
            CON                                        | _CON (7f3a9c2e).md
            nul.txt                                    | _nul.txt (7f3a9c2e).md
            com1                                       | _com1 (7f3a9c2e).md
            ../../etc/passwd                           | etc passwd (7f3a9c2e).md
            a:b*?                                      | a b (7f3a9c2e).md
            'a "quoted" <tag> | pipe'                  | a quoted tag pipe (7f3a9c2e).md
            #tag [link] ^block 50%                     | tag link block 50 (7f3a9c2e).md
            ...hidden                                  | hidden (7f3a9c2e).md
            'ends with dots...  '                      | ends with dots (7f3a9c2e).md
            ...                                        | article (7f3a9c2e).md
            Summit 🇰🇷🤝🇷🇺                             | Summit 🇰🇷🤝🇷🇺 (7f3a9c2e).md
            북러 조약 제4조                              | 북러 조약 제4조 (7f3a9c2e).md
            """)
    void fileNamesAreSafeOnEveryOs(String title, String expected) {
        assertEquals(expected, FileNames.forArticle(title, "7F3A9C2E11D04B5A"));
    }

    @Test
    void controlCharactersAndLineBreaksInTitlesBecomeSpaces() {
        assertEquals("a b c d (7f3a9c2e).md", FileNames.forArticle("a\u0000b\tc\r\nd\u202E", "7f3a9c2e11d04b5a"));
    }

    @Test
    void longTitlesAreCutToEightyCharactersOr180Bytes() {
        String latin = "x".repeat(300);
        String korean = "한".repeat(300);
        String emoji = "🤝".repeat(300);

        assertEquals("x".repeat(80) + " (7f3a9c2e).md", FileNames.forArticle(latin, "7f3a9c2e11d04b5a"));
        assertEquals("한".repeat(60) + " (7f3a9c2e).md", FileNames.forArticle(korean, "7f3a9c2e11d04b5a"));
        assertEquals("🤝".repeat(45) + " (7f3a9c2e).md", FileNames.forArticle(emoji, "7f3a9c2e11d04b5a"));
        for (String title : List.of(latin, korean, emoji)) {
            assertTrue(FileNames.forArticle(title, "7f3a9c2e11d04b5a").getBytes(StandardCharsets.UTF_8).length <= 255);
        }
    }

    @Test
    void folderHasOneFilePerArticleAndAnIndexLinkingEach() throws IOException {
        List<AnnotatedArticle> articles = Fixtures.treatyArticles();
        MarkdownExport.ExportedFolder folder = MarkdownExport.writeFolder(dir, articles, OPTIONS);

        assertEquals(List.of("Putin, Kim sign mutual defence pact full text (7f3a9c2e).md",
                "Seoul summons Russian ambassador over treaty (a1b2c3d4).md", "북러 조약 제4조 분석 (0badc0de).md"),
                folder.articleFiles().stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(dir.resolve("index.md"), folder.index());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(4, files.count());
        }
        String index = Files.readString(folder.index());
        List<String> links = MarkdownAst.links(MarkdownAst.body(index));
        assertEquals(folder.articleFiles(),
                links.stream().map(l -> dir.resolve(URLDecoder.decode(l, StandardCharsets.UTF_8))).toList());
        assertEquals(List.of("h1 Treaty briefing",
                "list Putin, Kim sign mutual defence pact [full text] · 2024-06-20 · The Korea Herald · 2 highlights"
                        + " | Seoul summons Russian ambassador over #treaty · 2024-06-21 · Yonhap · 1 highlight"
                        + " | 북러 조약 제4조 분석 · 1 highlight"), MarkdownAst.outline(MarkdownAst.body(index)));
        assertEquals(MarkdownExport.renderArticle(articles.get(1), OPTIONS),
                Files.readString(folder.articleFiles().get(1)));
    }

    @Test
    void exportingAgainReplacesTheSameFiles() throws IOException {
        MarkdownExport.ExportedFolder first = MarkdownExport.writeFolder(dir, Fixtures.treatyArticles(), OPTIONS);
        MarkdownExport.ExportedFolder second = MarkdownExport.writeFolder(dir, Fixtures.treatyArticles(), OPTIONS);

        assertEquals(first, second);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(4, files.count());
        }
    }

    @Test
    void articlesWhoseNamesWouldClashGetDistinctFiles() {
        List<AnnotatedArticle> articles = List.of(
                new AnnotatedArticle(Fixtures.bareArticle("abcdef0100000001", "Same"), "", List.of(), List.of()),
                new AnnotatedArticle(Fixtures.bareArticle("ABCDEF0100000002", "same"), "", List.of(), List.of()),
                new AnnotatedArticle(Fixtures.bareArticle("x", "index"), "", List.of(), List.of()));

        MarkdownExport.ExportedFolder folder = MarkdownExport.writeFolder(dir, articles, OPTIONS);

        assertEquals(List.of("Same (abcdef01).md", "same (abcdef0100000002).md", "index (x78).md"),
                folder.articleFiles().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void hostileTitlesNeverLeaveTheFolder() throws IOException {
        List<String> titles = List.of("../../../../tmp/evil", "..", "/etc/passwd", "C:\\Windows\\win.ini",
                "\\\\server\\share", "a/../../b", "~/.ssh/id_rsa", "%2e%2e%2fetc", "\u0000", "CON.md", "aux");
        List<AnnotatedArticle> articles = titles.stream()
                .map(t -> new AnnotatedArticle(Fixtures.bareArticle("k" + t.hashCode(), t), "", List.of(), List.of()))
                .toList();

        MarkdownExport.ExportedFolder folder = MarkdownExport.writeFolder(dir, articles, OPTIONS);

        for (Path file : folder.articleFiles()) {
            assertEquals(dir.toAbsolutePath().normalize(), file.getParent());
            assertTrue(Files.isRegularFile(file), file.toString());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(titles.size() + 1, files.count());
        }
    }

    @Test
    void refusesToWriteThroughASymbolicLink(@TempDir Path elsewhere) throws IOException {
        Path victim = Files.writeString(elsewhere.resolve("victim.txt"), "keep me");
        AnnotatedArticle article = new AnnotatedArticle(Fixtures.bareArticle("k1", "T"), "", List.of(), List.of());
        Files.createSymbolicLink(dir.resolve(MarkdownExport.fileName(article.article())), victim);

        QuireException e = assertThrows(QuireException.class,
                () -> MarkdownExport.writeFolder(dir, List.of(article), OPTIONS));

        assertTrue(e.getMessage().endsWith("is a symbolic link; the export does not write through links."));
        assertEquals("keep me", Files.readString(victim));
    }
}
