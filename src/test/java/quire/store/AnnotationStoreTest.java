package quire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import quire.model.Article;
import quire.model.Highlight;
import quire.model.HighlightState;
import quire.model.QuireException;

class AnnotationStoreTest {
    @TempDir
    Path workspace;

    private AnnotationStore store;
    private final Article treaty = Fixtures.treaty();

    @BeforeEach
    void openStore() {
        store = AnnotationStore.open(workspace);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Highlight highlight(String passage, String... tags) {
        int[] at = Fixtures.find(treaty, passage);
        return store.createHighlight(treaty, at[0], at[1], null, "", List.of(tags));
    }

    @Test
    void createdHighlightCarriesQuoteContextAndTextVersion() {
        int[] at = Fixtures.find(treaty, "military assistance");
        Highlight h = store.createHighlight(treaty, at[0], at[1], "Green", "  check the Russian text  ", List.of("treaty/article-4"));

        String text = treaty.text();
        assertEquals(new Highlight(h.id(), "treaty-2024", at[0], at[1], "military assistance",
                text.substring(at[0] - 32, at[0]), text.substring(at[1], at[1] + 32), "green", "check the Russian text",
                List.of("treaty/article-4"), h.created(), h.created(), HighlightState.ANCHORED, treaty.textHash()), h);
        assertEquals(Optional.of(h), store.highlight(h.id()));
        assertEquals(Optional.of(text), store.articleText(treaty.textHash()));
        assertEquals(36, h.id().length());
    }

    @Test
    void contextIsShorterAtTheEdgesOfTheText() {
        Highlight first = highlight("The treaty");
        Highlight last = highlight("Cold War.");
        assertEquals(List.of("", " was signed in Pyongyang.\n\nArtic"), List.of(first.prefix(), first.suffix()));
        assertEquals("", last.suffix());
    }

    @Test
    void contextNeverSplitsASurrogatePair() {
        // 31 ASCII letters then an emoji (two chars): 32 chars back would start inside the pair.
        Article emoji = Fixtures.article("emoji", "\uD83D\uDE00" + "a".repeat(31) + "quote" + "b".repeat(31) + "\uD83D\uDE00");
        int start = emoji.text().indexOf("quote");
        Highlight h = store.createHighlight(emoji, start, start + 5, null, null, null);
        assertEquals(List.of("a".repeat(31), "b".repeat(31)), List.of(h.prefix(), h.suffix()));
    }

    @Test
    void blankColourGivesTheDefault() {
        Highlight h = store.createHighlight(treaty, 0, 3, " ", null, List.of());
        assertEquals(List.of(Highlight.DEFAULT_COLOR, ""), List.of(h.color(), h.note()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5 | 5 | A highlight must cover at least one character; 5–5 covers none.",
        "9 | 3 | A highlight must cover at least one character; 9–3 covers none.",
        "-1 | 3 | The passage -1–3 lies outside the article's text, which has 181 characters.",
        "170 | 183 | The passage 170–183 lies outside the article's text, which has 181 characters.",
    })
    void badExtentIsRefusedInPlainWords(int start, int end, String message) {
        QuireException e = assertThrows(QuireException.class,
                () -> store.createHighlight(treaty, start, end, null, null, List.of()));
        assertEquals(message, e.getMessage());
        assertEquals(List.of(), store.allHighlights());
    }

    @Test
    void unknownColourIsRefused() {
        QuireException e = assertThrows(QuireException.class,
                () -> store.createHighlight(treaty, 0, 3, "red", null, List.of()));
        assertEquals("'red' is not a highlight colour; use one of yellow, green, blue, pink, purple, orange.", e.getMessage());
    }

    @Test
    void blankTagIsRefusedAndNothingIsCreated() {
        QuireException e = assertThrows(QuireException.class,
                () -> store.createHighlight(treaty, 0, 3, null, null, List.of("ok", " / ")));
        assertEquals("A tag needs a name; '/' has none.", e.getMessage());
        assertEquals(List.of(), store.tags());
    }

    @Test
    void noteColourAndTagsCanBeEdited() {
        Highlight h = highlight("military assistance", "treaty");
        store.setNote(h.id(), "verify wording");
        store.setColor(h.id(), "blue");
        store.setTags(h.id(), List.of("b-tag", "A-tag", "a-TAG"));
        store.addTag(h.id(), "c");
        Highlight edited = store.removeTag(h.id(), "B-TAG");

        assertEquals(List.of("verify wording", "blue", List.of("A-tag", "c")), List.of(edited.note(), edited.color(), edited.tags()));
        assertEquals(Optional.of(edited), store.highlight(h.id()));
        assertFalse(edited.updated().isBefore(h.updated()));
        assertEquals(h.created(), edited.created());
    }

    @Test
    void editsThatChangeNothingAreNotLoggedForUndo() {
        Highlight h = highlight("military assistance", "treaty");
        assertEquals(h, store.setNote(h.id(), ""));
        assertEquals(h, store.setColor(h.id(), "yellow"));
        assertEquals(h, store.addTag(h.id(), "TREATY"));
        assertEquals(h, store.removeTag(h.id(), "other"));
        assertEquals(h, store.setTags(h.id(), List.of("treaty")));
        assertEquals(Optional.of("Undid: highlight created"), store.undo());
    }

    @Test
    void editingAMissingHighlightSaysWhichOne() {
        QuireException e = assertThrows(QuireException.class, () -> store.setNote("nope", "x"));
        assertEquals("There is no highlight with id 'nope'.", e.getMessage());
        assertThrows(QuireException.class, () -> store.deleteHighlight("nope"));
    }

    @Test
    void extentIsRecomputedAgainstTheGivenText() {
        Highlight h = highlight("military assistance");
        Article revised = Fixtures.article("treaty-2024", "Preface.\n\n" + treaty.text());
        int[] at = Fixtures.find(revised, "military assistance without delay");
        store.reanchor(treaty.key(), revised.text(), List.of(new Anchoring.Result(h.id(), 0, 0, h.quote(),
                HighlightState.ORPHANED, Anchoring.Method.NONE, 0)));

        Highlight moved = store.setExtent(h.id(), revised, at[0], at[1]);

        assertEquals(List.of("military assistance without delay", revised.textHash(), HighlightState.ANCHORED,
                        revised.text().substring(at[0] - 32, at[0])),
                List.of(moved.quote(), moved.textHash(), moved.state(), moved.prefix()));
        assertEquals(Optional.of(revised.text()), store.articleText(revised.textHash()));
    }

    @Test
    void extentOnAnotherArticleIsRefused() {
        Highlight h = highlight("military assistance");
        QuireException e = assertThrows(QuireException.class,
                () -> store.setExtent(h.id(), Fixtures.article("other", treaty.text()), 0, 3));
        assertEquals("The highlight '" + h.id() + "' belongs to article 'treaty-2024', not to 'other'.", e.getMessage());
    }

    @Test
    void deletedHighlightIsGoneWithItsLinksButTheTagStays() {
        Highlight h = highlight("military assistance", "treaty");
        store.deleteHighlight(h.id());
        assertEquals(Optional.empty(), store.highlight(h.id()));
        assertEquals(List.of(new quire.model.TagSummary("treaty", Optional.empty(), 0, 0)), store.tags());
    }

    @Test
    void highlightsOfAnArticleComeInReadingOrder() {
        Highlight late = highlight("Cold War");
        Highlight early = highlight("treaty was signed");
        Highlight middle = highlight("Article 4");
        store.createHighlight(Fixtures.article("other", "Other text here."), 0, 5, null, null, List.of());
        assertEquals(List.of(early, middle, late), store.highlightsOf(treaty.key()));
    }

    @Test
    void tagQueryIncludesSubTagsButNotLookalikes() {
        Highlight parent = highlight("The treaty", "Treaty");
        Highlight child = highlight("Article 4", "treaty/article-4");
        highlight("Cold War", "treatyx");
        highlight("Seoul", "other/treaty");
        assertEquals(List.of(parent, child), store.highlightsTagged("TREATY"));
        assertEquals(List.of(child), store.highlightsTagged(" treaty // Article-4 "));
    }

    @Test
    void noteSearchIsCaseInsensitiveAndTakesWildcardsLiterally() {
        Highlight percent = store.setNote(highlight("The treaty").id(), "Up 50% on last YEAR");
        Highlight underscore = store.setNote(highlight("Article 4").id(), "see file_a");
        store.setNote(highlight("Seoul").id(), "see fileXa, 50 percent");
        Highlight accented = store.setNote(highlight("Cold War").id(), "ÉTAT des lieux");

        assertEquals(List.of(percent), store.highlightsWithNote("50%"));
        assertEquals(List.of(underscore), store.highlightsWithNote("FILE_A"));
        assertEquals(List.of(percent), store.highlightsWithNote("last year"));
        assertEquals(List.of(accented), store.highlightsWithNote("état"));
    }

    @Test
    void annotatedArticlesIncludeNotesAndArticleTags() {
        highlight("The treaty");
        store.setArticleNote("b-note", "context");
        store.addArticleTag("a-tagged", "region/korea");
        assertEquals(List.of("a-tagged", "b-note", "treaty-2024"), store.annotatedArticleKeys());
    }

    @Test
    void articleNoteCanBeSetAndCleared() {
        assertEquals("", store.articleNote("k"));
        store.setArticleNote("k", " Background piece. ");
        assertEquals("Background piece.", store.articleNote("k"));
        store.setArticleNote("k", "");
        assertEquals("", store.articleNote("k"));
        assertEquals(List.of(), store.annotatedArticleKeys());
    }

    @Test
    void articleTagsAreAddedOnceAndRemoved() {
        store.addArticleTag("k", "Korea");
        store.addArticleTag("k", "korea");
        store.addArticleTag("k", "alliance");
        assertEquals(List.of("alliance", "Korea"), store.articleTags("k"));
        store.removeArticleTag("k", "KOREA");
        assertEquals(List.of("alliance"), store.articleTags("k"));
        assertEquals(List.of(new quire.model.TagSummary("alliance", Optional.empty(), 0, 1),
                new quire.model.TagSummary("Korea", Optional.empty(), 0, 0)), store.tags());
    }

    @Test
    void reanchorMovesAnchoredAndOnlyMarksOrphans() {
        Highlight moved = highlight("military assistance", "t");
        Highlight lost = highlight("Cold War", "t");
        String newText = "Update: " + treaty.text().replace("the closest alignment since the Cold War", "a shift");
        int start = newText.indexOf("military assistance");
        store.reanchor(treaty.key(), newText, List.of(
                new Anchoring.Result(moved.id(), start, start + 19, "military assistance", HighlightState.ANCHORED, Anchoring.Method.QUOTE, 1.0),
                new Anchoring.Result(lost.id(), lost.start(), lost.end(), lost.quote(), HighlightState.ORPHANED, Anchoring.Method.NONE, 0.0),
                new Anchoring.Result("deleted-meanwhile", 0, 1, "U", HighlightState.ANCHORED, Anchoring.Method.POSITION, 1.0)));

        Highlight now = store.highlight(moved.id()).orElseThrow();
        assertEquals(List.of(start, start + 19, Article.textHash(newText), HighlightState.ANCHORED, newText.substring(start - 32, start)),
                List.of(now.start(), now.end(), now.textHash(), now.state(), now.prefix()));
        Highlight orphan = store.highlight(lost.id()).orElseThrow();
        assertEquals(new Highlight(lost.id(), lost.articleKey(), lost.start(), lost.end(), lost.quote(), lost.prefix(),
                lost.suffix(), lost.color(), lost.note(), lost.tags(), lost.created(), lost.updated(),
                HighlightState.ORPHANED, treaty.textHash()), orphan);
        assertEquals(Optional.of(treaty.text()), store.articleText(orphan.textHash()));
        assertEquals(Optional.of(newText), store.articleText(Article.textHash(newText)));
        assertEquals(List.of(orphan), store.check().orphans());
    }

    @Test
    void reanchorIsNotAnUndoableAction() {
        Highlight h = highlight("Cold War");
        store.reanchor(treaty.key(), treaty.text(), List.of(new Anchoring.Result(h.id(), h.start(), h.end(), h.quote(),
                HighlightState.ORPHANED, Anchoring.Method.NONE, 0)));
        assertEquals(Optional.of("Undid: highlight created"), store.undo());
    }

    @Test
    void reanchorRefusesAHighlightOfAnotherArticle() {
        Highlight h = highlight("Cold War");
        assertThrows(QuireException.class, () -> store.reanchor("other", "text", List.of(new Anchoring.Result(
                h.id(), 0, 1, "t", HighlightState.ANCHORED, Anchoring.Method.POSITION, 1))));
        assertEquals(Optional.of(h), store.highlight(h.id()));
    }

    @Test
    void importKeepsIdsCreatesTagsAndNeverDuplicates() {
        Instant made = Instant.parse("2024-06-20T10:15:30.123Z");
        Highlight foreign = new Highlight("6f1c2b1e-0000-4000-8000-000000000001", "treaty-2024", 4, 10, "treaty",
                "The ", " was signed", "pink", "from Ana", List.of("Imported/Ana"), made, made,
                HighlightState.ANCHORED, treaty.textHash());
        Map<String, String> texts = Map.of(treaty.textHash(), treaty.text());

        assertEquals(1, store.importHighlights(List.of(foreign, foreign), texts));
        assertEquals(0, store.importHighlights(List.of(foreign), texts));

        assertEquals(List.of(foreign), store.allHighlights());
        assertEquals(Optional.of(treaty.text()), store.articleText(treaty.textHash()));
        assertEquals(List.of(new quire.model.TagSummary("Imported/Ana", Optional.empty(), 1, 0)), store.tags());
    }

    @Test
    void importRefusesATextThatDoesNotMatchItsHash() {
        QuireException e = assertThrows(QuireException.class,
                () -> store.importHighlights(List.of(), Map.of("0011223344556677", "other text")));
        assertEquals("The imported article text given for version '0011223344556677' is not that version.", e.getMessage());
    }

    @Test
    void checkReportsAHealthyDatabase() {
        highlight("Cold War", "a", "b");
        AnnotationStore.CheckReport report = store.check();
        assertEquals(List.of(true, List.of("ok"), List.of(), 1, 2),
                List.of(report.integrityOk(), report.integrityMessages(), report.orphans(), report.highlights(), report.tags()));
    }

    @Test
    void closedStoreRefusesWork() {
        store.close();
        store.close();
        QuireException e = assertThrows(QuireException.class, () -> store.allHighlights());
        assertEquals("The annotations of this workspace have been closed.", e.getMessage());
        assertTrue(store.workspace().isAbsolute());
    }
}
