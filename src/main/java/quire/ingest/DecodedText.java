package quire.ingest;

import java.util.List;

/**
 * A file's bytes decoded to text.
 *
 * @param text the text, BOM removed, NUL and other non-text control characters removed, line
 *     ends normalised to {@code \n}
 * @param warnings plain sentences about what the decoding had to do, e.g. "The file is not valid
 *     UTF-8; it was read as Windows-1252."
 */
public record DecodedText(String text, List<String> warnings) {
    public DecodedText {
        warnings = List.copyOf(warnings);
    }
}
