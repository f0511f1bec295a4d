package quire.export;

import java.util.List;
import java.util.Objects;

/**
 * What an analyst attached to a whole article, as read from an annotation file.
 *
 * @param articleKey the Quire article key, or the source address (a URL) for files from other tools
 * @param note the article note; empty when there is none
 */
public record ArticleNote(String articleKey, String note, List<String> tags) {
    public ArticleNote {
        Objects.requireNonNull(articleKey, "articleKey");
        Objects.requireNonNull(note, "note");
        tags = List.copyOf(tags);
    }
}
