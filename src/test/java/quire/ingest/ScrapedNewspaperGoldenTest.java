package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quire.model.Article;
import quire.model.Block;
import quire.model.BlockKind;

/** The seed corpus's scraped Korea Herald page, read end to end through the Ingester. */
class ScrapedNewspaperGoldenTest {
    private static final String NAME = "003_4180961e451abf6c.txt";
    private static FileIngest ingest;
    private static Article article;

    @BeforeAll
    static void ingestSeed() throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("corpus", NAME));
        ingest = new Ingester().ingest(bytes, NAME);
        article = ingest.articles().get(0);
    }

    @Test
    void yieldsOneArticleWithoutProblems() {
        assertEquals(1, ingest.articles().size());
        assertEquals(List.of(), ingest.problems());
        assertEquals(List.of(), article.warnings());
    }

    @Test
    void titleIsTheHeadlineAfterTheShareButton() {
        assertEquals("S. Korea running out of red lines on Russia-N. Korea cooperation", article.title());
    }

    @Test
    void deckBecomesTheSummary() {
        assertEquals(
                Optional.of("S. Korean spy agency-affiliated institute suggests Yoon government work to render"
                        + " Russia-N. Korea treaty 'invalid'"),
                article.summary());
    }

    @Test
    void datelineGivesPublishedTimeWithoutOffsetAndTheAuthor() {
        assertEquals("2024-06-23T15:35", article.published().orElseThrow().toString());
        assertEquals(Optional.of("Ji Da-gyum"), article.author());
    }

    @Test
    void pageDebrisHeadlineDeckAndDatelineAreNotInTheText() {
        assertFalse(article.text().contains("Send to"));
        assertFalse(article.text().contains("June 23, 2024 - 15:35"));
        assertFalse(article.text().contains("By Ji Da-gyum"));
        assertFalse(article.text().contains("running out of red lines on"));
        assertFalse(article.text().contains("spy agency-affiliated institute suggests"));
    }

    @Test
    void blocksAreThreeCaptionsAmongTwentyThreeParagraphs() {
        List<BlockKind> expected = new ArrayList<>();
        expected.add(BlockKind.CAPTION);
        expected.addAll(Collections.nCopies(7, BlockKind.PARAGRAPH));
        expected.add(BlockKind.CAPTION);
        expected.addAll(Collections.nCopies(9, BlockKind.PARAGRAPH));
        expected.add(BlockKind.CAPTION);
        expected.addAll(Collections.nCopies(7, BlockKind.PARAGRAPH));
        assertEquals(expected, article.blocks().stream().map(Block::kind).toList());
    }

    @Test
    void captionsKeepTheirCredits() {
        List<String> captions = article.blocks().stream()
                .filter(b -> b.kind() == BlockKind.CAPTION)
                .map(article::textOf)
                .toList();
        assertEquals(
                List.of(
                        "National security adviser Chang Ho-jin gives a briefing at the presidential office in Seoul"
                                + " on Thursday, regarding the Treaty on Comprehensive Strategic Partnership signed"
                                + " between North Korean leader Kim Jong-un and Russian President Vladimir Putin in"
                                + " Pyongyang the previous day. (Yonhap)",
                        "Russia's President Vladimir Putin (left) and North Korea's leader Kim Jong Un attend a state"
                                + " reception in Pyongyang on June 19, 2024. (Pool via Reuters)",
                        "Russia's President Vladimir Putin (left) and North Korea's leader Kim Jong-un attend a press"
                                + " conference following their talks in Pyongyang, North Korea June 19, 2024."
                                + " (Sputnik via Reuters)"),
                captions);
    }

    @Test
    void firstParagraphIsTheLede() {
        assertEquals(
                "South Korean national security adviser Chang Ho-jin issued another stark warning Sunday, clarifying"
                        + " that South Korea will have no red lines left to uphold if Russia supplies \"high-precision"
                        + " weapons\" to North Korea, at a time when Seoul and Moscow are walking a tightrope in their"
                        + " relations.",
                paragraphs().get(0));
    }

    @Test
    void lastParagraphIsTheClosingQuote() {
        List<String> paragraphs = paragraphs();
        assertEquals(
                "\"Putin could very well welcome a North Korean provocation on the Korean Peninsula that forces the"
                        + " United States to turn its attention away from Europe, where Russia is continuing its"
                        + " relentless war against Ukraine,\" Kim added.",
                paragraphs.get(paragraphs.size() - 1));
    }

    @Test
    void textStartsWithTheFirstCaptionAndBlocksAreSeparatedByBlankLines() {
        assertEquals(
                article.text(),
                String.join("\n\n", article.blocks().stream().map(article::textOf).toList()));
        assertEquals(0, article.blocks().get(0).start());
    }

    private static List<String> paragraphs() {
        return article.blocks().stream()
                .filter(b -> b.kind() == BlockKind.PARAGRAPH)
                .map(article::textOf)
                .toList();
    }
}
