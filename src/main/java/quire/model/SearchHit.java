package quire.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One article found by a search. */
public record SearchHit(
        String key,
        String title,
        Optional<Published> published,
        Optional<String> author,
        Optional<String> source,
        String path,
        float score,
        List<Snippet> snippets) {
    public SearchHit {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(path, "path");
        snippets = List.copyOf(snippets);
    }
}
