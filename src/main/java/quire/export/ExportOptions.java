package quire.export;

import java.time.Instant;
import java.util.Objects;

/**
 * How to write a Markdown export.
 *
 * @param exportedAt written into the front matter; passed in so that an export is reproducible
 * @param grouping by article or by tag, for the combined document
 * @param title the combined document's title (and the index's, for a folder export)
 * @param includeColors whether highlight colours are written; even then they are left out when
 *     every highlight in the export has the same colour, since the colour says nothing
 */
public record ExportOptions(Instant exportedAt, Grouping grouping, String title, boolean includeColors) {
    public ExportOptions {
        Objects.requireNonNull(exportedAt, "exportedAt");
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
    }

    /** Grouped by article, titled "Quire export", with colours. */
    public static ExportOptions of(Instant exportedAt) {
        return new ExportOptions(exportedAt, Grouping.BY_ARTICLE, "Quire export", true);
    }

    /** A copy with another grouping. */
    public ExportOptions withGrouping(Grouping newGrouping) {
        return new ExportOptions(exportedAt, newGrouping, title, includeColors);
    }

    /** A copy with another title. */
    public ExportOptions withTitle(String newTitle) {
        return new ExportOptions(exportedAt, grouping, newTitle, includeColors);
    }
}
