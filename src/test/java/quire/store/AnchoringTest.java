package quire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import quire.model.Highlight;
import quire.model.HighlightState;
import quire.store.Anchoring.Method;
import quire.store.Anchoring.Result;

class AnchoringTest {
    /** A real news article (The Korea Herald, June 2024), as canonical text. */
    private static final String ARTICLE = AnchoringFixtures.article("red-lines.txt");

    private static final String QUOTE = "have been gradually approaching a red line";
    private static final String QUOTED_PARAGRAPH_START = "\"Russia's recent actions";
    private static final String EARLIER_PARAGRAPH = "Seoul and Moscow have been publicly exchanging warnings";
    private static final String LATER_PARAGRAPH = "Putin on Thursday said that he would not rule out";

    /** One row: the highlight's quote, an edit of the article, and where the highlight should end up. */
    record Case(String name, String quote, UnaryOperator<String> edit, Method method, String newQuote) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> edits() {
        return Stream.of(
                new Case("unchanged text", QUOTE, t -> t, Method.POSITION, QUOTE),
                new Case("insertion before", QUOTE,
                        t -> t.replace("issued another stark warning Sunday,", "issued another stark warning on Sunday evening,"),
                        Method.QUOTE, QUOTE),
                new Case("deletion before", QUOTE, t -> t.replace("another stark ", ""), Method.QUOTE, QUOTE),
                new Case("replacement before", QUOTE, t -> t.replace("stark warning", "blunt warning"), Method.POSITION, QUOTE),
                new Case("paragraph inserted before", QUOTE,
                        t -> t.replace(QUOTED_PARAGRAPH_START, "Officials in Moscow did not comment.\n\n" + QUOTED_PARAGRAPH_START),
                        Method.QUOTE, QUOTE),
                new Case("insertion after", QUOTE, t -> t.replace("the warning,\"", "the strongest warning yet,\""),
                        Method.POSITION, QUOTE),
                new Case("deletion after", QUOTE, t -> t.replace(" during an interview with state broadcaster KBS", ""),
                        Method.POSITION, QUOTE),
                new Case("replacement after", QUOTE, t -> t.replace("Chang said Sunday", "Chang told reporters"),
                        Method.POSITION, QUOTE),
                new Case("word inserted inside", QUOTE, t -> t.replace("been gradually approaching", "been slowly and gradually approaching"),
                        Method.FUZZY, "have been slowly and gradually approaching a red line"),
                new Case("word deleted inside", QUOTE, t -> t.replace("been gradually approaching", "been approaching"),
                        Method.FUZZY, "have been approaching a red line"),
                new Case("word replaced inside", QUOTE, t -> t.replace("gradually approaching", "steadily approaching"),
                        Method.FUZZY, "have been steadily approaching a red line"),
                new Case("first word replaced", QUOTE, t -> t.replace("actions have been", "actions had been"),
                        Method.FUZZY, "had been gradually approaching a red line"),
                new Case("last word replaced", QUOTE, t -> t.replace("a red line, which", "a red limit, which"),
                        Method.FUZZY, "have been gradually approaching a red limit"),
                new Case("straight apostrophe made curly", "which is why we've issued the warning",
                        t -> t.replace("why we've issued", "why we\u2019ve issued"), Method.FUZZY, "which is why we\u2019ve issued the warning"),
                new Case("space became a line break", QUOTE, t -> t.replace("gradually approaching", "gradually\napproaching"),
                        Method.FUZZY, "have been gradually\napproaching a red line"),
                new Case("quote rewritten entirely", QUOTE,
                        t -> t.replace("have been gradually approaching a red line", "edged closer to what Seoul cannot accept"),
                        Method.NONE, null),
                new Case("quoted paragraph removed", QUOTE, AnchoringTest::removeQuotedParagraph, Method.NONE, null),
                new Case("later paragraph removed", QUOTE, t -> removeParagraph(t, EARLIER_PARAGRAPH), Method.POSITION, QUOTE),
                new Case("paragraph before removed", "clarifying that South Korea will have no red lines",
                        t -> removeParagraph(t, "June 23, 2024"), Method.QUOTE, "clarifying that South Korea will have no red lines"),
                new Case("quoted paragraph moved to the end", QUOTE, AnchoringTest::moveQuotedParagraphToTheEnd, Method.QUOTE, QUOTE),
                new Case("later paragraph moved before the quote", QUOTE,
                        t -> moveParagraphBefore(t, LATER_PARAGRAPH, QUOTED_PARAGRAPH_START), Method.QUOTE, QUOTE),
                new Case("quote at the very start, text inserted before", "Send to",
                        t -> "Updated June 24.\n\n" + t, Method.QUOTE, "Send to"),
                new Case("quote at the very end, text appended", "against Ukraine,\" Kim added.",
                        t -> t + "\n\nThis article was updated.", Method.POSITION, "against Ukraine,\" Kim added."),
                new Case("quote at the very end, last word changed", "against Ukraine,\" Kim added.",
                        t -> t.replace("Kim added.", "Kim wrote."), Method.FUZZY, "against Ukraine,\" Kim wrote."),
                new Case("very short quote, text inserted before", "KBS",
                        t -> t.replace("issued another stark warning", "issued yet another stark warning"), Method.QUOTE, "KBS"),
                new Case("empty new text", QUOTE, t -> "", Method.NONE, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void highlightIsFoundAgainAfterAnEdit(Case c) {
        Highlight highlight = AnchoringFixtures.highlight(ARTICLE, c.quote);
        String newText = c.edit.apply(ARTICLE);
        assertTrue(!newText.equals(ARTICLE) || c.name.equals("unchanged text"), "the edit must change the text");

        Result result = Anchoring.anchor(highlight, newText);

        if (c.newQuote == null) {
            assertEquals(orphan(highlight), result);
        } else {
            int start = expectedStart(highlight, newText, c.newQuote);
            assertEquals(new Result(highlight.id(), start, start + c.newQuote.length(), c.newQuote, HighlightState.ANCHORED,
                    c.method, result.score()), result);
            if (c.method == Method.FUZZY) {
                assertTrue(result.score() >= Anchoring.FUZZY_ACCEPT && result.score() <= 1.0, "score " + result.score());
            } else {
                assertEquals(1.0, result.score());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void givingTheOldTextChangesNoDecisionInTheseCases(Case c) {
        Highlight highlight = AnchoringFixtures.highlight(ARTICLE, c.quote);
        String newText = c.edit.apply(ARTICLE);
        Result withoutOldText = Anchoring.anchor(highlight, newText);
        Result withOldText = Anchoring.anchor(highlight, ARTICLE, newText);
        assertEquals(withoutOldText, new Result(withOldText.highlightId(), withOldText.start(), withOldText.end(),
                withOldText.quote(), withOldText.state(), withOldText.method(), withoutOldText.score()));
        assertEquals(withoutOldText.score(), withOldText.score(), 0.01);
    }

    @Test
    void typoFixedInsideTheQuoteGivesTheCorrectedPassage() {
        String old = ARTICLE.replace("gradually approaching", "graduallly aproaching");
        Highlight highlight = AnchoringFixtures.highlight(old, "have been graduallly aproaching a red line");

        Result result = Anchoring.anchor(highlight, ARTICLE);

        int start = ARTICLE.indexOf(QUOTE);
        assertEquals(new Result(highlight.id(), start, start + QUOTE.length(), QUOTE, HighlightState.ANCHORED, Method.FUZZY,
                result.score()), result);
        assertTrue(result.score() > 0.9, "two typos in 44 characters, context intact: " + result.score());
    }

    @Test
    void duplicatedQuoteIsFoundByItsContext() {
        // "red line" occurs several times; the highlight is on the one in Chang's quoted remark.
        int at = ARTICLE.indexOf("a red line, which is why") + 2;
        Highlight highlight = AnchoringFixtures.highlight(ARTICLE, at, at + "red line".length());
        String newText = ARTICLE.replace(EARLIER_PARAGRAPH, "Seoul and Moscow, long wary of each other, have been publicly exchanging warnings")
                .replace("Sunday, clarifying", "on Sunday, in effect clarifying");

        Result result = Anchoring.anchor(highlight, newText);

        int expected = newText.indexOf("a red line, which is why") + 2;
        assertEquals(new Result(highlight.id(), expected, expected + 8, "red line", HighlightState.ANCHORED, Method.QUOTE, 1.0),
                result);
    }

    @Test
    void sameSentenceInTwoPlacesIsToldApartByWhatSurroundsIt() {
        String sentence = "The ministry said it was monitoring the situation closely.";
        String text = "Seoul reacted within hours. " + sentence + " It gave no details.\n\n"
                + "Tokyo was slower to respond. " + sentence + " A spokesman declined to comment further.";
        int second = text.lastIndexOf(sentence);
        Highlight highlight = AnchoringFixtures.highlight(text, second, second + sentence.length());
        String newText = "Updated with Tokyo's reaction.\n\n" + text.replace("It gave no details.", "It gave no further details on Monday.");

        Result result = Anchoring.anchor(highlight, newText);

        int expected = newText.lastIndexOf(sentence);
        assertEquals(new Result(highlight.id(), expected, expected + sentence.length(), sentence, HighlightState.ANCHORED,
                Method.QUOTE, 1.0), result);
    }

    @Test
    void commonShortQuoteWithoutItsContextIsOrphanedRatherThanGuessed() {
        int at = ARTICLE.indexOf("issued the warning") + "issued ".length();
        Highlight highlight = AnchoringFixtures.highlight(ARTICLE, at, at + 3);
        assertEquals("the", highlight.quote());
        String newText = ARTICLE.replace("which is why we've issued the warning,\" Chang said Sunday",
                "and Seoul responded with a stern statement of its own, an aide to Chang said");

        assertEquals(orphan(highlight), Anchoring.anchor(highlight, newText));
    }

    private static final String REPEATED = "The treaty will take effect on the day the two sides exchange the instruments of ratification.";
    private static final String FILLER = "Officials in both capitals gave no date. ".repeat(4);
    private static final String TWO_COPIES = FILLER + REPEATED + "\n\n" + FILLER + REPEATED + "\n\n" + FILLER;
    /** Enough new text before both copies that the old offset no longer points clearly at either. */
    private static final String UPDATED_COPIES = "Updated on Tuesday with comments from the State Duma, where deputies voted "
            + "unanimously to ratify the treaty after a short debate; the Federation Council is expected to follow next week, "
            + "and the Kremlin said the president would sign the law without delay once both chambers had approved it.\n\n"
            + TWO_COPIES;

    @Test
    void identicalPassagesWithIdenticalContextAreNotChosenBetweenByAWeakHint() {
        int first = TWO_COPIES.indexOf(REPEATED);
        Highlight highlight = AnchoringFixtures.highlight(TWO_COPIES, first, first + REPEATED.length());

        assertEquals(orphan(highlight), Anchoring.anchor(highlight, UPDATED_COPIES));
    }

    @Test
    void identicalPassagesAreToldApartByTheOldTextWhenItIsGiven() {
        int first = TWO_COPIES.indexOf(REPEATED);
        Highlight highlight = AnchoringFixtures.highlight(TWO_COPIES, first, first + REPEATED.length());

        Result result = Anchoring.anchor(highlight, TWO_COPIES, UPDATED_COPIES);

        int expected = UPDATED_COPIES.indexOf(REPEATED);
        assertEquals(new Result(highlight.id(), expected, expected + REPEATED.length(), REPEATED, HighlightState.ANCHORED,
                Method.QUOTE, 1.0), result);
    }

    @Test
    void quoteWithAnEmojiKeepsSurrogatePairsWhole() {
        String text = "Reactions poured in online \uD83D\uDE00 within minutes of the announcement in Seoul.";
        int start = text.indexOf("\uD83D\uDE00");
        Highlight highlight = AnchoringFixtures.highlight(text, start, start + "\uD83D\uDE00 within minutes".length());
        String newText = text.replace("within minutes", "within mintues");

        Result result = Anchoring.anchor(highlight, newText);

        assertEquals("\uD83D\uDE00 within mintues", result.quote());
        assertEquals(Method.FUZZY, result.method());
    }

    @Test
    void orphanKeepsTheOldExtentAndQuote() {
        Highlight highlight = AnchoringFixtures.highlight(ARTICLE, QUOTE);

        Result result = Anchoring.anchor(highlight, "A completely different article about the weather in Busan.");

        assertEquals(new Result(highlight.id(), highlight.start(), highlight.end(), QUOTE, HighlightState.ORPHANED, Method.NONE, 0.0),
                result);
    }

    private static Result orphan(Highlight h) {
        return new Result(h.id(), h.start(), h.end(), h.quote(), HighlightState.ORPHANED, Method.NONE, 0.0);
    }

    /** The occurrence of the new quote that is nearest the old position: the fixtures' quotes are unique or nearly. */
    private static int expectedStart(Highlight highlight, String newText, String newQuote) {
        int best = -1;
        for (int at = newText.indexOf(newQuote); at >= 0; at = newText.indexOf(newQuote, at + 1)) {
            if (best < 0 || Math.abs(at - highlight.start()) < Math.abs(best - highlight.start())) {
                best = at;
            }
        }
        assertTrue(best >= 0, "the expected quote is in the new text");
        return best;
    }

    private static String paragraph(String text, String startingWith) {
        int start = text.indexOf(startingWith);
        int end = text.indexOf("\n\n", start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static String removeParagraph(String text, String startingWith) {
        return text.replace(paragraph(text, startingWith) + "\n\n", "");
    }

    private static String removeQuotedParagraph(String text) {
        return removeParagraph(text, QUOTED_PARAGRAPH_START);
    }

    private static String moveQuotedParagraphToTheEnd(String text) {
        String p = paragraph(text, QUOTED_PARAGRAPH_START);
        return removeParagraph(text, QUOTED_PARAGRAPH_START) + "\n\n" + p;
    }

    private static String moveParagraphBefore(String text, String moved, String before) {
        String p = paragraph(text, moved);
        String without = removeParagraph(text, moved);
        return without.replace(before, p + "\n\n" + before);
    }
}
