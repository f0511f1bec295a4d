package quire.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import quire.model.Block;
import quire.model.BlockKind;

/**
 * Builds canonical text block by block. Every reader goes through here, so that all formats
 * agree on the canonical form: NFC, no control characters, white space inside a block folded to
 * single spaces, blocks separated by one blank line. Highlight offsets depend on this never
 * changing for the same input.
 */
public final class BodyBuilder {
    private final StringBuilder text = new StringBuilder();
    private final List<Block> blocks = new ArrayList<>();

    /** Appends a block; blank content is dropped. Returns whether a block was added. */
    public boolean add(BlockKind kind, CharSequence content) {
        String clean = clean(content);
        if (clean.isEmpty()) {
            return false;
        }
        if (text.length() > 0) {
            text.append("\n\n");
        }
        int start = text.length();
        text.append(clean);
        blocks.add(new Block(kind, start, text.length()));
        return true;
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public int blockCount() {
        return blocks.size();
    }

    /** The kind of the last block added. */
    public BlockKind lastKind() {
        return blocks.get(blocks.size() - 1).kind();
    }

    public Body build() {
        return new Body(text.toString(), blocks);
    }

    /**
     * The canonical form of one block's content: NFC; control characters dropped; every run of
     * white space (including no-break and other Unicode spaces, and line breaks) one space; trimmed.
     */
    public static String clean(CharSequence content) {
        String source = content.toString();
        // Text made only of characters below U+0300 (ASCII, Latin-1, Latin Extended) is NFC as it
        // is: none of them composes with a neighbour. Most texts are, and skip the normaliser.
        String nfc = belowCombiningMarks(source) ? source : Normalizer.normalize(source, Normalizer.Form.NFC);
        if (isClean(nfc)) {
            // Already canonical (as most blocks are once a reader has cleaned them): no copy.
            return nfc;
        }
        char[] in = nfc.toCharArray();
        char[] out = new char[in.length];
        int length = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < in.length; i++) {
            char c = in[i];
            if (c > ' ' && c < '\u007F') {
                // Printable ASCII, most of most texts: neither space nor debris, so skip the Unicode lookups.
                if (pendingSpace && length > 0) {
                    out[length++] = ' ';
                }
                pendingSpace = false;
                out[length++] = c;
            } else if (isSpace(c)) {
                pendingSpace = true;
            } else if (Character.isSurrogate(c) && !isPaired(in, i)) {
                // A lone half of a pair (from an escape like \ud800) is no character: UTF-8 cannot store it.
                if (pendingSpace && length > 0) {
                    out[length++] = ' ';
                }
                pendingSpace = false;
                out[length++] = '\uFFFD';
            } else if (isDropped(c)) {
                // Invisible debris (controls, zero-width marks, BOMs) is not text the analyst can see or quote.
                continue;
            } else {
                if (pendingSpace && length > 0) {
                    out[length++] = ' ';
                }
                pendingSpace = false;
                out[length++] = c;
            }
        }
        // At most one space is written per character read, so the output never outgrows the input.
        return new String(out, 0, length);
    }

    private static boolean belowCombiningMarks(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '\u0300') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@link #clean} would give the text back unchanged: single plain spaces between words, nothing to drop. */
    private static boolean isClean(String s) {
        int n = s.length();
        if (n > 0 && (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ')) {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > ' ' && c < '\u007F') {
                previous = c;
                continue;
            }
            if (c == ' ' ? previous == ' ' : isSpace(c) || Character.isSurrogate(c) || isDropped(c)) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static boolean isPaired(char[] s, int i) {
        char c = s[i];
        return Character.isHighSurrogate(c)
                ? i + 1 < s.length && Character.isLowSurrogate(s[i + 1])
                : i > 0 && Character.isHighSurrogate(s[i - 1]);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static boolean isDropped(char c) {
        return Character.getType(c) == Character.CONTROL
                || c == '\u200B' // zero-width space
                || c == '\uFEFF' // BOM / zero-width no-break space
                || c == '\u00AD' // soft hyphen
                || c == '\uFFFE'
                || c == '\uFFFF';
    }
}
