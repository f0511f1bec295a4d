package quire.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An article's metadata without its text: what a list of articles shows. */
public record ArticleSummary(
        String key,
        String title,
        Optional<Published> published,
        Optional<String> author,
        Optional<String> source,
        String path,
        List<String> warnings) {
    public ArticleSummary {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
        warnings = List.copyOf(warnings);
    }

    public static ArticleSummary of(Article a) {
        return new ArticleSummary(a.key(), a.title(), a.published(), a.author(), a.source(), a.path(), a.warnings());
    }
}
