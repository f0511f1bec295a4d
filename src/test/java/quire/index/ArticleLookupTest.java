package quire.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.model.Article;
import quire.model.Block;
import quire.model.BlockKind;

/** Reading many stored articles at once, as an export does, gives what reading each one gives. */
class ArticleLookupTest {
    @TempDir
    Path dir;

    private static Article article(String key, String text) {
        return new Article(key, key + ".txt", "Title of " + key, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), List.of(), text,
                List.of(new Block(BlockKind.PARAGRAPH, 0, text.length())));
    }

    @Test
    void manyArticlesAtOnceAreTheLatestStoredCopiesAndUnknownKeysAreLeftOut() {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            List<String> keys = new ArrayList<>();
            // Several segments (a commit after each round), and an article replaced in a later one.
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 20; i++) {
                    String key = "k" + (round * 20 + i);
                    index.putArticle(article(key, "Text of " + key + " about the treaty."));
                    keys.add(key);
                }
                index.commit();
            }
            index.putArticle(article("k5", "The edited text of k5."));
            index.commit();
            keys.add("not-there");
            keys.add("k5");

            Map<String, Article> all = index.articles(keys);

            assertEquals(60, all.size());
            assertEquals("The edited text of k5.", all.get("k5").text());
            for (String key : keys) {
                assertEquals(index.article(key), Optional.ofNullable(all.get(key)), key);
            }
        }
    }
}
