package quire.ui.reader;

import java.util.Objects;

/** A range {@code [start, end)} of the reader's text and the style class it gets. */
public record StyledRange(int start, int end, String styleClass) {
    public StyledRange {
        Objects.requireNonNull(styleClass, "styleClass");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
    }
}
