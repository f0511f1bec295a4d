package quire.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.ingest.CorpusScanner;
import quire.ingest.Ingester;
import quire.model.Article;
import quire.model.ArticleSummary;
import quire.model.Problem;
import quire.model.Severity;

class CorpusIndexerTest {
    @TempDir
    Path corpus;

    @TempDir
    Path data;

    private CorpusService service;
    private Workspace workspace;

    @BeforeEach
    void setUp() {
        service = new CorpusService(new CorpusIndexer(new CorpusScanner(), new Ingester(), 2, () -> now));
        workspace = Workspace.resolve(corpus, Optional.of(data.resolve("ws")), new AppDirs(java.util.Map.of(), "Linux", data));
    }

    private static String post(String link, String title, String content) {
        return "{\"id\":1,\"date\":\"2024-06-20T18:05:15\",\"link\":\"" + link + "\",\"title\":{\"rendered\":\""
                + title + "\"},\"content\":{\"rendered\":\"" + content + "\"}}";
    }

    private static String truncatedPost(String link, String title, String content) {
        return "{\"id\":1,\"date\":\"2024-06-20T18:05:15\",\"link\":\"" + link + "\",\"title\":{\"rendered\":\""
                + title + "\"},\"content\":{\"rendered\":\"" + content;
    }

    private Path write(String name, String content) throws IOException {
        Path file = corpus.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private IndexReport index() {
        return service.index(workspace, Progress.NONE);
    }

    private List<String> titles() {
        return service.articles(workspace).stream().map(ArticleSummary::title).toList();
    }

    @Test
    void filesAreReadOnThreadsBelowNormalPrioritySoTheWindowGetsTheCpuFirst() {
        Thread ingest = CorpusIndexer.ingestThreads().newThread(() -> { });
        assertEquals(Thread.MIN_PRIORITY, ingest.getPriority());
        assertTrue(ingest.isDaemon());
    }

    @Test
    void aWarmUpReadsTheFilesTheLastUpdateKnewIntoAThrowawayIndexAndLeavesTheRealOneAsItWas() throws IOException {
        write("a.txt", "First title\n\nThe first article's only paragraph.\n");
        write("sub/b.json", post("https://example.org/b", "Second title", "<p>Body of b.</p>"));
        CorpusIndexer indexer = new CorpusIndexer(new CorpusScanner(), new Ingester(), 2);
        try (quire.index.ArticleIndex index = quire.index.ArticleIndex.open(data.resolve("index"))) {
            assertEquals(List.of(), indexer.warmUpFiles());
            indexer.update(corpus, index, Progress.NONE);
            List<String> files = indexer.warmUpFiles();

            assertEquals(java.util.Set.of("a.txt", "sub/b.json"), java.util.Set.copyOf(files));
            assertEquals(2, indexer.warmUp(corpus, files, () -> false));
            assertEquals(0, indexer.warmUp(corpus, files, () -> true));
            assertEquals(2, index.articleCount());
            assertEquals(java.util.Set.of("a.txt", "sub/b.json"), index.fileRecords().keySet());
            IndexReport again = indexer.update(corpus, index, Progress.NONE);
            assertEquals(2, again.unchanged());
            assertEquals(0, again.added() + again.updated() + again.removed());
        }
    }

    /**
     * A long update commits while the pool writes (the progress callback stands in for the timed
     * commit here, at the same point of the loop): whatever a commit holds, a file's record never
     * comes without its articles, or a crash would leave a file the next run takes as unchanged
     * and never reads again while its articles are missing.
     */
    @Test
    void aCommitTakenWhileFilesAreWrittenNeverHoldsAFilesRecordWithoutItsArticles() throws IOException {
        StringBuilder paragraphs = new StringBuilder();
        for (int p = 0; p < 20; p++) {
            paragraphs.append("<p>Paragraph ").append(p).append(" of a post long enough to take a while to analyse.</p>");
        }
        for (int f = 0; f < 700; f++) {
            StringBuilder json = new StringBuilder("[");
            for (int a = 0; a < 12; a++) {
                json.append(a == 0 ? "" : ",").append(post("https://example.org/" + f + "/" + a, "Post " + f + " " + a, paragraphs.toString()));
            }
            write("d" + (f / 100) + "/f" + f + ".json", json.append("]").toString());
        }
        CorpusIndexer indexer = new CorpusIndexer(new CorpusScanner(), new Ingester(), 2);
        Path dir = data.resolve("index");
        List<String> missing = new java.util.ArrayList<>();
        int[] commits = {0};
        try (quire.index.ArticleIndex index = quire.index.ArticleIndex.open(dir)) {
            Progress committing = new Progress() {
                @Override
                public void update(long done, long total, String message) {
                    index.commit();
                    commits[0]++;
                    try (quire.index.ArticleIndex committed = quire.index.ArticleIndex.openReadOnly(dir).orElseThrow()) {
                        java.util.Set<String> stored = committed.articlePaths().keySet();
                        committed.fileRecords().values().forEach(r -> r.articles().stream()
                                .filter(ref -> !stored.contains(ref.key()))
                                .forEach(ref -> missing.add(r.path() + " " + ref.key())));
                    }
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
            indexer.update(corpus, index, committing);
        }

        assertEquals(3, commits[0]);
        assertEquals(List.of(), missing);
    }

    @Test
    void firstRunReadsEveryFileAndIndexesItsArticles() throws IOException {
        write("a.txt", "First title\n\nThe first article's only paragraph.\n");
        write("sub/b.json", post("https://example.org/b", "Second title", "<p>Body of b.</p>"));

        IndexReport report = index();

        assertEquals(2, report.files());
        assertEquals(2, report.added());
        assertEquals(2, report.articles());
        assertEquals(List.of("First title", "Second title"), titles());
    }

    /** When this test's indexer reads files: the racy-time rule compares a file's time with it. */
    private Instant now = Instant.parse("2026-01-01T12:00:00Z");

    private static final FileTime MODIFIED = FileTime.from(Instant.parse("2026-01-01T11:00:00Z"));

    private Path writeAt(String name, String content, FileTime time) throws IOException {
        Path file = write(name, content);
        Files.setLastModifiedTime(file, time);
        return file;
    }

    @Test
    void unchangedFilesAreNotReadAgain() throws IOException {
        Path a = writeAt("a.txt", "Title A\n\nOriginal text here.\n", MODIFIED);
        index();
        // Same size and time, different bytes: only a re-read could notice.
        Files.writeString(a, "Title A\n\nOriginal text HERE.\n");
        Files.setLastModifiedTime(a, MODIFIED);

        IndexReport report = index();

        assertEquals(1, report.unchanged());
        assertEquals(0, report.added() + report.updated());
        assertTrue(onlyArticle().text().contains("Original text here."));
    }

    @Test
    void aFileRewrittenWithTheSameSizeAndTimeRightAfterItsReadIsReadAgain() throws IOException {
        // Racy timestamps: a file modified a second before it was read may be rewritten in the same
        // timestamp step (about 4 ms on ext4, 2 s on FAT) with the same size; its time then proves nothing.
        now = MODIFIED.toInstant().plusSeconds(1);
        Path a = writeAt("a.txt", "Title A\n\nOriginal text here.\n", MODIFIED);
        index();
        Files.writeString(a, "Title A\n\nOriginal text HERE.\n");
        Files.setLastModifiedTime(a, MODIFIED);

        IndexReport report = index();

        assertEquals(1, report.updated());
        assertTrue(onlyArticle().text().contains("Original text HERE."));
    }

    @Test
    void aFileReadRightAfterItsChangeIsTrustedOnceItsTimeIsOld() throws IOException {
        now = MODIFIED.toInstant().plusSeconds(1);
        Path a = writeAt("a.txt", "Title A\n\nOriginal text here.\n", MODIFIED);
        index();
        now = MODIFIED.toInstant().plusSeconds(60);
        index(); // hashes the file again, finds it unchanged, and now trusts its time
        Files.writeString(a, "Title A\n\nOriginal text HERE.\n");
        Files.setLastModifiedTime(a, MODIFIED);

        IndexReport report = index();

        assertEquals(1, report.unchanged());
        assertTrue(onlyArticle().text().contains("Original text here."));
    }

    @Test
    void aFileWithATimeFarInTheFutureIsTrusted() throws IOException {
        // A rewrite gives it the present time, which differs: only a time near the read is suspect.
        Path a = writeAt("a.txt", "Title A\n\nOriginal text here.\n", FileTime.from(now.plusSeconds(3600)));
        index();
        Files.writeString(a, "Title A\n\nOriginal text HERE.\n");
        Files.setLastModifiedTime(a, FileTime.from(now.plusSeconds(3600)));

        IndexReport report = index();

        assertEquals(1, report.unchanged());
        assertTrue(onlyArticle().text().contains("Original text here."));
    }

    @Test
    void aTouchedFileWithTheSameContentIsNotCountedAsUpdated() throws IOException {
        Path a = write("a.txt", "Title A\n\nSome text.\n");
        index();
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 60_000));

        IndexReport report = index();

        assertEquals(1, report.unchanged());
        assertEquals(0, report.updated());
    }

    @Test
    void aTouchedFileKeepsItsArticle() throws IOException {
        // Issue 8: a file whose time changed but whose bytes did not was hashed, found unchanged, and
        // its article then dropped as claimed by no file; the run after restored it.
        Path a = write("a.txt", "Title A\n\nSome text.\n");
        write("b.txt", "Title B\n\nOther text.\n");
        index();
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 60_000));

        IndexReport report = index();

        assertEquals(2, report.articles());
        assertEquals(List.of("Title A", "Title B"), titles());
    }

    @Test
    void aFileHoldingTheOldTextOfAnEditedArticleIsNotItsDuplicate() throws IOException {
        // Issue 8: a.txt's edited article keeps the key of its old text (so its highlights stay);
        // b.txt then holds that old text, whose own key is the same: b was hidden as a's duplicate
        // in every later run, where a fresh index shows both.
        Path a = write("a.txt", "Title A\n\nOld text.\n");
        index();
        Files.writeString(a, "Title A\n\nNew and longer text.\n");
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 60_000));
        index();
        write("b.txt", "Title B\n\nOld text.\n");

        IndexReport report = index();

        assertEquals(List.of("Title A", "Title B"), titles());
        assertEquals(2, report.articles());
    }

    @Test
    void aFileHoldingTheOldTitleAndDateOfAnEditedArticleIsNotItsDuplicate() throws IOException {
        // Issue 8, title edit: a.md's article is keyed by title and date and keeps that key when its
        // title is edited; b.md then holds another text under the old title and date, whose own key is
        // the same: b was hidden as a's duplicate, where a fresh index shows both.
        Path a = write("a.md", "---\ntitle: Old title\ndate: 2024-03-01\n---\n\nThe text of a.\n");
        index();
        Files.writeString(a, "---\ntitle: New title\ndate: 2024-03-01\n---\n\nThe text of a.\n");
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 60_000));
        index();
        write("b.md", "---\ntitle: Old title\ndate: 2024-03-01\n---\n\nAnother text, in b.\n");

        IndexReport report = index();

        assertEquals(List.of("New title", "Old title"), titles().stream().sorted().toList());
        assertEquals(2, report.articles());
        assertEquals(0, report.duplicates());
    }

    @Test
    void aChangedFileIsReadAgain() throws IOException {
        Path a = write("a.txt", "Title A\n\nOld text.\n");
        index();
        Files.writeString(a, "Title A\n\nNew and longer text.\n");
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 60_000));

        IndexReport report = index();

        assertEquals(1, report.updated());
        assertEquals("New and longer text.", onlyArticle().text());
    }

    @Test
    void aRemovedFileLeavesTheIndex() throws IOException {
        write("a.txt", "Title A\n\nText A.\n");
        Path b = write("b.txt", "Title B\n\nText B.\n");
        index();
        Files.delete(b);

        IndexReport report = index();

        assertEquals(1, report.removed());
        assertEquals(1, report.articles());
        assertEquals(List.of("Title A"), titles());
    }

    @Test
    void aRenamedFileKeepsItsArticleKey() throws IOException {
        Path a = write("a.json", post("https://example.org/a", "Title A", "<p>Text.</p>"));
        index();
        String key = onlyArticle().key();
        Files.move(a, corpus.resolve("renamed.json"));

        index();

        Article article = onlyArticle();
        assertEquals(key, article.key());
        assertEquals("renamed.json", article.path());
    }

    @Test
    void anEditedArticleKnownOnlyByItsTextKeepsItsKey() throws IOException {
        Path a = write("a.txt", "Title A\n\nFirst version of the text.\n");
        index();
        String key = onlyArticle().key();
        Files.writeString(a, "Title A\n\nSecond, edited version of the text.\n");
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 60_000));

        index();

        Article article = onlyArticle();
        assertEquals(key, article.key());
        assertEquals("Second, edited version of the text.", article.text());
    }

    @Test
    void anEditedCopyOfAnArticleStillInAnotherFileIsShownBesideItAndOutlivesIt() throws IOException {
        // Two identical copies; the second is edited, then the first one goes. The unedited copy keeps
        // the key (and the highlights made on its text); the edited one gets the key its text gives,
        // where it once kept the old key and hid the unedited copy as its duplicate (issue 8).
        write("a.txt", "Title A\n\nThe same text.\n");
        Path b = write("b.txt", "Title A\n\nThe same text.\n");
        index();
        String key = onlyArticle().key();
        Files.writeString(b, "Title A\n\nThe same text, edited.\n");
        Files.setLastModifiedTime(b, FileTime.fromMillis(Files.getLastModifiedTime(b).toMillis() + 60_000));
        IndexReport edited = index();
        assertEquals(2, edited.articles());
        assertEquals(key, articleIn("a.txt").key());
        Files.delete(corpus.resolve("a.txt"));

        index();

        Article article = onlyArticle();
        assertEquals("b.txt", article.path());
        assertEquals("The same text, edited.", article.text());
    }

    @Test
    void aCopyOfTheOldTextKeepsItsOwnKeyWhenEditedAndAfterTheEditedArticleGoes() throws IOException {
        Path a = write("a.txt", "Title A\n\nOld text.\n");
        index();
        Files.writeString(a, "Title A\n\nNew and longer text.\n");
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 60_000));
        index();
        Path b = write("b.txt", "Title B\n\nOld text.\n");
        index();
        String copyKey = articleIn("b.txt").key();
        Files.writeString(b, "Title B\n\nOld text, edited.\n");
        Files.setLastModifiedTime(b, FileTime.fromMillis(Files.getLastModifiedTime(b).toMillis() + 60_000));
        index();
        Files.delete(a);

        IndexReport report = index();

        assertEquals(1, report.articles());
        assertEquals(copyKey, onlyArticle().key());
        assertEquals("Old text, edited.", onlyArticle().text());
    }

    private Article articleIn(String path) {
        return service.articles(workspace).stream().filter(s -> s.path().equals(path))
                .map(s -> service.article(workspace, s.key()).orElseThrow()).findFirst().orElseThrow();
    }

    @Test
    void theSameLinkTwiceIsOneArticleFromTheCompleteCopy() throws IOException {
        write("a-truncated.json", truncatedPost("https://example.org/p", "Title", "<p>Complete first paragraph.</p><p>Sec"));
        write("b-complete.json", post("https://example.org/p/", "Title", "<p>Complete first paragraph.</p><p>Second.</p>"));

        IndexReport report = index();

        assertEquals(1, report.articles());
        assertEquals(1, report.duplicates());
        Article article = onlyArticle();
        assertEquals("b-complete.json", article.path());
        assertTrue(article.warnings().isEmpty(), article.warnings().toString());
        assertTrue(report.problems().stream().anyMatch(p ->
                p.path().equals("a-truncated.json") && p.message().contains("Duplicate") && p.message().contains("b-complete.json")));
    }

    @Test
    void whenTheChosenCopyIsRemovedTheOtherCopyTakesOver() throws IOException {
        write("a-truncated.json", truncatedPost("https://example.org/p", "Title", "<p>Complete first paragraph.</p><p>Sec"));
        Path complete = write("b-complete.json", post("https://example.org/p", "Title", "<p>Complete first paragraph.</p><p>Second.</p>"));
        index();
        Files.delete(complete);

        IndexReport report = index();

        assertEquals(0, report.duplicates());
        Article article = onlyArticle();
        assertEquals("a-truncated.json", article.path());
        assertFalse(article.warnings().isEmpty());
    }

    @Test
    void identicalTextInTwoFilesIsOneArticle() throws IOException {
        write("a.txt", "Same title\n\nSame text in both files.\n");
        write("copy/a.txt", "Same title\n\nSame text in both files.\n");

        IndexReport report = index();

        assertEquals(1, report.articles());
        assertEquals(1, report.duplicates());
        assertEquals("a.txt", onlyArticle().path());
    }

    @Test
    void aBadFileIsReportedAndTheRestIsIndexed() throws IOException {
        write("empty.txt", "");
        write("good.txt", "Good title\n\nGood text.\n");
        Files.write(corpus.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});

        IndexReport report = index();

        assertEquals(1, report.articles());
        List<String> errorPaths = report.problems().stream()
                .filter(p -> p.severity() == Severity.ERROR)
                .map(Problem::path)
                .toList();
        assertEquals(List.of("empty.txt", "image.png"), errorPaths);
    }

    @Test
    void problemsOfUnchangedFilesAreStillReported() throws IOException {
        write("empty.txt", "");
        write("good.txt", "Good title\n\nGood text.\n");
        IndexReport first = index();

        IndexReport second = index();

        assertEquals(first.problems(), second.problems());
        assertEquals(2, second.unchanged() + second.updated());
    }

    @Test
    void aDeletedIndexIsRebuiltFromTheFiles() throws IOException {
        write("a.txt", "Title A\n\nText A.\n");
        index();
        deleteRecursively(workspace.indexDir());

        IndexReport report = index();

        assertEquals(1, report.added());
        assertEquals(List.of("Title A"), titles());
    }

    @Test
    void aDamagedIndexIsRebuiltWithAMessage() throws IOException {
        write("a.txt", "Title A\n\nText A.\n");
        index();
        try (Stream<Path> files = Files.list(workspace.indexDir())) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(f, new byte[] {1, 2, 3, 4});
            }
        }

        IndexReport report = index();

        assertTrue(report.rebuilt().isPresent());
        assertEquals(List.of("Title A"), titles());
    }

    @Test
    void listingArticlesOfANeverIndexedCorpusIndexesItFirst() throws IOException {
        write("a.txt", "Title A\n\nText A.\n");

        assertEquals(List.of("Title A"), titles());
    }

    @Test
    void anArticleCanBeFoundByAUniquePrefixOfItsKey() throws IOException {
        write("a.txt", "Title A\n\nText A.\n");
        index();
        String key = onlyArticle().key();

        assertEquals(Optional.of(key), service.article(workspace, key.substring(0, 6)).map(Article::key));
        assertEquals(Optional.empty(), service.article(workspace, "zzzzzz"));
    }

    @Test
    void watchedUpdatesRankDuplicatesAsAFullIndexOfTheSameFilesDoes() throws IOException {
        String body = "<p>The same body, posted under two links.</p>";
        write("a.json", post("https://example.org/a", "Same", body));
        write("b.json", post("https://example.org/b", "Same", body));
        write("c-truncated.json", truncatedPost("https://example.org/c", "Cut", "<p>Complete first paragraph.</p><p>Sec"));
        write("d-complete.json", post("https://example.org/c", "Cut", "<p>Complete first paragraph.</p><p>Second.</p>"));
        write("e.txt", "Plain title\n\nPlain text kept twice.\n");
        write("f.txt", "Plain title\n\nPlain text kept twice.\n");
        write("bad.txt", "");
        CorpusIndexer watching = new CorpusIndexer(new CorpusScanner(), new Ingester(), 2);
        try (quire.index.ArticleIndex index = quire.index.ArticleIndex.open(data.resolve("watched"))) {
            watching.update(corpus, index, Progress.NONE);
            List<Runnable> changes = List.of(
                    () -> writeQuietly("g.json", post("https://example.org/g", "Same", body)),
                    () -> deleteQuietly("a.json"),
                    () -> deleteQuietly("d-complete.json"),
                    () -> deleteQuietly("e.txt"),
                    () -> writeQuietly("b.json", post("https://example.org/b", "Same", "<p>The body of b, edited.</p>")),
                    () -> writeQuietly("sub/a.json", post("https://example.org/a", "Same", body)),
                    () -> writeQuietly("sub/c.json", post("https://example.org/c", "Cut", "<p>Complete first paragraph.</p><p>Second.</p>")),
                    () -> deleteQuietly("b.json"),
                    () -> writeQuietly("bad.txt", "Mended\n\nNow an article with the plain text kept twice.\n"),
                    () -> deleteQuietly("sub"));
            List<String> paths = List.of("g.json", "a.json", "d-complete.json", "e.txt", "b.json", "sub/a.json", "sub/c.json", "b.json", "bad.txt", "sub");
            for (int i = 0; i < changes.size(); i++) {
                changes.get(i).run();
                IndexReport watched = watching.updatePaths(corpus, index, List.of(paths.get(i)), Progress.NONE, key -> quire.model.SearchableAnnotations.NONE, new java.util.HashSet<>());
                try (quire.index.ArticleIndex fresh = quire.index.ArticleIndex.open(data.resolve("fresh-" + i))) {
                    IndexReport full = new CorpusIndexer(new CorpusScanner(), new Ingester(), 2).update(corpus, fresh, Progress.NONE);
                    String step = "after changing " + paths.get(i);
                    assertEquals(full.problems(), watched.problems(), step);
                    assertEquals(full.duplicates(), watched.duplicates(), step);
                    assertEquals(full.articles(), watched.articles(), step);
                    assertEquals(fresh.articlePaths(), index.articlePaths(), step);
                }
            }
        }
    }

    private void writeQuietly(String name, String content) {
        try {
            Path file = write(name, content);
            // A new size or time is what tells an update the file changed.
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void deleteQuietly(String name) {
        try {
            Path file = corpus.resolve(name);
            if (Files.isDirectory(file)) {
                deleteRecursively(file);
            } else {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Article onlyArticle() {
        List<ArticleSummary> all = service.articles(workspace);
        assertEquals(1, all.size(), all.toString());
        return service.article(workspace, all.get(0).key()).orElseThrow();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
