package quire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import quire.model.Article;
import quire.model.Highlight;
import quire.model.HighlightState;
import quire.model.TagSummary;

class UndoTest {
    private static final Article TREATY = Fixtures.treaty();
    private static final List<String> KEYS = List.of("treaty-2024", "k");

    @TempDir
    Path workspace;

    private AnnotationStore store;
    private Highlight first;
    private Highlight second;

    /** Everything a user can see in the store. */
    record State(List<Highlight> highlights, List<TagSummary> tags, Map<String, String> notes, Map<String, List<String>> articleTags) {}

    @BeforeEach
    void openWithSomeWork() {
        store = AnnotationStore.open(workspace);
        int[] a = Fixtures.find(TREATY, "military assistance");
        first = store.createHighlight(TREATY, a[0], a[1], "green", "check wording", List.of("treaty", "treaty/article-4"));
        int[] b = Fixtures.find(TREATY, "Cold War");
        second = store.createHighlight(TREATY, b[0], b[1], null, "", List.of("history", "Treaty"));
        store.setArticleNote("k", "background");
        store.addArticleTag("k", "treaty/annex");
        store.addArticleTag("k", "region");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private State state() {
        Map<String, String> notes = new LinkedHashMap<>();
        Map<String, List<String>> articleTags = new LinkedHashMap<>();
        for (String key : KEYS) {
            notes.put(key, store.articleNote(key));
            articleTags.put(key, store.articleTags(key));
        }
        return new State(store.allHighlights(), store.tags(), notes, articleTags);
    }

    private void reopen() {
        store.close();
        store = AnnotationStore.open(workspace);
    }

    static Stream<Arguments> actions() {
        Instant made = Instant.parse("2024-07-01T08:00:00Z");
        return Stream.of(
                action("highlight created", t -> t.store.createHighlight(TREATY, 0, 10, "pink", "n", List.of("brand-new", "treaty"))),
                action("note edited", t -> t.store.setNote(t.first.id(), "changed")),
                action("colour changed", t -> t.store.setColor(t.first.id(), "purple")),
                action("tags changed", t -> t.store.setTags(t.first.id(), List.of("fresh", "history"))),
                action("tag 'fresh' added", t -> t.store.addTag(t.first.id(), "fresh")),
                action("tag 'treaty' removed", t -> t.store.removeTag(t.first.id(), "treaty")),
                action("highlight extent changed", t -> t.store.setExtent(t.first.id(), TREATY, 0, 10)),
                action("highlight deleted", t -> t.store.deleteHighlight(t.first.id())),
                action("tag 'treaty' renamed to 'accord'", t -> t.store.renameTag("treaty", "accord")),
                action("tag 'treaty' renamed to 'history'", t -> t.store.renameTag("treaty", "history")),
                action("tag 'treaty' merged into 'history'", t -> t.store.mergeTag("treaty", "history")),
                action("tag 'treaty' merged into 'newcomer'", t -> t.store.mergeTag("treaty", "newcomer")),
                action("tag 'treaty' deleted", t -> t.store.deleteTag("treaty")),
                action("colour of tag 'treaty' changed", t -> t.store.setTagColor("treaty", Optional.of("orange"))),
                action("article note edited", t -> t.store.setArticleNote("k", "other")),
                action("article note removed", t -> t.store.setArticleNote("k", "")),
                action("article note edited", t -> t.store.setArticleNote("treaty-2024", "first note")),
                action("article tag 'extra' added", t -> t.store.addArticleTag("treaty-2024", "extra")),
                action("article tag 'region' removed", t -> t.store.removeArticleTag("k", "region")),
                action("2 highlights imported", t -> t.store.importHighlights(List.of(
                        new Highlight("00000000-0000-4000-8000-00000000000a", "k", 0, 3, "abc", "", "d", "blue", "",
                                List.of("imported"), made, made, HighlightState.ANCHORED, "aaaa"),
                        new Highlight("00000000-0000-4000-8000-00000000000b", "k", 1, 3, "bc", "a", "d", "blue", "x",
                                List.of("TREATY"), made, made, HighlightState.ORPHANED, "aaaa"),
                        t.first), Map.of())));
    }

    private static Arguments action(String description, Consumer<UndoTest> action) {
        return Arguments.of(description, action);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void undoRestoresTheStateBeforeAndRedoTheStateAfter(String description, Consumer<UndoTest> action) {
        State before = state();
        action.accept(this);
        State after = state();

        assertEquals(Optional.of("Undid: " + description), store.undo());
        assertEquals(before, state());
        assertEquals(Optional.of("Redid: " + description), store.redo());
        assertEquals(after, state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void undoAndRedoWorkAcrossRestarts(String description, Consumer<UndoTest> action) {
        State before = state();
        action.accept(this);
        State after = state();

        reopen();
        assertEquals(Optional.of("Undid: " + description), store.undo());
        reopen();
        assertEquals(before, state());
        assertEquals(Optional.of("Redid: " + description), store.redo());
        reopen();
        assertEquals(after, state());
    }

    @Test
    void undoWalksBackThroughEveryActionAndRedoForward() {
        State start = state();
        store.setNote(first.id(), "one");
        store.deleteHighlight(second.id());
        store.renameTag("treaty", "accord");
        State end = state();

        assertEquals(List.of("Undid: tag 'treaty' renamed to 'accord'", "Undid: highlight deleted", "Undid: note edited"),
                List.of(store.undo().orElseThrow(), store.undo().orElseThrow(), store.undo().orElseThrow()));
        assertEquals(start, state());
        store.redo();
        store.redo();
        store.redo();
        assertEquals(Optional.empty(), store.redo());
        assertEquals(end, state());
    }

    @Test
    void undoOfDeleteBringsBackTheSameHighlightWithTagsAndNote() {
        store.deleteHighlight(first.id());
        store.undo();
        assertEquals(Optional.of(first), store.highlight(first.id()));
    }

    @Test
    void aNewActionAfterUndoClearsRedo() {
        store.setNote(first.id(), "one");
        store.undo();
        store.setColor(first.id(), "blue");
        assertEquals(Optional.empty(), store.redo());
        assertEquals("check wording", store.highlight(first.id()).orElseThrow().note());
    }

    @Test
    void nothingToUndoGivesEmpty() {
        store.close();
        store = AnnotationStore.open(workspace.resolve("fresh"));
        assertEquals(List.of(Optional.empty(), Optional.empty()), List.of(store.undo(), store.redo()));
    }

    @Test
    void undoingAnEditKeepsAReanchoringThatCameAfterIt() {
        store.setNote(first.id(), "changed");
        String newText = "New lead.\n\n" + TREATY.text();
        int start = first.start() + 11;
        store.reanchor(TREATY.key(), newText, List.of(new Anchoring.Result(first.id(), start, start + first.quote().length(),
                first.quote(), HighlightState.ANCHORED, Anchoring.Method.QUOTE, 1.0)));

        store.undo();

        Highlight now = store.highlight(first.id()).orElseThrow();
        assertEquals(List.of("check wording", start, Article.textHash(newText)), List.of(now.note(), now.start(), now.textHash()));
    }

    @Test
    void theLogKeepsTheLastTwoHundredActions() {
        for (int i = 0; i < AnnotationStore.UNDO_DEPTH + 5; i++) {
            store.setNote(first.id(), "note " + i);
        }
        int undone = 0;
        while (store.undo().isPresent()) {
            undone++;
        }
        assertEquals(AnnotationStore.UNDO_DEPTH, undone);
        assertEquals("note 4", store.highlight(first.id()).orElseThrow().note());
    }
}
