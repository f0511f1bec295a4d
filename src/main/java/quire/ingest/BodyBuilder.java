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
        String nfc = Normalizer.normalize(content, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (c > ' ' && c < '\u007F') {
                // Printable ASCII, most of most texts: neither space nor debris, so skip the Unicode lookups.
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            } else if (isSpace(c)) {
                pendingSpace = true;
            } else if (Character.isSurrogate(c) && !isPaired(nfc, i)) {
                // A lone half of a pair (from an escape like \ud800) is no character: UTF-8 cannot store it.
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append('\uFFFD');
            } else if (isDropped(c)) {
                // Invisible debris (controls, zero-width marks, BOMs) is not text the analyst can see or quote.
                continue;
            } else {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isPaired(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
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
