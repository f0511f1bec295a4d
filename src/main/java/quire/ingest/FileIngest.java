package quire.ingest;

import java.util.List;
import quire.model.Article;
import quire.model.Problem;

/**
 * What one corpus file yielded: its articles, and its problems (an error when nothing could be
 * taken from it, warnings when something was recovered with damage or parts were skipped).
 */
public record FileIngest(String path, List<Article> articles, List<Problem> problems) {
    public FileIngest {
        articles = List.copyOf(articles);
        problems = List.copyOf(problems);
    }
}
