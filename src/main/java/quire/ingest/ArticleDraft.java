package quire.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import quire.model.Published;

/**
 * What a format reader recovered from a file, before the article gets its key and path.
 *
 * @param title may be blank when the source has none; the ingester then derives one
 * @param guid a publisher's unique id for the article (WordPress guid), used for identity
 * @param warnings plain sentences, e.g. "Content truncated: the file ends in the middle of the text."
 */
public record ArticleDraft(
        String title,
        Optional<Published> published,
        Optional<String> author,
        Optional<String> source,
        Optional<String> link,
        Optional<String> guid,
        Optional<String> summary,
        Map<String, String> properties,
        Body body,
        List<String> warnings) {

    public ArticleDraft {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(summary, "summary");
        properties = Map.copyOf(properties);
        Objects.requireNonNull(body, "body");
        warnings = List.copyOf(warnings);
    }
}
