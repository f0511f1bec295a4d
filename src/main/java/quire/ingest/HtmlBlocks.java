package quire.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import quire.model.BlockKind;

/**
 * HTML as it really is inside posts and pages, turned into blocks: headings, paragraphs, quotes,
 * list items and captions, with entities decoded and everything that is not article text
 * (scripts, styles, embeds, forms, navigation, images) left out.
 *
 * <p>Scraped posts often lost their opening tags but kept the closing ones ({@code Putin’s
 * </span>visit</span></a> to}). jsoup's HTML5 tree builder ignores a stray {@code </span>} and
 * turns a stray {@code </p>} into an empty paragraph, so every {@code </p>} still ends a
 * paragraph here, because each block element, empty or not, is a block boundary.
 */
final class HtmlBlocks {
    /** The longest bold-only paragraph still taken for a subheading. */
    private static final int MAX_BOLD_HEADING = 120;

    private static final Set<String> DROPPED = Set.of(
            "script", "style", "noscript", "iframe", "svg", "math", "template", "object", "embed", "canvas",
            "audio", "video", "source", "track", "img", "picture", "map", "head", "title", "meta", "link",
            "form", "input", "button", "select", "option", "textarea", "label", "fieldset", "dialog",
            "nav", "footer", "aside");

    private static final Set<String> BLOCKS = Set.of(
            "html", "body", "p", "div", "section", "article", "main", "header", "hgroup", "address", "center",
            "details", "summary", "figure", "figcaption", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd",
            "table", "caption", "thead", "tbody", "tfoot", "tr", "hr", "h1", "h2", "h3", "h4", "h5", "h6");

    private static final Set<String> BOLD = Set.of("b", "strong");

    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*)[^<>]*>");

    private HtmlBlocks() {}

    /** Appends the blocks of an HTML fragment, such as a post's {@code content.rendered}. */
    static void append(String html, BodyBuilder out) {
        String restored = restoreStrippedBoldOpeners(html);
        Element simple = SimpleHtml.parse(restored);
        append(simple != null ? simple : Jsoup.parseBodyFragment(restored).body(), out);
    }

    /** Appends the blocks of an element already parsed, such as a page's article. */
    static void append(Element root, BodyBuilder out) {
        Walker walker = new Walker(out);
        NodeTraversor.filter(walker, root);
        walker.flush();
    }

    /** The text of an HTML fragment on one line, for titles and excerpts. */
    static String text(String html) {
        BodyBuilder blocks = new BodyBuilder();
        append(html, blocks);
        // Blocks hold no line breaks of their own, so the separators are the only ones.
        return blocks.build().text().replace("\n\n", " ");
    }

    /**
     * Puts back the {@code <b>} or {@code <strong>} that was stripped from the start of a
     * paragraph whose stray closing tag survived ({@code Why It Matters</b></p>}), so that the
     * paragraph reads as bold like the original did. jsoup would silently drop the stray closer,
     * and with it the only sign that this paragraph was a subheading. Only a closer that ends its
     * paragraph, with no opener of its own in the paragraph, is taken to have lost its opener at
     * the paragraph's start.
     */
    static String restoreStrippedBoldOpeners(String html) {
        if (!hasBoldCloser(html)) {
            return html; // only a closing b or strong is ever given an opener
        }
        Matcher tag = TAG.matcher(html);
        StringBuilder out = null;
        int copied = 0;
        int segmentStart = 0;
        boolean boldOpened = false;
        BlockEnd blockEnd = new BlockEnd(html);
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            boolean closing = !tag.group(1).isEmpty();
            if (isBoundary(name)) {
                segmentStart = tag.end();
                boldOpened = false;
            } else if (BOLD.contains(name)) {
                if (!closing) {
                    boldOpened = true;
                } else if (!boldOpened && blockEnd.follows(tag.end())) {
                    if (out == null) {
                        out = new StringBuilder(html.length() + 16);
                    }
                    out.append(html, copied, segmentStart).append('<').append(name).append('>');
                    copied = segmentStart;
                    boldOpened = true;
                }
            }
        }
        return out == null ? html : out.append(html, copied, html.length()).toString();
    }

    private static boolean hasBoldCloser(String html) {
        for (int i = html.indexOf("</"); i >= 0 && i + 2 < html.length(); i = html.indexOf("</", i + 2)) {
            char c = html.charAt(i + 2);
            if (c == 'b' || c == 'B' || c == 's' || c == 'S') {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether only closing inline tags and white space stand between a position and the end
     * of its block. Remembers the last run it scanned, so that a run of thousands of stray closers
     * costs one scan, not one per closer.
     */
    private static final class BlockEnd {
        private final String html;
        private final Matcher tag;
        private int runEnd = -1;
        private boolean runEndsBlock;

        BlockEnd(String html) {
            this.html = html;
            this.tag = TAG.matcher(html);
        }

        boolean follows(int from) {
            if (from <= runEnd) {
                return runEndsBlock;
            }
            int i = from;
            while (true) {
                while (i < html.length() && Character.isWhitespace(html.charAt(i))) {
                    i++;
                }
                runEnd = i;
                if (i == html.length()) {
                    return runEndsBlock = true;
                }
                tag.region(i, html.length());
                if (!tag.lookingAt()) {
                    return runEndsBlock = false;
                }
                String name = tag.group(2).toLowerCase(Locale.ROOT);
                if (isBoundary(name)) {
                    return runEndsBlock = true;
                }
                if (tag.group(1).isEmpty()) {
                    return runEndsBlock = false;
                }
                i = tag.end();
            }
        }
    }

    private static boolean isBoundary(String name) {
        return BLOCKS.contains(name) || name.equals("br");
    }

    /** Whether a wholly bold paragraph reads as a subheading rather than as an emphasised sentence. */
    private static boolean looksLikeHeading(String text) {
        if (text.isEmpty() || text.length() > MAX_BOLD_HEADING) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        return ".!?:;,…”\"’'".indexOf(last) < 0 && text.chars().anyMatch(Character::isLetter);
    }

    /** The kind an element gives the text inside it, or null when it gives none. */
    private static BlockKind kindOf(Element element) {
        return switch (element.normalName()) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> BlockKind.HEADING;
            case "blockquote" -> BlockKind.QUOTE;
            case "li" -> BlockKind.LIST_ITEM;
            case "figcaption", "caption" -> BlockKind.CAPTION;
            default -> element.hasClass("wp-caption-text") ? BlockKind.CAPTION : null;
        };
    }

    /** Collects the text of one block at a time and hands each to the builder at its boundary. */
    private static final class Walker implements NodeFilter {
        private final BodyBuilder out;
        private final StringBuilder text = new StringBuilder();
        private final Deque<Element> kindGivers = new ArrayDeque<>();
        private int boldDepth;
        private boolean allBold = true;
        /** Where the text stood after the last line break of this block, or -1. */
        private int lastBreakAt = -1;

        Walker(BodyBuilder out) {
            this.out = out;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                String content = textNode.getWholeText();
                text.append(content);
                if (boldDepth == 0 && !content.isBlank()) {
                    allBold = false;
                }
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            String name = element.normalName();
            if (DROPPED.contains(name)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            switch (name) {
                // Blocks are single lines: a line break inside a paragraph is a space; but two in a
                // row are how many older posts separate paragraphs.
                case "br" -> {
                    if (lastBreakAt >= 0 && text.substring(lastBreakAt).isBlank()) {
                        flush();
                    } else {
                        text.append(' ');
                        lastBreakAt = text.length();
                    }
                }
                case "td", "th" -> text.append(' ');
                default -> {}
            }
            if (BOLD.contains(name)) {
                boldDepth++;
            }
            BlockKind kind = kindOf(element);
            if (kind != null || BLOCKS.contains(name)) {
                flush();
            }
            if (kind != null) {
                kindGivers.push(element);
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            String name = element.normalName();
            if (BOLD.contains(name)) {
                boldDepth--;
            }
            if (!kindGivers.isEmpty() && kindGivers.peek() == element) {
                flush();
                kindGivers.pop();
            } else if (BLOCKS.contains(name)) {
                flush();
            }
            return FilterResult.CONTINUE;
        }

        void flush() {
            lastBreakAt = -1;
            if (text.length() == 0) {
                allBold = true;
                return;
            }
            BlockKind kind = kindGivers.isEmpty() ? BlockKind.PARAGRAPH : kindOf(kindGivers.peek());
            String clean = BodyBuilder.clean(text);
            if (kind == BlockKind.PARAGRAPH && allBold && looksLikeHeading(clean)) {
                kind = BlockKind.HEADING;
            }
            out.add(kind, clean);
            text.setLength(0);
            allBold = true;
        }
    }
}
