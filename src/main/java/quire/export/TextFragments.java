package quire.export;

import java.nio.charset.StandardCharsets;

/**
 * URL text fragments ({@code #:~:text=start,end}, WICG "Scroll to Text Fragment"): a link that
 * opens the source page scrolled to the highlighted passage in current browsers, and that older
 * browsers simply ignore.
 */
final class TextFragments {
    private TextFragments() {}

    /** Quotes up to this many characters are matched whole; longer ones by their first and last words. */
    private static final int WHOLE_QUOTE = 80;
    private static final int EDGE_WORDS = 5;
    private static final int EDGE_CHARS_WITHOUT_SPACES = 20;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** The directive to append to {@code destination}, or "" when it already has a fragment. */
    static String directive(String destination, String quote) {
        String text = MarkdownText.oneLine(quote);
        if (destination.indexOf('#') >= 0 || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(":~:text=".length() + text.length() * 2).append("#:~:text=");
        if (text.codePointCount(0, text.length()) <= WHOLE_QUOTE) {
            encode(out, text);
            return out.toString();
        }
        String[] words = text.split(" ");
        String start;
        String end;
        if (words.length >= 2 * EDGE_WORDS) {
            start = String.join(" ", java.util.Arrays.asList(words).subList(0, EDGE_WORDS));
            end = String.join(" ", java.util.Arrays.asList(words).subList(words.length - EDGE_WORDS, words.length));
        } else {
            int startEnd = text.offsetByCodePoints(0, EDGE_CHARS_WITHOUT_SPACES);
            int endStart = text.offsetByCodePoints(text.length(), -EDGE_CHARS_WITHOUT_SPACES);
            start = text.substring(0, startEnd);
            end = text.substring(endStart);
        }
        encode(out, start);
        out.append(',');
        encode(out, end);
        return out.toString();
    }

    /** Percent-encodes all but letters, digits and {@code . _ ~}; the directive gives - , & meaning. */
    private static void encode(StringBuilder out, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
    }
}
