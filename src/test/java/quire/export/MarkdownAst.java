package quire.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/** Reads an exported Markdown document back with commonmark-java, to check its structure. */
final class MarkdownAst {
    private MarkdownAst() {}

    private static final Parser PARSER = Parser.builder().build();
    private static final YAMLMapper YAML = new YAMLMapper();

    /** The document after its front matter. */
    static Node body(String markdown) {
        return PARSER.parse(split(markdown)[1]);
    }

    /** The front matter, parsed as YAML. */
    static JsonNode frontMatter(String markdown) {
        try {
            return YAML.readTree(split(markdown)[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] split(String markdown) {
        assertTrue(markdown.startsWith("---\n"), "front matter first");
        int end = markdown.indexOf("\n---\n", 3);
        assertTrue(end > 0, "front matter closed");
        return new String[] {markdown.substring(4, end + 1), markdown.substring(end + 5)};
    }

    /**
     * One line per top-level block: {@code h2 Title}, {@code p text}, {@code quote text},
     * {@code list a | b}; soft line breaks inside as "\n", paragraphs inside a quote as "\n\n".
     */
    static List<String> outline(Node document) {
        List<String> lines = new ArrayList<>();
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading h) {
                lines.add("h" + h.getLevel() + " " + text(h));
            } else if (block instanceof Paragraph) {
                lines.add("p " + text(block));
            } else if (block instanceof BlockQuote) {
                lines.add("quote " + text(block));
            } else if (block instanceof BulletList) {
                List<String> items = new ArrayList<>();
                for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                    items.add(text(item));
                }
                lines.add("list " + String.join(" | ", items));
            } else {
                lines.add(block.getClass().getSimpleName() + " " + text(block));
            }
        }
        return lines;
    }

    /** The text a reader sees, with block children separated by a blank line. */
    static String text(Node node) {
        StringBuilder out = new StringBuilder();
        appendText(node, out);
        return out.toString();
    }

    private static void appendText(Node node, StringBuilder out) {
        if (node instanceof Text t) {
            out.append(t.getLiteral());
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            out.append('\n');
        } else if (node instanceof Code c) {
            out.append(c.getLiteral());
        } else {
            boolean blocks = node instanceof BlockQuote || node instanceof ListItem;
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (blocks && child.getPrevious() != null) {
                    out.append("\n\n");
                }
                appendText(child, out);
            }
        }
    }

    /** Nodes an export never means to make: raw HTML, images, code, rules, nested lists. */
    static List<String> unexpectedNodes(Node document) {
        List<String> found = new ArrayList<>();
        walk(document, node -> {
            if (node instanceof HtmlInline || node instanceof HtmlBlock || node instanceof Image
                    || node instanceof Code || node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock
                    || node instanceof ThematicBreak || node instanceof OrderedList
                    || node instanceof LinkReferenceDefinition
                    || (node instanceof BulletList && node.getParent() != document)
                    || (node instanceof Heading && node.getParent() != document)) {
                found.add(node.getClass().getSimpleName() + " " + text(node));
            }
        });
        return found;
    }

    /** Every link destination, in document order. */
    static List<String> links(Node document) {
        List<String> found = new ArrayList<>();
        walk(document, node -> {
            if (node instanceof Link link) {
                found.add(link.getDestination());
            }
        });
        return found;
    }

    static void walk(Node node, java.util.function.Consumer<Node> visitor) {
        visitor.accept(node);
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            walk(child, visitor);
        }
    }

    /** What a passage looks like once it is Markdown: lines stripped, blank-line runs one break. */
    static String normalized(String text) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String stripped = line.replaceAll("[\\x00-\\x08\\x0b-\\x1f\\x7f]", "").replaceAll("^[ \\t]+|[ \\t]+$", "");
            if (stripped.isEmpty()) {
                if (current.length() > 0) {
                    paragraphs.add(current.toString());
                    current.setLength(0);
                }
            } else {
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(stripped);
            }
        }
        if (current.length() > 0) {
            paragraphs.add(current.toString());
        }
        return String.join("\n\n", paragraphs);
    }
}
