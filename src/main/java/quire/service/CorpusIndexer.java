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
     * instead of one every 2,048 files. A commit runs on the pool beside the writes, which help
     * Lucene flush, rather than while the pool waits.
     */
    private static final long COMMIT_EVERY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    /**
     * How near the moment a file is read its modification time must be for the time to prove nothing
     * (racy timestamps, as git has them): a same-size rewrite within one timestamp step after the read
     * leaves size and time as they were. The step is about 4 ms on ext4, 100 ns on NTFS but 2 s on FAT
     * and exFAT drives and some network shares; 2 s covers them all. The cost is one more hash of a
     * file modified in the 2 s before it was read, at the next run (by then its time is old).
     */
    private static final long RACY_WINDOW_MILLIS = 2_000;
    /**
     * The time recorded for a file whose time proved nothing: no file has it, so the next run
     * hashes the file again, and reads it only if its bytes changed.
     */
    private static final long UNTRUSTED_TIME = Long.MIN_VALUE;

    private final CorpusScanner scanner;
    private final Ingester ingester;
    private final int threads;
    private final java.time.InstantSource clock;
    /** What the last successful update left in the index; see {@link #knownOf}. */
    private volatile Known lastKnown;

    public CorpusIndexer(CorpusScanner scanner, Ingester ingester, int threads) {
        this(scanner, ingester, threads, java.time.InstantSource.system());
    }

    /** With the clock that says when a file was read (tests set it against files' times). */
    CorpusIndexer(CorpusScanner scanner, Ingester ingester, int threads, java.time.InstantSource clock) {
        this.scanner = scanner;
        this.ingester = ingester;
        this.threads = Math.max(1, threads);
        this.clock = clock;
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
    private record Known(ArticleIndex index, Map<String, FileRecord> records, Map<String, String> storedFrom, Claims claims) {}

    private Known knownOf(ArticleIndex index) {
        Known kept = lastKnown;
        // Forgotten until this update succeeds: a failure half way leaves the index, not this, right.
        lastKnown = null;
        if (kept != null && kept.index() == index) {
            return kept;
        }
        return new Known(index, index.fileRecords(), new HashMap<>(index.articlePaths()), null);
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
        // Changed in place: kept (lastKnown) only when this update succeeds.
        Map<String, FileRecord> current = knownNow.records();
        Map<String, String> storedFrom = knownNow.storedFrom();
        Claims kept = knownNow.claims();
        // What the index knew of the files read again: their previous records.
        Map<String, FileRecord> known = new HashMap<>();

        List<CorpusFile> toRead = new ArrayList<>();
        for (String path : removed) {
            FileRecord gone = current.remove(path);
            if (gone != null && kept != null) {
                kept.forget(gone);
            }
        }
        int unchanged = current.size();
        for (CorpusFile file : listed) {
            FileRecord record = current.get(file.path());
            if (record == null
                    || record.contentHash().isEmpty()
                    || record.size() != file.size()
                    || record.modifiedMillis() != file.modifiedMillis()) {
                toRead.add(file);
                if (record != null) {
                    current.remove(file.path());
                    known.put(file.path(), record);
                    unchanged--;
                    if (kept != null) {
                        kept.forget(record);
                    }
                }
            }
        }
        // Built from every record when the index was just opened; after that, kept and changed by the files each update reads.
        boolean fresh = kept == null;
        Claims claims = fresh ? Claims.of(current.values()) : kept;

        Tally tally = new Tally(unchanged);
        long lastCommit = System.nanoTime();
        boolean cancelled = false;
        ExecutorService pool = Executors.newFixedThreadPool(threads, ingestThreads());
        List<Future<Void>> writing = List.of();
        Future<Void> committing = java.util.concurrent.CompletableFuture.completedFuture(null);
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
                Map<String, Article> winners = claim(outcomes, known, current, claims, tally);
                // A copy that wins here must not race one from the batch before: those are all written first.
                awaitAll(writing);
                writing = submitWrites(pool, index, outcomes, winners, annotations, known.keySet(), storedFrom.keySet());
                remember(winners, storedFrom, written);
                if (System.nanoTime() - lastCommit >= COMMIT_EVERY_NANOS && committing.isDone()) {
                    // On the pool, beside the writes: awaiting them and committing here left a core
                    // idle for the whole flush (other writers help Lucene flush). The writes a commit
                    // catches half done are safe, see submitWrite.
                    awaitAll(List.of(committing));
                    committing = pool.submit(() -> {
                        index.commit();
                        return null;
                    });
                    lastCommit = System.nanoTime();
                }
                progress.update(Math.min(toRead.size(), from + BATCH_FILES), toRead.size(), batch.get(batch.size() - 1).path());
            }
            awaitAll(writing);
            awaitAll(List.of(committing));
        } finally {
            // A commit is let finish: interrupting one could close the writer.
            finishQuietly(committing);
            pool.shutdownNow();
        }

        // Not sorted: the problems are, by path, at the end (stably, so a file's own order stays);
        // sorting 100,000 records by path was a good part of a watched update's bookkeeping.
        Collection<FileRecord> records = current.values();
        List<Problem> duplicateProblems = List.of();
        if (!cancelled) {
            removed.forEach(index::deleteFile);
            // Files that were not in the index when the run began: they cannot have held a key then.
            Set<String> added = new HashSet<>();
            toRead.forEach(f -> {
                if (!known.containsKey(f.path())) {
                    added.add(f.path());
                }
            });
            settleBorrowedKeys(index, claims, current, path -> known.containsKey(path) ? known.get(path)
                    : added.contains(path) ? null : current.get(path));
            Set<String> changed = claims.rank(current);
            reconcile(corpus, index, claims, fresh ? null : changed, storedFrom, current, annotations, written);
            duplicateProblems = claims.duplicateProblems();
        }
        if (durable) {
            index.commit();
        } else {
            index.refresh();
        }
        if (!cancelled) {
            lastKnown = new Known(index, current, storedFrom, claims);
        }

        List<Problem> problems = new ArrayList<>(scanProblems);
        records.forEach(r -> problems.addAll(r.problems()));
        problems.addAll(duplicateProblems);
        problems.sort(Comparator.comparing(Problem::path));
        return new IndexReport(
                corpus.toString(),
                current.size(),
                index.articleCount(),
                tally.added,
                tally.updated,
                cancelled ? 0 : removed.size(),
                tally.unchanged,
                duplicateProblems.size(),
                problems,
                (System.nanoTime() - started) / 1_000_000,
                index.rebuildReason(),
                cancelled);
    }

    /** Files a warm-up reads, in rounds of this many: about what three watched updates of 100 files read. */
    static final int WARM_UP_FILES = 300;
    private static final int WARM_UP_ROUND = 100;

    /**
     * Which files {@link #warmUp} should read: at most {@value #WARM_UP_FILES}, spread over what the
     * last update left in the index. Picked on the thread that ran the update (its records are not
     * safe to read from another thread); empty before any update.
     */
    public List<String> warmUpFiles() {
        Known known = lastKnown;
        if (known == null) {
            return List.of();
        }
        int step = Math.max(1, known.records().size() / WARM_UP_FILES);
        List<String> paths = new ArrayList<>();
        int i = 0;
        for (String path : known.records().keySet()) {
            if (i++ % step == 0 && paths.size() < WARM_UP_FILES) {
                paths.add(path);
            }
        }
        return paths;
    }

    /**
     * Reads these corpus files and indexes their articles into a throwaway index ({@link
     * ArticleIndex#rehearse}), in rounds of {@value #WARM_UP_ROUND} as a watched update would: after
     * re-checking an unchanged corpus, which reads nothing, the first update of new files otherwise
     * runs the readers and Lucene's indexing code cold, and the JIT compiling them took most of its
     * time (at 100,000 files, about five times a warm update's). The index and the indexer's
     * bookkeeping are not touched, so it may run on any thread beside updates. Stops between files
     * and rounds when {@code stop} says so. How many files it read.
     */
    public int warmUp(Path corpus, List<String> paths, java.util.function.BooleanSupplier stop) {
        List<List<Article>> rounds = new ArrayList<>();
        List<Article> round = new ArrayList<>();
        int read = 0;
        for (String path : paths) {
            if (stop.getAsBoolean()) {
                return read;
            }
            Path file = corpus.resolve(path);
            try {
                var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
                Outcome outcome = read(new CorpusFile(file, path, attributes.size(), attributes.lastModifiedTime().toMillis()), null);
                if (outcome != null) {
                    round.addAll(outcome.articles());
                }
            } catch (IOException gone) {
                continue; // changed since the update: the next one sees it
            }
            if (++read % WARM_UP_ROUND == 0) {
                rounds.add(round);
                round = new ArrayList<>();
            }
        }
        rounds.add(round);
        try {
            ArticleIndex.rehearse(rounds, stop);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "The warm-up index could not be written", e);
        }
        return read;
    }

    /** How many files an update added, changed and found unchanged, counted batch by batch. */
    private static final class Tally {
        int added;
        int updated;
        int unchanged;

        Tally(int unchanged) {
            this.unchanged = unchanged;
        }
    }

    /**
     * Counts and records one batch's files and decides, in file order, which of their articles are
     * now their key's best copy: those are written. The writes then go to the pool, several at once;
     * their order does not matter, as sorted results break ties by path and place in the file.
     *
     * <p>Per file, in methods of their own, rather than in the body of the batch loop: that loop
     * runs once per update, so its body was only ever compiled on-stack (at 100k, four times at the
     * top tier), and so was a per-batch loop over the files; a method called once per file compiles
     * normally.
     */
    private static Map<String, Article> claim(
            List<Outcome> outcomes,
            Map<String, FileRecord> known,
            Map<String, FileRecord> current,
            Claims claims,
            Tally tally) {
        Map<String, Article> winners = new HashMap<>();
        for (Outcome outcome : outcomes) {
            claimFile(outcome, known, current, claims, tally, winners);
        }
        return winners;
    }

    private static void claimFile(
            Outcome outcome,
            Map<String, FileRecord> known,
            Map<String, FileRecord> current,
            Claims claims,
            Tally tally,
            Map<String, Article> winners) {
        FileRecord record = outcome.record();
        if (!known.containsKey(record.path())) {
            tally.added++;
        } else if (outcome.contentChanged()) {
            tally.updated++;
        } else {
            tally.unchanged++;
        }
        current.put(record.path(), record);
        claims.touchPath(record.path());
        if (!outcome.contentChanged()) {
            // Touched, not changed: its stored articles stand, but they must still be claimed,
            // or reconcile drops them as no file's (issue 8).
            claims.claimAll(record);
            return;
        }
        // The record's refs are the articles', in order: made once when the file was read, as
        // each costs a hash of the whole text.
        List<Article> articles = outcome.articles();
        for (int i = 0; i < articles.size(); i++) {
            if (claims.claim(record, i)) {
                winners.put(articles.get(i).key(), articles.get(i));
            }
        }
    }

    private static void remember(Map<String, Article> winners, Map<String, String> storedFrom, Set<String> written) {
        for (Article article : winners.values()) {
            storedFrom.put(article.key(), article.path());
            written.add(article.key());
        }
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
            futures.add(submitWrite(pool, index, outcome, winners, annotations, knownPaths, storedKeys));
        }
        return futures;
    }

    private static Future<Void> submitWrite(
            ExecutorService pool,
            ArticleIndex index,
            Outcome outcome,
            Map<String, Article> winners,
            Function<String, SearchableAnnotations> annotations,
            Set<String> knownPaths,
            Set<String> storedKeys) {
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
        return pool.submit(() -> {
            // The record last: a commit holds a prefix of each thread's writes (Lucene's sequence
            // numbers), so one taken meanwhile never holds the record without the articles, which
            // the next run would then take as unchanged and never store. Articles without their
            // record are harmless: the next run reads the unknown file again and replaces them.
            puts.forEach(Runnable::run);
            index.putFile(outcome.record(), fileKnown);
            return null;
        });
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

    /** Waits for a task whose failure, if any, has been or will be reported by other means. */
    private static void finishQuietly(Future<?> task) {
        boolean interrupted = false;
        while (!task.isDone()) {
            try {
                task.get();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
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
            long readAt = clock.millis();
            byte[] bytes = ingester.readBounded(file.file());
            Outcome outcome = read(file, previous, bytes);
            return trustedTime(file, readAt) ? outcome : new Outcome(
                    outcome.record().withStat(file.size(), UNTRUSTED_TIME), outcome.articles(), outcome.contentChanged());
        } catch (IngestException e) {
            return new Outcome(failedRecord(file, e.getMessage()), List.of(), true);
        } catch (java.nio.file.NoSuchFileException e) {
            return null; // Deleted since the scan: simply gone, as if the scan had not seen it; the next run forgets it.
        } catch (IOException e) {
            return new Outcome(failedRecord(file, "The file cannot be read: " + e.getMessage() + "."), List.of(), true);
        }
    }

    /**
     * Whether the size and time the scan saw can stand for the bytes just read: the file has not
     * changed since (stat again), and its time is not so near the read that a rewrite in the same
     * timestamp step could keep it. A time far in the future is trusted: a rewrite gives the present one.
     */
    private static boolean trustedTime(CorpusFile file, long readAt) throws IOException {
        var now = Files.readAttributes(file.file(), java.nio.file.attribute.BasicFileAttributes.class);
        long modified = file.modifiedMillis();
        return now.size() == file.size()
                && now.lastModifiedTime().toMillis() == modified
                && Math.abs(modified - readAt) > RACY_WINDOW_MILLIS;
    }

    private Outcome read(CorpusFile file, FileRecord previous, byte[] bytes) {
        String hash = ArticleKeys.contentHash(bytes);
        if (previous != null && previous.contentHash().equals(hash)) {
            // Touched, not changed: keep what was read before.
            return new Outcome(previous.withStat(file.size(), file.modifiedMillis()), List.of(), false);
        }
        FileIngest ingest = ingester.ingest(bytes, file.path());
        List<Article> articles = keepKeyOfEditedArticle(previous, ingest.articles());
        List<ArticleRef> refs = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            // The key as read, before any kept one replaced it: a fresh index would file the article under it.
            refs.add(refOf(articles.get(i), ingest.articles().get(i).key()));
        }
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

    private static ArticleRef refOf(Article article, String ownKey) {
        return new ArticleRef(
                article.key(),
                ArticleKeys.textHash(article.text()),
                article.warnings().size(),
                article.text().length(),
                ArticleKeys.basisOf(article),
                ownKey);
    }

    /**
     * Whether the article holds a key other than its own (one kept across an edit, or a copy's key,
     * see {@link #settleBorrowedKeys}). Only keys known by text or by title and date are ever kept.
     */
    private static boolean borrowed(ArticleRef ref) {
        boolean weak = ref.identity() == quire.model.KeyBasis.TEXT || ref.identity() == quire.model.KeyBasis.TITLE_AND_DATE;
        return weak && !ref.key().equals(ref.ownKey());
    }

    /**
     * Gives articles that share a kept key but would have different keys in a fresh index (different
     * own keys) different keys, so that none hides the other as its duplicate (a fresh index shows
     * both). An edited article keeps the key of its old text, or of its old title and date, so another
     * file that holds (or comes to hold) that old text, or title and date, gets the same key (issue 8).
     * The file that held the key when the run began keeps it, so no highlight ever changes article
     * because another file appeared or was edited; else a file that cannot be given another key (one
     * of several articles in a file: its key is always its own), else the one whose own key it is.
     * The others take their own key if they had kept one, or, being the old article's copy, a key
     * derived from it, which they keep while their file is unchanged or
     * edited ({@link #keepKeyOfEditedArticle}). {@link #reconcile} then stores each from its file.
     */
    private static void settleBorrowedKeys(
            ArticleIndex index, Claims all, Map<String, FileRecord> current, Function<String, FileRecord> atStart) {
        // Rarely more than one round: a key given back may itself be one another file kept.
        for (int round = 0; round < 8; round++) {
            Set<String> keys = new HashSet<>();
            for (FileRecord record : current.values()) {
                for (ArticleRef ref : record.articles()) {
                    if (borrowed(ref)) {
                        keys.add(ref.key());
                    }
                }
            }
            if (keys.isEmpty()) {
                return;
            }
            Map<String, List<Claims.Claim>> sharing = new HashMap<>();
            for (FileRecord record : current.values()) {
                for (ArticleRef ref : record.articles()) {
                    if (keys.contains(ref.key())) {
                        sharing.computeIfAbsent(ref.key(), k -> new ArrayList<>()).add(new Claims.Claim(record.path(), ref));
                    }
                }
            }
            Map<String, Map<ArticleRef, ArticleRef>> rekeyed = new HashMap<>();
            sharing.forEach((key, claims) -> {
                if (claims.stream().map(c -> c.ref().ownKey()).distinct().count() < 2) {
                    return; // copies of one article: duplicates, as they should be
                }
                Comparator<Claims.Claim> keeperFirst = Comparator.<Claims.Claim, Boolean>comparing(c -> current.get(c.path()).articles().size() == 1)
                        .thenComparing(c -> !heldAtStart(atStart.apply(c.path()), key))
                        .thenComparing(c -> borrowed(c.ref()))
                        .thenComparing(Claims.Claim.BEST_FIRST);
                Claims.Claim keeper = claims.stream().min(keeperFirst).orElseThrow();
                for (Claims.Claim claim : claims) {
                    if (!claim.ref().ownKey().equals(keeper.ref().ownKey())) {
                        String own = borrowed(claim.ref()) ? claim.ref().ownKey() : ArticleKeys.keyOfCopy(key);
                        ArticleRef ref = claim.ref();
                        rekeyed.computeIfAbsent(claim.path(), p -> new HashMap<>()).put(ref, ref.withKey(own));
                    }
                }
            });
            if (rekeyed.isEmpty()) {
                return;
            }
            rekeyed.forEach((path, refs) -> {
                FileRecord record = current.get(path);
                List<ArticleRef> articles = record.articles().stream().map(ref -> refs.getOrDefault(ref, ref)).toList();
                FileRecord now = new FileRecord(path, record.size(), record.modifiedMillis(), record.contentHash(), articles, record.problems());
                // Forgotten and claimed again: the key's copies and the new key's are ranked afresh.
                all.forget(record);
                current.put(path, now);
                all.claimAll(now);
                index.putFile(now, true);
            });
        }
    }

    private static boolean heldAtStart(FileRecord atStart, String key) {
        return atStart != null && atStart.articles().stream().anyMatch(ref -> ref.key().equals(key));
    }

    /**
     * Makes the stored articles match the winners: drops articles no file claims any more, and
     * stores a winner whose copy is not the stored one (its better rival was removed), which
     * means reading that one file again. Only {@code keys} are looked at, or every key when null
     * (an index just opened may hold articles no file claims); elsewhere they matched already.
     */
    private void reconcile(
            Path corpus,
            ArticleIndex index,
            Claims claims,
            Set<String> keys,
            Map<String, String> storedFrom,
            Map<String, FileRecord> current,
            Function<String, SearchableAnnotations> annotations,
            Set<String> written) {
        Map<String, Claims.Claim> winners = claims.winners();
        Collection<String> stale = keys == null ? storedFrom.keySet() : keys;
        for (var stored = stale.iterator(); stored.hasNext(); ) {
            String key = stored.next();
            if (!winners.containsKey(key) && (keys == null || storedFrom.remove(key) != null)) {
                index.deleteArticle(key);
                if (keys == null) {
                    stored.remove();
                }
            }
        }
        Map<String, List<String>> rereads = new HashMap<>();
        Collection<Claims.Claim> candidates = keys == null ? winners.values() : keys.stream().map(winners::get).filter(java.util.Objects::nonNull).toList();
        for (Claims.Claim winner : candidates) {
            if (!winner.path().equals(storedFrom.get(winner.ref().key()))) {
                rereads.computeIfAbsent(winner.path(), p -> new ArrayList<>()).add(winner.ref().key());
            }
        }
        rereads.forEach((path, wanted) -> {
            FileIngest again = ingester.ingest(corpus.resolve(path), path);
            // The file's record holds the key it was given, which may be one it kept across an edit.
            List<Article> articles = keepKeyOfEditedArticle(current.get(path), again.articles());
            for (int i = 0; i < articles.size(); i++) {
                Article article = articles.get(i);
                if (wanted.contains(article.key())) {
                    index.putArticle(article, annotations.apply(article.key()), i);
                    storedFrom.put(article.key(), path);
                    written.add(article.key());
                }
            }
            // Not in the file any more (changed since it was read): looked at again next update.
            wanted.stream().filter(key -> !path.equals(storedFrom.get(key))).forEach(claims::retry);
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
