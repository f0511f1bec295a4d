package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimpleHtmlTest {
    @Test
    void aPostOfParagraphsAndHeadingsIsParsedWithoutJsoup() {
        String html = "<p>Ministers met &amp; agreed&#8230; <strong>twice</strong>.</p>\n<h2>Next</h2>\n"
                + "<p>A <a href=\"https://example.org/?a=1\">link</a><br />and a line.</p>";
        Element body = SimpleHtml.parse(html);
        assertNotNull(body);
        assertEquals(tree(Jsoup.parseBodyFragment(html).body()), tree(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>one<p>two", "<p>a <b>bold</p></b>", "<!-- note --><p>x</p>", "<div>x</div>", "<p class=\"wp-caption-text\">c</p>",
        "AT&T; rules", "a < b", "<p>x\r\ny</p>", "<li>loose</li>", "<p>&copy; 2024</p>", "<p/>", "</p>", "<p>&#128;</p>",
    })
    void whatTheHtml5RulesWouldRearrangeIsLeftToJsoup(String html) {
        assertNull(SimpleHtml.parse(html));
    }

    /** Random fragments from pieces of real posts: wherever the simple parser answers, jsoup builds the same tree. */
    @Test
    void whereverItAnswersJsoupBuildsTheSameTree() {
        List<String> pieces = List.of("<p>", "</p>", "<strong>", "</strong>", "<b>", "</b>", "<em>", "</em>", "text ", "Déjà vu",
                " ", "\n", "&amp;", "&#8217;", "&#x201C;", "&nbsp;", "&hellip;", "<br>", "<br />", "</br>", "<ul>", "</ul>", "<ol>",
                "</ol>", "<li>", "</li>", "<h2>", "</h2>", "<h3 id=\"s\">", "</h3>", "<blockquote>", "</blockquote>",
                "<a href=\"x?a=1&amp;b=2\">", "<a href='y>z'>", "</a>", "<span class=\"x\">", "<span>", "</span>", "&copy;", "<",
                ">", "<!-- c -->", "<p/>", "<div>", "</div>", "<img src=x>", "&#0;", "&#150;", "<P>", "</P>", "<Br/>");
        Random random = new Random(11);
        int answered = 0;
        for (int n = 0; n < 30_000; n++) {
            StringBuilder html = new StringBuilder();
            int length = 1 + random.nextInt(14);
            for (int i = 0; i < length; i++) {
                html.append(pieces.get(random.nextInt(pieces.size())));
            }
            Element simple = SimpleHtml.parse(html.toString());
            if (simple != null) {
                answered++;
                assertEquals(tree(Jsoup.parseBodyFragment(html.toString()).body()), tree(simple), html::toString);
            }
        }
        // Enough of the fragments are simple for the comparison to mean something.
        assertEquals(true, answered > 1_000, "answered " + answered);
    }

    /** The elements and the exact text nodes, without attributes (the blocks depend on no attribute but class, which is left to jsoup). */
    private static String tree(Element root) {
        StringBuilder out = new StringBuilder();
        org.jsoup.select.NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
            @Override
            public void head(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof org.jsoup.nodes.TextNode text) {
                    out.append('[').append(text.getWholeText()).append(']');
                } else if (node instanceof Element element) {
                    out.append('<').append(element.normalName()).append(element.hasClass("wp-caption-text") ? " caption" : "").append('>');
                } else {
                    out.append("{").append(node.nodeName()).append('}');
                }
            }

            @Override
            public void tail(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof Element element) {
                    out.append("</").append(element.normalName()).append('>');
                }
            }
        }, root);
        return out.toString();
    }
}
