package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quire.model.Article;
import quire.model.Problem;

/** Defects found by {@link IngestProperties} and the extreme files, each pinned by its smallest input. */
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
}
