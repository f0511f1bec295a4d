package quire.service;

import java.util.List;
import java.util.Optional;
import quire.index.ArticleIndex;
import quire.model.Article;
import quire.model.ArticleSummary;
import quire.model.SearchHit;
import quire.model.SearchRequest;
import quire.model.SearchResult;
import quire.model.TextRange;

/**
 * A read-only view of a corpus's index, kept open for a series of questions (a search session,
 * a benchmark). It sees the index as last committed when it was opened. Thread-safe; close it
 * when done.
 */
public final class CorpusView implements AutoCloseable {
    private final ArticleIndex index;

    CorpusView(ArticleIndex index) {
        this.index = index;
    }

    public SearchResult search(SearchRequest request) {
        return index.search(request);
    }

    public List<TextRange> hitRanges(String key, String query) {
        return index.hitRanges(key, query);
    }

    public List<SearchHit> moreLikeThis(String key, int limit) {
        return index.moreLikeThis(key, limit);
    }

    /** An article by key, or by a unique prefix of at least {@value CorpusService#MIN_KEY_PREFIX} characters. */
    public Optional<Article> article(String keyOrPrefix) {
        return CorpusService.find(index, keyOrPrefix);
    }

    public List<ArticleSummary> articles() {
        return index.articles();
    }

    @Override
    public void close() {
        index.close();
    }
}
