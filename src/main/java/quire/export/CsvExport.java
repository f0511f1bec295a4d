package quire.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import quire.model.AnnotatedArticle;
import quire.model.Article;
import quire.model.Highlight;
import quire.model.QuireException;

/**
 * Writes highlights as RFC 4180 CSV for spreadsheets: one row per highlight and tag (a highlight
 * with two tags gives two rows, one without tags a row with an empty tag), rows ending in CRLF,
 * fields quoted when they hold a comma, quote or line break.
 *
 * <p>A cell that starts with {@code = + - @}, tab or CR gets a leading {@code '} (OWASP CSV
 * injection): quoting alone does not stop a spreadsheet from running a formula, and article quotes
 * really do start with "-" or "=". Articles without highlights give no rows.
 */
public final class CsvExport {
    /** The header row. */
    public static final List<String> COLUMNS = List.of(
            "article_key", "title", "published", "source", "link", "highlight_id", "quote", "note", "tag",
            "color", "start", "end", "state", "created", "updated");

    /** Whether the file starts with a byte order mark. */
    public enum Flavor {
        /** UTF-8 with a byte order mark, so that Excel opened by double-click reads it as UTF-8. */
        EXCEL,
        /** UTF-8 without a byte order mark, for everything else. */
        PLAIN
    }

    private CsvExport() {}

    /** Writes the header and every row; the writer must encode UTF-8. */
    public static void write(Writer out, List<AnnotatedArticle> articles, Flavor flavor) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(flavor, "flavor");
        StringBuilder text = new StringBuilder(4096);
        if (flavor == Flavor.EXCEL) {
            text.append('\uFEFF');
        }
        appendRow(text, COLUMNS);
        for (List<String> row : rows(articles)) {
            appendRow(text, row);
        }
        try {
            out.write(text.toString());
            out.flush();
        } catch (IOException e) {
            throw new QuireException("Cannot write the CSV export: " + e.getMessage(), e);
        }
    }

    /** The rows as written (after the formula guard, before quoting), without the header. */
    public static List<List<String>> rows(List<AnnotatedArticle> articles) {
        Objects.requireNonNull(articles, "articles");
        List<List<String>> rows = new ArrayList<>();
        for (AnnotatedArticle annotated : articles) {
            Article a = annotated.article();
            for (Highlight h : annotated.highlights()) {
                List<String> tags = h.tags().isEmpty() ? List.of("") : h.tags();
                for (String tag : tags) {
                    rows.add(List.of(
                            a.key(), a.title(), a.published().map(Object::toString).orElse(""),
                            a.source().orElse(""), a.link().orElse(""), h.id(), h.quote(), h.note(), tag,
                            h.color(), Integer.toString(h.start()), Integer.toString(h.end()), h.state().label(),
                            h.created().toString(), h.updated().toString())
                            .stream().map(CsvExport::guard).toList());
                }
            }
        }
        return rows;
    }

    /** The cell with a leading {@code '} when a spreadsheet would read it as a formula. */
    static String guard(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static void appendRow(StringBuilder out, List<String> row) {
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendField(out, row.get(i));
        }
        out.append("\r\n");
    }

    private static void appendField(StringBuilder out, String field) {
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            out.append(field);
            return;
        }
        out.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }
}
