package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.model.ArticleSummary;
import quire.model.Problem;
import quire.service.AppDirs;
import quire.service.CorpusIndexer;
import quire.service.CorpusService;
import quire.service.IndexReport;
import quire.service.Progress;
import quire.service.Workspace;

/**
 * Reliability R2, files that change during a run: while {@link CorpusIndexer#update} reads a
 * folder, a second thread deletes, truncates, rewrites and creates files in part of it. The run
 * must finish; a file deleted under it is simply gone (no error); the files nobody touched are all
 * indexed; and a second, quiet run gives exactly what a fresh index of the final folder gives.
 *
 * <p>CI runs 12 rounds; {@code -Dquire.hostile.rounds=N} runs more.
 */
class ScanRaceTest {
    private static final int STABLE = 200;
    private static final int VOLATILE = 100;

    @TempDir
    Path corpus;

    @TempDir
    Path data;

    @Test
    void filesChangingDuringARunCostNothingElse() throws Exception {
        race(false);
    }

    @Test
    void theNextQuietRunConvergesToTheFolder() throws Exception {
        race(true);
    }

    private void race(boolean convergence) throws Exception {
        int rounds = Integer.getInteger("quire.hostile.rounds", 12);
        for (int i = 0; i < STABLE; i++) {
            write("stable/s" + i + ".txt", "Stable " + i, "Stable article " + i + " stays put.");
        }
        for (int i = 0; i < VOLATILE; i++) {
            write("volatile/v" + i + ".txt", "Volatile " + i + " v0", "Volatile article " + i + ", first version.");
        }
        CorpusService service = new CorpusService(new CorpusIndexer(new CorpusScanner(), new Ingester(), 2));
        Workspace workspace = workspace("ws");
        Random random = new Random(20241123L);
        int mutationsTotal = 0;
        int diverged = 0;
        for (int round = 0; round < rounds; round++) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger mutations = new AtomicInteger();
            long seed = random.nextLong();
            int version = round + 1;
            Thread mutator = new Thread(() -> mutate(new Random(seed), version, running, mutations), "mutator");
            mutator.start();
            IndexReport racy;
            try {
                racy = service.index(workspace, Progress.NONE);
            } finally {
                running.set(false);
                mutator.join();
            }
            mutationsTotal += mutations.get();
            String where = "round " + round + " (" + mutations.get() + " changes during the run)";
            for (Problem p : racy.problems()) {
                assertTrue(p.path().startsWith("volatile/"), where + ": a problem with an untouched file: " + p);
                assertTrue(!p.message().contains("disappeared") && !p.message().contains("see the log"),
                        where + ": " + p);
            }
            Set<String> titles = titles(service, workspace);
            for (int i = 0; i < STABLE; i++) {
                assertTrue(titles.contains("Stable " + i), where + ": lost Stable " + i);
            }

            service.index(workspace, Progress.NONE);
            Workspace fresh = workspace("fresh" + round);
            service.index(fresh, Progress.NONE);
            TreeSet<String> want = summaries(service, fresh);
            TreeSet<String> got = summaries(service, workspace);
            if (!want.equals(got) && !convergence) {
                diverged++;
            } else if (!want.equals(got)) {
                TreeSet<String> missing = new TreeSet<>(want);
                missing.removeAll(got);
                TreeSet<String> extra = new TreeSet<>(got);
                extra.removeAll(want);
                service.index(workspace, Progress.NONE);
                boolean third = want.equals(summaries(service, workspace));
                org.junit.jupiter.api.Assertions.fail(where + ": the second run did not converge; missing " + missing
                        + ", extra " + extra + "; a third run " + (third ? "converged" : "did not converge either"));
            }
        }
        System.out.println("ScanRaceTest: " + rounds + " rounds, " + mutationsTotal + " changes made during runs, "
                + diverged + " rounds where the next quiet run did not match a fresh index");
        assertTrue(mutationsTotal > rounds, "the mutator hardly ran: " + mutationsTotal);
    }

    /** Changes volatile files until told to stop: each change one of delete, truncate, rewrite, create. */
    private void mutate(Random random, int version, AtomicBoolean running, AtomicInteger count) {
        while (running.get()) {
            Path file = corpus.resolve("volatile/v" + random.nextInt(VOLATILE * 3 / 2) + ".txt");
            try {
                switch (random.nextInt(4)) {
                    case 0 -> Files.deleteIfExists(file);
                    case 1 -> {
                        if (Files.exists(file)) {
                            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                                // Never shorter than the file's name, its first words: two files cut to the
                                // same text would be duplicates, which a fresh index ranks differently.
                                raf.setLength(8 + random.nextInt((int) Math.max(1, raf.length() - 8)));
                            }
                        }
                    }
                    default -> {
                        String name = file.getFileName().toString();
                        write("volatile/" + name, name + " v" + version + "." + random.nextInt(1000),
                                name + " rewritten in run " + version + " with " + "more words ".repeat(random.nextInt(50)));
                    }
                }
                count.incrementAndGet();
            } catch (NoSuchFileException e) {
                // Deleted by an earlier change: nothing to do.
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Thread.onSpinWait();
        }
    }

    private Workspace workspace(String name) {
        return Workspace.resolve(corpus, Optional.of(data.resolve(name)), new AppDirs(Map.of(), "Linux", data));
    }

    private static Set<String> titles(CorpusService service, Workspace workspace) {
        return service.articles(workspace).stream().map(ArticleSummary::title).collect(Collectors.toSet());
    }

    /** What a reader sees of the index: which file holds which title. Keys may differ (an edited article keeps its key). */
    private static TreeSet<String> summaries(CorpusService service, Workspace workspace) {
        return service.articles(workspace).stream().map(a -> a.path() + " | " + a.title())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private void write(String path, String title, String body) throws IOException {
        Path file = corpus.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, title + "\n\n" + body + "\n", StandardCharsets.UTF_8);
    }
}
