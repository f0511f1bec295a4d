package quire.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import quire.model.AnnotatedArticle;
import quire.model.Highlight;

class CsvExportTest {
    private static String csv(List<AnnotatedArticle> articles, CsvExport.Flavor flavor) {
        StringWriter out = new StringWriter();
        CsvExport.write(out, articles, flavor);
        return out.toString();
    }

    /** A strict RFC 4180 reader: CRLF row ends, quoted fields with doubled quotes. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '"') {
                i++;
                while (true) {
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
            }
            char c = text.charAt(i);
            if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                if (text.charAt(i + 1) != '\n') {
                    throw new AssertionError("bare CR outside quotes at " + i);
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else if (c == '\n' || c == '"') {
                throw new AssertionError("unquoted " + (c == '"' ? "quote" : "LF") + " at " + i);
            } else {
                field.append(c);
                i++;
            }
        }
        assertTrue(row.isEmpty() && field.length() == 0, "the last row ends with CRLF");
        return rows;
    }

    @Test
    void rowsReadBackAsOneRowPerHighlightAndTag() {
        List<List<String>> rows = parse(csv(Fixtures.treatyArticles(), CsvExport.Flavor.PLAIN));

        assertEquals(CsvExport.COLUMNS, rows.get(0));
        assertEquals(List.of(
                List.of("7f3a9c2e11d04b5a", "treaty/article-4"), List.of("7f3a9c2e11d04b5a", "verify"),
                List.of("7f3a9c2e11d04b5a", "treaty"), List.of("a1b2c3d4e5f60718", "treaty/reactions"),
                List.of("a1b2c3d4e5f60718", "ukraine"), List.of("0badc0de0badc0de", "")),
                rows.subList(1, rows.size()).stream().map(r -> List.of(r.get(0), r.get(8))).toList());
        assertEquals(List.of("7f3a9c2e11d04b5a", "Putin, Kim sign mutual defence pact [full text]",
                "2024-06-20T18:05:15+09:00", "The Korea Herald", "https://www.koreaherald.com/view.php?ud=20240620000123",
                "e4d909c2-90d0-4b8c-a2f1-aa63b7c9d8e1",
                "The treaty is \"a truly fraternal\" alliance.\n\n"
                        + "*Kim* called it the \"highest\" level of ties — 1. a promise, 2. a warning.",
                "", "treaty", "yellow", "2400", "2530", "anchored", "2026-11-20T09:15:30.123Z", "2026-11-21T10:00:00Z"),
                rows.get(3));
        assertEquals("orphaned", rows.get(4).get(12));
        assertEquals(CsvExport.rows(Fixtures.treatyArticles()), rows.subList(1, rows.size()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            =HYPERLINK("http://evil.example")  | '=HYPERLINK("http://evil.example")
            +1+2                               | '+1+2
            -2+3                               | '-2+3
            @SUM(A1:A2)                        | '@SUM(A1:A2)
            `\tTAB`                            | `'\tTAB`
            `\r=CR`                            | `'\r=CR`
            plain text                         | plain text
            a = b                              | a = b
            ''                                 | ''
            """)
    void cellsThatASpreadsheetWouldRunGetALeadingApostrophe(String cell, String written) {
        String unescaped = cell.replace("\\t", "\t").replace("\\r", "\r");
        String expected = written.replace("\\t", "\t").replace("\\r", "\r");
        Highlight h = Fixtures.highlight("5c1e7a90-3b4d-4e8f-9a2b-0c1d2e3f4a5b", "k1", unescaped, unescaped,
                List.of(unescaped));
        List<List<String>> rows = parse(csv(
                List.of(new AnnotatedArticle(Fixtures.bareArticle("k1", unescaped.isBlank() ? "T" : unescaped), "",
                        List.of(), List.of(h))), CsvExport.Flavor.PLAIN));

        List<String> row = rows.get(1);
        assertEquals(List.of(expected, expected, expected), List.of(row.get(6), row.get(7), row.get(8)));
    }

    @Test
    void excelFlavourStartsWithAByteOrderMarkAndPlainDoesNot() {
        String excel = csv(List.of(), CsvExport.Flavor.EXCEL);
        String plain = csv(List.of(), CsvExport.Flavor.PLAIN);

        assertEquals("\uFEFF" + plain, excel);
        assertEquals(String.join(",", CsvExport.COLUMNS) + "\r\n", plain);
    }

    @Test
    void fieldsAreQuotedOnlyWhenTheyNeedIt() {
        Highlight h = Fixtures.highlight("5c1e7a90-3b4d-4e8f-9a2b-0c1d2e3f4a5b", "k1", "a, b", "say \"hi\"\r\nbye",
                List.of("plain"));
        String text = csv(List.of(new AnnotatedArticle(Fixtures.bareArticle("k1", "T"), "", List.of(), List.of(h))),
                CsvExport.Flavor.PLAIN);

        assertTrue(text.contains(",\"a, b\",\"say \"\"hi\"\"\r\nbye\",plain,"), text);
    }
}
