package quire.model;

/** A range {@code [start, end)} of an article's canonical text, in {@code String} indices. */
public record TextRange(int start, int end) {
    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
    }
}
