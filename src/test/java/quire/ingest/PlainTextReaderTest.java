package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quire.model.BlockKind;
import quire.model.Published;

class PlainTextReaderTest {
    /** A first paragraph long enough that it cannot be a deck. */
    private static final String LEDE = "South Korean national security adviser Chang Ho-jin issued another stark"
            + " warning Sunday, clarifying that South Korea will have no red lines left to uphold if Russia supplies"
            + " high-precision weapons to North Korea.";

    private final PlainTextReader reader = new PlainTextReader();

    /** A block as kind and text, so whole bodies can be compared at once. */
    record Part(BlockKind kind, String text) {}

    private static Part p(String text) {
        return new Part(BlockKind.PARAGRAPH, text);
    }

    private static Part part(BlockKind kind, String text) {
        return new Part(kind, text);
    }

    private ArticleDraft read(String content) {
        ReadResult result = reader.read(content, "article.txt");
        assertEquals(1, result.drafts().size());
        assertEquals(List.of(), result.skipped());
        return result.drafts().get(0);
    }

    private static List<Part> parts(ArticleDraft draft) {
        Body body = draft.body();
        return body.blocks().stream()
                .map(b -> new Part(b.kind(), body.text().substring(b.start(), b.end())))
                .toList();
    }

    @Test
    void shareButtonsAtTheTopAndFooterAtTheBottomAreDropped() {
        ArticleDraft draft = read("""
                Share
                Print
                Email

                Facebook Twitter Kakao

                A A

                Seoul raises alert level

                The military raised its alert level on Monday.

                Officials gave no further details.

                Copyright © 2024 The Korea Herald. All rights reserved.
                Subscribe
                """);
        assertEquals("Seoul raises alert level", draft.title());
        assertEquals(
                List.of(p("The military raised its alert level on Monday."), p("Officials gave no further details.")),
                parts(draft));
    }

    @Test
    void debrisWordsInsideRealSentencesAreKept() {
        ArticleDraft draft = read("""
                Markets slide

                Share prices fell on Monday.

                Print media are in decline.

                Share
                """);
        assertEquals(List.of(p("Share prices fell on Monday."), p("Print media are in decline.")), parts(draft));
    }

    @Test
    void advertisementMarkerBetweenParagraphsIsDropped() {
        ArticleDraft draft = read("Title line\n\nFirst paragraph.\n\nAdvertisement\n\nSecond paragraph.\n");
        assertEquals(List.of(p("First paragraph."), p("Second paragraph.")), parts(draft));
    }

    @Test
    void deckBetweenTitleAndDatelineIsTheSummaryNotABodyParagraph() {
        ArticleDraft draft = read("""
                Send to

                Headline here

                A deck that explains the headline

                June 23, 2024 - 15:35 By Ji Da-gyum

                Body paragraph.
                """);
        assertEquals("Headline here", draft.title());
        assertEquals(Optional.of("A deck that explains the headline"), draft.summary());
        assertEquals(Optional.of(Published.parse("2024-06-23T15:35")), draft.published());
        assertEquals(Optional.of("Ji Da-gyum"), draft.author());
        assertEquals(List.of(p("Body paragraph.")), parts(draft));
    }

    @Test
    void separateBylineAndPublishedAndUpdatedLinesAreAllRead() {
        ArticleDraft draft = read("""
                Headline here

                By Kim Arin, Lee Jung-joo and Park Han-na
                Published : Jun. 23, 2024 - 15:35
                Updated : Jun. 24, 2024 - 09:10

                Body paragraph.
                """);
        assertEquals("Headline here", draft.title());
        assertEquals(Optional.empty(), draft.summary());
        assertEquals(Optional.of("Kim Arin, Lee Jung-joo, Park Han-na"), draft.author());
        assertEquals(Optional.of(Published.parse("2024-06-23T15:35")), draft.published());
        assertEquals(Map.of("modified", "2024-06-24T09:10"), draft.properties());
        assertEquals(List.of(p("Body paragraph.")), parts(draft));
    }

    @Test
    void datelineInItsOwnParagraphsAfterTheBylineIsRead() {
        ArticleDraft draft = read("Headline\n\nBy Ji Da-gyum (dagyumji@heraldcorp.com)\n\nSunday, June 23, 2024\n\nBody.\n");
        assertEquals(Optional.of("Ji Da-gyum"), draft.author());
        assertEquals(Optional.of(Published.parse("2024-06-23")), draft.published());
        assertEquals(List.of(p("Body.")), parts(draft));
    }

    @Test
    void onlyAnUpdatedDateStillDatesTheArticle() {
        ArticleDraft draft = read("Headline\n\nUpdated : 2024.06.24 09:10\n\nBody.\n");
        assertEquals(Optional.of(Published.parse("2024-06-24T09:10")), draft.published());
    }

    @Test
    void datelineLikeLineDeepInTheBodyIsBodyText() {
        String body = "A long first paragraph that tells the story in many words, long enough to be the body of the"
                + " article and not a deck, because it goes on and on about the treaty, the summit, the weapons, the"
                + " warnings exchanged between the capitals, the sanctions and everything else worth reporting here,"
                + " until it is clearly well past the length of any headline or deck a newspaper prints.";
        ArticleDraft draft = read("Headline\n\n" + body + "\n\nJune 23, 2024\n\nBy Kim Arin\n");
        assertEquals(Optional.empty(), draft.published());
        assertEquals(Optional.empty(), draft.author());
        assertEquals(List.of(p(body), p("June 23, 2024"), p("By Kim Arin")), parts(draft));
    }

    @Test
    void captionGluedUnderTheDatelineIsACaption() {
        ArticleDraft draft = read("""
                Headline

                June 23, 2024 - 15:35 By Ji Da-gyum
                Chang Ho-jin gives a briefing in Seoul on Thursday. (Yonhap)

                Body paragraph.
                """);
        assertEquals(
                List.of(part(BlockKind.CAPTION, "Chang Ho-jin gives a briefing in Seoul on Thursday. (Yonhap)"),
                        p("Body paragraph.")),
                parts(draft));
    }

    @Test
    void captionsAndLookalikeParagraphsAreToldApart() {
        ArticleDraft draft = read("""
                Headline

                Seoul said it would respond to any deal with the North (Russia)

                Putin and Kim attend a reception in Pyongyang. (Pool via Reuters)

                "We will rebuild relations after the war (in Ukraine)"

                Kim and Putin talk in Pyongyang. (AP Photo/Kim Won-jin)

                The ministry said it would respond. (Yonhap)
                """);
        assertEquals(
                List.of(
                        p("Seoul said it would respond to any deal with the North (Russia)"),
                        part(BlockKind.CAPTION, "Putin and Kim attend a reception in Pyongyang. (Pool via Reuters)"),
                        p("\"We will rebuild relations after the war (in Ukraine)\""),
                        part(BlockKind.CAPTION, "Kim and Putin talk in Pyongyang. (AP Photo/Kim Won-jin)"),
                        // The last paragraph of a wire story credits the story, not a photo.
                        p("The ministry said it would respond. (Yonhap)")),
                parts(draft));
    }

    @Test
    void simpleTitleLineThenParagraphs() {
        ArticleDraft draft = read("My title\n\nFirst paragraph.\n\nSecond paragraph.\n");
        assertEquals("My title", draft.title());
        assertEquals(Optional.empty(), draft.published());
        assertEquals(List.of(p("First paragraph."), p("Second paragraph.")), parts(draft));
    }

    @Test
    void singleParagraphHasNoTitle() {
        ArticleDraft draft = read("Just one paragraph of text,\nwrapped over two lines.\n");
        assertEquals("", draft.title());
        assertEquals(List.of(p("Just one paragraph of text, wrapped over two lines.")), parts(draft));
    }

    @Test
    void firstParagraphEndingInASentenceIsNotATitle() {
        ArticleDraft draft = read("The talks ended on Monday.\n\nNo agreement was reached.\n");
        assertEquals("", draft.title());
        assertEquals(List.of(p("The talks ended on Monday."), p("No agreement was reached.")), parts(draft));
    }

    @Test
    void fileWithoutBlankLinesHasOneParagraphPerLine() {
        ArticleDraft draft = read("""
                Seoul warns Moscow
                South Korean national security adviser Chang Ho-jin issued another stark warning Sunday, clarifying that Seoul will respond.
                "Russia's recent actions have been gradually approaching a red line," Chang said Sunday during an interview.
                """);
        assertEquals("Seoul warns Moscow", draft.title());
        assertEquals(
                List.of(
                        p("South Korean national security adviser Chang Ho-jin issued another stark warning Sunday,"
                                + " clarifying that Seoul will respond."),
                        p("\"Russia's recent actions have been gradually approaching a red line,\" Chang said Sunday"
                                + " during an interview.")),
                parts(draft));
    }

    @Test
    void hardWrappedFileWithoutBlankLinesKeepsSentencesTogether() {
        ArticleDraft draft = read("""
                Seoul warns Moscow
                South Korean national security adviser Chang Ho-jin issued
                another stark warning Sunday, clarifying that Seoul will
                respond.
                Russia's recent actions have been gradually approaching a
                red line, Chang said.
                """);
        assertEquals("Seoul warns Moscow", draft.title());
        assertEquals(
                List.of(
                        p("South Korean national security adviser Chang Ho-jin issued another stark warning Sunday,"
                                + " clarifying that Seoul will respond."),
                        p("Russia's recent actions have been gradually approaching a red line, Chang said.")),
                parts(draft));
    }

    @Test
    void longOneLineParagraphsInsideABlankSeparatedFileAreSplit() {
        String first = "South Korean national security adviser Chang Ho-jin issued another stark warning Sunday, as Seoul said.";
        String second = "Seoul and Moscow have been publicly exchanging warnings, each cautioning the other not to cross a line.";
        ArticleDraft draft = read("Headline\n\n" + first + "\n" + second + "\n\nLast one.\n");
        assertEquals(List.of(p(first), p(second), p("Last one.")), parts(draft));
    }

    @Test
    void underlinedTitleIsTheTitle() {
        ArticleDraft draft = read("Seoul warns Moscow\n==================\n\nBody.\n\nMore body.\n");
        assertEquals("Seoul warns Moscow", draft.title());
        assertEquals(List.of(p("Body."), p("More body.")), parts(draft));
    }

    @Test
    void titleAndOtherFieldLinesAtTheTopAreMetadata() {
        ArticleDraft draft = read("""
                Title: Seoul warns Moscow
                Author: Ji Da-gyum
                Date: 2024-06-23
                URL: https://www.koreaherald.com/view.php?ud=20240623000123

                Body paragraph.
                """);
        assertEquals("Seoul warns Moscow", draft.title());
        assertEquals(Optional.of("Ji Da-gyum"), draft.author());
        assertEquals(Optional.of(Published.parse("2024-06-23")), draft.published());
        assertEquals(Optional.of("https://www.koreaherald.com/view.php?ud=20240623000123"), draft.link());
        assertEquals(List.of(p("Body paragraph.")), parts(draft));
    }

    @Test
    void listQuoteAndHeadingLinesGetTheirKinds() {
        ArticleDraft draft = read("""
                Headline

                The treaty has three parts:

                - mutual defence
                - trade
                * technology
                • energy
                1. first step
                2) second step

                > We will respond,
                > the minister said.

                BACKGROUND

                The summit was the first in 24 years.

                What Comes Next

                Talks resume in July.
                """);
        assertEquals(
                List.of(
                        p("The treaty has three parts:"),
                        part(BlockKind.LIST_ITEM, "mutual defence"),
                        part(BlockKind.LIST_ITEM, "trade"),
                        part(BlockKind.LIST_ITEM, "technology"),
                        part(BlockKind.LIST_ITEM, "energy"),
                        part(BlockKind.LIST_ITEM, "first step"),
                        part(BlockKind.LIST_ITEM, "second step"),
                        part(BlockKind.QUOTE, "We will respond, the minister said."),
                        part(BlockKind.HEADING, "BACKGROUND"),
                        p("The summit was the first in 24 years."),
                        part(BlockKind.HEADING, "What Comes Next"),
                        p("Talks resume in July.")),
                parts(draft));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kim said the talks would go on", "Meanwhile, in Seoul", "Why did it fail?", "북한과 러시아"})
    void shortLinesThatReadAsTextAreNotHeadings(String line) {
        ArticleDraft draft = read("Headline\n\nFirst paragraph.\n\n" + line + "\n\nLast paragraph.\n");
        assertEquals(List.of(p("First paragraph."), p(line), p("Last paragraph.")), parts(draft));
    }

    @Test
    void lineBreaksInsideAParagraphAreSpaces() {
        ArticleDraft draft = read("Headline\n\nOne sentence\nwrapped   here.\r\n\r\nNext.\n");
        assertEquals(List.of(p("One sentence wrapped here."), p("Next.")), parts(draft));
    }

    @Test
    void koreanTextIsKeptIntact() {
        ArticleDraft draft = read("북러 조약 체결\n\n북한과 러시아는 조약을 체결했다.\n\n한국 정부는 우려를 표명했다.\n");
        assertEquals("북러 조약 체결", draft.title());
        assertEquals(List.of(p("북한과 러시아는 조약을 체결했다."), p("한국 정부는 우려를 표명했다.")), parts(draft));
    }

    @Test
    void titleWithoutBodyGivesAnEmptyBodyAndAWarning() {
        ArticleDraft draft = read("Send to\n\nHeadline only\n\nJune 23, 2024\n");
        assertEquals("Headline only", draft.title());
        assertEquals(List.of(), parts(draft));
        assertEquals(List.of("The file has a title but no article text."), draft.warnings());
    }

    @Test
    void sectionLabelAboveHeadlineAndDeckIsNotTheTitle() {
        ArticleDraft draft = read("North Korea\n\nHeadline here\n\nThe deck line\n\nJune 23, 2024\n\nBody.\n");
        assertEquals("Headline here", draft.title());
        assertEquals(Optional.of("The deck line"), draft.summary());
        assertEquals(Map.of("section", "North Korea"), draft.properties());
    }

    @Test
    void reporterSignatureWithEmailUnderTheArticleIsTheAuthorNotText() {
        ArticleDraft draft = read("Headline\n\n" + LEDE + "\n\nLast.\n\nBy Ji Da-gyum (dagyumji@heraldcorp.com)\n");
        assertEquals(Optional.of("Ji Da-gyum"), draft.author());
        assertEquals(List.of(p(LEDE), p("Last.")), parts(draft));
    }

    @Test
    void bylineWithoutEmailUnderTheArticleStaysText() {
        ArticleDraft draft = read("Headline\n\n" + LEDE + "\n\nBy Ji Da-gyum\n");
        assertEquals(Optional.empty(), draft.author());
        assertEquals(List.of(p(LEDE), p("By Ji Da-gyum")), parts(draft));
    }

    @Test
    void shortArticleWithAClosingBylineKeepsItsParagraphs() {
        ArticleDraft draft = read("Headline\n\nFirst.\n\nSecond.\n\nThird.\n\nBy Ji Da-gyum\n");
        assertEquals("Headline", draft.title());
        assertEquals(Optional.empty(), draft.summary());
        assertEquals(List.of(p("First."), p("Second."), p("Third."), p("By Ji Da-gyum")), parts(draft));
    }

    @Test
    void shortParagraphsAboveALateBylineAreNotADeck() {
        ArticleDraft draft = read("Headline.\n\nFirst.\n\nSecond.\n\nBy Ji Da-gyum\n\nThird.\n");
        assertEquals(Optional.empty(), draft.summary());
        assertEquals(Optional.empty(), draft.author());
    }

    @Test
    void blankFileCannotBeRead() {
        IngestException e = assertThrows(IngestException.class, () -> reader.read(" \n\n \n", "a.txt"));
        assertEquals("The file contains no text.", e.getMessage());
    }
}
