package quire.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import quire.model.AnnotatedArticle;
import quire.model.Highlight;

/**
 * Reliability R6 for CSV: whatever a quote, a note, a tag or a title holds, the file parses back
 * with a strict RFC 4180 reader ({@link CsvExportTest#parse}) into the same cells, each changed only
 * by the formula guard (a leading apostrophe before =, +, -, @, tab or CR).
 */
class CsvEscapingPropertiesTest {
    private static final String ID = "5c1e7a90-3b4d-4e8f-9a2b-0c1d2e3f4a5b";

    @Provide
    Arbitrary<String> hostileCell() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of(",", "\"", "\"\"", "'", "\r", "\n", "\r\n", "\n\r", "=", "+", "-", "@", "\t", "=cmd|' /C calc'!A0",
                        "=HYPERLINK(\"http://x\")", "\u0000", "\uFEFF", "\uD800", "\uDC00", "\uD83D\uDE00", "\u2028", "\u0085",
                        ";", "|", "\\", " ", "한국", "word", "1,000", "\"a,b\""),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(6));
        return pieces.list().ofMaxSize(10).map(list -> String.join("", list));
    }

    @Property(tries = 1000)
    void everyCellParsesBackAsWritten(@ForAll("hostileCell") String quote, @ForAll("hostileCell") String note,
            @ForAll("hostileCell") String tag, @ForAll("hostileCell") String otherTag, @ForAll("hostileCell") String title,
            @ForAll boolean excel) {
        Highlight h = Fixtures.highlight(ID, "k1", quote, note, List.of(tag, otherTag));
        List<AnnotatedArticle> articles = List.of(
                new AnnotatedArticle(Fixtures.bareArticle("k1", title.isBlank() ? "T" : title), "", List.of(), List.of(h)));
        StringWriter out = new StringWriter();
        CsvExport.write(out, articles, excel ? CsvExport.Flavor.EXCEL : CsvExport.Flavor.PLAIN);
        String text = out.toString();
        if (excel) {
            assertEquals('\uFEFF', text.charAt(0));
            text = text.substring(1);
        }

        List<List<String>> rows = CsvExportTest.parse(text);

        assertEquals(CsvExport.COLUMNS, rows.get(0));
        assertEquals(2, rows.size() - 1, text);
        for (int i = 0; i < 2; i++) {
            List<String> row = rows.get(i + 1);
            assertEquals(CsvExport.COLUMNS.size(), row.size(), text);
            assertEquals(guarded(title.isBlank() ? "T" : title), row.get(1));
            assertEquals(guarded(quote), row.get(6));
            assertEquals(guarded(note), row.get(7));
            assertEquals(guarded(i == 0 ? tag : otherTag), row.get(8));
        }
    }

    /** What a cell is expected to read back as: itself, after an apostrophe if a spreadsheet would run it. */
    private static String guarded(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
