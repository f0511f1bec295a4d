package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quire.model.Article;
import quire.model.Problem;

/** Defects found by {@link IngestPropertiesTest} and the extreme files, each pinned by its smallest input. */
class HostileInputRegressionTest {
    private final Ingester ingester = new Ingester();

    @ParameterizedTest
    @ValueSource(strings = {"fffe", "feff", "fffe0000", "0000feff"})
    void fileThatIsOnlyAByteOrderMarkIsReportedAsHavingNoText(String hex) {
        FileIngest result = ingester.ingest(java.util.HexFormat.of().parseHex(hex), "bom.txt");

        assertEquals(List.of(), result.articles());
        assertEquals(List.of(Problem.error("bom.txt", "The file contains no text.")), result.problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "\\udc00", "a\\ud83d", "\\ude00b"})
    void loneSurrogateEscapesBecomeReplacementCharacters(String escape) {
        String json = "{\"title\":{\"rendered\":\"T" + escape + "\"},\"content\":{\"rendered\":\"<p>Body " + escape + " end.</p>\"}}";
        Article article = ingester.ingest(json.getBytes(StandardCharsets.UTF_8), "post.json").articles().get(0);

        for (String s : List.of(article.title(), article.text())) {
            assertFalse(s.chars().anyMatch(c -> Character.isSurrogate((char) c)), s);
            assertEquals(1, s.chars().filter(c -> c == '\uFFFD').count(), s);
        }
    }

    @Test
    void millionPostsWithoutTextCostAHundredProblemsAndFiftyThousandReads() {
        String json = "[" + "{\"title\":\"t\"},".repeat(1_000_000) + "{\"title\":\"t\"}]";
        FileIngest result = ingester.ingest(json.getBytes(StandardCharsets.US_ASCII), "posts.json");

        assertEquals(List.of(), result.articles());
        assertTrue(result.problems().size() <= 103, "problems: " + result.problems().size());
        List<String> messages = result.problems().stream().map(Problem::message).toList();
        assertTrue(messages.contains("49,900 more posts without article text were skipped."), messages.toString());
        assertTrue(messages.contains("The file holds 1,000,001 posts; only the first 50,000 were read."), messages.toString());
    }

    @Test
    void postsBeyondTheLimitAreCountedNotRead() {
        int limit = WordPressReader.MAX_POSTS;
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < limit + 7; i++) {
            json.append(i == 0 ? "" : ",").append("{\"title\":\"T").append(i).append("\",\"content\":\"x\"}");
        }
        FileIngest result = ingester.ingest(json.append(']').toString().getBytes(StandardCharsets.US_ASCII), "posts.json");

        assertEquals(limit, result.articles().size());
        assertEquals(List.of(Problem.warning("posts.json", String.format(java.util.Locale.ROOT,
                "The file holds %,d posts; only the first %,d were read.", limit + 7, limit))), result.problems());
    }
}
