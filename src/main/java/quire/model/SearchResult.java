package quire.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a search found.
 *
 * @param total how many articles match in all (not only this page)
 * @param facets counts by facet and value, each facet's values most frequent first
 * @param error when the query could not be read as written: a plain sentence saying why
 * @param fallback when {@code error} is present: the lenient reading that was run instead
 */
public record SearchResult(
        String query,
        long total,
        long tookMs,
        List<SearchHit> hits,
        Map<String, Map<String, Long>> facets,
        Optional<String> error,
        Optional<String> fallback) {
    public SearchResult {
        Objects.requireNonNull(query, "query");
        hits = List.copyOf(hits);
        Objects.requireNonNull(facets, "facets");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(fallback, "fallback");
    }
}
