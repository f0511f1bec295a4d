package quire.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.ingest.CorpusScanner;
import quire.ingest.Ingester;
import quire.model.AnnotatedArticle;
import quire.model.Article;
import quire.model.Highlight;
import quire.model.HighlightState;
import quire.model.QuireException;
import quire.model.SearchHit;
import quire.model.SearchRequest;

/** Annotating through a session: the store, search and re-anchoring working together. */
class SessionTest {
    private static final String TEXT = "Treaty signed\n\n"
            + "Russia and North Korea signed a \u201cmutual assistance\u201d treaty in Pyongyang on Wednesday.\n\n"
            + "Seoul said it would reconsider its policy on weapons for Ukraine.\n";

    @TempDir
    Path corpus;

    @TempDir
    Path data;

    private CorpusService service;
    private Workspace workspace;
    private Session session;
    private String key;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(corpus.resolve("treaty.txt"), TEXT);
        service = new CorpusService(new CorpusIndexer(new CorpusScanner(), new Ingester(), 2));
        workspace = Workspace.resolve(corpus, Optional.of(data.resolve("ws")), new AppDirs(Map.of(), "Linux", data));
        session = service.session(workspace);
        session.index(Progress.NONE);
        key = session.search(SearchRequest.of("")).hits().get(0).key();
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    /** Changes are re-indexed in the background: wait for them, then search. */
    private List<String> found(String query) {
        session.awaitSearchable();
        return session.search(SearchRequest.of(query)).hits().stream().map(SearchHit::key).toList();
    }

    @Test
    void aWatchedUpdateRightAfterTheOpeningCheckIndexesTheNewFileAndStopsTheWarmUp() throws IOException {
        session.warmUpAfter(session.index(Progress.NONE)); // as the window's opening check does
        Files.writeString(corpus.resolve("second.txt"), "Second title\n\nAnother article about the treaty.\n");

        session.indexChanged(List.of("second.txt"));
        session.awaitWarmUp();

        assertEquals(2, session.search(SearchRequest.of("")).total());
        assertEquals(2, session.search(SearchRequest.of("treaty")).total());
    }

    @Test
    void aNewHighlightsTagsAndNoteBecomeSearchable() {
        session.annotate(key, "mutual assistance", 1, "green", "verify the wording", List.of("treaty/article-4"));

        assertEquals(List.of(key), found("tag:treaty AND note:verify"));
        assertEquals(List.of(key), found("tag:treaty/article-4"));
        assertEquals(List.of(key), found("tag:\"Treaty/Article-4\""));
        assertEquals(List.of(), found("tag:article-4"));
        session.awaitSearchable();
        assertEquals(Map.of("treaty/article-4", 1L), session.search(SearchRequest.of("")).facets().get("tag"));
    }

    @Test
    void aTypedQuoteWithStraightQuotesFindsTheCurlyText() {
        Highlight h = session.annotate(key, "a \"mutual assistance\" treaty", 1, null, "", List.of());

        assertEquals("a \u201cmutual assistance\u201d treaty", h.quote());
    }

    @Test
    void aQuoteThatIsNotThereIsAPlainError() {
        QuireException e = assertThrows(QuireException.class,
                () -> session.annotate(key, "military alliance", 1, null, "", List.of()));

        assertTrue(e.getMessage().contains("does not contain \"military alliance\""), e.getMessage());
    }

    @Test
    void undoRemovesTheHighlightAndSearchForgetsItsTag() {
        session.annotate(key, "Pyongyang", 1, null, "", List.of("places"));

        assertTrue(session.undo().isPresent());

        assertEquals(List.of(), session.highlights(Optional.of(key), Optional.empty(), Optional.empty(), Optional.empty()));
        assertEquals(List.of(), found("tag:places"));
        assertTrue(session.redo().isPresent());
        assertEquals(List.of(key), found("tag:places"));
    }

    @Test
    void aRenamedTagIsSearchableUnderItsNewName() {
        session.annotate(key, "Pyongyang", 1, null, "", List.of("places/dprk"));

        session.renameTag("places", "geography");

        assertEquals(List.of(key), found("tag:geography/dprk"));
        assertEquals(List.of(), found("tag:places"));
    }

    @Test
    void aTagSavedWhileTheCorpusIsIndexedIsSearchableWhenIndexingEnds() throws IOException {
        rewrite(TEXT.replace("Treaty signed\n\n", "Treaty signed\n\nA new first paragraph was added by the editors.\n\n"));
        List<Highlight> saved = new ArrayList<>();
        Progress tagging = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                if (saved.isEmpty()) {
                    saved.add(session.annotate(key, "reconsider its policy", 1, null, "", List.of("places")));
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };

        session.index(tagging);

        assertEquals(1, saved.size());
        assertEquals(List.of(key), session.search(SearchRequest.of("tag:places")).hits().stream().map(SearchHit::key).toList());
        Article article = session.article(key).orElseThrow();
        assertTrue(article.text().contains("A new first paragraph"), "the index kept the old text");
    }

    @Test
    void aTagRenamedWhileNewFilesAreIndexedIsSearchableWhenTheyAre() throws IOException {
        session.annotate(key, "reconsider its policy", 1, null, "", List.of("places"));
        Files.writeString(corpus.resolve("second.txt"), "Second article\n\nSeoul answered the treaty on Friday.\n");
        List<String> renamed = new ArrayList<>();
        Progress renaming = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                if (renamed.isEmpty()) {
                    // While a watched update runs, the re-sync a rename asks for must wait, not be lost.
                    session.renameTag("places", "geography");
                    renamed.add("places");
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };

        session.indexChanged(List.of("second.txt"), renaming);

        assertEquals(List.of("places"), renamed);
        assertEquals(List.of(key), found("tag:geography"));
        assertEquals(List.of(), found("tag:places"));
        assertEquals(2, session.search(SearchRequest.of("")).total());
    }

    @Test
    void anEditBeforeAHighlightMovesItWithItsPassage() throws IOException {
        Highlight h = session.annotate(key, "reconsider its policy", 1, null, "", List.of());

        rewrite(TEXT.replace("Treaty signed\n\n", "Treaty signed\n\nA new first paragraph was added by the editors.\n\n"));
        session.index(Progress.NONE);

        Highlight moved = session.highlight(h.id()).orElseThrow();
        Article article = session.article(key).orElseThrow();
        assertEquals(HighlightState.ANCHORED, moved.state());
        assertEquals("reconsider its policy", article.text().substring(moved.start(), moved.end()));
        assertTrue(moved.start() > h.start());
    }

    @Test
    void aHighlightWhosePassageWasRemovedIsOrphanedNotMoved() throws IOException {
        Highlight h = session.annotate(key, "reconsider its policy", 1, null, "keep me", List.of("seoul"));

        rewrite(TEXT.replace("Seoul said it would reconsider its policy on weapons for Ukraine.\n", "Nothing else was said.\n"));
        session.index(Progress.NONE);

        Highlight orphan = session.highlight(h.id()).orElseThrow();
        assertEquals(HighlightState.ORPHANED, orphan.state());
        assertEquals("reconsider its policy", orphan.quote());
        assertEquals("keep me", orphan.note());
        assertEquals(List.of(orphan.id()), session.check().orphans().stream().map(Highlight::id).toList());
    }

    @Test
    void aHighlightStaysOnItsEditedArticleWhenACopyOfTheOldTextAppears() throws IOException {
        // Issue 8: the edited article keeps its key; the copy of its old text must neither hide behind
        // it as a duplicate nor take its highlights.
        Highlight h = session.annotate(key, "reconsider its policy", 1, null, "", List.of());
        rewrite(EDITED);
        session.index(Progress.NONE);
        Files.writeString(corpus.resolve("copy.txt"), TEXT);

        session.index(Progress.NONE);

        assertHighlightOnTheEditedArticleBesideTheCopy(h);
    }

    @Test
    void aWatchedCopyOfTheOldTextLeavesTheHighlightAndMatchesAFullCheck() throws IOException {
        Highlight h = session.annotate(key, "reconsider its policy", 1, null, "", List.of());
        rewrite(EDITED);
        session.indexChanged(List.of("treaty.txt"));
        Files.writeString(corpus.resolve("copy.txt"), TEXT);

        session.indexChanged(List.of("copy.txt"));
        List<String> watched = pathsAndKeys();
        IndexReport check = session.index(Progress.NONE);

        assertHighlightOnTheEditedArticleBesideTheCopy(h);
        assertEquals(watched, pathsAndKeys());
        assertEquals(0, check.added() + check.updated() + check.removed() + check.duplicates());
    }

    @Test
    void aCopyMadeJustBeforeTheEditLeavesTheHighlightOnTheEditedArticle() throws IOException {
        Highlight h = session.annotate(key, "reconsider its policy", 1, null, "", List.of());
        Files.writeString(corpus.resolve("copy.txt"), TEXT);
        rewrite(EDITED);

        session.index(Progress.NONE);

        assertHighlightOnTheEditedArticleBesideTheCopy(h);
    }

    @Test
    void aHighlightStaysOnItsArticleWhenItsTitleIsEditedAndACopyOfTheOldTitleAppears() throws IOException {
        // Issue 8, title edit: an article keyed by title and date keeps its key when its title is
        // edited; another version under the old title must neither hide behind it nor take its highlights.
        Path dated = corpus.resolve("dated.md");
        Files.writeString(dated, DATED);
        session.index(Progress.NONE);
        String datedKey = session.search(SearchRequest.of("")).hits().stream()
                .filter(hit -> hit.path().equals("dated.md")).findFirst().orElseThrow().key();
        Highlight h = session.annotate(datedKey, "reconsider its policy", 1, null, "", List.of());
        Files.writeString(dated, DATED.replace("title: Treaty signed", "title: Treaty signed in Pyongyang"));
        Files.setLastModifiedTime(dated, FileTime.fromMillis(Files.getLastModifiedTime(dated).toMillis() + 60_000));
        session.index(Progress.NONE);
        Files.writeString(corpus.resolve("copy.md"), DATED.replace("reconsider its policy", "review its policy"));

        session.index(Progress.NONE);

        assertEquals(List.of("copy.md", "dated.md", "treaty.txt"), pathsAndKeys().stream().map(s -> s.split(" ")[0]).sorted().toList());
        Article article = session.article(datedKey).orElseThrow();
        assertEquals("dated.md", article.path());
        assertEquals("Treaty signed in Pyongyang", article.title());
        Highlight now = session.highlight(h.id()).orElseThrow();
        assertEquals(HighlightState.ANCHORED, now.state());
        assertEquals("reconsider its policy", article.text().substring(now.start(), now.end()));
    }

    @Test
    void aWatchedTitleEditAndOldTitleLeaveTheHighlightAndMatchAFullCheck() throws IOException {
        Path dated = corpus.resolve("dated.md");
        Files.writeString(dated, DATED);
        session.indexChanged(List.of("dated.md"));
        session.awaitSearchable();
        String datedKey = session.search(SearchRequest.of("")).hits().stream()
                .filter(hit -> hit.path().equals("dated.md")).findFirst().orElseThrow().key();
        Highlight h = session.annotate(datedKey, "reconsider its policy", 1, null, "", List.of());
        Files.writeString(dated, DATED.replace("title: Treaty signed", "title: Treaty signed in Pyongyang"));
        session.indexChanged(List.of("dated.md"));
        Files.writeString(corpus.resolve("copy.md"), DATED.replace("reconsider its policy", "review its policy"));

        session.indexChanged(List.of("copy.md"));
        List<String> watched = pathsAndKeys();
        IndexReport check = session.index(Progress.NONE);

        assertEquals(List.of("copy.md", "dated.md", "treaty.txt"), watched.stream().map(s -> s.split(" ")[0]).sorted().toList());
        assertEquals(watched, pathsAndKeys());
        assertEquals(0, check.added() + check.updated() + check.removed() + check.duplicates());
        assertEquals("dated.md", session.article(datedKey).orElseThrow().path());
        assertEquals(HighlightState.ANCHORED, session.highlight(h.id()).orElseThrow().state());
    }

    private static final String DATED = "---\ntitle: Treaty signed\ndate: 2024-06-19\n---\n\n"
            + "Seoul said it would reconsider its policy on weapons for Ukraine.\n";

    private static final String EDITED =
            TEXT.replace("Treaty signed\n\n", "Treaty signed\n\nA new first paragraph was added by the editors.\n\n");

    private void assertHighlightOnTheEditedArticleBesideTheCopy(Highlight h) {
        assertEquals(List.of("copy.txt", "treaty.txt"), pathsAndKeys().stream().map(s -> s.split(" ")[0]).sorted().toList());
        Highlight now = session.highlight(h.id()).orElseThrow();
        Article article = session.article(key).orElseThrow();
        assertEquals("treaty.txt", article.path());
        assertEquals(HighlightState.ANCHORED, now.state());
        assertEquals("reconsider its policy", article.text().substring(now.start(), now.end()));
        assertTrue(article.text().startsWith("A new first paragraph"), article.text());
    }

    private List<String> pathsAndKeys() {
        session.awaitSearchable();
        return session.search(SearchRequest.of("")).hits().stream().map(hit -> hit.path() + " " + hit.key()).sorted().toList();
    }

    @Test
    void annotationsSurviveTheIndexBeingDeletedAndRebuilt() throws IOException {
        session.annotate(key, "Pyongyang", 1, null, "check the date", List.of("places"));
        session.close();
        try (Stream<Path> walk = Files.walk(workspace.indexDir())) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }

        session = service.session(workspace);
        session.index(Progress.NONE);

        assertEquals(List.of(key), found("tag:places AND note:date"));
    }

    @Test
    void exportSelectionByTagKeepsOnlyThatTagsPassages() {
        session.annotate(key, "Pyongyang", 1, null, "", List.of("places"));
        session.annotate(key, "Ukraine", 1, null, "", List.of("weapons"));

        List<AnnotatedArticle> selected = session.annotatedArticles(Optional.empty(), Optional.of("places"));

        assertEquals(1, selected.size());
        assertEquals(List.of("Pyongyang"), selected.get(0).highlights().stream().map(Highlight::quote).toList());
    }

    private void rewrite(String text) throws IOException {
        Path file = corpus.resolve("treaty.txt");
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 60_000));
    }
}
