package quire.index;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import quire.model.Snippet;
import quire.model.TextRange;

/** Turns the highlighter's passages into {@link Snippet}s: plain text plus match ranges, no markup. */
final class SnippetFormatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
        List<Snippet> snippets = new ArrayList<>(passages.length);
        for (Passage passage : passages) {
            int start = passage.getStartOffset();
            int end = passage.getEndOffset();
            while (start < end && Character.isWhitespace(content.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
                end--;
            }
            List<TextRange> marks = new ArrayList<>();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int from = Math.max(passage.getMatchStarts()[i], start) - start;
                int to = Math.min(passage.getMatchEnds()[i], end) - start;
                if (to <= from) {
                    continue;
                }
                TextRange last = marks.isEmpty() ? null : marks.get(marks.size() - 1);
                if (last != null && from <= last.end()) {
                    // Overlapping matches (a phrase and its words) show as one mark.
                    marks.set(marks.size() - 1, new TextRange(last.start(), Math.max(last.end(), to)));
                } else {
                    marks.add(new TextRange(from, to));
                }
            }
            snippets.add(new Snippet(content.substring(start, end), marks, start));
        }
        return snippets;
    }
}
