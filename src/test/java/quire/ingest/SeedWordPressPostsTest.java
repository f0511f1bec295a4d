package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quire.model.Article;
import quire.model.BlockKind;
import quire.model.Problem;

/** The seed corpus's two WordPress posts, both cut off in the middle of their content, read end to end. */
class SeedWordPressPostsTest {
    private static final String POST_000 = "000_fe8c5ed74ec9ed57.txt";
    private static final String POST_001 = "001_250d73399310addd.txt";

    private static FileIngest ingest(String name) throws IOException {
        return new Ingester().ingest(Files.readAllBytes(Path.of("corpus", name)), name);
    }

    private static Article onlyArticle(FileIngest file) {
        assertEquals(1, file.articles().size(), () -> "problems: " + file.problems());
        return file.articles().get(0);
    }

    private static List<BlockKind> kinds(Article article) {
        return article.blocks().stream().map(b -> b.kind()).toList();
    }

    private static String firstBlock(Article article) {
        return article.textOf(article.blocks().get(0));
    }

    private static String lastBlock(Article article) {
        return article.textOf(article.blocks().get(article.blocks().size() - 1));
    }

    @Test
    void post000HasItsMetadata() throws IOException {
        Article article = onlyArticle(ingest(POST_000));

        assertEquals("South Korea faces geopolitical balancing act as Russia and North Korea align", article.title());
        assertEquals("2024-06-20T18:05:15+09:00", article.published().orElseThrow().toString());
        assertEquals(Optional.of("koreapro.org"), article.source());
        assertEquals(
                Optional.of("https://koreapro.org/2024/06/south-korea-faces-geopolitical-balancing-act-as-russia-and-north-korea-align/"),
                article.link());
        assertEquals("2205523", article.properties().get("id"));
        assertEquals("2024-06-21T17:24:00", article.properties().get("modified"));
        assertEquals(Optional.empty(), article.author());
    }

    @Test
    void post000HasNineParagraphsAndOneHeading() throws IOException {
        Article article = onlyArticle(ingest(POST_000));

        List<BlockKind> expected = List.of(
                BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH,
                BlockKind.HEADING,
                BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH,
                BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH);
        assertEquals(expected, kinds(article));
        assertEquals("AMBIGUITY OF MUTUAL ASSISTANCE", article.textOf(article.blocks().get(3)));
        assertEquals(
                "Russian leader Vladimir Putin’s visit to Pyongyang marks a deepening of ties between Moscow and"
                        + " Pyongyang. During the summit, Putin and North Korean leader Kim Jong Un signed a comprehensive"
                        + " strategic partnership treaty, which states that the two countries will “immediately provide"
                        + " military assistance” in the case of an attack on one of them.",
                firstBlock(article));
        assertEquals(
                "Moreover, Russia vetoed in April the renewal of the U.N. Security Council’s annual mandate for the"
                        + " Panel of Experts tasked with monitoring the implementation of sanctions against North Korea.",
                lastBlock(article));
    }

    @Test
    void post000ReadsTheRawUtf8ApostropheLikeTheEscapedOnes() throws IOException {
        Article article = onlyArticle(ingest(POST_000));

        assertTrue(
                article.text().contains("North Korea’s support for Russia’s invasion of Ukraine has been a key factor"),
                article.text());
    }

    @Test
    void post001HasFiveParagraphsAndOneHeading() throws IOException {
        Article article = onlyArticle(ingest(POST_001));

        assertEquals("South Korea’s security at risk as Russia and North Korea strengthen partnership", article.title());
        assertEquals("2024-06-20T08:00:39+09:00", article.published().orElseThrow().toString());
        assertEquals(Optional.of("koreapro.org"), article.source());
        assertEquals(
                Optional.of("https://koreapro.org/2024/06/south-koreas-security-at-risk-as-russia-and-north-korea-strengthen-partnership/"),
                article.link());
        assertEquals(
                List.of(BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.HEADING,
                        BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH),
                kinds(article));
        assertEquals("Why It Matters", article.textOf(article.blocks().get(2)));
        assertEquals(
                "Russia and North Korea have signed a comprehensive strategic partnership treaty, an agreement to"
                        + " construct a border road bridge across the Tumen River and a cooperation agreement in"
                        + " healthcare, medical education and science. The two countries signed the agreements during"
                        + " Russian leader Vladimir Putin’s state visit to Pyongyang on Wednesday.",
                firstBlock(article));
        assertEquals(
                "In response to the Russia-North Korea agreement, South Korea will likely further emphasize trilateral"
                        + " cooperation with the U.S. and Japan and seek China’s cooperation to pressure North Korea."
                        + " Last month’s South Korea-Japan-China trilateral summit led to a joint declaration where all"
                        + " three countries reiterated the denuclearization of the Korean Peninsula. However, whether"
                        + " Seoul will consider providing direct lethal military assistance to Ukraine remains uncertain.",
                lastBlock(article));
    }

    @ParameterizedTest
    @ValueSource(strings = {POST_000, POST_001})
    void truncatedSeedIsReportedAsTruncated(String name) throws IOException {
        FileIngest file = ingest(name);

        assertEquals(List.of(WordPressReader.CONTENT_TRUNCATED), onlyArticle(file).warnings());
        assertEquals(List.of(Problem.warning(name, WordPressReader.CONTENT_TRUNCATED)), file.problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {POST_000, POST_001})
    void seedTextHasNoLeftoverMarkup(String name) throws IOException {
        Article article = onlyArticle(ingest(name));

        for (String debris : List.of("</span>", "<", ">", "&#8220;", "&#", "\\u2019", "\\u", "&amp;", "&nbsp;", "\u00a0")) {
            assertFalse(article.text().contains(debris), () -> "found " + debris + " in " + article.text());
            assertFalse(article.title().contains(debris), () -> "found " + debris + " in " + article.title());
        }
    }
}
