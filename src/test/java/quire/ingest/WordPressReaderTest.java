package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordPressReaderTest {
    private final WordPressReader reader = new WordPressReader();

    private ReadResult read(String json) {
        return reader.read(json, "post.json");
    }

    private ArticleDraft readOne(String json) {
        ReadResult result = read(json);
        assertEquals(1, result.drafts().size(), () -> "skipped: " + result.skipped());
        return result.drafts().get(0);
    }

    /** Each block as "kind: text", so a whole body compares in one assertion. */
    static List<String> blocks(Body body) {
        return body.blocks().stream()
                .map(b -> b.kind().label() + ": " + body.text().substring(b.start(), b.end()))
                .toList();
    }

    private static String post(String title, String contentHtml) {
        return "{\"title\":{\"rendered\":\"" + title + "\"},\"content\":{\"rendered\":\"" + contentHtml + "\"}}";
    }

    @Test
    void singlePostGivesAllItsFields() {
        String json = """
                {"id":42,"date":"2024-06-20T18:05:15","date_gmt":"2024-06-20T09:05:15",
                 "guid":{"rendered":"https:\\/\\/example.org\\/?p=42&#038;lang=en"},
                 "modified":"2024-06-21T17:24:00","slug":"treaty-signed","status":"publish",
                 "link":"https:\\/\\/example.org\\/2024\\/06\\/treaty-signed\\/",
                 "title":{"rendered":"Treaty &#8220;signed&#8221; &amp; sealed"},
                 "content":{"rendered":"<p>First paragraph.<\\/p>\\n<p>Second paragraph.<\\/p>\\n","protected":false},
                 "excerpt":{"rendered":"<p>The short version&nbsp;[&hellip;]<\\/p>\\n","protected":false},
                 "author":7,"categories":[3,14],"tags":[15,92,65],
                 "meta":{"footnotes":""},"_links":{"self":[{"href":"https:\\/\\/example.org\\/wp-json\\/wp\\/v2\\/posts\\/42"}]}}
                """;

        ArticleDraft draft = readOne(json);

        assertEquals("Treaty “signed” & sealed", draft.title());
        assertEquals("2024-06-20T18:05:15+09:00", draft.published().orElseThrow().toString());
        assertEquals(Optional.of("https://example.org/2024/06/treaty-signed/"), draft.link());
        assertEquals(Optional.of("https://example.org/?p=42&lang=en"), draft.guid());
        assertEquals(Optional.of("The short version […]"), draft.summary());
        assertEquals(Optional.empty(), draft.author());
        assertEquals(Optional.empty(), draft.source());
        assertEquals(
                Map.of("id", "42", "slug", "treaty-signed", "modified", "2024-06-21T17:24:00",
                        "categories", "3,14", "tags", "15,92,65", "author-id", "7"),
                draft.properties());
        assertEquals(List.of("paragraph: First paragraph.", "paragraph: Second paragraph."), blocks(draft.body()));
        assertEquals(List.of(), draft.warnings());
    }

    @Test
    void plainStringTitleAndContentAreAccepted() {
        ArticleDraft draft = readOne("{\"title\":\"Plain title\",\"content\":\"<p>Body.</p>\"}");

        assertEquals("Plain title", draft.title());
        assertEquals(List.of("paragraph: Body."), blocks(draft.body()));
    }

    @Test
    void arrayOfPostsGivesOneDraftPerPost() {
        String json = "[" + post("One", "<p>First.</p>") + ",\n" + post("Two", "<p>Second.</p>") + "]";

        ReadResult result = read(json);

        assertEquals(List.of("One", "Two"), result.drafts().stream().map(ArticleDraft::title).toList());
        assertEquals(List.of(), result.skipped());
    }

    @Test
    void objectWrappingPostsGivesItsPosts() {
        String json = "{\"found\":2,\"posts\":[" + post("One", "<p>First.</p>") + "," + post("Two", "<p>Second.</p>") + "]}";

        ReadResult result = read(json);

        assertEquals(List.of("One", "Two"), result.drafts().stream().map(ArticleDraft::title).toList());
    }

    @Test
    void jsonLinesWithABadLineKeepsTheOtherLines() {
        String json = post("One", "<p>First.</p>") + "\n"
                + "{\"title\":{\"rendered\":\"Broken\"} \"content\":{}}\n"
                + post("Three", "<p>Third.</p>") + "\n";

        ReadResult result = read(json);

        assertEquals(List.of("One", "Three"), result.drafts().stream().map(ArticleDraft::title).toList());
        assertEquals(
                List.of("Line 2 is not valid JSON: unexpected character ('\"' (code 34)): was expecting comma to"
                        + " separate Object entries; skipped."),
                result.skipped());
    }

    @Test
    void jsonLinesWithABadFirstLineKeepsTheOtherLines() {
        String json = "{not json at all\n" + post("Two", "<p>Second.</p>") + "\n" + post("Three", "<p>Third.</p>");

        ReadResult result = read(json);

        assertEquals(List.of("Two", "Three"), result.drafts().stream().map(ArticleDraft::title).toList());
        assertEquals(1, result.skipped().size());
    }

    @Test
    void jsonLinesValueThatIsNotAPostIsSkippedWithItsLineNumber() {
        String json = post("One", "<p>First.</p>") + "\n{\"name\":\"settings\"}\n";

        ReadResult result = read(json);

        assertEquals(List.of("One"), result.drafts().stream().map(ArticleDraft::title).toList());
        assertEquals(List.of("Line 2 is not a WordPress post: it has no title or content."), result.skipped());
    }

    @Test
    void rawLineBreaksAndTabsInsideStringsAreRead() {
        ArticleDraft draft = readOne("{\"title\":\"Line\nbreak\",\"content\":\"<p>Raw\n\tnewline.</p>\n<p>Next.</p>\"}");

        assertEquals("Line break", draft.title());
        assertEquals(List.of("paragraph: Raw newline.", "paragraph: Next."), blocks(draft.body()));
    }

    @Test
    void lenientSyntaxIsRead() {
        ArticleDraft draft = readOne("{'title':'It\\'s here','content':{'rendered':'<p>Trailing, commas.</p>',},}");

        assertEquals("It's here", draft.title());
        assertEquals(List.of("paragraph: Trailing, commas."), blocks(draft.body()));
    }

    @Test
    void truncatedPostKeepsTextUpToTheCut() {
        ArticleDraft draft = readOne("{\"id\":1,\"title\":{\"rendered\":\"Cut\"},\"content\":{\"rendered\":\"<p>One.</p>\\n<p>Two is cu");

        assertEquals("Cut", draft.title());
        assertEquals(Map.of("id", "1"), draft.properties());
        assertEquals(List.of("paragraph: One.", "paragraph: Two is cu"), blocks(draft.body()));
        assertEquals(List.of(WordPressReader.CONTENT_TRUNCATED), draft.warnings());
    }

    @ParameterizedTest(name = "cut after {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // a partial escape is dropped, never decoded to something else
        "`<p>Caf\\u00e9 au lait \\u20`                  | `Café au lait`",
        "`<p>Caf\\u00e9 au lait \\u`                    | `Café au lait`",
        "`<p>He said \\\"hi\\`                          | `He said \"hi`",
        "`<p>Emoji \\ud83d`                             | `Emoji`",
        // a partial tag or entity is dropped, never shown or decoded to something else
        "`<p>Quote &#82`                               | `Quote`",
        "`<p>Link <a href=\\\"https://exa`              | `Link`",
        "`<p>Kept</p><p>`                              | `Kept`",
    })
    void truncationInsideTheContentDropsOnlyTheDanglingPart(String contentPrefix, String expectedText) {
        ArticleDraft draft = readOne("{\"title\":\"T\",\"content\":{\"rendered\":\"" + contentPrefix);

        assertEquals(List.of("paragraph: " + expectedText), blocks(draft.body()));
        assertEquals(List.of(WordPressReader.CONTENT_TRUNCATED), draft.warnings());
    }

    @Test
    void truncationInsideTheTitleRecoversNothing() {
        IngestException e = assertThrows(
                IngestException.class, () -> read("{\"id\":1,\"title\":{\"rendered\":\"South Korea fa"));

        assertEquals("The JSON ends inside the title, so nothing could be recovered.", e.getMessage());
    }

    @Test
    void truncationBeforeTheContentRecoversNothing() {
        IngestException e = assertThrows(
                IngestException.class, () -> read("{\"id\":1,\"title\":{\"rendered\":\"Title\"},\"link\":\"https://exa"));

        assertEquals("The JSON ends before the article text, so nothing could be recovered.", e.getMessage());
    }

    @ParameterizedTest(name = "cut in {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`a later string`     | `,\"excerpt\":{\"rendered\":\"<p>Sho`",
        "`a later key`        | `,\"exc`",
        "`a literal`          | `,\"sticky\":tru`",
        "`a number`           | `,\"featured_media\":12`",
        "`a nested array`     | `,\"tags\":[1,2`",
        "`after a colon`      | `,\"format\":`",
        "`the content object` | `,\"protected\":fal`",
    })
    void truncationAfterTheContentKeepsAllOfIt(String where, String tail) {
        String json = "{\"title\":\"T\",\"content\":{\"rendered\":\"<p>Whole text.</p>\"}" + tail;
        if (where.equals("the content object")) {
            json = "{\"title\":\"T\",\"content\":{\"rendered\":\"<p>Whole text.</p>\"" + tail;
        }

        ArticleDraft draft = readOne(json);

        assertEquals(List.of("paragraph: Whole text."), blocks(draft.body()));
        assertEquals(List.of(WordPressReader.CUT_AFTER_CONTENT), draft.warnings());
        assertEquals(Optional.empty(), draft.summary());
    }

    @Test
    void truncatedArrayKeepsTheCompletePostsAndThePartialOne() {
        String json = "[" + post("One", "<p>First.</p>") + ",{\"title\":{\"rendered\":\"Two\"},\"content\":{\"rendered\":\"<p>Sec";

        ReadResult result = read(json);

        assertEquals(List.of("One", "Two"), result.drafts().stream().map(ArticleDraft::title).toList());
        assertEquals(List.of(), result.drafts().get(0).warnings());
        assertEquals(List.of("paragraph: Sec"), blocks(result.drafts().get(1).body()));
        assertEquals(List.of(WordPressReader.CONTENT_TRUNCATED), result.drafts().get(1).warnings());
        assertEquals(List.of(), result.skipped());
    }

    @Test
    void truncatedArraySkipsAPartialPostWithoutText() {
        String json = "[" + post("One", "<p>First.</p>") + ",{\"title\":{\"rendered\":\"Tw";

        ReadResult result = read(json);

        assertEquals(List.of("One"), result.drafts().stream().map(ArticleDraft::title).toList());
        assertEquals(List.of("Post 2 was skipped: the file ends inside its title."), result.skipped());
    }

    @Test
    void truncatedArrayBetweenPostsSaysLaterPostsAreMissing() {
        ReadResult result = read("[" + post("One", "<p>First.</p>") + ",");

        assertEquals(List.of("One"), result.drafts().stream().map(ArticleDraft::title).toList());
        assertEquals(List.of(), result.drafts().get(0).warnings());
        assertEquals(
                List.of("The file is cut off after the last complete post; any later posts are missing."),
                result.skipped());
    }

    @Test
    void truncatedLastLineOfJsonLinesIsRecovered() {
        String json = post("One", "<p>First.</p>") + "\n{oops}\n{\"title\":\"Three\",\"content\":\"<p>Thi";

        ReadResult result = read(json);

        assertEquals(List.of("One", "Three"), result.drafts().stream().map(ArticleDraft::title).toList());
        assertEquals(List.of(WordPressReader.CONTENT_TRUNCATED), result.drafts().get(1).warnings());
        assertEquals(1, result.skipped().size());
    }

    @Test
    void absurdlyDeepJsonIsRejectedWithAPlainSentence() {
        String json = "{\"title\":\"T\",\"content\":\"x\",\"junk\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";

        IngestException e = assertThrows(IngestException.class, () -> read(json));

        assertEquals("The JSON is nested more than 64 levels deep.", e.getMessage());
    }

    @Test
    void absurdlyDeepTruncatedJsonIsRejectedWithAPlainSentence() {
        IngestException e = assertThrows(IngestException.class, () -> read("{\"a\":" + "[".repeat(5_000)));

        assertEquals("The JSON is nested more than 64 levels deep.", e.getMessage());
    }

    @Test
    void jsonThatIsNoPostIsRejected() {
        IngestException e = assertThrows(
                IngestException.class, () -> read("{\"name\":\"My Site\",\"description\":\"Just another site\"}"));

        assertEquals("The JSON does not look like a WordPress post: it has no title or content.", e.getMessage());
    }

    @Test
    void arrayOfNonPostsIsRejected() {
        IngestException e = assertThrows(IngestException.class, () -> read("[{\"id\":1},{\"id\":2}]"));

        assertEquals("The JSON does not look like WordPress posts: none has a title or content.", e.getMessage());
    }

    @Test
    void emptyArrayIsRejected() {
        IngestException e = assertThrows(IngestException.class, () -> read("[ ]"));

        assertEquals("The JSON holds no posts.", e.getMessage());
    }

    @Test
    void invalidJsonIsRejectedWithWhereItBreaks() {
        IngestException e = assertThrows(IngestException.class, () -> read("{\"title\":\"T\",\n\"content\" \"x\"}"));

        assertEquals(
                "The JSON is not valid at line 2, column 11: unexpected character ('\"' (code 34)): was expecting"
                        + " a colon to separate field name and value.",
                e.getMessage());
    }

    @Test
    void postWithoutContentUsesItsExcerpt() {
        ArticleDraft draft = readOne("{\"title\":\"T\",\"excerpt\":{\"rendered\":\"<p>Only the excerpt.</p>\"}}");

        assertEquals(List.of("paragraph: Only the excerpt."), blocks(draft.body()));
        assertEquals(List.of(WordPressReader.EXCERPT_AS_TEXT), draft.warnings());
    }

    @Test
    void postWithEmptyContentGivesAnEmptyBodyAndSaysWhy() {
        ArticleDraft draft = readOne("{\"title\":\"T\",\"content\":{\"rendered\":\"\"}}");

        assertEquals(List.of(), blocks(draft.body()));
        assertEquals(List.of(WordPressReader.NO_CONTENT), draft.warnings());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "-", value = {
        "`embedded author` | `\"author\":7,\"_embedded\":{\"author\":[{\"id\":7,\"name\":\"Ji Da-gyum\"}],\"wp:term\":[[{\"name\":\"Politics\"}]]}` | `Ji Da-gyum` | `7`",
        "`yoast author`    | `\"author\":7,\"yoast_head_json\":{\"title\":\"x\",\"author\":\"Colin O&#8217;Brien\"}`                       | `Colin O’Brien` | `7`",
        "`embedded first`  | `\"yoast_head_json\":{\"author\":\"Yoast Name\"},\"_embedded\":{\"author\":[{\"name\":\"Embedded Name\"}]}`   | `Embedded Name` | -",
        "`string author`   | `\"author\":\"Jane Doe\"`                                                                                | `Jane Doe`      | -",
        "`object author`   | `\"author\":{\"id\":3,\"name\":\"Kim Min-ji\"}`                                                          | `Kim Min-ji`    | -",
        "`numeric author`  | `\"author\":12`                                                                                          | -               | `12`",
    })
    void authorComesFromTheBestSourceAvailable(String variant, String fields, String name, String id) {
        ArticleDraft draft = readOne("{\"title\":\"T\",\"content\":\"<p>x</p>\"," + fields + "}");

        assertEquals(Optional.ofNullable(name), draft.author());
        assertEquals(Optional.ofNullable(id), Optional.ofNullable(draft.properties().get("author-id")));
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
        "2024-06-20T18:05:15, 2024-06-20T09:05:15, 2024-06-20T18:05:15+09:00",
        "2024-06-20T08:00:39, 2024-06-19T23:00:39, 2024-06-20T08:00:39+09:00",
        "2024-06-20T04:05:15, 2024-06-20T09:05:15, 2024-06-20T04:05:15-05:00",
        "2024-06-20T14:35:15, 2024-06-20T09:05:15, 2024-06-20T14:35:15+05:30",
        "2024-06-20T09:05:15, 2024-06-20T09:05:15, 2024-06-20T09:05:15Z",
        "2024-06-20T18:05:15, -,                   2024-06-20T18:05:15",
        "2024-06-20T18:05:15, 0000-00-00T00:00:00, 2024-06-20T18:05:15",
        "2024-06-20T18:05:15, 2024-06-20T09:05:16, 2024-06-20T18:05:15",
        "-,                   2024-06-20T09:05:15, 2024-06-20T09:05:15Z",
        "2024-06-20T18:05:15+09:00, -,             2024-06-20T18:05:15+09:00",
        "2024-06-20 18:05:15, 2024-06-20 09:05:15, 2024-06-20T18:05:15+09:00",
    })
    void publishedTakesItsOffsetFromTheGmtDate(String date, String dateGmt, String expected) {
        assertEquals(expected, WordPressReader.published(date, dateGmt).orElseThrow().toString());
    }

    @Test
    void publishedIsEmptyWithoutADate() {
        assertEquals(Optional.empty(), WordPressReader.published(null, "garbage"));
    }

    @Test
    void contentMarkupIsCleaned() {
        String content = "<p>Putin\\u2019s <\\/span>visit<\\/span><\\/a> to &#8220;Pyongyang&#8221; &amp; beyond&nbsp;now.<\\/span><\\/p>\\n"
                + " Why It Matters<\\/b><\\/p>\\n<script>alert(1)<\\/script>";

        ArticleDraft draft = readOne(post("T", content));

        assertEquals(
                List.of("paragraph: Putin’s visit to “Pyongyang” & beyond now.", "heading: Why It Matters"),
                blocks(draft.body()));
    }
}
