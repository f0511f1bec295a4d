package quire.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonmark.node.Node;
import quire.model.AnnotatedArticle;
import quire.model.Highlight;

/** Reliability R6: whatever a quote, a note or a title holds, the export keeps its structure. */
class MarkdownEscapingPropertiesTest {
    private static final String ID = "5c1e7a90-3b4d-4e8f-9a2b-0c1d2e3f4a5b";

    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withChars("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~").ofMinLength(1).ofMaxLength(4),
                Arbitraries.of("#", "> ", "- ", "+ ", "* ", "1. ", "2) ", "```", "~~~", "---", "===", "<script>",
                        "</div>", "<!--", "&amp;", "&#42;", "[a](javascript:x)", "![i](x)", "[[w]]", "==", "%%",
                        "$", "^id", "| a |", "\\", "    ", "\t", "\n", "\n\n", "\r\n", "\r", "\u0000", "\u202E",
                        "\u00A0", "\u3000", "한국", "🤝", "word", " "),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6));
        return pieces.list().ofMinSize(1).ofMaxSize(12).map(list -> String.join("", list));
    }

    @Property(tries = 1000)
    void quoteNoteAndTitleKeepTheirBlocks(@ForAll("hostileText") String quote, @ForAll("hostileText") String note,
            @ForAll("hostileText") String title) {
        String articleTitle = title.isBlank() ? "T" : title;
        Highlight h = Fixtures.highlight(ID, "k1", quote, note, List.of(title));
        String md = MarkdownExport.render(
                List.of(new AnnotatedArticle(Fixtures.bareArticle("k1", articleTitle), "", List.of(), List.of(h))),
                ExportOptions.of(Fixtures.EXPORTED_AT));
        Node doc = MarkdownAst.body(md);

        List<String> expected = new ArrayList<>(List.of("h1 Quire export", "h2 " + MarkdownText.oneLine(articleTitle),
                "list Path: k1.txt | Key: k1", "quote " + MarkdownAst.normalized(quote), "p ^h-5c1e7a90"));
        String normalizedNote = MarkdownAst.normalized(note);
        // A note of only whitespace (U+3000 included: String.isBlank counts it) is no note, and is not exported.
        if (!note.isBlank() && !normalizedNote.isEmpty()) {
            for (String paragraph : normalizedNote.split("\n\n")) {
                expected.add("p " + paragraph);
            }
        }
        expected.add("p #" + MarkdownText.tagSlug(title));
        assertEquals(expected, MarkdownAst.outline(doc), md);
        assertEquals(List.of(), MarkdownAst.unexpectedNodes(doc), md);
        assertEquals(List.of(), MarkdownAst.links(doc), md);
    }
}
