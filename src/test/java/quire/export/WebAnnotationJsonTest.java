package quire.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static quire.export.Fixtures.EXPORTED_AT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import quire.model.AnnotatedArticle;
import quire.model.Article;
import quire.model.Highlight;
import quire.model.HighlightState;
import quire.model.QuireException;

class WebAnnotationJsonTest {
    private static String json(List<AnnotatedArticle> articles) {
        StringWriter out = new StringWriter();
        WebAnnotationJson.write(out, articles, EXPORTED_AT);
        return out.toString();
    }

    private static AnnotationImport read(String json) {
        return WebAnnotationJson.read(new StringReader(json));
    }

    @Test
    void exportReadsBackAsTheSameHighlightsAndArticleNotes() {
        List<AnnotatedArticle> articles = Fixtures.treatyArticles();

        AnnotationImport back = read(json(articles));

        assertEquals(articles.stream().flatMap(a -> a.highlights().stream()).toList(), back.highlights());
        assertEquals(List.of(
                new ArticleNote("7f3a9c2e11d04b5a", "The core text of the pact. Everything else is commentary.",
                        List.of("primary source", "treaty")),
                new ArticleNote("a1b2c3d4e5f60718", "", List.of("reactions"))), back.articleNotes());
    }

    @Test
    void keysAndTextWithAnyCharactersSurviveTheRoundTrip() {
        String odd = "k/ü:%20 #?\"\\\u0000🤝\n";
        Highlight h = new Highlight("5c1e7a90-3b4d-4e8f-9a2b-0c1d2e3f4a5b", odd, 3, 9, odd, odd, odd, "purple", odd,
                List.of(odd.strip()), Fixtures.CREATED, Fixtures.UPDATED, HighlightState.ORPHANED, odd);
        Article article = Fixtures.bareArticle(odd, "T");

        AnnotationImport back = read(json(List.of(new AnnotatedArticle(article, odd, List.of(), List.of(h)))));

        assertEquals(List.of(h), back.highlights());
        assertEquals(List.of(new ArticleNote(odd, odd, List.of())), back.articleNotes());
    }

    @Test
    void highlightIsAW3cAnnotationWithQuireExtensions() throws Exception {
        JsonNode root = new ObjectMapper().readTree(json(Fixtures.treatyArticles()));
        JsonNode first = root.at("/first/items/1");

        assertEquals(List.of("http://www.w3.org/ns/anno.jsonld", "AnnotationCollection", "AnnotationPage", "6"),
                List.of(root.get("@context").asText(), root.get("type").asText(), root.at("/first/type").asText(),
                        root.get("total").asText()));
        assertEquals(new ObjectMapper().readTree("""
                {
                  "@context": "http://www.w3.org/ns/anno.jsonld",
                  "id": "urn:uuid:5c1e7a90-3b4d-4e8f-9a2b-0c1d2e3f4a5b",
                  "type": "Annotation",
                  "motivation": "commenting",
                  "created": "2026-11-20T09:15:30.123Z",
                  "modified": "2026-11-21T10:00:00Z",
                  "body": [
                    {"type": "TextualBody", "purpose": "commenting",
                     "value": "Compare with the 1961 treaty, Article 1.\\nVerify the Korean text.", "format": "text/plain"},
                    {"type": "TextualBody", "purpose": "tagging", "value": "treaty/article-4"},
                    {"type": "TextualBody", "purpose": "tagging", "value": "verify"}
                  ],
                  "target": {
                    "source": "urn:quire:article:7f3a9c2e11d04b5a",
                    "quire:link": "https://www.koreaherald.com/view.php?ud=20240620000123",
                    "selector": [
                      {"type": "TextQuoteSelector",
                       "exact": "In case any one of the two sides is put in a state of war by an armed invasion, the other side shall provide military and other assistance with all means in its possession without delay.",
                       "prefix": "in accordance with Article 51 of the UN Charter", "suffix": "In accordance with Article 51 — "},
                      {"type": "TextPositionSelector", "start": 1203, "end": 1371}
                    ]
                  },
                  "quire:color": "pink",
                  "quire:state": "anchored",
                  "quire:textHash": "9f86d081884c7d65",
                  "quire:articleTitle": "Putin, Kim sign mutual defence pact [full text]"
                }
                """), first);
    }

    @Test
    void hypothesisApiRowsReadWithDefaults() {
        AnnotationImport back = read("""
                {"total": 2, "rows": [
                  {"id": "Xk3f9aBCEe-1", "created": "2024-06-21T08:00:00.123456+00:00",
                   "updated": "2024-06-22T08:00:00.000000+00:00", "uri": "https://example.org/news/1",
                   "text": "Seen in the treaty text.", "tags": ["Treaty", "nk", "treaty"],
                   "target": [{"source": "https://example.org/news/1", "selector": [
                     {"type": "RangeSelector", "startContainer": "/p[2]", "startOffset": 0,
                      "endContainer": "/p[2]", "endOffset": 12},
                     {"type": "TextPositionSelector", "start": 100, "end": 112},
                     {"type": "TextQuoteSelector", "exact": "mutual aid", "prefix": "the ", "suffix": " clause"}]}]},
                  {"id": "page-note-1", "uri": "https://example.org/news/1", "text": "Whole page.",
                   "tags": ["later"], "target": [{"source": "https://example.org/news/1"}]}
                ]}
                """);

        assertEquals(List.of(new Highlight(
                java.util.UUID.nameUUIDFromBytes("Xk3f9aBCEe-1".getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(),
                "https://example.org/news/1", 100, 112, "mutual aid", "the ", " clause", "yellow",
                "Seen in the treaty text.", List.of("nk", "Treaty"), Instant.parse("2024-06-21T08:00:00.123456Z"),
                Instant.parse("2024-06-22T08:00:00Z"), HighlightState.ANCHORED, "")), back.highlights());
        assertEquals(List.of(new ArticleNote("https://example.org/news/1", "Whole page.", List.of("later"))),
                back.articleNotes());
    }

    @Test
    void plainArrayOrSingleAnnotationWithoutPositionReadsAsQuoteOnly() {
        String one = """
                {"type": "Annotation", "body": {"type": "TextualBody", "value": "a note"},
                 "target": {"source": "urn:quire:article:k1",
                            "selector": {"type": "TextQuoteSelector", "exact": "passage"}}}
                """;

        AnnotationImport single = read(one);
        AnnotationImport array = read("[" + one + "]");

        Highlight h = single.highlights().get(0);
        assertEquals(List.of("k1", "0", "7", "a note", "", "yellow", "anchored", Instant.EPOCH.toString()),
                List.of(h.articleKey(), "" + h.start(), "" + h.end(), h.note(), h.textHash(), h.color(),
                        h.state().label(), h.created().toString()));
        assertEquals(single, array);
        assertEquals(single, read(one), "ids derived from the content are stable");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``                                                             | The annotation file is empty.
            `{"a": 1`                                                      | The annotation file is not valid JSON
            `[1, 2] x`                                                     | The annotation file is not valid JSON
            `{"items": [], "items": []}`                                   | The annotation file is not valid JSON
            `"text"`                                                       | The annotation file holds no annotations: expected an object or an array.
            `{"hello": "world"}`                                           | The annotation file holds no annotations: expected an AnnotationCollection, an array of annotations or one annotation.
            `{"first": "https://example.org/page1"}`                       | The annotation collection refers to pages elsewhere
            `{"items": {"a": 1}}`                                          | The annotations in the file are not a list.
            `[42]`                                                         | Annotation 1 is not a JSON object.
            `[{"type": "Annotation"}]`                                     | Annotation 1 has no target.
            `[{"target": {"selector": []}}]`                               | Annotation 1 does not say which document it is on (target 'source').
            `[{"target": {"source": "s", "selector": {"type": "TextQuoteSelector", "exact": ""}}}]` | Annotation 1 has no quoted text (TextQuoteSelector 'exact').
            `[{"target": {"source": "s", "selector": {"type": "TextQuoteSelector", "exact": 7}}}]` | Annotation 1 has a field 'exact' that is not text.
            `[{"target": {"source": "s", "selector": {"type": "TextPositionSelector", "start": 1, "end": 2}}}]` | Annotation 1 has a position but no quoted text (TextQuoteSelector).
            `[{"target": {"source": "s", "selector": [{"type": "TextQuoteSelector", "exact": "x"}, {"type": "TextPositionSelector", "start": 5, "end": 5}]}}]` | Annotation 1 has an empty or negative position (5 to 5).
            `[{"target": {"source": "s", "selector": [{"type": "TextQuoteSelector", "exact": "x"}, {"type": "TextPositionSelector", "start": "1", "end": 5}]}}]` | Annotation 1 has a TextPositionSelector whose 'start' is not a whole number.
            `[{"quire:color": "teal", "target": {"source": "s", "selector": {"type": "TextQuoteSelector", "exact": "x"}}}]` | Annotation 1 has an unknown colour 'teal' (expected one of yellow, green, blue, pink, purple, orange).
            `[{"quire:state": "lost", "target": {"source": "s", "selector": {"type": "TextQuoteSelector", "exact": "x"}}}]` | Annotation 1 has an unknown state 'lost' (expected anchored or orphaned).
            `[{"created": "yesterday", "target": {"source": "s", "selector": {"type": "TextQuoteSelector", "exact": "x"}}}]` | Annotation 1 has a 'created' time that is not an ISO date and time: 'yesterday'.
            `[{"body": {"value": 3}, "target": {"source": "s", "selector": {"type": "TextQuoteSelector", "exact": "x"}}}]` | Annotation 1 has a body whose value is not text.
            """)
    void malformedFilesAreRejectedWithAPlainMessage(String json, String message) {
        QuireException e = assertThrows(QuireException.class, () -> read(json));

        assertEquals(message, e.getMessage().substring(0, Math.min(message.length(), e.getMessage().length())),
                e.getMessage());
    }
}
