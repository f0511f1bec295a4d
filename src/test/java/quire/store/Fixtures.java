package quire.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import quire.model.Article;

/** Tiny articles for store tests. */
final class Fixtures {
    static final String TREATY_TEXT = "The treaty was signed in Pyongyang.\n\n"
            + "Article 4 obliges each side to provide military assistance without delay.\n\n"
            + "Analysts in Seoul called it the closest alignment since the Cold War.";

    private Fixtures() {}

    static Article article(String key, String text) {
        return new Article(key, key + ".json", "Title of " + key, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), List.of(), text, List.of());
    }

    static Article treaty() {
        return article("treaty-2024", TREATY_TEXT);
    }

    /** Offsets of the first occurrence of a passage in the article's text. */
    static int[] find(Article article, String passage) {
        int start = article.text().indexOf(passage);
        if (start < 0) {
            throw new IllegalArgumentException("not in the text: " + passage);
        }
        return new int[] {start, start + passage.length()};
    }
}
