package quire.model;

import java.util.Locale;

/** The role a block of text plays in an article; the reader styles each kind apart. */
public enum BlockKind {
    HEADING,
    PARAGRAPH,
    QUOTE,
    LIST_ITEM,
    CAPTION;

    /** The name used in JSON and on the command line: {@code heading}, {@code list-item}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a {@link #label()}. */
    public static BlockKind fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
