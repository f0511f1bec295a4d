package quire.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import quire.model.BlockKind;

/**
 * Reads Markdown articles: metadata from the YAML front matter, blocks from the CommonMark syntax
 * tree, inline markup reduced to its text. Stateless and thread-safe.
 */
final class MarkdownReader implements FormatReader {
    private static final Parser PARSER = Parser.builder().build();
    private static final Pattern LINE_BREAK_TAG = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);

    @Override
    public ReadResult read(String content, String fileName) {
        String text = content.replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", "");
        if (text.isBlank()) {
            throw new IngestException("The file contains no text.");
        }
        List<String> warnings = new ArrayList<>();
        FrontMatter.Split split = FrontMatter.split(text);
        split.problem().ifPresent(warnings::add);
        FrontMatter meta = FrontMatter.read(split.yaml(), warnings);

        Node document = PARSER.parse(limitNesting(split.body()));
        String title = meta.title().orElse("");
        Node first = firstBlock(document);
        if (first instanceof Heading heading && heading.getLevel() == 1) {
            String headingText = inlineText(heading);
            // The heading at the top is the title; when the front matter already has it, it is a repeat.
            if (title.isEmpty() || BodyBuilder.clean(title).equalsIgnoreCase(BodyBuilder.clean(headingText))) {
                title = title.isEmpty() ? headingText : title;
                heading.unlink();
            }
        }
        BodyBuilder body = new BodyBuilder();
        addBlocks(document, null, body);
        if (body.isEmpty()) {
            warnings.add("The Markdown file has no article text.");
        }
        return ReadResult.of(new ArticleDraft(
                title,
                meta.published(),
                meta.author(),
                meta.source(),
                meta.link(),
                meta.guid(),
                meta.summary(),
                meta.properties(),
                body.build(),
                warnings));
    }

    /** The first block that shows something; an HTML comment at the top does not count. */
    private static Node firstBlock(Node document) {
        Node node = document.getFirstChild();
        while (node instanceof HtmlBlock html && Jsoup.parse(html.getLiteral()).text().isBlank()) {
            node = node.getNext();
        }
        return node;
    }

    /**
     * Adds the blocks under a node.
     *
     * @param context QUOTE inside a block quote, LIST_ITEM inside a list, null at the top level
     */
    private static void addBlocks(Node parent, BlockKind context, BodyBuilder body) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                body.add(context != null ? context : BlockKind.HEADING, inlineText(heading));
            } else if (node instanceof Paragraph paragraph) {
                addParagraph(paragraph, context, body);
            } else if (node instanceof BlockQuote) {
                addBlocks(node, BlockKind.QUOTE, body);
            } else if (node instanceof BulletList || node instanceof OrderedList) {
                addBlocks(node, context == BlockKind.QUOTE ? BlockKind.QUOTE : BlockKind.LIST_ITEM, body);
            } else if (node instanceof ListItem) {
                addBlocks(node, context, body);
            } else if (node instanceof FencedCodeBlock code) {
                body.add(context != null ? context : BlockKind.PARAGRAPH, code.getLiteral());
            } else if (node instanceof IndentedCodeBlock code) {
                body.add(context != null ? context : BlockKind.PARAGRAPH, code.getLiteral());
            } else if (node instanceof HtmlBlock html) {
                addHtml(html.getLiteral(), context, body);
            } else {
                // Thematic breaks and link reference definitions show no text; anything else, its children.
                addBlocks(node, context, body);
            }
        }
    }

    private static void addParagraph(Paragraph paragraph, BlockKind context, BodyBuilder body) {
        Optional<String> caption = imageCaption(paragraph);
        if (caption.isPresent()) {
            body.add(BlockKind.CAPTION, caption.get());
            return;
        }
        String text = inlineText(paragraph);
        if (context != null) {
            body.add(context, text);
        } else {
            body.add(CaptionCredits.isCaption(text) ? BlockKind.CAPTION : BlockKind.PARAGRAPH, text);
        }
    }

    /**
     * The caption of a paragraph that is only an image, from the image's alt text or title, or from
     * an emphasised line right under the image ("![](a.jpg)\n*Kim in Seoul.*"). Empty when the
     * paragraph has text of its own.
     */
    private static Optional<String> imageCaption(Paragraph paragraph) {
        Image image = null;
        Emphasis emphasis = null;
        for (Node node = paragraph.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Image i && image == null && emphasis == null) {
                image = i;
            } else if (node instanceof Emphasis e && image != null && emphasis == null) {
                emphasis = e;
            } else if (!isBlankInline(node)) {
                return Optional.empty();
            }
        }
        if (image == null) {
            return Optional.empty();
        }
        String caption = emphasis != null ? inlineText(emphasis) : inlineText(image);
        if (caption.isBlank() && image.getTitle() != null) {
            caption = image.getTitle();
        }
        // An image without words is nothing to read; the empty caption is skipped.
        return Optional.of(caption);
    }

    private static boolean isBlankInline(Node node) {
        return node instanceof SoftLineBreak
                || node instanceof HardLineBreak
                || node instanceof Text text && text.getLiteral().isBlank();
    }

    private static void addHtml(String html, BlockKind context, BodyBuilder body) {
        Document doc = Jsoup.parse(html);
        String text = doc.text();
        String figcaption = doc.select("figcaption").text();
        if (context != null) {
            body.add(context, text);
        } else {
            body.add(!figcaption.isEmpty() && figcaption.equals(text) ? BlockKind.CAPTION : BlockKind.PARAGRAPH, text);
        }
    }

    /** The text of a node's inline content: markup dropped, line breaks as spaces. */
    private static String inlineText(Node node) {
        StringBuilder text = new StringBuilder();
        appendInline(node, text);
        return text.toString();
    }

    private static void appendInline(Node parent, StringBuilder text) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text t) {
                text.append(t.getLiteral());
            } else if (node instanceof Code code) {
                text.append(code.getLiteral());
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                text.append(' ');
            } else if (node instanceof HtmlInline html) {
                // Tags are dropped; a <br> still separates the words on either side.
                if (LINE_BREAK_TAG.matcher(html.getLiteral()).matches()) {
                    text.append(' ');
                }
            } else if (node instanceof Image) {
                // An image inside running text has no words of its own in the article.
                continue;
            } else {
                appendInline(node, text);
            }
        }
    }

    /** Deeper than any real document nests quotes and lists; commonmark's time grows with nesting. */
    private static final int MAX_NESTING = 16;

    /**
     * Drops the container markers ({@code >}, list bullets and numbers) beyond {@link #MAX_NESTING}
     * at the start of each line, so a hostile file of 100,000 nested markers costs linear time.
     */
    static String limitNesting(String markdown) {
        StringBuilder out = null;
        int lineStart = 0;
        while (lineStart <= markdown.length()) {
            int lineEnd = markdown.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = markdown.length();
            }
            int i = lineStart;
            int depth = 0;
            int cut = -1;
            while (i < lineEnd) {
                int markerEnd = containerMarkerEnd(markdown, i, lineEnd);
                if (markerEnd < 0) {
                    break;
                }
                if (++depth == MAX_NESTING) {
                    cut = markerEnd;
                }
                i = markerEnd;
            }
            if (depth > MAX_NESTING) {
                if (out == null) {
                    out = new StringBuilder(markdown.length());
                    out.append(markdown, 0, lineStart);
                }
                out.append(markdown, lineStart, cut).append(markdown, i, lineEnd);
            } else if (out != null) {
                out.append(markdown, lineStart, lineEnd);
            }
            if (out != null && lineEnd < markdown.length()) {
                out.append('\n');
            }
            lineStart = lineEnd + 1;
        }
        return out == null ? markdown : out.toString();
    }

    /** Where a container marker starting at {@code i} (after spaces) ends, or -1 if there is none. */
    private static int containerMarkerEnd(String s, int i, int end) {
        int j = i;
        while (j < end && j - i < 4 && s.charAt(j) == ' ') {
            j++;
        }
        if (j >= end) {
            return -1;
        }
        char c = s.charAt(j);
        if (c == '>') {
            return j + 1;
        }
        if ((c == '-' || c == '*' || c == '+') && j + 1 < end && s.charAt(j + 1) == ' ') {
            return j + 2;
        }
        int k = j;
        while (k < end && k - j < 9 && Character.isDigit(s.charAt(k))) {
            k++;
        }
        if (k > j && k + 1 < end && (s.charAt(k) == '.' || s.charAt(k) == ')') && s.charAt(k + 1) == ' ') {
            return k + 2;
        }
        return -1;
    }
}
