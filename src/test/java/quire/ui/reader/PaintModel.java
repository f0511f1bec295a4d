package quire.ui.reader;

import java.util.List;
import quire.model.Highlight;

/** For the benchmark: the style spans the reader paints for an article's highlights, built as the reader builds them. */
public final class PaintModel {
    private PaintModel() {}

    /** How many style spans the reader would paint; builds them, which is the cost being measured. */
    public static int spanCount(int textLength, List<Highlight> highlights) {
        List<StyledRange> ranges = highlights.stream()
                .map(h -> new StyledRange(h.start(), h.end(), "highlight-" + h.color()))
                .toList();
        return ReaderStyles.spans(textLength, ranges).getSpanCount();
    }
}
