package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A seed post cut at every possible character: never a crash, and text kept whenever the cut is in it. */
class TruncationAnywhereTest {
    private static final String CONTENT_START = "\"content\":{\"rendered\":\"";

    @ParameterizedTest
    @ValueSource(strings = {"000_fe8c5ed74ec9ed57.txt", "001_250d73399310addd.txt"})
    void seedCutAnywhereKeepsTheTextBeforeTheCut(String name) throws IOException {
        String json = Files.readString(Path.of("corpus", name), StandardCharsets.UTF_8);
        int contentStart = json.indexOf(CONTENT_START) + CONTENT_START.length();
        WordPressReader reader = new WordPressReader();
        String whole = reader.read(json, name).drafts().get(0).body().text();
        for (int cut = 1; cut < json.length(); cut++) {
            String prefix = json.substring(0, cut);
            ReadResult result;
            try {
                result = reader.read(prefix, name);
            } catch (IngestException e) {
                if (cut > contentStart + 20) {
                    fail("cut at " + cut + " lost the text: " + e.getMessage());
                }
                continue;
            }
            assertTrue(cut > contentStart, () -> "cut before the text gave a draft at " + prefix.length());
            assertEquals(1, result.drafts().size());
            ArticleDraft draft = result.drafts().get(0);
            assertEquals(List.of(WordPressReader.CONTENT_TRUNCATED), draft.warnings());
            String text = draft.body().text();
            int where = cut;
            assertTrue(whole.startsWith(text), () -> "cut at " + where + " changed the text before it: " + text);
            for (String debris : List.of("<", ">", "&#", "\\u", "\\")) {
                int at = cut;
                assertFalse(text.contains(debris), () -> "cut at " + at + " left " + debris + " in: " + text);
            }
        }
    }
}
