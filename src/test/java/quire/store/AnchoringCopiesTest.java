package quire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import quire.model.Highlight;
import quire.model.HighlightState;
import quire.store.Anchoring.Method;
import quire.store.Anchoring.Result;

/**
 * Regressions from the anchoring simulation's wrong anchors: an article that quotes itself, edited
 * where the highlight was. Each case used to attach the highlight to the copy; now it is orphaned.
 */
class AnchoringCopiesTest {
    private static final String ARTICLE = AnchoringFixtures.article("red-lines.txt");
    private static final String SENTENCE = "\"Russia's recent actions have been gradually approaching a red line, which is why "
            + "we've issued the warning,\" Chang said Sunday during an interview with state broadcaster KBS, without "
            + "specifying what constitutes the line.";
    private static final String LATER_PARAGRAPH = "Putin on Thursday said that he would not rule out";

    /** The article with Chang's sentence repeated, as a recap, before a paragraph near the end. */
    private static String withRecap() {
        return ARTICLE.replace(LATER_PARAGRAPH, "As Chang put it: " + SENTENCE + "\n\n" + LATER_PARAGRAPH);
    }

    private static Highlight onFirst(String text, String quote) {
        return AnchoringFixtures.highlight(text, quote);
    }

    private static Result orphan(Highlight highlight) {
        return new Result(highlight.id(), highlight.start(), highlight.end(), highlight.quote(), HighlightState.ORPHANED,
                Method.NONE, 0.0);
    }

    @Test
    void quoteDeletedWhereItWasIsNotMovedToACopyOfItsSentence() {
        String text = withRecap();
        Highlight highlight = onFirst(text, "which is why we've issued the warning");
        String edited = text.replaceFirst("which is why we've issued the warning", "so we issued a warning");

        assertEquals(orphan(highlight), Anchoring.anchor(highlight, text, edited));
        assertEquals(orphan(highlight), Anchoring.anchor(highlight, edited));
    }

    @Test
    void quoteShortenedWhereItWasIsNotMovedToTheUneditedCopy() {
        String text = withRecap();
        Highlight highlight = onFirst(text, "gradually approaching a red line");
        String edited = text.replaceFirst("gradually approaching a red line", "approaching a line");

        assertEquals(orphan(highlight), Anchoring.anchor(highlight, text, edited));
        assertEquals(orphan(highlight), Anchoring.anchor(highlight, edited));
    }

    @Test
    void fewWordsRemovedWhereTheyWereAreNotFoundFarAwayWithOtherSurroundings() {
        // "without specifying" occurs once; after it is cut, the same words stand much later in another sentence.
        Highlight highlight = onFirst(ARTICLE, "without specifying");
        String edited = ARTICLE.replace("KBS, without specifying what constitutes the line.", "KBS.")
                .replace(LATER_PARAGRAPH, "Officials spoke without specifying a date. " + LATER_PARAGRAPH);

        assertEquals(orphan(highlight), Anchoring.anchor(highlight, ARTICLE, edited));
        assertEquals(orphan(highlight), Anchoring.anchor(highlight, edited));
    }

    @Test
    void movedParagraphIsStillFoundWithItsSurroundings() {
        Highlight highlight = onFirst(ARTICLE, "gradually approaching a red line");
        String edited = ARTICLE.replace(SENTENCE + "\n\n", "") + "\n\n" + SENTENCE;

        Result result = Anchoring.anchor(highlight, ARTICLE, edited);

        int at = edited.indexOf("gradually approaching a red line");
        assertEquals(new Result(highlight.id(), at, at + highlight.quote().length(), highlight.quote(), HighlightState.ANCHORED,
                Method.QUOTE, 1.0), result);
    }
}
