package quire.service;

import java.util.List;
import java.util.Optional;
import quire.index.ArticleIndex;
import quire.model.Article;
import quire.model.ArticleSummary;
import quire.model.QuireException;

/**
 * The corpus use cases shared by the command line and the window: bring the index up to date,
 * list articles, fetch one. Thread-safe; each call opens what it needs and closes it again.
 */
public final class CorpusService {
    /** Shortest key prefix accepted in place of a whole key. */
    public static final int MIN_KEY_PREFIX = 4;

    private final CorpusIndexer indexer;

    public CorpusService(CorpusIndexer indexer) {
        this.indexer = indexer;
    }

    /** Compares the corpus folder with the index and reads what changed. */
    public IndexReport index(Workspace workspace, Progress progress) {
        try (Session session = session(workspace)) {
            return session.index(progress);
        }
    }

    /** Every article, ordered by path; indexes the corpus first if it has never been indexed. */
    public List<ArticleSummary> articles(Workspace workspace) {
        try (ArticleIndex index = readable(workspace)) {
            return index.articles();
        }
    }

    /**
     * One article by its key, or by a prefix of it at least {@value #MIN_KEY_PREFIX} characters long
     * that no other key shares.
     *
     * @throws QuireException if the prefix fits several articles
     */
    public Optional<Article> article(Workspace workspace, String keyOrPrefix) {
        try (ArticleIndex index = readable(workspace)) {
            return find(index, keyOrPrefix);
        }
    }

    /** Looks up an article by key or unique key prefix. */
    static Optional<Article> find(ArticleIndex index, String keyOrPrefix) {
        String wanted = keyOrPrefix.strip();
        Optional<Article> exact = index.article(wanted);
        if (exact.isPresent() || wanted.length() < MIN_KEY_PREFIX) {
            return exact;
        }
        List<String> matches = index.keysStartingWith(wanted, 2);
        if (matches.size() > 1) {
            throw new QuireException("Several articles have keys starting with '" + wanted + "'; give more of the key.");
        }
        return matches.isEmpty() ? Optional.empty() : index.article(matches.get(0));
    }

    /** Opens the workspace for annotating and indexing; close the session when done. */
    public Session session(Workspace workspace) {
        return Session.open(workspace, indexer);
    }

    /** As {@link #session}, indexing the corpus first if it never was: for commands that need its articles. */
    public Session readySession(Workspace workspace) {
        Session session = session(workspace);
        try {
            session.ensureIndexed();
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * Opens the corpus's index for reading, building it first if it has never been built. Reading
     * never waits for an update running elsewhere: it sees the last commit.
     */
    public CorpusView view(Workspace workspace) {
        return new CorpusView(readable(workspace));
    }

    private ArticleIndex readable(Workspace workspace) {
        Optional<ArticleIndex> existing = ArticleIndex.openReadOnly(workspace.indexDir());
        if (existing.isPresent()) {
            return existing.get();
        }
        index(workspace, Progress.NONE);
        return ArticleIndex.openReadOnly(workspace.indexDir())
                .orElseThrow(() -> new QuireException("The index at '" + workspace.indexDir() + "' cannot be read."));
    }
}
