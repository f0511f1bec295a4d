package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import quire.model.BlockKind;
import quire.model.Published;

class MarkdownReaderTest {
    private final MarkdownReader reader = new MarkdownReader();

    record Part(BlockKind kind, String text) {}

    private static Part p(String text) {
        return new Part(BlockKind.PARAGRAPH, text);
    }

    private static Part part(BlockKind kind, String text) {
        return new Part(kind, text);
    }

    private ArticleDraft read(String content) {
        ReadResult result = reader.read(content, "article.md");
        assertEquals(1, result.drafts().size());
        return result.drafts().get(0);
    }

    private static List<Part> parts(ArticleDraft draft) {
        Body body = draft.body();
        return body.blocks().stream()
                .map(b -> new Part(b.kind(), body.text().substring(b.start(), b.end())))
                .toList();
    }

    @Test
    void frontMatterFieldsBecomeMetadata() {
        ArticleDraft draft = read("""
                ---
                title: "Seoul warns Moscow"
                date: 2024-06-20T18:05:15+09:00
                author: Ji Da-gyum
                source: The Korea Herald
                url: https://www.koreaherald.com/view.php?ud=20240620000123
                description: Seoul says red lines are running out.
                tags: [russia, treaty]
                categories:
                  - North Korea
                  - Diplomacy
                slug: seoul-warns-moscow
                ---
                Body paragraph.
                """);
        assertEquals("Seoul warns Moscow", draft.title());
        assertEquals(Optional.of(Published.parse("2024-06-20T18:05:15+09:00")), draft.published());
        assertEquals(Optional.of("Ji Da-gyum"), draft.author());
        assertEquals(Optional.of("The Korea Herald"), draft.source());
        assertEquals(Optional.of("https://www.koreaherald.com/view.php?ud=20240620000123"), draft.link());
        assertEquals(Optional.of("Seoul says red lines are running out."), draft.summary());
        assertEquals(
                Map.of("tags", "russia, treaty", "categories", "North Korea, Diplomacy", "slug", "seoul-warns-moscow"),
                draft.properties());
        assertEquals(List.of(), draft.warnings());
        assertEquals(List.of(p("Body paragraph.")), parts(draft));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            date: 2024-06-20                                   ; 2024-06-20
            date: '2024-06-20'                                 ; 2024-06-20
            date: 2024-06-20T18:05:15+09:00                    ; 2024-06-20T18:05:15+09:00
            date: 2024-06-20 18:05:15 +0900                    ; 2024-06-20T18:05:15+09:00
            published: June 20, 2024                           ; 2024-06-20
            pubDate: "Thu, 20 Jun 2024 18:05:15 +0900"         ; 2024-06-20T18:05:15+09:00
            date: 2024-06-20\\ntime: "18:05"                   ; 2024-06-20T18:05
            date: 2024-06-20\\ntime: 6:05 pm                   ; 2024-06-20T18:05
            date: 2024-06-20\\ntime: 18:05                     ; 2024-06-20T18:05
            """)
    void frontMatterDatesInTheUsualSpellings(String yaml, String expected) {
        ArticleDraft draft = read("---\n" + yaml.replace("\\n", "\n") + "\n---\nBody.\n");
        assertEquals(Optional.of(Published.parse(expected)), draft.published());
        assertEquals(List.of(), draft.warnings());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            author: [Kim Arin, Lee Jung-joo]              ; Kim Arin, Lee Jung-joo
            authors: ['Kim Arin', 'Lee Jung-joo']         ; Kim Arin, Lee Jung-joo
            author:\\n  name: Ji Da-gyum\\n  email: a@b    ; Ji Da-gyum
            """)
    void authorsAsStringListOrPerson(String yaml, String expected) {
        ArticleDraft draft = read("---\n" + yaml.replace("\\n", "\n") + "\n---\nBody.\n");
        assertEquals(Optional.of(expected), draft.author());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            link: https://a.example/1            ; https://a.example/1
            source_url: https://a.example/2      ; https://a.example/2
            canonical: https://a.example/3       ; https://a.example/3
            source: https://a.example/4          ; https://a.example/4
            """)
    void linkUnderAnyOfItsNames(String yaml, String expected) {
        ArticleDraft draft = read("---\n" + yaml + "\n---\nBody.\n");
        assertEquals(Optional.of(expected), draft.link());
        assertEquals(Optional.empty(), draft.source());
    }

    @Test
    void siteAndPublisherAndExcerptAreSourceAndSummary() {
        ArticleDraft draft = read("---\nsite: Korea Pro\nexcerpt: The short version.\n---\nBody.\n");
        assertEquals(Optional.of("Korea Pro"), draft.source());
        assertEquals(Optional.of("The short version."), draft.summary());
    }

    @Test
    void unreadableDateIsReportedAndKept() {
        ArticleDraft draft = read("---\ndate: sometime last week\n---\nBody.\n");
        assertEquals(Optional.empty(), draft.published());
        assertEquals(List.of("The date in the front matter (\"sometime last week\") could not be read."), draft.warnings());
        assertEquals(Map.of("date", "sometime last week"), draft.properties());
    }

    @Test
    void brokenYamlIsIgnoredWithAWarningAndTheBodyIsStillRead() {
        ArticleDraft draft = read("---\ntitle: [unclosed\nauthor: : :\n---\n# Heading title\n\nBody paragraph.\n");
        assertEquals(List.of("The front matter is not valid YAML; it was ignored."), draft.warnings());
        assertEquals("Heading title", draft.title());
        assertEquals(Optional.empty(), draft.author());
        assertEquals(List.of(p("Body paragraph.")), parts(draft));
    }

    @Test
    void frontMatterWithoutClosingFenceIsReadAsText() {
        ArticleDraft draft = read("---\ntitle: Never closed\n\nBody paragraph.\n");
        assertEquals(List.of("The front matter has no closing '---' line; it was read as text."), draft.warnings());
        assertEquals(List.of(p("title: Never closed"), p("Body paragraph.")), parts(draft));
    }

    @Test
    void firstLevelHeadingAtTheTopIsTheTitleAndNotABlock() {
        ArticleDraft draft = read("# Seoul warns Moscow\n\nFirst paragraph.\n\n## Background\n\nSecond.\n");
        assertEquals("Seoul warns Moscow", draft.title());
        assertEquals(List.of(p("First paragraph."), part(BlockKind.HEADING, "Background"), p("Second.")), parts(draft));
    }

    @Test
    void headingRepeatingTheFrontMatterTitleIsDropped() {
        ArticleDraft draft = read("---\ntitle: Seoul warns Moscow\n---\n\n# Seoul warns Moscow\n\nBody.\n");
        assertEquals("Seoul warns Moscow", draft.title());
        assertEquals(List.of(p("Body.")), parts(draft));
    }

    @Test
    void headingDifferentFromTheFrontMatterTitleStays() {
        ArticleDraft draft = read("---\ntitle: Front title\n---\n\n# Another heading\n\nBody.\n");
        assertEquals("Front title", draft.title());
        assertEquals(List.of(part(BlockKind.HEADING, "Another heading"), p("Body.")), parts(draft));
    }

    @Test
    void withoutTitleOrTopHeadingTheTitleIsEmpty() {
        ArticleDraft draft = read("## Section\n\nBody.\n");
        assertEquals("", draft.title());
        assertEquals(List.of(part(BlockKind.HEADING, "Section"), p("Body.")), parts(draft));
    }

    @Test
    void bodyStructureBecomesBlocks() {
        ArticleDraft draft = read("""
                # Title

                Intro paragraph
                over two lines.

                ### Key points

                - first point
                - second point
                  continued
                1. numbered

                > A quoted
                > statement.
                >
                > Second quoted paragraph.

                ```
                code block
                  line two
                ```

                    indented code

                ---

                <div class="note"><p>HTML &amp; more</p></div>

                Last paragraph.
                """);
        assertEquals(
                List.of(
                        p("Intro paragraph over two lines."),
                        part(BlockKind.HEADING, "Key points"),
                        part(BlockKind.LIST_ITEM, "first point"),
                        part(BlockKind.LIST_ITEM, "second point continued"),
                        part(BlockKind.LIST_ITEM, "numbered"),
                        part(BlockKind.QUOTE, "A quoted statement."),
                        part(BlockKind.QUOTE, "Second quoted paragraph."),
                        p("code block line two"),
                        p("indented code"),
                        p("HTML & more"),
                        p("Last paragraph.")),
                parts(draft));
    }

    @Test
    void inlineMarkupIsStripped() {
        ArticleDraft draft = read("""
                Some *emphasis*, **strong**, `code span`, [a link](https://example.com "t"),
                <span class="x">inline html</span>,<br>after break, &amp; entity, ![pic](p.jpg) and\\
                hard break.
                """);
        assertEquals(
                List.of(p("Some emphasis, strong, code span, a link, inline html, after break, & entity, and hard break.")),
                parts(draft));
    }

    @Test
    void imageOnlyParagraphsAreCaptions() {
        ArticleDraft draft = read("""
                Intro.

                ![Kim and Putin in Pyongyang (Pool via Reuters)](kim.jpg)

                ![](empty.jpg "Title as caption")

                ![](no-words.jpg)

                ![alt](a.jpg)
                *Caption under the image.*

                Putin and Kim attend a reception in Pyongyang. (Sputnik via Reuters)

                End.
                """);
        assertEquals(
                List.of(
                        p("Intro."),
                        part(BlockKind.CAPTION, "Kim and Putin in Pyongyang (Pool via Reuters)"),
                        part(BlockKind.CAPTION, "Title as caption"),
                        part(BlockKind.CAPTION, "Caption under the image."),
                        part(BlockKind.CAPTION, "Putin and Kim attend a reception in Pyongyang. (Sputnik via Reuters)"),
                        p("End.")),
                parts(draft));
    }

    @Test
    void koreanTextIsKeptIntact() {
        ArticleDraft draft = read("---\ntitle: 북러 조약\nauthor: 김철수\n---\n북한과 러시아는 **조약을** 체결했다.\n");
        assertEquals("북러 조약", draft.title());
        assertEquals(Optional.of("김철수"), draft.author());
        assertEquals(List.of(p("북한과 러시아는 조약을 체결했다.")), parts(draft));
    }

    @Test
    void frontMatterOnlyGivesAnEmptyBodyAndAWarning() {
        ArticleDraft draft = read("---\ntitle: Only a title\n---\n");
        assertEquals("Only a title", draft.title());
        assertEquals(List.of(), parts(draft));
        assertEquals(List.of("The Markdown file has no article text."), draft.warnings());
    }

    @Test
    void blankFileCannotBeRead() {
        IngestException e = assertThrows(IngestException.class, () -> reader.read("\n  \n", "a.md"));
        assertEquals("The file contains no text.", e.getMessage());
    }

    @Test
    void ingesterSniffsFrontMatterAndBuildsTheArticle() {
        byte[] bytes = "---\ntitle: Seoul warns Moscow\nurl: https://www.koreaherald.com/x\n---\nBody.\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        FileIngest ingest = new Ingester().ingest(bytes, "notes/a.txt");
        assertEquals(List.of(), ingest.problems());
        assertEquals("Seoul warns Moscow", ingest.articles().get(0).title());
        assertEquals(Optional.of("koreaherald.com"), ingest.articles().get(0).source());
        assertEquals("Body.", ingest.articles().get(0).text());
    }

    @org.junit.jupiter.api.Test
    void nestingBeyondSixteenLevelsIsFlattenedAndShallowTextIsUntouched() {
        String deep = "- ".repeat(100_000) + "item";
        String limited = MarkdownReader.limitNesting("# Title\n\n" + deep + "\nnext line\n");

        org.junit.jupiter.api.Assertions.assertEquals("# Title\n\n" + "- ".repeat(16) + "item\nnext line\n", limited);
        String normal = "> quote\n\n- a\n  - b\n1. one\n";
        org.junit.jupiter.api.Assertions.assertSame(normal, MarkdownReader.limitNesting(normal));
    }
}
