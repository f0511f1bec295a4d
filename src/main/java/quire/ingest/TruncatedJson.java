package quire.ingest;

import java.util.Arrays;
import java.util.Optional;

/**
 * Closes a JSON document that was cut off, so that a parser can read everything before the cut.
 *
 * <p>The text is scanned once, tracking open strings, objects and arrays in the lenient grammar
 * {@link WordPressReader} parses (single quotes, raw control characters, any character escaped).
 * At the end, what cannot be completed faithfully is dropped (a dangling partial escape, a cut
 * key, a key without its value, a literal or number that may be cut short), then the open string
 * and containers are closed. Nothing is invented: a closed string holds exactly the characters
 * the file had. The same idea as dphilipson/untruncate-json.
 */
final class TruncatedJson {
    /**
     * A closed document.
     *
     * @param json the file's text up to {@code kept}, followed by the closing quote and brackets
     * @param kept how many characters of the original were kept; a token that ends at or after
     *     this offset in {@code json} was closed by the repair, so its value is incomplete
     */
    record Closed(String json, int kept) {}

    private enum Expect {
        KEY,
        COLON,
        VALUE,
        COMMA
    }

    private TruncatedJson() {}

    /**
     * Closes {@code text}, which is assumed to be a prefix of lenient JSON; empty when the
     * nesting is deeper than {@code maxDepth} (the caller rejects such documents anyway).
     */
    static Optional<Closed> close(String text, int maxDepth) {
        char[] stack = new char[16];
        int[] memberStart = new int[16];
        Expect[] expect = new Expect[16];
        int depth = 0;
        // Level 0 is the top level, where a file holds one value or a sequence of them (JSON Lines).
        expect[0] = Expect.VALUE;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '"' || c == '\'') {
                boolean isKey = depth > 0 && stack[depth] == '{' && expect[depth] == Expect.KEY;
                if (isKey || depth == 0 || stack[depth] == '[') {
                    // A value inside an object belongs to the member that started at its key.
                    memberStart[depth] = i;
                }
                int end = skipString(text, i);
                if (end < 0) {
                    // The file ends inside this string.
                    if (isKey) {
                        return closed(text, memberStart[depth], "", stack, depth);
                    }
                    int keep = keepOfOpenString(text, i);
                    return closed(text, keep, String.valueOf(c), stack, depth);
                }
                expect[depth] = isKey ? Expect.COLON : Expect.COMMA;
                i = end;
                continue;
            }
            switch (c) {
                case '{', '[' -> {
                    if (depth == 0 || stack[depth] == '[') {
                        memberStart[depth] = i;
                    }
                    if (depth + 1 > maxDepth) {
                        return Optional.empty();
                    }
                    depth++;
                    if (depth == stack.length) {
                        stack = Arrays.copyOf(stack, depth * 2);
                        memberStart = Arrays.copyOf(memberStart, depth * 2);
                        expect = Arrays.copyOf(expect, depth * 2);
                    }
                    stack[depth] = c;
                    expect[depth] = c == '{' ? Expect.KEY : Expect.VALUE;
                    memberStart[depth] = i + 1;
                    i++;
                }
                case '}', ']' -> {
                    if (depth > 0) {
                        depth--;
                    }
                    expect[depth] = depth == 0 ? Expect.VALUE : Expect.COMMA;
                    i++;
                }
                case ':' -> {
                    expect[depth] = Expect.VALUE;
                    i++;
                }
                case ',' -> {
                    expect[depth] = depth > 0 && stack[depth] == '{' ? Expect.KEY : Expect.VALUE;
                    memberStart[depth] = i + 1;
                    i++;
                }
                default -> {
                    if (depth == 0 || stack[depth] == '[') {
                        memberStart[depth] = i;
                    }
                    int end = skipLiteral(text, i);
                    if (end == n) {
                        // A number or literal at the very end may itself be cut short ("12" of "125").
                        return closed(text, memberStart[depth], "", stack, depth);
                    }
                    expect[depth] = depth == 0 ? Expect.VALUE : Expect.COMMA;
                    i = end;
                }
            }
        }
        boolean memberIncomplete = depth > 0 && stack[depth] == '{' && (expect[depth] == Expect.COLON || expect[depth] == Expect.VALUE);
        return closed(text, memberIncomplete ? memberStart[depth] : n, "", stack, depth);
    }

    private static Optional<Closed> closed(String text, int keep, String quote, char[] stack, int depth) {
        StringBuilder json = new StringBuilder(keep + depth + 1);
        json.append(text, 0, keep).append(quote);
        for (int level = depth; level > 0; level--) {
            json.append(stack[level] == '{' ? '}' : ']');
        }
        return Optional.of(new Closed(json.toString(), keep));
    }

    /** The index after the closing quote of the string that opens at {@code start}, or -1 at end of text. */
    private static int skipString(String text, int start) {
        char quote = text.charAt(start);
        int n = text.length();
        int i = start + 1;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return -1;
    }

    /**
     * How much of an unterminated string (opening at {@code start}) can be kept: all of it but a
     * dangling escape (a lone backslash, or a backslash-u escape missing hex digits), and a high
     * surrogate whose low half was cut off.
     */
    private static int keepOfOpenString(String text, int start) {
        int n = text.length();
        int i = start + 1;
        int lastEscapeStart = -1;
        int lastEscapeEnd = -1;
        while (i < n) {
            if (text.charAt(i) == '\\') {
                int length = i + 1 < n && text.charAt(i + 1) == 'u' ? 6 : 2;
                if (i + length > n || length == 6 && !isHex(text, i + 2, i + 6)) {
                    return i;
                }
                lastEscapeStart = i;
                lastEscapeEnd = i + length;
                i += length;
            } else {
                i++;
            }
        }
        if (lastEscapeEnd == n && lastEscapeEnd - lastEscapeStart == 6) {
            char unit = (char) Integer.parseInt(text.substring(lastEscapeStart + 2, lastEscapeEnd), 16);
            if (Character.isHighSurrogate(unit)) {
                return lastEscapeStart;
            }
        }
        if (n > start + 1 && Character.isHighSurrogate(text.charAt(n - 1))) {
            return n - 1;
        }
        return n;
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int skipLiteral(String text, int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || ",:[]{}\"'".indexOf(c) >= 0) {
                return i;
            }
            i++;
        }
        return i;
    }
}
