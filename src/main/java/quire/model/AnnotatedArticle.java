package quire.model;

import java.util.List;
import java.util.Objects;

/**
 * An article with everything the analyst attached to it: what export writes.
 *
 * @param note the article note; empty when there is none
 * @param tags article-level tags
 * @param highlights in reading order (by start, then end)
 */
public record AnnotatedArticle(Article article, String note, List<String> tags, List<Highlight> highlights) {
    public AnnotatedArticle {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(note, "note");
        tags = List.copyOf(tags);
        highlights = List.copyOf(highlights);
    }
}
