package quire.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns untrusted text (quotes, notes, titles, tag names, links) into Markdown that renders as
 * that text and nothing else, in CommonMark and in Obsidian.
 *
 * <p>Inline text gets a backslash before every character that starts markup somewhere
 * (CommonMark allows a backslash before any ASCII punctuation, so this is always safe). Harmless
 * punctuation ({@code . , : ; ( ) ' " ? / -}) is left alone so that the raw file, which Obsidian
 * shows while editing, stays readable; the few line-start forms built from it (lists like
 * {@code - x}, {@code + x}, {@code 1. x}) are escaped where they occur.
 */
final class MarkdownText {
    private MarkdownText() {}

    /**
     * Characters escaped wherever they occur. CommonMark: {@code \ ` * _ [ ] < > & !} (escapes,
     * code, emphasis, links, images, HTML, entities), {@code #} (headings); GFM: {@code | ~}
     * (tables, strikethrough, fences); Obsidian: {@code # = $ % ^} (tags, ==highlight==, math,
     * %%comments%%, block ids).
     */
    private static final String ALWAYS = "\\`*_[]<>&!#|~=$%^";
    private static final boolean[] ESCAPED = new boolean[128];

    static {
        for (char c : ALWAYS.toCharArray()) {
            ESCAPED[c] = true;
        }
    }

    /** A paragraph of plain lines: no line breaks survive into the result except as given. */
    static String inline(String text) {
        return escapeLine(oneLine(text));
    }

    /** Text folded onto one line, control characters dropped and whitespace runs collapsed. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || isControl(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Splits multi-line text into paragraphs of lines: CR and CRLF become LF, control characters
     * are dropped, lines are stripped (CommonMark would strip their indentation anyway, and
     * leading spaces would make a code block), and runs of blank lines become one paragraph break.
     */
    static List<List<String>> paragraphs(String text) {
        List<List<String>> paragraphs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String raw : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String line = stripLine(raw);
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    paragraphs.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current);
        }
        return paragraphs;
    }

    /**
     * Appends text as Markdown lines, each escaped and prefixed, with blank lines between
     * paragraphs; false when the text had nothing to show.
     */
    static boolean appendBlock(StringBuilder out, String text, String linePrefix, String blankLine) {
        List<List<String>> paragraphs = paragraphs(text);
        for (int p = 0; p < paragraphs.size(); p++) {
            if (p > 0) {
                out.append(blankLine).append('\n');
            }
            for (String line : paragraphs.get(p)) {
                out.append(linePrefix);
                appendEscaped(out, line);
                out.append('\n');
            }
        }
        return !paragraphs.isEmpty();
    }

    /** Escapes one stripped line; see the class comment for what and why. */
    static String escapeLine(String line) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        appendEscaped(out, line);
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, String line) {
        int n = line.length();
        int i = 0;
        // Line-start forms made of characters that are harmless elsewhere.
        if (n > 0 && (line.charAt(0) == '-' || line.charAt(0) == '+')) {
            out.append('\\').append(line.charAt(0));
            i = 1;
        } else {
            int digits = 0;
            while (digits < n && line.charAt(digits) >= '0' && line.charAt(digits) <= '9') {
                digits++;
            }
            if (digits > 0 && digits < n && (line.charAt(digits) == '.' || line.charAt(digits) == ')')) {
                out.append(line, 0, digits).append('\\').append(line.charAt(digits));
                i = digits + 1;
            }
        }
        for (; i < n; i++) {
            char c = line.charAt(i);
            if (c < 128 && ESCAPED[c]) {
                out.append('\\');
            } else if (c == ':' && i > 0 && line.charAt(i - 1) == ':') {
                // Dataview reads "key:: value" as a field.
                out.append('\\');
            }
            out.append(c);
        }
    }

    private static String stripLine(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\t' || !isControl(c)) {
                out.append(c);
            }
        }
        // Only ASCII blanks: CommonMark strips these, and trailing ones make hard line breaks.
        int start = 0;
        int end = out.length();
        while (start < end && (out.charAt(start) == ' ' || out.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
            end--;
        }
        return out.substring(start, end);
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f;
    }

    /**
     * An Obsidian tag without its {@code #}: letters, digits, {@code _}, {@code -} and {@code /}
     * only (anything else becomes {@code -}), no empty levels, and at least one letter.
     */
    static String tagSlug(String name) {
        List<String> levels = new ArrayList<>();
        for (String level : name.split("/", -1)) {
            String slug = levelSlug(level);
            if (!slug.isEmpty()) {
                levels.add(slug);
            }
        }
        String slug = String.join("/", levels);
        if (slug.isEmpty()) {
            return "tag";
        }
        if (slug.codePoints().noneMatch(Character::isLetter)) {
            // Obsidian ignores an all-digit tag such as #2024.
            return "tag-" + slug;
        }
        return slug;
    }

    private static String levelSlug(String level) {
        StringBuilder out = new StringBuilder(level.length());
        level.strip().codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || isMark(cp)) {
                out.appendCodePoint(cp);
            } else if (cp == '_') {
                out.append('_');
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        });
        // An underscore next to anything but a letter or digit could open or close emphasis
        // between two tags on one line ("#a_ #_b"), so only inner ones stay.
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == '_' && !(isWordAt(out, i - 1) && isWordAt(out, i + 1))) {
                out.setCharAt(i, '-');
            }
        }
        StringBuilder single = new StringBuilder(out.length());
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) != '-' || single.length() == 0 || single.charAt(single.length() - 1) != '-') {
                single.append(out.charAt(i));
            }
        }
        String slug = single.toString();
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }

    private static boolean isWordAt(CharSequence s, int i) {
        if (i < 0 || i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return Character.isLetterOrDigit(c) || Character.isSurrogate(c) || isMark(c);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Tags as Obsidian inline tags, space-separated, duplicates (after slugging) dropped. */
    static String inlineTags(List<String> tags) {
        return tags.stream().map(MarkdownText::tagSlug).distinct().map(t -> "#" + t)
                .reduce((a, b) -> a + " " + b).orElse("");
    }

    /** A YAML double-quoted scalar: safe for any text, read back exactly. */
    static String yamlString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff'
                            || c == '\ufffe' || c == '\uffff'
                            || (Character.isSurrogate(c) && !isPairedSurrogate(value, i))) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean isPairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /**
     * A link destination for an http(s) URL, or empty for anything else ({@code javascript:},
     * {@code file:}, relative): we never make a clickable link to those.
     */
    static Optional<String> linkDestination(String url) {
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://")) || trimmed.length() <= 8) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(trimmed.length() + 8);
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '&' && looksLikeEntity(trimmed, i)) {
                out.append("\\&");
            } else if (c <= ' ' || c >= 0x7f || "<>()\\\"`{}|^[]".indexOf(c) >= 0) {
                // Percent-encoding is what a browser does with these anyway; in a link
                // destination they would end the link or start an escape.
                percentEncode(out, trimmed, i);
                if (Character.isHighSurrogate(c) && i + 1 < trimmed.length()) {
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        return Optional.of(out.toString());
    }

    private static boolean looksLikeEntity(String s, int amp) {
        int i = amp + 1;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '#')) {
            i++;
        }
        return i > amp + 1 && i < s.length() && s.charAt(i) == ';';
    }

    private static void percentEncode(StringBuilder out, String s, int i) {
        int cp = s.codePointAt(i);
        byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            // Not String.format: a link is encoded for every passage of an export, and formatting was a fifth of its time.
            out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** A relative link to a file in the same folder: every byte outside RFC 3986 unreserved is encoded. */
    static String relativeLink(String fileName) {
        StringBuilder out = new StringBuilder(fileName.length() * 2);
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }
}
