package quire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import quire.model.Highlight;
import quire.model.HighlightState;

/** Properties that hold for every highlight: round trips on unchanged text, and edits away from it. */
class AnchoringPropertiesTest {
    /** Text pieces that break naive offset code: emoji (surrogate pairs), combining marks, CRLF, NBSP, RTL, CJK. */
    private static final List<String> SPECIAL = List.of("\uD83D\uDCCC ", "e\u0301te\u0301 ", "\r\n", "\n\n", "\u00A0",
            "\u05E9\u05DC\u05D5\u05DD ", "\uD55C\uAD6D\uC5B4 ", "\u201Cquoted\u201D ", ", ", ". ");

    /** The words of a real article, so that generated texts repeat themselves as much as prose does, not more. */
    private static final List<String> PIECES = pieces();

    private static List<String> pieces() {
        List<String> pieces = new java.util.ArrayList<>(SPECIAL);
        for (String word : AnchoringFixtures.article("red-lines.txt").split("\\s+")) {
            pieces.add(word + " ");
        }
        return List.copyOf(pieces);
    }

    record Case(String text, int start, int end) {}

    @Provide
    Arbitrary<Case> highlights() {
        Arbitrary<String> text = Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(150).map(p -> String.join("", p));
        return text.flatMap(t -> Combinators.combine(Arbitraries.integers().between(0, t.length() - 1),
                        Arbitraries.integers().between(1, t.length()))
                .as((a, b) -> new Case(t, Math.min(a, b - 1), Math.max(a + 1, b))));
    }

    @Property(tries = 2000)
    void unchangedTextGivesBackTheSameExtent(@ForAll("highlights") Case c) {
        Highlight h = AnchoringFixtures.highlight(c.text, c.start, c.end);

        assertEquals(new Anchoring.Result(h.id(), c.start, c.end, h.quote(), HighlightState.ANCHORED, Anchoring.Method.POSITION, 1.0),
                Anchoring.anchor(h, c.text));
    }

    @Property(tries = 1000)
    void distinctiveQuoteSurvivesTextInsertedBeforeAndAfter(
            @ForAll("highlights") Case c, @ForAll("insertions") String before, @ForAll("insertions") String after) {
        Highlight h = AnchoringFixtures.highlight(c.text, c.start, c.end);
        // A highlight of white space alone is no passage: folding makes every space look like it.
        Assume.that(h.quote().codePoints().anyMatch(Character::isLetterOrDigit));
        String newText = c.text.substring(0, c.start) + before + h.quote() + after + c.text.substring(c.end);
        Anchoring.Result result = Anchoring.anchor(h, newText);

        boolean unique = newText.indexOf(h.quote()) == newText.lastIndexOf(h.quote());
        if (unique) {
            // Nothing else reads like the passage: it is found exactly, or (if short) left orphaned.
            if (result.state() == HighlightState.ANCHORED || h.quote().length() >= Anchoring.DISTINCTIVE_LENGTH) {
                assertEquals(new Anchoring.Result(h.id(), c.start + before.length(), c.end + before.length(), h.quote(),
                        HighlightState.ANCHORED, result.method(), 1.0), result);
            }
        } else if (result.state() == HighlightState.ANCHORED) {
            // The generated texts repeat words, so several places may read alike: never a different text.
            assertEquals(h.quote(), result.quote());
        }
    }

    @Provide
    Arbitrary<String> insertions() {
        return Arbitraries.of("", " ", "Updated: ", "\n\nA new paragraph about the summit.\n\n", "\uD83D\uDE00", "(Yonhap) ");
    }
}
