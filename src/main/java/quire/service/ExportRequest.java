package quire.service;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to export and where.
 *
 * @param format markdown, csv or json (W3C Web Annotation, readable by {@code quire import})
 * @param byTag for Markdown: an evidence list grouped by tag instead of one section per article
 * @param folder for Markdown: one file per article plus an index, into {@code target} as a folder
 * @param query only articles matching this search (dates included: {@code date:2024-06})
 * @param tag only passages with this tag or its sub-tags
 * @param articles only these article keys (the window's selection); empty means all
 */
public record ExportRequest(
        Format format, boolean byTag, boolean folder, Path target, Optional<String> query, Optional<String> tag, Set<String> articles) {

    /** The export formats. */
    public enum Format {
        MARKDOWN,
        CSV,
        JSON
    }

    public ExportRequest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(tag, "tag");
        articles = Set.copyOf(articles);
    }
}
