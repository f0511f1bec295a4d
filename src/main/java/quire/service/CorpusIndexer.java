package quire.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * by path; the other copies are reported as duplicates. Work is committed in batches, so a crash
 * loses at most the current batch, which the next run redoes.
 *
 * <p>Not thread-safe: one indexer runs at a time per index (the index's write lock enforces it).
 */
public final class CorpusIndexer {
    private static final System.Logger LOG = System.getLogger(CorpusIndexer.class.getName());
    private static final int BATCH_FILES = 256;
    private static final int COMMIT_EVERY_FILES = 2048;

    private final CorpusScanner scanner;
    private final Ingester ingester;
    private final int threads;

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
            java.util.function.Function<String, SearchableAnnotations> annotations,
            Set<String> written) {
        long started = System.nanoTime();
        Scan scan = scanner.scan(corpus);
        Map<String, FileRecord> known = index.fileRecords();
        Map<String, String> storedFrom = new HashMap<>(index.articlePaths());

        List<CorpusFile> toRead = new ArrayList<>();
        Map<String, FileRecord> current = new HashMap<>();
        Set<String> present = new HashSet<>();
        for (CorpusFile file : scan.files()) {
            present.add(file.path());
            FileRecord record = known.get(file.path());
            if (record != null
                    && !record.contentHash().isEmpty()
                    && record.size() == file.size()
                    && record.modifiedMillis() == file.modifiedMillis()) {
                current.put(file.path(), record);
            } else {
                toRead.add(file);
            }
        }
        List<String> removed = known.keySet().stream().filter(p -> !present.contains(p)).sorted().toList();

        Map<String, Claim> best = new HashMap<>();
        current.values().forEach(r -> r.articles().forEach(ref -> offer(best, new Claim(r.path(), ref))));

        int added = 0;
        int updated = 0;
        int unchanged = current.size();
        int sinceCommit = 0;
        boolean cancelled = false;
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            List<Future<Outcome>> reading = toRead.isEmpty() ? List.of() : submitReads(pool, batchAt(toRead, 0), known);
            for (int from = 0; from < toRead.size(); from += BATCH_FILES) {
                if (progress.isCancelled()) {
                    cancelled = true;
                    break;
                }
                List<CorpusFile> batch = batchAt(toRead, from);
                List<Outcome> outcomes = awaitReads(reading, batch);
                // The next batch is read on the pool while this one is written here, in file order:
                // one writing thread keeps documents in file order, which is what breaks ties
                // between equal sort keys (two articles of the same day, sorted by date).
                reading = from + BATCH_FILES < toRead.size() ? submitReads(pool, batchAt(toRead, from + BATCH_FILES), known) : List.of();
                for (Outcome outcome : outcomes) {
                    if (outcome == null) {
                        continue;
                    }
                    FileRecord record = outcome.record();
                    boolean isNew = !known.containsKey(record.path());
                    if (isNew) {
                        added++;
                    } else if (outcome.contentChanged()) {
                        updated++;
                    } else {
                        unchanged++;
                    }
                    current.put(record.path(), record);
                    index.putFile(record);
                    if (!outcome.contentChanged()) {
                        // Touched, not changed: its stored articles stand, but they must still be claimed,
                        // or reconcile drops them as no file's (issue 8).
                        record.articles().forEach(ref -> offer(best, new Claim(record.path(), ref)));
                    }
                    for (Article article : outcome.articles()) {
                        Claim claim = new Claim(record.path(), refOf(article));
                        if (offer(best, claim)) {
                            index.putArticle(article, annotations.apply(article.key()));
                            storedFrom.put(article.key(), article.path());
                            written.add(article.key());
                        }
                    }
                }
                sinceCommit += batch.size();
                if (sinceCommit >= COMMIT_EVERY_FILES) {
                    index.commit();
                    sinceCommit = 0;
                }
                progress.update(Math.min(toRead.size(), from + BATCH_FILES), toRead.size(), batch.get(batch.size() - 1).path());
            }
        } finally {
            pool.shutdownNow();
        }

        List<Problem> duplicateProblems = new ArrayList<>();
        if (!cancelled) {
            removed.forEach(index::deleteFile);
            best.values().removeIf(claim -> !current.containsKey(claim.path()));
            Map<String, Claim> winners = dropIdenticalTexts(best, current, duplicateProblems);
            reconcile(corpus, index, winners, storedFrom, current, annotations, written);
            duplicateProblems.addAll(0, duplicatesOf(current, winners));
            best.clear();
            best.putAll(winners);
        }
        index.commit();

        List<Problem> problems = new ArrayList<>(scan.problems());
        current.values().stream()
                .sorted(Comparator.comparing(FileRecord::path))
                .forEach(r -> problems.addAll(r.problems()));
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

    private static List<CorpusFile> batchAt(List<CorpusFile> toRead, int from) {
        return toRead.subList(from, Math.min(toRead.size(), from + BATCH_FILES));
    }

    private List<Future<Outcome>> submitReads(ExecutorService pool, List<CorpusFile> batch, Map<String, FileRecord> known) {
        List<Future<Outcome>> futures = new ArrayList<>(batch.size());
        for (CorpusFile file : batch) {
            futures.add(pool.submit(() -> read(file, known.get(file.path()))));
        }
        return futures;
    }

    private static List<Outcome> awaitReads(List<Future<Outcome>> futures, List<CorpusFile> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (int i = 0; i < futures.size(); i++) {
            try {
                outcomes.add(futures.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QuireException("Indexing was interrupted.", e);
            } catch (ExecutionException e) {
                // read() reports every failure as a problem; reaching here is a bug, still one file's.
                String path = batch.get(i).path();
                LOG.log(System.Logger.Level.ERROR, "Unexpected failure reading " + path, e.getCause());
                outcomes.add(new Outcome(failedRecord(batch.get(i), "The file could not be read; see the log."), List.of(), true));
            }
        }
        return outcomes;
    }

    private Outcome read(CorpusFile file, FileRecord previous) {
        byte[] bytes;
        try {
            bytes = ingester.readBounded(file.file());
        } catch (IngestException e) {
            return new Outcome(failedRecord(file, e.getMessage()), List.of(), true);
        } catch (java.nio.file.NoSuchFileException e) {
            return null; // Deleted since the scan: simply gone, as if the scan had not seen it; the next run forgets it.
        } catch (IOException e) {
            return new Outcome(failedRecord(file, "The file cannot be read: " + e.getMessage() + "."), List.of(), true);
        }
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
        Map<String, Claim> byText = new HashMap<>();
        Map<String, Claim> winners = new HashMap<>();
        List<Claim> ordered = new ArrayList<>(best.values());
        ordered.sort(Claim.BEST_FIRST);
        for (Claim claim : ordered) {
            Claim first = byText.putIfAbsent(claim.ref().textHash(), claim);
            if (first == null) {
                winners.put(claim.ref().key(), claim);
            } else {
                duplicateProblems.add(duplicateProblem(claim.path(), first.path(), "identical text"));
            }
        }
        return winners;
    }

    /** Every copy that is not its key's winner, reported against the copy that won. */
    private static List<Problem> duplicatesOf(Map<String, FileRecord> current, Map<String, Claim> winners) {
        List<Problem> problems = new ArrayList<>();
        current.values().stream().sorted(Comparator.comparing(FileRecord::path)).forEach(record -> {
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
            java.util.function.Function<String, SearchableAnnotations> annotations,
            Set<String> written) {
        for (String key : storedFrom.keySet()) {
            if (!winners.containsKey(key)) {
                index.deleteArticle(key);
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
            for (Article article : keepKeyOfEditedArticle(current.get(path), again.articles())) {
                if (keys.contains(article.key())) {
                    index.putArticle(article, annotations.apply(article.key()));
                    written.add(article.key());
                }
            }
        });
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "quire-ingest");
            thread.setDaemon(true);
            return thread;
        };
    }
}
