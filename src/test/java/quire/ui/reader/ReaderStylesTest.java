package quire.ui.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.junit.jupiter.api.Test;

class ReaderStylesTest {
    private static List<String> runs(int length, StyledRange... ranges) {
        List<String> out = new ArrayList<>();
        for (StyleSpan<Collection<String>> span : ReaderStyles.spans(length, List.of(ranges))) {
            out.add(span.getLength() + ":" + new java.util.TreeSet<>(span.getStyle()));
        }
        return out;
    }

    @Test
    void overlappingRangesStackTheirClassesAndCoverTheWholeText() {
        assertEquals(
                List.of("2:[]", "3:[hl-yellow]", "2:[hit, hl-yellow]", "1:[hit]", "2:[]"),
                runs(10, new StyledRange(2, 7, "hl-yellow"), new StyledRange(5, 8, "hit")));
    }

    @Test
    void twoHighlightsOfOneColourKeepTheColourUntilBothEnd() {
        assertEquals(
                List.of("4:[hl-blue]", "2:[]"),
                runs(6, new StyledRange(0, 3, "hl-blue"), new StyledRange(1, 4, "hl-blue")));
    }

    @Test
    void rangesBeyondTheTextAreClippedAndEmptyOnesIgnored() {
        assertEquals(List.of("3:[]", "2:[find]"), runs(5, new StyledRange(3, 9, "find"), new StyledRange(1, 1, "hit")));
    }

    @Test
    void findMatchesIgnoreCaseAndDoNotOverlap() {
        assertEquals(
                List.of(new quire.model.TextRange(0, 2), new quire.model.TextRange(4, 6)),
                FindBar.matches("Aaa aA", "aa"));
        assertEquals(List.of(), FindBar.matches("text", ""));
        assertEquals(List.of(), FindBar.matches("text", "x y"));
    }
}
