package quire.service;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import quire.export.AnnotationImport;
import quire.export.ArticleNote;
import quire.export.CsvExport;
import quire.export.ExportOptions;
import quire.export.Grouping;
import quire.export.MarkdownExport;
import quire.export.WebAnnotationJson;
import quire.index.ArticleIndex;
import quire.model.AnnotatedArticle;
import quire.model.Article;
import quire.model.Highlight;
import quire.model.HighlightState;
import quire.model.QuireException;
import quire.model.SearchHit;
import quire.model.SearchRequest;
import quire.model.SearchResult;
import quire.model.SearchableAnnotations;
import quire.model.TagSummary;
import quire.model.TextRange;
import quire.store.Anchoring;
import quire.store.AnnotationStore;

/**
 * An open workspace: its index and its annotations, for one writer (the window, or one command).
 * Every annotation change is saved in the database (the only copy of the analyst's work) and the
 * call returns once that commit is durable; the article's tags and notes are then re-indexed on one
 * background thread, so search sees them a moment later ({@link #awaitSearchable()} waits for it),
 * or, while the corpus is being indexed, when that ends.
 * If Quire dies in between, opening the workspace again brings the index back in line.
 *
 * <p>Thread-safe: the store and the index each serialise their own writes.
 */
public final class Session implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Session.class.getName());

    private final Workspace workspace;
    private final CorpusIndexer indexer;
    private final AnnotationStore store;
    private final ArticleIndex index;
    /** The one thread that re-indexes annotations; indexing the corpus is the only other writer. */
    private final SearchableUpdates updates;
    /**
     * The articles last annotated, by key: an analyst highlights passage after passage of one
     * article, and reading it back from the index each time cost a search and a decompression on
     * every save. Only indexing changes an article, and it clears this.
     */
    /** Indexing runs under way, and the articles whose re-indexing waits for them to end: see {@link #index}. */
    private final java.util.concurrent.atomic.AtomicInteger indexing = new java.util.concurrent.atomic.AtomicInteger();
    private final Set<String> deferred = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** A full re-sync (undo, tag rename, import) asked for while indexing ran. */
    private final java.util.concurrent.atomic.AtomicBoolean deferredAll = new java.util.concurrent.atomic.AtomicBoolean();
    private final Map<String, Article> annotating = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Article> eldest) {
                    return size() > 8;
                }
            });

    /** The warm-up thread, once started (see {@link #startWarmUp}), and whether it must stop. */
    private volatile Thread warmUp;
    private volatile boolean warmUpStopped;

    private Session(Workspace workspace, CorpusIndexer indexer, AnnotationStore store, ArticleIndex index) {
        this.workspace = workspace;
        this.indexer = indexer;
        this.store = store;
        this.index = index;
        this.updates = new SearchableUpdates(this::applySearchable, "quire-annotation-index");
    }

    /**
     * Opens a workspace for reading and writing.
     *
     * @throws QuireException with a plain message when another Quire has it open
     */
    public static Session open(Workspace workspace, CorpusIndexer indexer) {
        try {
            workspace.create();
        } catch (java.io.IOException e) {
            throw new QuireException("Quire cannot create its workspace at '" + workspace.dir() + "': " + e.getMessage(), e);
        }
        AnnotationStore store = AnnotationStore.open(workspace.dir());
        ArticleIndex index;
        try {
            index = ArticleIndex.open(workspace.indexDir());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        // Synchronously, before the background writer starts: this is what repairs a crash between
        // a saved change and its re-indexing.
        if (syncSearchableAnnotations(store, index)) {
            index.commit();
        }
        return new Session(workspace, indexer, store, index);
    }

    public Workspace workspace() {
        return workspace;
    }

    /** Indexes the corpus if this workspace has never been indexed, so a first command finds its articles. */
    public void ensureIndexed() {
        if (index.fileRecords().isEmpty()) {
            index(Progress.NONE);
        }
    }

    /**
     * Brings the index up to date with the corpus folder, then re-attaches the highlights of every
     * article whose text changed.
     */
    public IndexReport index(Progress progress) {
        return runIndexer(true, (annotations, written) -> indexer.update(workspace.corpus(), index, progress, annotations, written));
    }

    /**
     * For the window, after its opening check: when that check read few files (an unchanged
     * corpus), warms the code a watched update runs (see {@link #startWarmUp}). Not done for the
     * command line, whose sessions end before new files could arrive.
     */
    public void warmUpAfter(IndexReport opening) {
        if (!opening.cancelled() && opening.added() + opening.updated() < CorpusIndexer.WARM_UP_FILES) {
            startWarmUp();
        }
    }

    /**
     * Once per session, after a check that read few files (an unchanged corpus, when the window
     * opens): has the indexer read a few hundred corpus files into a throwaway index on a thread
     * of its own, below normal priority, so that the code a watched update runs is compiled before
     * new files arrive (see {@link CorpusIndexer#warmUp}). Any indexing run stops it, as does closing.
     */
    private void startWarmUp() {
        if (warmUp != null) {
            return;
        }
        List<String> files = indexer.warmUpFiles();
        warmUpStopped = false;
        Thread thread = new Thread(() -> {
            int read = indexer.warmUp(workspace.corpus(), files, () -> warmUpStopped);
            LOG.log(System.Logger.Level.DEBUG, "Warmed up on {0} files", read);
        }, "quire-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        warmUp = thread;
        thread.start();
    }

    /** Waits until the warm-up (if one was started) has ended: for benchmarks that time a first watched update. */
    public void awaitWarmUp() {
        Thread thread = warmUp;
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** As {@link #index(Progress)}, reading only these paths: what a {@link CorpusWatcher} reports. */
    public IndexReport indexChanged(java.util.Collection<String> paths) {
        return indexChanged(paths, Progress.NONE);
    }

    /** As {@link #indexChanged(java.util.Collection)}, reporting progress (tests act through it while indexing runs). */
    IndexReport indexChanged(java.util.Collection<String> paths, Progress progress) {
        // No full re-sync after a watched update: it reads every annotation in the workspace, a cost
        // each folder change would pay (10,000 highlights: most of a 100-file update once warm).
        return runIndexer(false, (annotations, written) -> indexer.updatePaths(workspace.corpus(), index, paths, progress, annotations, written));
    }

    /**
     * One run of the indexer ({@code run} gets the annotations lookup and the set of written keys),
     * then re-anchoring. Changes saved meanwhile are re-indexed after it; {@code fullResync} also
     * compares every article's annotations with the index, as a full re-check can afford to.
     */
    private IndexReport runIndexer(
            boolean fullResync,
            java.util.function.BiFunction<java.util.function.Function<String, SearchableAnnotations>, Set<String>, IndexReport> run) {
        // A real update needs the cores more than a rehearsal of one does.
        warmUpStopped = true;
        Set<String> written = new HashSet<>();
        annotating.clear();
        // Most articles carry no annotations: only those annotated when indexing began are looked
        // up, rather than three database reads per article, each waiting behind any save's fsync.
        // An article first annotated meanwhile is put right by the re-sync requested below.
        Set<String> annotatedAtStart = new HashSet<>(store.annotatedArticleKeys());
        IndexReport report;
        // While the indexer replaces articles, the background writer must not rebuild one from a
        // text read just before: it would put the old text back. It defers its work until the
        // end, and anything it had begun finishes before the indexer starts.
        indexing.incrementAndGet();
        updates.await();
        try {
            report = run.apply(key -> annotatedAtStart.contains(key) ? searchableAnnotations(key) : SearchableAnnotations.NONE, written);
        } finally {
            indexing.decrementAndGet();
            annotating.clear();
        }
        // What was saved meanwhile becomes searchable now, as do changes the indexer read too early.
        List<String> waiting = new ArrayList<>(deferred);
        deferred.removeAll(waiting);
        waiting.forEach(updates::request);
        boolean askedForAll = deferredAll.getAndSet(false);
        if (fullResync || askedForAll) {
            updates.requestAll();
        }
        updates.await();
        return reanchored(report, written);
    }

    private IndexReport reanchored(IndexReport report, Set<String> written) {
        Set<String> annotated = new HashSet<>(store.annotatedArticleKeys());
        annotated.retainAll(written);
        for (String key : annotated) {
            index.article(key).ifPresent(this::reanchor);
        }
        return report;
    }

    private void reanchor(Article article) {
        List<Anchoring.Result> results = new ArrayList<>();
        // One diff per old text: the article's highlights were mostly made on the same version.
        Map<String, Optional<Anchoring.Edit>> edits = new java.util.HashMap<>();
        for (Highlight h : store.highlightsOf(article.key())) {
            if (!h.textHash().equals(article.textHash())) {
                // The text the highlight was made on tells where unchanged stretches moved to.
                Optional<Anchoring.Edit> edit = edits.computeIfAbsent(h.textHash(), hash -> hash.isEmpty()
                        ? Optional.empty() : store.articleText(hash).map(old -> Anchoring.edit(old, article.text())));
                results.add(edit.map(e -> e.anchor(h)).orElseGet(() -> Anchoring.anchor(h, article.text())));
            }
        }
        if (!results.isEmpty()) {
            store.reanchor(article.key(), article.text(), results);
            long orphaned = results.stream().filter(r -> r.state() == HighlightState.ORPHANED).count();
            LOG.log(System.Logger.Level.INFO, "Re-attached {0} highlights of {1}; {2} orphaned",
                    results.size() - orphaned, article.key(), orphaned);
        }
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

    /** An article by key or unique key prefix. */
    public Optional<Article> article(String keyOrPrefix) {
        return CorpusService.find(index, keyOrPrefix);
    }

    /**
     * Highlights the {@code occurrence}-th passage of the article that reads {@code quote} (typed
     * quotes, dashes, spacing and case are forgiven when there is no exact match).
     */
    public Highlight annotate(String articleKey, String quote, int occurrence, String color, String note, List<String> tags) {
        Article article = articleToAnnotate(articleKey);
        TextRange range = QuoteFinder.find(article.text(), quote, occurrence).orElseThrow(() -> {
            int found = QuoteFinder.count(article.text(), quote);
            return new QuireException(found == 0
                    ? "The article '" + article.title() + "' does not contain \"" + quote.strip() + "\"."
                    : "\"" + quote.strip() + "\" occurs " + found + " times in the article; there is no occurrence " + occurrence + ".");
        });
        return annotate(article, range.start(), range.end(), color, note, tags);
    }

    /** Highlights {@code [start, end)} of the article's canonical text. */
    public Highlight annotate(String articleKey, int start, int end, String color, String note, List<String> tags) {
        return annotate(articleToAnnotate(articleKey), start, end, color, note, tags);
    }

    private Article articleToAnnotate(String keyOrPrefix) {
        Article cached = annotating.get(keyOrPrefix);
        if (cached != null) {
            return cached;
        }
        Article article = requireArticle(keyOrPrefix);
        annotating.put(article.key(), article);
        return article;
    }

    private Highlight annotate(Article article, int start, int end, String color, String note, List<String> tags) {
        Highlight created = store.createHighlight(article, start, end, color, note, tags);
        refreshSearchable(article.key());
        return created;
    }

    /**
     * Waits until search sees every annotation change made before this call (changes are saved at
     * once but re-indexed in the background, usually within milliseconds).
     */
    public void awaitSearchable() {
        updates.await();
    }

    public Highlight setNote(String highlightId, String note) {
        return refreshed(store.setNote(highlightId, note));
    }

    public Highlight setColor(String highlightId, String color) {
        return store.setColor(highlightId, color);
    }

    public Highlight setTags(String highlightId, List<String> tags) {
        return refreshed(store.setTags(highlightId, tags));
    }

    public Highlight addTag(String highlightId, String tag) {
        return refreshed(store.addTag(highlightId, tag));
    }

    public Highlight removeTag(String highlightId, String tag) {
        return refreshed(store.removeTag(highlightId, tag));
    }

    public Highlight setExtent(String highlightId, int start, int end) {
        Highlight h = requireHighlight(highlightId);
        return store.setExtent(highlightId, requireArticle(h.articleKey()), start, end);
    }

    public void deleteHighlight(String highlightId) {
        Highlight h = requireHighlight(highlightId);
        store.deleteHighlight(highlightId);
        refreshSearchable(h.articleKey());
    }

    public Optional<Highlight> highlight(String highlightId) {
        return store.highlight(highlightId);
    }

    /**
     * Highlights, filtered: by article, by tag (with its sub-tags), by text in their notes, and by a
     * search query over their articles; any filter may be absent. In reading order per article.
     */
    public List<Highlight> highlights(Optional<String> articleKey, Optional<String> tag, Optional<String> noteText, Optional<String> query) {
        List<Highlight> candidates;
        if (articleKey.isPresent()) {
            candidates = store.highlightsOf(requireArticle(articleKey.get()).key());
        } else if (tag.isPresent()) {
            candidates = store.highlightsTagged(tag.get());
        } else if (noteText.isPresent()) {
            candidates = store.highlightsWithNote(noteText.get());
        } else {
            candidates = store.allHighlights();
        }
        Set<String> tagged = tag.map(t -> ids(store.highlightsTagged(t))).orElse(null);
        Set<String> noted = noteText.map(n -> ids(store.highlightsWithNote(n))).orElse(null);
        Set<String> inArticles = query.map(this::keysMatching).orElse(null);
        return candidates.stream()
                .filter(h -> tagged == null || tagged.contains(h.id()))
                .filter(h -> noted == null || noted.contains(h.id()))
                .filter(h -> inArticles == null || inArticles.contains(h.articleKey()))
                .sorted(Comparator.comparing(Highlight::articleKey).thenComparingInt(Highlight::start).thenComparingInt(Highlight::end))
                .toList();
    }

    public List<TagSummary> tags() {
        return store.tags();
    }

    public void renameTag(String oldName, String newName) {
        store.renameTag(oldName, newName);
        updates.requestAll();
    }

    public void mergeTag(String from, String into) {
        store.mergeTag(from, into);
        updates.requestAll();
    }

    public void deleteTag(String name) {
        store.deleteTag(name);
        updates.requestAll();
    }

    public void setArticleNote(String articleKey, String note) {
        String key = requireArticle(articleKey).key();
        store.setArticleNote(key, note);
        refreshSearchable(key);
    }

    public void addArticleTag(String articleKey, String tag) {
        String key = requireArticle(articleKey).key();
        store.addArticleTag(key, tag);
        refreshSearchable(key);
    }

    public void removeArticleTag(String articleKey, String tag) {
        String key = requireArticle(articleKey).key();
        store.removeArticleTag(key, tag);
        refreshSearchable(key);
    }

    public String articleNote(String articleKey) {
        return store.articleNote(articleKey);
    }

    public List<String> articleTags(String articleKey) {
        return store.articleTags(articleKey);
    }

    /** Undoes the last annotation operation; what was undone, or empty if nothing was left to undo. */
    public Optional<String> undo() {
        Optional<String> undone = store.undo();
        undone.ifPresent(d -> updates.requestAll());
        return undone;
    }

    public Optional<String> redo() {
        Optional<String> redone = store.redo();
        redone.ifPresent(d -> updates.requestAll());
        return redone;
    }

    public WorkspaceCheck check() {
        AnnotationStore.CheckReport r = store.check();
        return new WorkspaceCheck(r.integrityOk(), r.integrityMessages(), r.orphans(), r.highlights(), r.tags(), r.backups(),
                store.backupProblem());
    }

    /** Why the backup taken on opening was skipped (a full disk), as a sentence for the analyst; empty if it was not. */
    public Optional<String> backupProblem() {
        return store.backupProblem();
    }

    /** Annotated articles for export, in path order; those filtered out by the query are left out. */
    public List<AnnotatedArticle> annotatedArticles(Optional<String> query, Optional<String> tag) {
        Set<String> keys = new TreeSet<>(store.annotatedArticleKeys());
        query.map(this::keysMatching).ifPresent(keys::retainAll);
        List<AnnotatedArticle> out = new ArrayList<>();
        // In one pass: looked up one by one, the articles were most of an export of 1,000 of them.
        Map<String, Article> articles = index.articles(keys);
        Optional<Set<String>> wanted = tag.map(t -> ids(store.highlightsTagged(t)));
        for (String key : keys) {
            Article article = articles.get(key);
            if (article == null) {
                continue;
            }
            List<Highlight> highlights = store.highlightsOf(key);
            List<String> articleTags = store.articleTags(key);
            if (tag.isPresent()) {
                highlights = highlights.stream().filter(h -> wanted.get().contains(h.id())).toList();
                boolean articleTagged = articleTags.stream().anyMatch(t -> isTagOrChild(t, tag.get()));
                if (highlights.isEmpty() && !articleTagged) {
                    continue;
                }
            }
            out.add(new AnnotatedArticle(article, store.articleNote(key), articleTags, highlights));
        }
        out.sort(Comparator.comparing(a -> a.article().path()));
        return out;
    }

    /**
     * Writes the annotations to a file (or, for a Markdown folder export, a folder). Returns how many
     * articles and highlights were written.
     */
    public ExportSummary export(ExportRequest request, java.time.Instant now) {
        List<AnnotatedArticle> selected = annotatedArticles(request.query(), request.tag()).stream()
                .filter(a -> request.articles().isEmpty() || request.articles().contains(a.article().key()))
                .toList();
        int highlights = selected.stream().mapToInt(a -> a.highlights().size()).sum();
        Path target = request.target();
        try {
            if (request.format() == ExportRequest.Format.MARKDOWN && request.folder()) {
                MarkdownExport.writeFolder(target, selected, markdownOptions(request, now));
                return new ExportSummary(target, selected.size(), highlights);
            }
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            // Write beside the target and move into place, so a failed export never leaves half a file.
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                switch (request.format()) {
                    case MARKDOWN -> MarkdownExport.write(out, selected, markdownOptions(request, now));
                    case CSV -> CsvExport.write(out, selected, CsvExport.Flavor.EXCEL);
                    case JSON -> WebAnnotationJson.write(out, selected, now);
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new ExportSummary(target, selected.size(), highlights);
        } catch (IOException e) {
            throw new QuireException("Cannot write the export to '" + target + "': " + e.getMessage(), e);
        }
    }

    private static ExportOptions markdownOptions(ExportRequest request, java.time.Instant now) {
        return ExportOptions.of(now).withGrouping(request.byTag() ? Grouping.BY_TAG : Grouping.BY_ARTICLE);
    }

    /**
     * Reads annotations exported by Quire (or W3C Web Annotations from other tools) into this
     * workspace: a highlight already here (same id) is left as it is, so importing twice changes
     * nothing; highlights of articles this corpus does not have are counted as skipped.
     */
    public ImportSummary importAnnotations(Path file) {
        AnnotationImport read;
        try (java.io.Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read = WebAnnotationJson.read(in);
        } catch (IOException e) {
            throw new QuireException("Cannot read '" + file + "': " + e.getMessage(), e);
        }
        List<Highlight> known = new ArrayList<>();
        int skipped = 0;
        for (Highlight h : read.highlights()) {
            if (index.article(h.articleKey()).isPresent()) {
                known.add(h);
            } else {
                skipped++;
            }
        }
        int added = store.importHighlights(known, Map.of());
        for (ArticleNote note : read.articleNotes()) {
            if (index.article(note.articleKey()).isEmpty()) {
                continue;
            }
            String existing = store.articleNote(note.articleKey());
            if (!note.note().isBlank() && !existing.contains(note.note())) {
                store.setArticleNote(note.articleKey(), existing.isBlank() ? note.note() : existing + "\n\n" + note.note());
            }
            for (String tag : note.tags()) {
                store.addArticleTag(note.articleKey(), tag);
            }
        }
        // Highlights from other tools may come without positions: attach them by their quotes.
        known.stream().map(Highlight::articleKey).distinct().forEach(key -> index.article(key).ifPresent(this::reanchor));
        updates.requestAll();
        updates.await();
        return new ImportSummary(read.highlights().size(), added, skipped);
    }

    @Override
    public void close() {
        warmUpStopped = true;
        awaitWarmUp();
        try {
            updates.close();
            index.commit();
        } finally {
            try {
                index.close();
            } finally {
                store.close();
            }
        }
    }

    private Highlight refreshed(Highlight h) {
        refreshSearchable(h.articleKey());
        return h;
    }

    /** Asks the background writer to re-index one article with its current tags and notes. */
    private void refreshSearchable(String articleKey) {
        updates.request(articleKey);
    }

    /**
     * The background writer's work: re-indexes these articles from the database as it is now (so
     * ten quick changes to one article cost one update), then reopens the reader on this thread so
     * that no search pays for it. Durable at the next commit (indexing, or close): the database is
     * already durable and opening re-syncs the index from it.
     */
    private void applySearchable(Set<String> keys, boolean all) {
        if (indexing.get() > 0) {
            deferred.addAll(keys);
            if (all) {
                deferredAll.set(true);
            }
            return;
        }
        for (String key : keys) {
            index.article(key).ifPresent(a -> index.putArticle(a, searchableAnnotations(store, key)));
        }
        if (all) {
            index.reopen(); // the fingerprints read next must include the articles just written
            syncSearchableAnnotations(store, index);
        }
        index.reopen();
    }

    /**
     * Re-indexes every article whose tags or notes differ from what the index holds: after undo, tag
     * renames, imports, and at opening (a crash between saving and re-indexing leaves such a gap).
     * Whether anything was written.
     */
    private static boolean syncSearchableAnnotations(AnnotationStore store, ArticleIndex index) {
        Map<String, String> indexed = index.annotationFingerprints();
        Set<String> keys = new LinkedHashSet<>(store.annotatedArticleKeys());
        keys.addAll(indexed.keySet());
        boolean changed = false;
        for (String key : keys) {
            SearchableAnnotations now = searchableAnnotations(store, key);
            String print = now.isEmpty() ? null : ArticleIndex.fingerprint(now);
            if (!Objects.equals(print, indexed.get(key))) {
                Optional<Article> article = index.article(key);
                if (article.isPresent()) {
                    index.putArticle(article.get(), now);
                    changed = true;
                }
            }
        }
        return changed;
    }

    private SearchableAnnotations searchableAnnotations(String articleKey) {
        return searchableAnnotations(store, articleKey);
    }

    private static SearchableAnnotations searchableAnnotations(AnnotationStore store, String articleKey) {
        Set<String> tags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> notes = new ArrayList<>();
        tags.addAll(store.articleTags(articleKey));
        String articleNote = store.articleNote(articleKey);
        if (!articleNote.isBlank()) {
            notes.add(articleNote);
        }
        for (Highlight h : store.highlightsOf(articleKey)) {
            tags.addAll(h.tags());
            if (!h.note().isBlank()) {
                notes.add(h.note());
            }
        }
        return new SearchableAnnotations(List.copyOf(tags), notes);
    }

    private Set<String> keysMatching(String query) {
        Set<String> keys = new HashSet<>();
        int offset = 0;
        while (true) {
            SearchResult page = index.search(SearchRequest.of(query).withPage(offset, SearchRequest.MAX_LIMIT));
            page.hits().forEach(h -> keys.add(h.key()));
            offset += page.hits().size();
            if (page.hits().isEmpty() || offset >= page.total()) {
                return keys;
            }
        }
    }

    private static boolean isTagOrChild(String tag, String parent) {
        return tag.equalsIgnoreCase(parent) || tag.regionMatches(true, 0, parent + "/", 0, parent.length() + 1);
    }

    private static Set<String> ids(List<Highlight> highlights) {
        Set<String> ids = new HashSet<>();
        highlights.forEach(h -> ids.add(h.id()));
        return ids;
    }

    private Article requireArticle(String keyOrPrefix) {
        return article(keyOrPrefix).orElseThrow(() -> new QuireException(
                "No article has the key '" + keyOrPrefix + "'. 'quire articles' lists them."));
    }

    private Highlight requireHighlight(String id) {
        return store.highlight(id).orElseThrow(() -> new QuireException("There is no highlight with id '" + id + "'."));
    }
}
