package quire.model;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A search as the analyst asked it.
 *
 * @param query in Quire's query language (Lucene syntax with dates); blank means every article
 * @param filters facet values to keep, by facet ({@code source}, {@code author}, {@code year},
 *     {@code month}, {@code tag}): an article must match one value of every facet given
 * @param offset how many hits to skip, for paging
 */
public record SearchRequest(String query, SortOrder sort, int offset, int limit, Map<String, Set<String>> filters) {
    public static final int MAX_LIMIT = 1000;

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(sort, "sort");
        if (offset < 0 || limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset and limit must be in range: " + offset + ", " + limit);
        }
        filters = Map.copyOf(filters.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue()))));
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, SortOrder.RELEVANCE, 0, 10, Map.of());
    }

    public SearchRequest withFilters(Map<String, Set<String>> newFilters) {
        return new SearchRequest(query, sort, offset, limit, newFilters);
    }

    public SearchRequest withSort(SortOrder newSort) {
        return new SearchRequest(query, newSort, offset, limit, filters);
    }

    public SearchRequest withPage(int newOffset, int newLimit) {
        return new SearchRequest(query, sort, newOffset, newLimit, filters);
    }
}
