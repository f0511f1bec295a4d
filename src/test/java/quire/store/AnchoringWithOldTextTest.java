package quire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import quire.model.Highlight;
import quire.model.HighlightState;

/**
 * With the text a highlight was made on, the edit scripts between old and new text pin an
 * untouched passage exactly, even a common word whose surroundings were reworded.
 */
class AnchoringWithOldTextTest {
    private static final String ARTICLE = AnchoringFixtures.article("red-lines.txt");

    @Test
    void aCommonWordWhoseSurroundingsWereRewordedIsFoundWhereTheEditsLeftIt() {
        String sentence = "Seoul and Moscow have been publicly exchanging warnings";
        int word = ARTICLE.indexOf(" and ", ARTICLE.indexOf(sentence)) + 1;
        Highlight highlight = AnchoringFixtures.highlight(ARTICLE, word, word + 3);
        // Both sides of "and" reworded: the context no longer tells this "and" from the article's
        // many others; the two texts' edit scripts still do.
        // Elsewhere, a long editor's note is added at the top and a later paragraph is cut, so the
        // old offset, even scaled by what the two texts share at their ends, is far off.
        int later = ARTICLE.indexOf("Putin on Thursday said that he would not rule out");
        int laterEnd = ARTICLE.indexOf("\n\n", later) + 2;
        String cut = ARTICLE.substring(0, later) + ARTICLE.substring(laterEnd);
        String newText = "Editor's note: ".repeat(60) + "\n\n"
                + cut.replace(sentence, "In recent weeks the governments in Seoul and the Kremlin, long at odds, have lately been exchanging warnings");
        int expected = newText.indexOf(" and ", newText.indexOf("Seoul and the Kremlin")) + 1;

        Anchoring.Result withoutOldText = Anchoring.anchor(highlight, newText);
        Anchoring.Result withOldText = Anchoring.anchor(highlight, ARTICLE, newText);

        assertEquals(HighlightState.ORPHANED, withoutOldText.state(), "the context alone cannot decide");
        assertEquals(HighlightState.ANCHORED, withOldText.state());
        assertEquals(expected, withOldText.start());
        assertEquals("and", withOldText.quote());
    }
}
