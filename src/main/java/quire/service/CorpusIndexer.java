package quire.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import quire.index.ArticleIndex;
import quire.ingest.ArticleKeys;
import quire.ingest.CorpusFile;
import quire.ingest.CorpusScanner;
import quire.ingest.FileIngest;
import quire.ingest.IngestException;
import quire.ingest.Ingester;
import quire.ingest.Scan;
import quire.model.Article;
import quire.model.ArticleRef;
import quire.model.FileRecord;
import quire.model.Problem;
import quire.model.SearchableAnnotations;
import quire.model.QuireException;

/**
 * Brings an index up to date with its corpus folder, reading only what changed.
 *
 * <p>A file is taken as unchanged when its size and modification time match what the index
 * remembers; otherwise its bytes are hashed, and only a file whose content really changed is read
 * again. The same article found in several files (same link or guid, or identical text) is
 * indexed once, from its best copy: one that is not truncated, then the fullest, then the first
 * by path; the other copies are reported as duplicates. Work is committed every 30 seconds, so a
 * crash loses at most that much work, which the next run redoes.
 *
 * <p>Not thread-safe: one indexer runs at a time per index (the index's write lock enforces it).
 */
public final class CorpusIndexer {
    private static final System.Logger LOG = System.getLogger(CorpusIndexer.class.getName());
    private static final int BATCH_FILES = 256;
    /**
     * How often a long update commits: by time, not by a number of files, so that a crash loses at
     * most about this much work while a first index of 100,000 files flushes a few large segments
     * instead of one every 2,048 files (each commit's flush runs on one thread while the other waits).
     */
    private static final long COMMIT_EVERY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    private final CorpusScanner scanner;
    private final Ingester ingester;
    private final int threads;
    /** What the last successful update left in the index; see {@link #knownOf}. */
    private volatile Known lastKnown;

    public CorpusIndexer(CorpusScanner scanner, Ingester ingester, int threads) {
        this.scanner = scanner;
        this.ingester = ingester;
        this.threads = Math.max(1, threads);
    }

    /** One copy of an article and where it is, as ranked between duplicates. */
    private record Claim(String path, ArticleRef ref) {
        static final Comparator<Claim> BEST_FIRST = Comparator.<Claim>comparingInt(c -> c.ref().warnings())
                .thenComparing(c -> -c.ref().textLength())
                .thenComparing(Claim::path);
    }

    /** What reading one file gave: its new record and, when it was read again, its articles. */
    private record Outcome(FileRecord record, List<Article> articles, boolean contentChanged) {}

    public IndexReport update(Path corpus, ArticleIndex index, Progress progress) {
        return update(corpus, index, progress, key -> SearchableAnnotations.NONE, new java.util.HashSet<>());
    }

    /**
     * As {@link #update(Path, ArticleIndex, Progress)}, indexing each article with the analyst's
     * annotations, and collecting the keys of the articles whose stored copy was (re)written.
     */
    public IndexReport update(
            Path corpus,
            ArticleIndex index,
            Progress progress,
            Function<String, SearchableAnnotations> annotations,
            Set<String> written) {
        long started = System.nanoTime();
        Known known = knownOf(index);
        Scan scan = scanner.scan(corpus);
        Set<String> present = new HashSet<>();
        scan.files().forEach(f -> present.add(f.path()));
        List<String> removed = known.records().keySet().stream().filter(p -> !present.contains(p)).sorted().toList();
        return apply(corpus, index, progress, annotations, written, known, scan.files(), removed, scan.problems(), started, true);
    }

    /**
     * Brings the index up to date with a few changed paths only (relative to the corpus folder, with
     * {@code /} separators; a folder stands for everything in it): new, changed and deleted files,
     * as a folder watcher reports them. The rest of the corpus is taken as the index knows it; the
     * rules (duplicates, keys, problems) are those of a full {@link #update}.
     *
     * <p>The changes are visible to searches in this process at once but not committed (a commit's
     * fsyncs cost more than reading a few files): the next full update or the session's close
     * commits them, and after a crash the next re-check finds the files again.
     */
    public IndexReport updatePaths(
            Path corpus,
            ArticleIndex index,
            Collection<String> paths,
            Progress progress,
            Function<String, SearchableAnnotations> annotations,
            Set<String> written) {
        long started = System.nanoTime();
        Known known = knownOf(index);
        Map<String, CorpusFile> files = new TreeMap<>();
        Set<String> removed = new TreeSet<>();
        List<Problem> scanProblems = new ArrayList<>();
        for (String path : new TreeSet<>(paths)) {
            if (path.isEmpty() || java.util.Arrays.stream(path.split("/")).anyMatch(name -> name.startsWith("."))) {
                continue; // hidden, as a full scan has it, or the workspace inside the corpus
            }
            Path file = corpus.resolve(path);
            if (Files.isDirectory(file)) {
                Scan scan = scanner.scan(file);
                scan.files().forEach(f -> files.put(path + "/" + f.path(), new CorpusFile(f.file(), path + "/" + f.path(), f.size(), f.modifiedMillis())));
                scan.problems().forEach(p -> scanProblems.add(new Problem(path + "/" + p.path(), p.severity(), p.message())));
                // Whatever the index knew under the folder and is not there any more.
                known.records().keySet().stream().filter(k -> k.startsWith(path + "/") && !files.containsKey(k)).forEach(removed::add);
            } else if (Files.isRegularFile(file)) {
                try {
                    var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
                    files.put(path, new CorpusFile(file, path, attributes.size(), attributes.lastModifiedTime().toMillis()));
                } catch (IOException gone) {
                    removed.add(path);
                }
            } else {
                removed.add(path);
                known.records().keySet().stream().filter(k -> k.startsWith(path + "/")).forEach(removed::add);
            }
        }
        removed.removeIf(p -> !known.records().containsKey(p));
        return apply(corpus, index, progress, annotations, written, known,
                new ArrayList<>(files.values()), new ArrayList<>(removed), scanProblems, started, false);
    }

    /**
     * What the index holds about the corpus: kept from the last update of the same index, which is
     * what lets a watcher's update of a few files skip loading 100,000 records.
     */
    private record Known(ArticleIndex index, Map<String, FileRecord> records, Map<String, String> storedFrom) {}

    private Known knownOf(ArticleIndex index) {
        Known kept = lastKnown;
        // Forgotten until this update succeeds: a failure half way leaves the index, not this, right.
        lastKnown = null;
        if (kept != null && kept.index() == index) {
            return kept;
        }
        return new Known(index, index.fileRecords(), new HashMap<>(index.articlePaths()));
    }

    private IndexReport apply(
            Path corpus,
            ArticleIndex index,
            Progress progress,
            Function<String, SearchableAnnotations> annotations,
            Set<String> written,
            Known knownNow,
            List<CorpusFile> listed,
            List<String> removed,
            List<Problem> scanProblems,
            long started,
            boolean durable) {
        Map<String, FileRecord> known = knownNow.records();
        Map<String, String> storedFrom = knownNow.storedFrom();

        List<CorpusFile> toRead = new ArrayList<>();
        Map<String, FileRecord> current = new HashMap<>(known);
        removed.forEach(current::remove);
        int unchanged = current.size();
        for (CorpusFile file : listed) {
            FileRecord record = known.get(file.path());
            if (record == null
                    || record.contentHash().isEmpty()
                    || record.size() != file.size()
                    || record.modifiedMillis() != file.modifiedMillis()) {
                toRead.add(file);
                if (current.remove(file.path()) != null) {
                    unchanged--;
                }
            }
        }

        Map<String, Claim> best = new HashMap<>();
        current.values().forEach(r -> r.articles().forEach(ref -> offer(best, new Claim(r.path(), ref))));

        int added = 0;
        int updated = 0;
        long lastCommit = System.nanoTime();
        boolean cancelled = false;
        ExecutorService pool = Executors.newFixedThreadPool(threads, ingestThreads());
        List<Future<Void>> writing = List.of();
        try {
            List<Future<Outcome>> reading = toRead.isEmpty() ? List.of() : submitReads(pool, batchAt(toRead, 0), known);
            for (int from = 0; from < toRead.size(); from += BATCH_FILES) {
                if (progress.isCancelled()) {
                    cancelled = true;
                    break;
                }
                List<CorpusFile> batch = batchAt(toRead, from);
                // A file deleted since the scan has no outcome: it is simply gone.
                List<Outcome> outcomes = awaitAll(reading).stream().filter(java.util.Objects::nonNull).toList();
                reading = from + BATCH_FILES < toRead.size() ? submitReads(pool, batchAt(toRead, from + BATCH_FILES), known) : List.of();
                // Which copy of each article wins is decided here, in file order; the writes then go
                // to the pool, several at once. Their order does not matter: sorted results break
                // ties by path and place in the file, not by the order documents were written in.
                Map<String, Article> winners = new HashMap<>();
                for (Outcome outcome : outcomes) {
                    FileRecord record = outcome.record();
                    if (!known.containsKey(record.path())) {
                        added++;
                    } else if (outcome.contentChanged()) {
                        updated++;
                    } else {
                        unchanged++;
                    }
                    current.put(record.path(), record);
                    if (!outcome.contentChanged()) {
                        // Touched, not changed: its stored articles stand, but they must still be claimed,
                        // or reconcile drops them as no file's (issue 8).
                        record.articles().forEach(ref -> offer(best, new Claim(record.path(), ref)));
                    }
                    for (Article article : outcome.articles()) {
                        if (offer(best, new Claim(record.path(), refOf(article)))) {
                            winners.put(article.key(), article);
                        }
                    }
                }
                // A copy that wins here must not race one from the batch before: those are all written first.
                awaitAll(writing);
                writing = submitWrites(pool, index, outcomes, winners, annotations, known.keySet(), storedFrom.keySet());
                for (Article article : winners.values()) {
                    storedFrom.put(article.key(), article.path());
                    written.add(article.key());
                }
                if (System.nanoTime() - lastCommit >= COMMIT_EVERY_NANOS) {
                    awaitAll(writing);
                    index.commit();
                    lastCommit = System.nanoTime();
                }
                progress.update(Math.min(toRead.size(), from + BATCH_FILES), toRead.size(), batch.get(batch.size() - 1).path());
            }
            awaitAll(writing);
        } finally {
            pool.shutdownNow();
        }

        // Not sorted: the problems are, by path, at the end (stably, so a file's own order stays);
        // sorting 100,000 records by path was a good part of a watched update's bookkeeping.
        Collection<FileRecord> records = current.values();
        List<Problem> duplicateProblems = new ArrayList<>();
        if (!cancelled) {
            removed.forEach(index::deleteFile);
            best.values().removeIf(claim -> !current.containsKey(claim.path()));
            Map<String, Claim> winners = dropIdenticalTexts(best, current, duplicateProblems);
            reconcile(corpus, index, winners, storedFrom, current, annotations, written);
            duplicateProblems.addAll(0, duplicatesOf(records, winners));
        }
        if (durable) {
            index.commit();
        } else {
            index.refresh();
        }
        if (!cancelled) {
            lastKnown = new Known(index, current, storedFrom);
        }

        List<Problem> problems = new ArrayList<>(scanProblems);
        records.forEach(r -> problems.addAll(r.problems()));
        problems.addAll(duplicateProblems);
        problems.sort(Comparator.comparing(Problem::path));
        return new IndexReport(
                corpus.toString(),
                current.size(),
                index.articleCount(),
                added,
                updated,
                cancelled ? 0 : removed.size(),
                unchanged,
                duplicateProblems.size(),
                problems,
                (System.nanoTime() - started) / 1_000_000,
                index.rebuildReason(),
                cancelled);
    }

    /**
     * Writes each file's record and its winning articles, a file per task; a document the index
     * cannot hold yet is added rather than replaced (in a first index, all of them).
     */
    private static List<Future<Void>> submitWrites(
            ExecutorService pool,
            ArticleIndex index,
            List<Outcome> outcomes,
            Map<String, Article> winners,
            Function<String, SearchableAnnotations> annotations,
            Set<String> knownPaths,
            Set<String> storedKeys) {
        List<Future<Void>> futures = new ArrayList<>(outcomes.size());
        for (Outcome outcome : outcomes) {
            List<Runnable> puts = new ArrayList<>();
            List<Article> articles = outcome.articles();
            for (int i = 0; i < articles.size(); i++) {
                Article article = articles.get(i);
                if (winners.get(article.key()) == article) {
                    // Annotations are looked up here, on one thread: the store is not asked from the pool.
                    SearchableAnnotations attached = annotations.apply(article.key());
                    int position = i;
                    boolean mayReplace = storedKeys.contains(article.key());
                    puts.add(() -> index.putArticle(article, attached, position, mayReplace));
                }
            }
            boolean fileKnown = knownPaths.contains(outcome.record().path());
            futures.add(pool.submit(() -> {
                index.putFile(outcome.record(), fileKnown);
                puts.forEach(Runnable::run);
                return null;
            }));
        }
        return futures;
    }

    private static List<CorpusFile> batchAt(List<CorpusFile> toRead, int from) {
        return toRead.subList(from, Math.min(toRead.size(), from + BATCH_FILES));
    }

    private List<Future<Outcome>> submitReads(ExecutorService pool, List<CorpusFile> batch, Map<String, FileRecord> known) {
        List<Future<Outcome>> futures = new ArrayList<>(batch.size());
        for (CorpusFile file : batch) {
            futures.add(pool.submit(() -> {
                try {
                    return read(file, known.get(file.path()));
                } catch (RuntimeException e) {
                    // read() reports every failure as a problem; reaching here is a bug, still one file's.
                    LOG.log(System.Logger.Level.ERROR, "Unexpected failure reading " + file.path(), e);
                    return new Outcome(failedRecord(file, "The file could not be read; see the log."), List.of(), true);
                }
            }));
        }
        return futures;
    }

    private static <T> List<T> awaitAll(List<Future<T>> futures) {
        List<T> results = new ArrayList<>(futures.size());
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QuireException("Indexing was interrupted.", e);
            } catch (ExecutionException e) {
                // read() reports a file's failures as problems: what arrives here is the index failing.
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new QuireException("Indexing failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return results;
    }

    private Outcome read(CorpusFile file, FileRecord previous) {
        // Held until the file's articles are built: large files wait for memory rather than exhaust it.
        try (Ingester.Reservation held = ingester.reserve(file.file())) {
            return read(file, previous, ingester.readBounded(file.file()));
        } catch (IngestException e) {
            return new Outcome(failedRecord(file, e.getMessage()), List.of(), true);
        } catch (java.nio.file.NoSuchFileException e) {
            return null; // Deleted since the scan: simply gone, as if the scan had not seen it; the next run forgets it.
        } catch (IOException e) {
            return new Outcome(failedRecord(file, "The file cannot be read: " + e.getMessage() + "."), List.of(), true);
        }
    }

    private Outcome read(CorpusFile file, FileRecord previous, byte[] bytes) {
        String hash = ArticleKeys.contentHash(bytes);
        if (previous != null && previous.contentHash().equals(hash)) {
            // Touched, not changed: keep what was read before.
            return new Outcome(previous.withStat(file.size(), file.modifiedMillis()), List.of(), false);
        }
        FileIngest ingest = ingester.ingest(bytes, file.path());
        List<Article> articles = keepKeyOfEditedArticle(previous, ingest.articles());
        List<ArticleRef> refs = articles.stream().map(CorpusIndexer::refOf).toList();
        FileRecord record = new FileRecord(file.path(), file.size(), file.modifiedMillis(), hash, refs, ingest.problems());
        return new Outcome(record, articles, true);
    }

    /**
     * An article known only by its text (no link, guid or date) would get a new key whenever its file
     * is edited, cutting it off from its highlights. A file that held one such article and still
     * holds one is the same article, edited: it keeps its key, and its highlights re-attach.
     */
    private static List<Article> keepKeyOfEditedArticle(FileRecord previous, List<Article> articles) {
        if (previous == null || previous.articles().size() != 1 || articles.size() != 1) {
            return articles;
        }
        ArticleRef before = previous.articles().get(0);
        Article now = articles.get(0);
        boolean weak = ArticleKeys.basisOf(now) == quire.model.KeyBasis.TEXT
                || ArticleKeys.basisOf(now) == quire.model.KeyBasis.TITLE_AND_DATE;
        boolean wasWeak = before.identity() == quire.model.KeyBasis.TEXT || before.identity() == quire.model.KeyBasis.TITLE_AND_DATE;
        if (weak && wasWeak && !before.key().equals(now.key())) {
            return List.of(now.withKey(before.key()));
        }
        return articles;
    }

    private static FileRecord failedRecord(CorpusFile file, String message) {
        // An empty hash never matches, so a file that failed to read is tried again next time.
        return new FileRecord(file.path(), file.size(), file.modifiedMillis(), "", List.of(), List.of(Problem.error(file.path(), message)));
    }

    private static ArticleRef refOf(Article article) {
        return new ArticleRef(
                article.key(),
                ArticleKeys.textHash(article.text()),
                article.warnings().size(),
                article.text().length(),
                ArticleKeys.basisOf(article));
    }

    /** Records a copy of an article; true if it is now the best known copy of its key. */
    private static boolean offer(Map<String, Claim> best, Claim claim) {
        Claim incumbent = best.get(claim.ref().key());
        if (incumbent == null || Claim.BEST_FIRST.compare(claim, incumbent) < 0) {
            best.put(claim.ref().key(), claim);
            return true;
        }
        return false;
    }

    /**
     * Articles with different keys but identical text are one article too (say, the same post saved
     * once with its link and once without); the best copy keeps its key.
     */
    private static Map<String, Claim> dropIdenticalTexts(
            Map<String, Claim> best, Map<String, FileRecord> current, List<Problem> duplicateProblems) {
        // The best claim of each text wins; only texts claimed more than once need ranking (sorting
        // all 100,000 claims for the few shared texts was most of a watched update's bookkeeping).
        Map<String, Claim> byText = new HashMap<>(best.size() * 2);
        List<Claim> shared = new ArrayList<>();
        for (Claim claim : best.values()) {
            Claim first = byText.putIfAbsent(claim.ref().textHash(), claim);
            if (first != null) {
                shared.add(claim);
                if (Claim.BEST_FIRST.compare(claim, first) < 0) {
                    byText.put(claim.ref().textHash(), claim);
                }
            }
        }
        Map<String, Claim> winners = new HashMap<>(best.size() * 2);
        for (Claim claim : byText.values()) {
            winners.put(claim.ref().key(), claim);
        }
        if (!shared.isEmpty()) {
            // The losers, in the order a ranking of every claim would list them.
            List<Claim> losers = new ArrayList<>();
            for (Claim claim : best.values()) {
                if (winners.get(claim.ref().key()) != claim) {
                    losers.add(claim);
                }
            }
            losers.sort(Claim.BEST_FIRST);
            for (Claim claim : losers) {
                duplicateProblems.add(duplicateProblem(claim.path(), byText.get(claim.ref().textHash()).path(), "identical text"));
            }
        }
        return winners;
    }

    /** Every copy that is not its key's winner, reported against the copy that won. */
    private static List<Problem> duplicatesOf(Collection<FileRecord> records, Map<String, Claim> winners) {
        List<Problem> problems = new ArrayList<>();
        records.forEach(record -> {
            for (ArticleRef ref : record.articles()) {
                Claim winner = winners.get(ref.key());
                if (winner != null && !(winner.path().equals(record.path()) && winner.ref().equals(ref))) {
                    problems.add(duplicateProblem(record.path(), winner.path(), why(ref)));
                }
            }
        });
        return problems;
    }

    private static String why(ArticleRef ref) {
        return switch (ref.identity()) {
            case LINK -> "same link";
            case GUID -> "same guid";
            case TITLE_AND_DATE -> "same title and date";
            case TEXT -> "identical text";
        };
    }

    private static Problem duplicateProblem(String path, String original, String why) {
        String where = path.equals(original) ? "earlier in the same file" : "in '" + original + "'";
        return Problem.warning(path, "Duplicate of an article " + where + " (" + why + "); indexed once.");
    }

    /**
     * Makes the stored articles match the winners: drops articles no file claims any more, and
     * stores a winner whose copy is not the stored one (its better rival was removed), which
     * means reading that one file again.
     */
    private void reconcile(
            Path corpus,
            ArticleIndex index,
            Map<String, Claim> winners,
            Map<String, String> storedFrom,
            Map<String, FileRecord> current,
            Function<String, SearchableAnnotations> annotations,
            Set<String> written) {
        for (var stored = storedFrom.keySet().iterator(); stored.hasNext(); ) {
            String key = stored.next();
            if (!winners.containsKey(key)) {
                index.deleteArticle(key);
                stored.remove();
            }
        }
        Map<String, List<String>> rereads = new HashMap<>();
        for (Claim winner : winners.values()) {
            if (!winner.path().equals(storedFrom.get(winner.ref().key()))) {
                rereads.computeIfAbsent(winner.path(), p -> new ArrayList<>()).add(winner.ref().key());
            }
        }
        rereads.forEach((path, keys) -> {
            FileIngest again = ingester.ingest(corpus.resolve(path), path);
            // The file's record holds the key it was given, which may be one it kept across an edit.
            List<Article> articles = keepKeyOfEditedArticle(current.get(path), again.articles());
            for (int i = 0; i < articles.size(); i++) {
                Article article = articles.get(i);
                if (keys.contains(article.key())) {
                    index.putArticle(article, annotations.apply(article.key()), i);
                    storedFrom.put(article.key(), path);
                    written.add(article.key());
                }
            }
        });
    }

    /**
     * Threads that read and write files below normal priority: with as many of them as there are
     * cores, the JavaFX thread waited for a CPU for most of its stalls during indexing (measured in
     * RELIABILITY.md, Load). Below normal, the scheduler runs the window first and indexing still
     * gets every CPU the window leaves. Takes effect where the JVM maps Java priorities to the
     * operating system's (on Linux, {@code -XX:ThreadPriorityPolicy=1}, which the launchers set).
     */
    static java.util.concurrent.ThreadFactory ingestThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "quire-ingest");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        };
    }
}
