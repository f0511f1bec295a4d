package quire.model;

import java.util.Objects;

/**
 * A block of an article's canonical text: {@code text.substring(start, end)} is its content.
 * Offsets are Java {@code String} indices (UTF-16 units), the same ones highlights and Lucene use.
 */
public record Block(BlockKind kind, int start, int end) {
    public Block {
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("block range must be non-empty: " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }
}
