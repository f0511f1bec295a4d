package quire.ui.reader;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Turns overlapping styled ranges (highlights, search hits, find matches) into the one run of
 * style spans the text area takes: a single {@code setStyleSpans} per repaint instead of one call
 * per range, which is what keeps restyling a long article cheap.
 */
final class ReaderStyles {
    private ReaderStyles() {}

    /** Spans covering {@code [0, length)}; ranges outside the text are clipped, empty ones ignored. */
    static StyleSpans<Collection<String>> spans(int length, List<StyledRange> ranges) {
        record Edge(int at, boolean opens, String styleClass) {}
        List<Edge> edges = new ArrayList<>(ranges.size() * 2);
        for (StyledRange r : ranges) {
            int start = Math.min(r.start(), length);
            int end = Math.min(r.end(), length);
            if (start < end) {
                edges.add(new Edge(start, true, r.styleClass()));
                edges.add(new Edge(end, false, r.styleClass()));
            }
        }
        edges.sort(Comparator.comparingInt(Edge::at));
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        // Counts, not a set: two overlapping highlights of one colour must both end before the colour does.
        TreeMap<String, Integer> active = new TreeMap<>();
        int at = 0;
        for (Edge edge : edges) {
            if (edge.at() > at) {
                spans.add(Set.copyOf(active.keySet()), edge.at() - at);
                at = edge.at();
            }
            active.merge(edge.styleClass(), edge.opens() ? 1 : -1, Integer::sum);
            active.remove(edge.styleClass(), 0);
        }
        spans.add(Set.of(), length - at);
        return spans.create();
    }
}
