package quire.ui;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import quire.model.Article;
import quire.model.QuireException;
import quire.model.SearchRequest;
import quire.model.SearchResult;
import quire.model.TextRange;
import quire.service.CorpusService;
import quire.service.CorpusWatcher;
import quire.service.CorpusView;
import quire.service.Progress;
import quire.service.Session;
import quire.service.Workspace;
import quire.service.IndexReport;

/**
 * The corpus the window has open: a writing session when the workspace can be opened for
 * annotating, else a read-only view (another Quire holds the workspace), so the analyst can still
 * search and read. Thread-safe, as the services under it are; call from background threads only.
 */
public final class OpenCorpus implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OpenCorpus.class.getName());
    /** A copy of many files is one report once the folder has been quiet this long. */
    private static final Duration WATCH_QUIET = Duration.ofMillis(100);

    private final Workspace workspace;
    private final Session session;
    private final CorpusView view;
    private final String readOnlyReason;
    /** Watches the corpus from its opening check on; null before, and when read-only. */
    private CorpusWatcher watcher;
    private boolean closed;
    /** The result {@link #prime} computed, until a search takes it. */
    private volatile Primed primed;

    private OpenCorpus(Workspace workspace, Session session, CorpusView view, String readOnlyReason) {
        this.workspace = workspace;
        this.session = session;
        this.view = view;
        this.readOnlyReason = readOnlyReason;
    }

    /** Opens the workspace for annotating, or read-only when that is not possible. */
    public static OpenCorpus open(CorpusService service, Workspace workspace) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(workspace, "workspace");
        try {
            return new OpenCorpus(workspace, service.session(workspace), null, "");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Opening " + workspace.dir() + " for annotating failed; opening it read-only", e);
            String reason = e instanceof QuireException && e.getMessage() != null
                    ? e.getMessage()
                    : "The annotation database cannot be opened.";
            try {
                return new OpenCorpus(workspace, null, service.view(workspace), reason);
            } catch (RuntimeException readOnly) {
                LOG.log(System.Logger.Level.WARNING, "Opening " + workspace.dir() + " read-only failed too", readOnly);
                throw new QuireException("Quire cannot open the corpus at " + workspace.corpus() + ": " + reason, e);
            }
        }
    }

    public Workspace workspace() {
        return workspace;
    }

    /** The writing session, absent when the corpus is open read-only. */
    public Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    /** Why annotating is not possible; empty when it is. */
    /** Why the backup taken on opening was skipped, if it was (a full disk): the window says so. */
    public Optional<String> backupProblem() {
        return session().flatMap(Session::backupProblem);
    }

    public String readOnlyReason() {
        return readOnlyReason;
    }

    /** The session, or a plain-sentence failure saying why annotating is unavailable. */
    public Session requireSession() {
        if (session == null) {
            throw new QuireException("Annotating is not available in this window: " + readOnlyReason);
        }
        return session;
    }

    /** Brings the index up to date; a read-only corpus is searched as it is. */
    public Optional<IndexReport> index(Progress progress) {
        if (session == null) {
            return Optional.empty();
        }
        IndexReport report = session.index(progress);
        // New files arrive while the analyst reads: have the code that indexes them compiled by then.
        session.warmUpAfter(report);
        return Optional.of(report);
    }

    /**
     * The window's opening of a corpus: starts watching the folder (see {@link #watch}), then
     * brings the index up to date. In that order, so that a file saved while the check runs, after
     * it has listed the file's folder, is reported rather than missed until the corpus is next
     * opened; a report made meanwhile waits for the check on the window's one indexing thread. A
     * folder that cannot be watched is logged, and the check goes on.
     */
    public Optional<IndexReport> indexAndWatch(Progress progress, Consumer<Optional<Set<String>>> onChange) {
        try {
            watch(onChange);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Not watching " + workspace.corpus() + " for new files", e);
        }
        return index(progress);
    }

    /**
     * Starts watching the corpus folder for new, changed and deleted files; {@code onChange} gets
     * the watcher's reports (see {@link CorpusWatcher}), for {@link #indexChanged}. Does nothing
     * when read-only or closed.
     */
    public synchronized void watch(Consumer<Optional<Set<String>>> onChange) throws IOException {
        if (session != null && !closed && watcher == null) {
            watcher = CorpusWatcher.start(workspace.corpus(), workspace.dir(), WATCH_QUIET, onChange);
        }
    }

    /**
     * Indexes what the watcher reported: those paths, or the whole corpus when it lost track.
     * Empty when there is nothing to do (read-only, or closed meanwhile).
     */
    public synchronized Optional<IndexReport> indexChanged(Optional<Set<String>> paths) {
        if (session == null || closed) {
            return Optional.empty();
        }
        return Optional.of(paths.isPresent() ? session.indexChanged(paths.get()) : session.index(Progress.NONE));
    }

    public SearchResult search(SearchRequest request) {
        // Only ever the first search: a primed result left waiting would be stale by the time one matched it.
        Primed ready = primed;
        primed = null;
        if (ready != null && ready.request().equals(request)) {
            return ready.result();
        }
        return session != null ? session.search(request) : view.search(request);
    }

    /**
     * Runs {@code request} now and keeps its result for the next {@link #search}, if that asks the
     * same (any search drops it): the window's first search, which this runs while JavaFX starts (the first search
     * of a process is most of a second of cold code). Only for a corpus nothing has changed since:
     * call it before indexing or annotating begins.
     */
    public void prime(SearchRequest request) {
        primed = new Primed(request, session != null ? session.search(request) : view.search(request));
    }

    private record Primed(SearchRequest request, SearchResult result) {}

    public Optional<Article> article(String key) {
        return session != null ? session.article(key) : view.article(key);
    }

    public List<TextRange> hitRanges(String key, String query) {
        if (query.isBlank()) {
            return List.of();
        }
        return session != null ? session.hitRanges(key, query) : view.hitRanges(key, query);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (watcher != null) {
            watcher.close();
        }
        if (session != null) {
            session.close();
        }
        if (view != null) {
            view.close();
        }
    }
}
