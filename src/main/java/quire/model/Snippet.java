package quire.model;

import java.util.List;
import java.util.Objects;

/**
 * A passage of an article shown under a search hit, with the matched words marked.
 *
 * @param marks ranges of {@code text} (not of the article) that matched the query, in order
 * @param start where the passage starts in the article's canonical text
 */
public record Snippet(String text, List<TextRange> marks, int start) {
    public Snippet {
        Objects.requireNonNull(text, "text");
        marks = List.copyOf(marks);
    }

    /** The passage as HTML: text escaped, matches in {@code <mark>}. */
    public String toHtml() {
        StringBuilder out = new StringBuilder(text.length() + marks.size() * 13);
        int at = 0;
        for (TextRange mark : marks) {
            escape(text, at, mark.start(), out);
            out.append("<mark>");
            escape(text, mark.start(), mark.end(), out);
            out.append("</mark>");
            at = mark.end();
        }
        escape(text, at, text.length(), out);
        return out.toString();
    }

    private static void escape(String s, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
    }
}
