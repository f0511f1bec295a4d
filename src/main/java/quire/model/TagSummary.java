package quire.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A tag and how much it is used.
 *
 * @param name as created; {@code /} separates levels ({@code treaty/article-4} is under {@code treaty})
 * @param highlights how many highlights carry this exact tag
 * @param articles how many articles carry this exact tag as an article tag
 */
public record TagSummary(String name, Optional<String> color, int highlights, int articles) {
    public TagSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(color, "color");
    }
}
