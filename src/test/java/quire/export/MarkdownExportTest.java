package quire.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static quire.export.Fixtures.EXPORTED_AT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import quire.model.AnnotatedArticle;
import quire.model.Article;
import quire.model.Highlight;
import quire.model.Published;

class MarkdownExportTest {
    private static final ExportOptions OPTIONS = ExportOptions.of(EXPORTED_AT).withTitle("Treaty briefing");
    private static final String ID = "5c1e7a90-3b4d-4e8f-9a2b-0c1d2e3f4a5b";

    /** Text an analyst could type or an article could contain, each meant to break a Markdown document. */
    static List<String> hostile() {
        return List.of(
                "**bold** and __under__ and *em*",
                "# not a heading",
                "###### six",
                "> quote",
                "> [!note] a callout",
                "```\ncode fence\n```",
                "~~~js\ntilde fence\n~~~",
                "````` five backticks",
                "---",
                "a line\n---",
                "a line\n===",
                "***\n___\n- - -",
                "<script>alert(1)</script>",
                "<!-- comment --> and <div>block</div>",
                "&amp; &copy; &#42; &#x2A;",
                "| a | b |\n|---|---|\n| c | d |",
                "[link](javascript:x)",
                "![img](x)",
                "[ref]: http://evil.example\n[ref]",
                "<https://autolink.example> and <me@example.org>",
                "first line\nsecond line\n\n\n\nnew paragraph",
                "1. list\n2) other\n10. ten",
                "1984. A year to remember",
                "- item\n+ item\n* item",
                "-\n+\n#\n>\n=",
                "\\ backslash \\* at end \\",
                "trailing spaces  \nmake a hard break?",
                "    indented code\n\tand a tab",
                "`code` and ``double`` spans",
                "==highlight== %%comment%% $x^2$ [[wikilink]] #tag ^block-id [^1]",
                "Key:: dataview field",
                "emoji 🇰🇷🤝 and 한국어 텍스트",
                "CR\r\nLF\rmixed\r\n\r\nbreaks",
                "NUL\u0000 and ESC\u001b[31m red",
                "\u202Ebidi override\u202C and zero\u200Bwidth",
                "_underscore_ at line start");
    }

    private static Article bare() {
        return Fixtures.bareArticle("k1", "T");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileQuoteAndNoteStayTextInTheirOwnBlocks(String text) {
        Highlight h = Fixtures.highlight(ID, "k1", text, text, List.of());
        String md = MarkdownExport.render(List.of(new AnnotatedArticle(bare(), text, List.of(), List.of(h))),
                ExportOptions.of(EXPORTED_AT));
        Node doc = MarkdownAst.body(md);

        List<String> expected = new ArrayList<>(List.of("h1 Quire export", "h2 T", "list Path: k1.txt | Key: k1"));
        List<String> noteParagraphs = paragraphs(text);
        expected.addAll(noteParagraphs);
        expected.add("quote " + MarkdownAst.normalized(text));
        expected.add("p ^h-5c1e7a90");
        expected.addAll(noteParagraphs);
        assertEquals(expected, MarkdownAst.outline(doc), md);
        assertEquals(List.of(), MarkdownAst.unexpectedNodes(doc), md);
        assertEquals(List.of(), MarkdownAst.links(doc), md);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileTitleMakesOneHeadingOfItsText(String text) {
        Article article = Fixtures.bareArticle("k1", "Title " + text);
        String md = MarkdownExport.render(List.of(new AnnotatedArticle(article, "", List.of(), List.of())),
                ExportOptions.of(EXPORTED_AT).withTitle(text + " export"));
        Node doc = MarkdownAst.body(md);

        assertEquals(List.of("h1 " + MarkdownText.oneLine(text + " export"), "h2 " + MarkdownText.oneLine("Title " + text),
                "list Path: k1.txt | Key: k1"), MarkdownAst.outline(doc), md);
        assertEquals(List.of(), MarkdownAst.unexpectedNodes(doc), md);
        assertEquals(text + " export", MarkdownAst.frontMatter(md).get("title").asText());
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileTagBecomesOneObsidianTag(String text) {
        Highlight h = Fixtures.highlight(ID, "k1", "quote", "", List.of(text));
        String md = MarkdownExport.render(List.of(new AnnotatedArticle(bare(), "", List.of(), List.of(h))),
                ExportOptions.of(EXPORTED_AT));
        List<String> outline = MarkdownAst.outline(MarkdownAst.body(md));

        String tagLine = outline.get(outline.size() - 1);
        assertTrue(tagLine.matches("p #[\\p{L}\\p{N}\\p{M}_/-]+"), tagLine);
        assertTrue(tagLine.substring(3).codePoints().anyMatch(Character::isLetter), tagLine);
    }

    private static List<String> paragraphs(String text) {
        String normalized = MarkdownAst.normalized(text);
        return normalized.isEmpty() ? List.of()
                : List.of(normalized.split("\n\n")).stream().map(p -> "p " + p).toList();
    }

    @Test
    void byArticleGivesEachArticleAHeadingMetadataNoteAndQuotesInReadingOrder() {
        Node doc = MarkdownAst.body(MarkdownExport.render(Fixtures.treatyArticles(), OPTIONS));

        assertEquals(List.of(
                "h1 Treaty briefing",
                "h2 Putin, Kim sign mutual defence pact [full text]",
                "list Published: 2024-06-20T18:05:15+09:00 | Author: Ji Da-gyum | Source: The Korea Herald"
                        + " | Path: news/2024/06/pact.json | Key: 7f3a9c2e11d04b5a | Tags: #treaty #primary-source",
                "p The core text of the pact. Everything else is commentary.",
                "quote In case any one of the two sides is put in a state of war by an armed invasion, the other side"
                        + " shall provide military and other assistance with all means in its possession without delay.",
                "p ^h-5c1e7a90",
                "p Compare with the 1961 treaty, Article 1.\nVerify the Korean text.",
                "p #treaty/article-4 #verify · Colour: pink · Open at the passage",
                "quote The treaty is \"a truly fraternal\" alliance.\n\n"
                        + "*Kim* called it the \"highest\" level of ties — 1. a promise, 2. a warning.",
                "p ^h-e4d909c2",
                "p #treaty · Colour: yellow · Open at the passage",
                "h2 Seoul summons Russian ambassador over #treaty",
                "list Published: 2024-06-21 | Source: Yonhap | Path: news/2024/06/seoul.html | Key: a1b2c3d4e5f60718"
                        + " | Tags: #reactions",
                "quote Seoul will review supplying weapons to Ukraine = a \"red line\" for Moscow.",
                "p ^h-19aa0c3e",
                "p Policy shift? Ask the MOFA desk.",
                "p (orphaned: the passage was not found in the current text) · #treaty/reactions #ukraine"
                        + " · Colour: orange · Open at the passage",
                "h2 북러 조약 제4조 분석",
                "list Path: notes/analysis.md | Key: 0badc0de0badc0de",
                "quote 제4조는 자동 군사개입 조항으로 해석될 수 있다.",
                "p ^h-2b7f0d1c",
                "p Colour: green"), MarkdownAst.outline(doc));
        assertEquals(List.of(), MarkdownAst.unexpectedNodes(doc));
    }

    @Test
    void passageLinksPointAtTheSourceWithATextFragment() {
        Node doc = MarkdownAst.body(MarkdownExport.render(Fixtures.treatyArticles(), OPTIONS));

        assertEquals(List.of(
                "https://www.koreaherald.com/view.php?ud=20240620000123",
                "https://www.koreaherald.com/view.php?ud=20240620000123"
                        + "#:~:text=In%20case%20any%20one%20of,in%20its%20possession%20without%20delay.",
                "https://www.koreaherald.com/view.php?ud=20240620000123"
                        + "#:~:text=The%20treaty%20is%20%22a%20truly,a%20promise%2C%202.%20a%20warning.",
                "https://en.yna.co.kr/view/AEN20240621001200315",
                "https://en.yna.co.kr/view/AEN20240621001200315#:~:text=Seoul%20will%20review%20supplying%20weapons"
                        + "%20to%20Ukraine%20%3D%20a%20%22red%20line%22%20for%20Moscow."), MarkdownAst.links(doc));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://example.org/a_(b)?x=1&copy;y   | https://example.org/a_%28b%29?x=1&copy;y
            https://example.org/a b<c>             | https://example.org/a%20b%3Cc%3E
            https://example.org/한국                | https://example.org/%ED%95%9C%EA%B5%AD
            https://example.org/p#frag             | https://example.org/p#frag
            """)
    void awkwardLinksReadBackAsTheSameAddress(String link, String destination) {
        Article article = new Article("k1", "k1.txt", "T", Optional.empty(), Optional.empty(), Optional.of("S"),
                Optional.of(link), Optional.empty(), Map.of(), List.of(), "text", List.of());
        Node doc = MarkdownAst.body(MarkdownExport.render(
                List.of(new AnnotatedArticle(article, "", List.of(), List.of())), OPTIONS));

        assertEquals(List.of(destination), MarkdownAst.links(doc));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            javascript:alert(1)
            file:///etc/passwd
            data:text/html,<b>x</b>
            /relative/path
            """)
    void onlyWebLinksBecomeClickable(String link) {
        Article article = new Article("k1", "k1.txt", "T", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(link), Optional.empty(), Map.of(), List.of(), "text", List.of());
        Highlight h = Fixtures.highlight(ID, "k1", "quote", "", List.of());
        String md = MarkdownExport.render(List.of(new AnnotatedArticle(article, "", List.of(), List.of(h))), OPTIONS);
        Node doc = MarkdownAst.body(md);

        assertEquals(List.of(), MarkdownAst.links(doc));
        assertEquals("list Link: " + link + " | Path: k1.txt | Key: k1", MarkdownAst.outline(doc).get(2));
        assertEquals(List.of(), MarkdownAst.unexpectedNodes(doc));
    }

    @Test
    void byTagNestsSubTagsListsAPassageUnderEachOfItsTagsAndEndsWithTheUntagged() {
        Node doc = MarkdownAst.body(MarkdownExport.render(Fixtures.treatyArticles(), OPTIONS.withGrouping(Grouping.BY_TAG)));

        List<String> outline = MarkdownAst.outline(doc);
        assertEquals(List.of("h1 Treaty briefing", "h2 treaty", "h3 treaty/article-4", "h3 treaty/reactions",
                "h2 ukraine", "h2 verify", "h2 Untagged"),
                outline.stream().filter(l -> l.startsWith("h")).toList());
        assertEquals(List.of(
                "quote In case any one of the two sides is put in a state of war by an armed invasion, the other side"
                        + " shall provide military and other assistance with all means in its possession without delay.",
                "p ^h-5c1e7a90",
                "p Putin, Kim sign mutual defence pact [full text] · 2024-06-20 · The Korea Herald · Open at the passage",
                "p Compare with the 1961 treaty, Article 1.\nVerify the Korean text.",
                "p #treaty/article-4 #verify · Colour: pink"),
                outline.subList(outline.indexOf("h3 treaty/article-4") + 1, outline.indexOf("h3 treaty/reactions")));
        // Under its second tag the passage comes again, without a second (duplicate) block id.
        assertEquals(List.of(
                "quote Seoul will review supplying weapons to Ukraine = a \"red line\" for Moscow.",
                "p Seoul summons Russian ambassador over #treaty · 2024-06-21 · Yonhap · Open at the passage",
                "p Policy shift? Ask the MOFA desk.",
                "p (orphaned: the passage was not found in the current text) · #treaty/reactions #ukraine"
                        + " · Colour: orange"),
                outline.subList(outline.indexOf("h2 ukraine") + 1, outline.indexOf("h2 verify")));
        assertEquals(List.of("quote 제4조는 자동 군사개입 조항으로 해석될 수 있다.", "p ^h-2b7f0d1c", "p 북러 조약 제4조 분석",
                "p Colour: green"), outline.subList(outline.indexOf("h2 Untagged") + 1, outline.size()));
        assertEquals(6, outline.stream().filter(l -> l.startsWith("quote ")).count());
        assertEquals(List.of(), MarkdownAst.unexpectedNodes(doc));
    }

    @Test
    void tagsMoreThanFiveLevelsDeepStayAtHeadingLevelSix() {
        Highlight h = Fixtures.highlight(ID, "k1", "quote", "", List.of("a/b/c/d/e/f/g"));
        Node doc = MarkdownAst.body(MarkdownExport.render(
                List.of(new AnnotatedArticle(bare(), "", List.of(), List.of(h))), OPTIONS.withGrouping(Grouping.BY_TAG)));

        assertEquals(List.of("h1 Treaty briefing", "h2 a", "h3 a/b", "h4 a/b/c", "h5 a/b/c/d", "h6 a/b/c/d/e",
                "h6 a/b/c/d/e/f", "h6 a/b/c/d/e/f/g", "quote quote", "p ^h-5c1e7a90", "p T", "p #a/b/c/d/e/f/g"),
                MarkdownAst.outline(doc));
    }

    @Test
    void combinedFrontMatterCarriesTitleTimeAndCounts() {
        JsonNode front = MarkdownAst.frontMatter(MarkdownExport.render(Fixtures.treatyArticles(), OPTIONS));

        assertEquals(Map.of("title", "Treaty briefing", "exported-at", "2026-11-23T13:40:00Z",
                "articles", 3, "highlights", 4, "orphaned", 1), new YAMLMapper().convertValue(front, Map.class));
    }

    @Test
    void articleFileFrontMatterReadsBackAsTheArticleMetadata() {
        AnnotatedArticle pact = Fixtures.treatyArticles().get(0);
        String md = MarkdownExport.renderArticle(pact, OPTIONS);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("title", "Putin, Kim sign mutual defence pact [full text]");
        expected.put("source", "The Korea Herald");
        expected.put("link", "https://www.koreaherald.com/view.php?ud=20240620000123");
        expected.put("published", "2024-06-20T18:05:15+09:00");
        expected.put("author", "Ji Da-gyum");
        expected.put("tags", List.of("treaty", "primary-source"));
        expected.put("path", "news/2024/06/pact.json");
        expected.put("key", "7f3a9c2e11d04b5a");
        expected.put("exported-at", "2026-11-23T13:40:00Z");
        assertEquals(expected, new YAMLMapper().convertValue(MarkdownAst.frontMatter(md), Map.class));
        List<String> outline = MarkdownAst.outline(MarkdownAst.body(md));
        assertEquals(List.of("h1 Putin, Kim sign mutual defence pact [full text]",
                "p The core text of the pact. Everything else is commentary."), outline.subList(0, 2));
        assertEquals(2, outline.stream().filter(l -> l.startsWith("quote ")).count());
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileMetadataReadsBackExactlyFromFrontMatter(String text) {
        Article article = new Article("key " + text, "dir/" + text, "T " + text,
                Optional.of(Published.of(LocalDate.of(2024, 1, 2))), Optional.of(text), Optional.of(text),
                Optional.of(text), Optional.empty(), Map.of(), List.of(), "text", List.of());
        String md = MarkdownExport.renderArticle(new AnnotatedArticle(article, text, List.of(text), List.of()), OPTIONS);
        JsonNode front = MarkdownAst.frontMatter(md);

        assertEquals(List.of("T " + text, text, text, "2024-01-02", text, "dir/" + text, "key " + text),
                List.of(front.get("title").asText(), front.get("source").asText(), front.get("link").asText(),
                        front.get("published").asText(), front.get("author").asText(), front.get("path").asText(),
                        front.get("key").asText()));
        assertEquals(List.of(), MarkdownAst.unexpectedNodes(MarkdownAst.body(md)), md);
    }

    @Test
    void orphanedHighlightIsExportedWithItsNotice() {
        Highlight h = Fixtures.orphaned(Fixtures.highlight(ID, "k1", "lost passage", "", List.of()));
        Node doc = MarkdownAst.body(MarkdownExport.render(
                List.of(new AnnotatedArticle(bare(), "", List.of(), List.of(h))), OPTIONS));

        assertEquals(List.of("quote lost passage", "p ^h-5c1e7a90",
                "p (orphaned: the passage was not found in the current text)"),
                MarkdownAst.outline(doc).subList(3, 6));
    }

    @Test
    void coloursAreLeftOutWhenAllHighlightsShareOneOrWhenTurnedOff() {
        Highlight a = Fixtures.highlight(ID, "k1", "one", "", List.of("t"));
        Highlight b = Fixtures.highlight("11111111-0000-4000-8000-000000000000", "k1", "two", "", List.of("t"));
        List<AnnotatedArticle> same = List.of(new AnnotatedArticle(bare(), "", List.of(), List.of(a, b)));
        List<AnnotatedArticle> mixed = List.of(
                new AnnotatedArticle(bare(), "", List.of(), List.of(a, Fixtures.withColor(b, "blue"))));
        ExportOptions noColours = new ExportOptions(EXPORTED_AT, Grouping.BY_ARTICLE, "X", false);

        assertEquals(List.of("p #t", "p #t"), tagLines(MarkdownExport.render(same, OPTIONS)));
        assertEquals(List.of("p #t · Colour: yellow", "p #t · Colour: blue"), tagLines(MarkdownExport.render(mixed, OPTIONS)));
        assertEquals(List.of("p #t", "p #t"), tagLines(MarkdownExport.render(mixed, noColours)));
    }

    private static List<String> tagLines(String md) {
        return MarkdownAst.outline(MarkdownAst.body(md)).stream().filter(l -> l.startsWith("p #")).toList();
    }

    @Test
    void blockIdsGrowOnlyWhereTwoWouldClash() {
        Highlight a = Fixtures.highlight("abcdef01-1111-4000-8000-000000000000", "k1", "one", "", List.of());
        Highlight b = Fixtures.highlight("abcdef01-2222-4000-8000-000000000000", "k1", "two", "", List.of());
        Highlight c = Fixtures.highlight("12345678-2222-4000-8000-000000000000", "k1", "three", "", List.of());

        assertEquals(Map.of(a.id(), "h-abcdef011111", b.id(), "h-abcdef012222", c.id(), "h-12345678"),
                MarkdownExport.blockIds(List.of(new AnnotatedArticle(bare(), "", List.of(), List.of(a, b, c)))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            treaty                | treaty
            treaty/article-4      | treaty/article-4
            Treaty/Article 4      | Treaty/Article-4
            primary source        | primary-source
            /a//b/                | a/b
            2024                  | tag-2024
            2024/06               | tag-2024/06
            C++ & C#              | C-C
            a_b                   | a_b
            _a_ / b_              | a/b
            a-_b                  | a-b
            북러 조약              | 북러-조약
            !!!                   | tag
            'needs **review**'    | needs-review
            """)
    void tagNamesBecomeObsidianTags(String name, String slug) {
        assertEquals(slug, MarkdownText.tagSlug(name));
    }

    @Test
    void exportOf10000HighlightsOver1000ArticlesIsQuick() {
        List<AnnotatedArticle> articles = new ArrayList<>();
        for (int a = 0; a < 1000; a++) {
            Article article = Fixtures.article(String.format("%016x", a * 7919L), "Article " + a + ": Seoul & Moscow", "t");
            List<Highlight> highlights = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String id = String.format("%08x-0000-4000-8000-%012x", a * 10 + i, a);
                highlights.add(Fixtures.highlight(id, article.key(),
                        "The treaty, signed on June 19, obliges each side to provide military assistance \"without"
                                + " delay\" — article " + i + " of 23.\n\nA second paragraph of the passage.",
                        i % 2 == 0 ? "" : "Check *this* against the 1961 text.", List.of("treaty/article-" + i, "nk")));
            }
            articles.add(new AnnotatedArticle(article, "Article note " + a, List.of("news"), highlights));
        }
        for (Grouping grouping : Grouping.values()) {
            ExportOptions options = OPTIONS.withGrouping(grouping);
            long ms = Long.MAX_VALUE;
            String md = "";
            for (int run = 0; run < 3; run++) { // the first runs warm the JIT up
                long start = System.nanoTime();
                md = MarkdownExport.render(articles, options);
                ms = Math.min(ms, (System.nanoTime() - start) / 1_000_000);
            }
            System.out.printf("Markdown export %s, 10,000 highlights over 1,000 articles: best of 3 %d ms, %,d chars%n",
                    grouping, ms, md.length());
            assertTrue(ms < 5_000, "took " + ms + " ms");
        }
    }

    @Test
    void printsTheByArticleSampleForTheReport() {
        String md = MarkdownExport.render(Fixtures.treatyArticles(), OPTIONS);
        System.out.println("----- by-article export of the 3-article fixture -----\n" + md + "----- end -----");
        assertTrue(md.contains("^h-5c1e7a90"));
    }
}
