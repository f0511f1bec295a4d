package quire.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A highlighted passage of an article, with the analyst's colour, note and tags.
 *
 * <p>It is anchored the way Hypothesis anchors (W3C TextPositionSelector plus
 * TextQuoteSelector): by {@code start}/{@code end} in the article's canonical text, and by the
 * exact {@code quote} with about 32 characters of {@code prefix} and {@code suffix}, so that it can
 * be found again when the article's text changes.
 *
 * @param id a UUID, stable across exports and imports
 * @param note the analyst's note; empty when there is none
 * @param tags tag names, case as the tag was created, sorted case-insensitively
 * @param color a colour name: yellow, green, blue, pink, purple or orange
 * @param textHash which version of the article's text {@code start}/{@code end} refer to (its
 *     {@code ArticleKeys.textHash}); the store keeps that text, so an orphan can be shown in context
 */
public record Highlight(
        String id,
        String articleKey,
        int start,
        int end,
        String quote,
        String prefix,
        String suffix,
        String color,
        String note,
        List<String> tags,
        Instant created,
        Instant updated,
        HighlightState state,
        String textHash) {

    public static final List<String> COLORS = List.of("yellow", "green", "blue", "pink", "purple", "orange");
    public static final String DEFAULT_COLOR = "yellow";
    /** How much text before and after the quote is kept to find it again. */
    public static final int CONTEXT_CHARS = 32;

    public Highlight {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(articleKey, "articleKey");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(note, "note");
        tags = List.copyOf(tags);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(textHash, "textHash");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a highlight covers at least one character: " + start + ".." + end);
        }
    }
}
