package quire.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The common case of a post's HTML, parsed without jsoup's HTML5 tree builder: paragraphs,
 * headings, lists and quotes of plain text and simple inline markup, properly nested. jsoup built
 * a full DOM through its tokenizer and tree builder for every post, a good part of reading one. For
 * such input the tree built here is the one jsoup builds (the same elements and text nodes, with
 * entities decoded the same way); anything else (a comment, an unknown element, a tag the HTML5
 * rules would close or move implicitly, an attribute {@code class}, an entity outside a small
 * common set, a carriage return or NUL) gives null, and the caller parses with jsoup as before.
 */
final class SimpleHtml {
    /** Blocks that hold only text and inline markup. */
    private static final Set<String> TEXT_BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li");
    /** Blocks that hold other blocks. */
    private static final Set<String> CONTAINERS = Set.of("blockquote", "ul", "ol");
    private static final Set<String> INLINE = Set.of(
            "a", "em", "strong", "b", "i", "u", "span", "sup", "sub", "small", "code", "abbr", "cite", "mark", "q", "del", "ins");
    private static final Map<String, Character> ENTITIES = Map.ofEntries(
            Map.entry("amp", '&'), Map.entry("lt", '<'), Map.entry("gt", '>'), Map.entry("quot", '"'),
            Map.entry("nbsp", '\u00A0'), Map.entry("rsquo", '\u2019'), Map.entry("lsquo", '\u2018'),
            Map.entry("rdquo", '\u201D'), Map.entry("ldquo", '\u201C'), Map.entry("ndash", '\u2013'),
            Map.entry("mdash", '\u2014'), Map.entry("hellip", '\u2026'));

    private SimpleHtml() {}

    /** The body jsoup would make of this fragment, or null when the fragment is not simple enough to be sure. */
    static Element parse(String html) {
        Element body = Document.createShell("").body();
        Deque<Element> open = new ArrayDeque<>();
        open.push(body);
        StringBuilder text = new StringBuilder();
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                if (i + 1 >= n) {
                    return null;
                }
                boolean closing = html.charAt(i + 1) == '/';
                int nameStart = closing ? i + 2 : i + 1;
                int nameEnd = nameStart;
                while (nameEnd < n && isAsciiLetterOrDigit(html.charAt(nameEnd))) {
                    nameEnd++;
                }
                if (nameEnd == nameStart || !isAsciiLetter(html.charAt(nameStart))) {
                    return null; // "<" as text, a comment, a doctype: jsoup's rules
                }
                int end = endOfTag(html, nameEnd, closing);
                if (end < 0) {
                    return null;
                }
                String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
                if (!name.equals("br") && html.substring(nameEnd, end - 1).strip().endsWith("/")) {
                    return null; // self-closing: jsoup has rules of its own for it
                }
                flushText(text, open.peek());
                Element parent = open.peek();
                String parentName = parent.normalName();
                if (name.equals("br")) {
                    if (closing || !(TEXT_BLOCKS.contains(parentName) || INLINE.contains(parentName) || parent == body)) {
                        return null;
                    }
                    parent.appendChild(new Element("br"));
                } else if (closing) {
                    if (parent == body || !parentName.equals(name)) {
                        return null; // a stray or misnested closer: the HTML5 rules decide
                    }
                    open.pop();
                } else if (INLINE.contains(name)) {
                    if (name.equals("a") && open.stream().anyMatch(e -> e.normalName().equals("a"))) {
                        return null;
                    }
                    open.push(parent.appendElement(name));
                } else if (TEXT_BLOCKS.contains(name) || CONTAINERS.contains(name)) {
                    boolean listItem = name.equals("li");
                    boolean fits = listItem
                            ? parentName.equals("ul") || parentName.equals("ol")
                            : parent == body || parentName.equals("blockquote");
                    if (!fits) {
                        return null; // would close a paragraph or item implicitly
                    }
                    open.push(parent.appendElement(name));
                } else {
                    return null;
                }
                i = end;
            } else if (c == '&') {
                int semicolon = html.indexOf(';', i);
                if (semicolon < 0 || semicolon - i > 10) {
                    return null;
                }
                int decoded = entity(html.substring(i + 1, semicolon));
                if (decoded < 0) {
                    return null;
                }
                text.appendCodePoint(decoded);
                i = semicolon + 1;
            } else if (c == '\r' || c == '\0') {
                return null;
            } else {
                text.append(c);
                i++;
            }
        }
        flushText(text, open.peek());
        return body;
    }

    private static void flushText(StringBuilder text, Element parent) {
        if (text.length() > 0) {
            parent.appendChild(new TextNode(text.toString()));
            text.setLength(0);
        }
    }

    /** Where a tag ends (after its {@code >}), or -1 if its attributes are anything but plain. */
    private static int endOfTag(String html, int from, boolean closing) {
        char quote = 0;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '&' || c == '<' || c == '\r' || c == '\0') {
                    return -1;
                }
            } else if (c == '>') {
                String attributes = html.substring(from, i);
                if (closing ? !attributes.isBlank() : attributes.toLowerCase(Locale.ROOT).contains("class")) {
                    return -1;
                }
                if (!attributes.isEmpty() && !Character.isWhitespace(attributes.charAt(0)) && !attributes.equals("/")) {
                    return -1;
                }
                return i + 1;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '<' || c == '&' || c == '\r' || c == '\0' || c == '=' && i + 1 < html.length() && html.charAt(i + 1) == '>') {
                return -1;
            }
        }
        return -1;
    }

    /** The character of an entity's name (between {@code &} and {@code ;}), or -1 outside the set read here. */
    private static int entity(String name) {
        if (name.startsWith("#")) {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            String digits = name.substring(hex ? 2 : 1);
            if (digits.isEmpty() || digits.length() > 6) {
                return -1;
            }
            int value;
            try {
                value = Integer.parseInt(digits, hex ? 16 : 10);
            } catch (NumberFormatException e) {
                return -1;
            }
            boolean plain = value == '\t' || value == '\n' || value >= 0x20 && value < 0x7F
                    || value >= 0xA0 && value < 0xD800 || value >= 0xE000 && value < 0xFDD0
                    || value > 0xFDEF && value < 0xFFFE || value >= 0x10000 && value <= 0x10FFFF && (value & 0xFFFE) != 0xFFFE;
            return plain ? value : -1;
        }
        Character c = ENTITIES.get(name);
        return c == null ? -1 : c;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9';
    }
}
