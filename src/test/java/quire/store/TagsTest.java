package quire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import quire.model.Article;
import quire.model.Highlight;
import quire.model.QuireException;
import quire.model.TagSummary;

class TagsTest {
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

    private List<String> tagsOf(Highlight h) {
        return store.highlight(h.id()).orElseThrow().tags();
    }

    private static TagSummary summary(String name, int highlights, int articles) {
        return new TagSummary(name, Optional.empty(), highlights, articles);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "' Treaty // article-4 '         | Treaty/article-4",
        "'treaty'                        | treaty",
        "'  north   korea /  troops  '   | north korea/troops",
        "'/leading/trailing/'            | leading/trailing",
        "'tab\tand\u00a0nbsp'            | tab and nbsp",
    })
    void namesAreCanonicalised(String raw, String canonical) {
        assertEquals(canonical, TagName.of(raw).name());
    }

    @Test
    void theFirstSpellingWins() {
        Highlight a = highlight("The treaty", "North Korea");
        Highlight b = highlight("Seoul", "NORTH korea");
        assertEquals(List.of("North Korea"), tagsOf(b));
        assertEquals(List.of(summary("North Korea", 2, 0)), store.tags());
        assertEquals(tagsOf(a), tagsOf(b));
    }

    @Test
    void caseInsensitivityCoversNonAsciiLetters() {
        highlight("The treaty", "Énergie");
        highlight("Seoul", "énergie");
        assertEquals(List.of(summary("Énergie", 2, 0)), store.tags());
    }

    @Test
    void tagListIsSortedCaseInsensitivelyWithCounts() {
        highlight("The treaty", "beta", "Alpha");
        store.addArticleTag("k", "alpha");
        store.addArticleTag("k", "Gamma");
        assertEquals(List.of(summary("Alpha", 1, 1), summary("beta", 1, 0), summary("Gamma", 0, 1)), store.tags());
    }

    @Test
    void renameCarriesSubTagsAndKeepsHighlights() {
        Highlight parent = highlight("The treaty", "treaty");
        Highlight child = highlight("Article 4", "treaty/article-4", "keep");
        Highlight lookalike = highlight("Seoul", "treatyx");
        store.addArticleTag("k", "treaty/annex");

        store.renameTag("Treaty", "accord");

        assertEquals(List.of("accord"), tagsOf(parent));
        assertEquals(List.of("accord/article-4", "keep"), tagsOf(child));
        assertEquals(List.of("treatyx"), tagsOf(lookalike));
        assertEquals(List.of("accord/annex"), store.articleTags("k"));
        assertEquals(List.of("accord", "accord/annex", "accord/article-4", "keep", "treatyx"),
                store.tags().stream().map(TagSummary::name).toList());
    }

    @Test
    void renamingAParentThatIsOnlyAPathRenamesItsSubTags() {
        // The tag browser shows "places" as the parent of "places/dprk" even though nobody used "places" itself.
        Highlight child = highlight("Pyongyang", "places/dprk");

        store.renameTag("places", "geography");

        assertEquals(List.of("geography/dprk"), tagsOf(child));
        assertEquals(List.of("geography/dprk"), store.tags().stream().map(TagSummary::name).toList());
    }

    @Test
    void renamingATagThatDoesNotExistAtAllIsAPlainError() {
        QuireException e = assertThrows(QuireException.class, () -> store.renameTag("nothing", "else"));

        assertEquals("There is no tag 'nothing'.", e.getMessage());
    }

    @Test
    void renameOntoAnExistingTagMerges() {
        Highlight both = highlight("The treaty", "treaty", "accord");
        Highlight old = highlight("Article 4", "treaty/x");
        Highlight existing = highlight("Seoul", "accord/x");

        store.renameTag("treaty", "accord");

        assertEquals(List.of("accord"), tagsOf(both));
        assertEquals(List.of("accord/x"), tagsOf(old));
        assertEquals(List.of("accord/x"), tagsOf(existing));
        assertEquals(List.of(summary("accord", 1, 0), summary("accord/x", 2, 0)), store.tags());
    }

    @Test
    void renameCanChangeOnlyTheCase() {
        Highlight h = highlight("The treaty", "treaty", "treaty/a");
        store.renameTag("treaty", "Treaty");
        assertEquals(List.of("Treaty", "Treaty/a"), tagsOf(h));
    }

    @Test
    void renameToItsOwnSubTagIsRefused() {
        highlight("The treaty", "treaty");
        QuireException e = assertThrows(QuireException.class, () -> store.renameTag("treaty", "treaty/inner"));
        assertEquals("The tag 'treaty' cannot be renamed to its own sub-tag 'treaty/inner'.", e.getMessage());
    }

    @Test
    void renamingAMissingTagSaysSo() {
        QuireException e = assertThrows(QuireException.class, () -> store.renameTag("ghost", "x"));
        assertEquals("There is no tag 'ghost'.", e.getMessage());
    }

    @Test
    void mergeMovesEveryLinkWithoutDuplicates() {
        Highlight both = highlight("The treaty", "pact", "treaty");
        Highlight onlyFrom = highlight("Article 4", "pact");
        store.addArticleTag("k", "pact");
        store.addArticleTag("k", "treaty");
        store.addArticleTag("j", "Pact");

        store.mergeTag("PACT", "treaty");

        assertEquals(List.of("treaty"), tagsOf(both));
        assertEquals(List.of("treaty"), tagsOf(onlyFrom));
        assertEquals(List.of("treaty"), store.articleTags("k"));
        assertEquals(List.of("treaty"), store.articleTags("j"));
        assertEquals(List.of(summary("treaty", 2, 2)), store.tags());
    }

    @Test
    void mergeIntoANewNameCreatesIt() {
        Highlight h = highlight("The treaty", "pact");
        store.mergeTag("pact", "Accord");
        assertEquals(List.of("Accord"), tagsOf(h));
    }

    @Test
    void mergeIntoItselfIsRefused() {
        highlight("The treaty", "pact");
        assertThrows(QuireException.class, () -> store.mergeTag("pact", "PACT"));
    }

    @Test
    void deleteTagNeverDeletesHighlights() {
        Highlight h = highlight("The treaty", "doomed", "kept");
        Highlight only = highlight("Seoul", "doomed", "doomed/child");
        store.addArticleTag("k", "doomed");

        store.deleteTag("Doomed");

        assertEquals(List.of("kept"), tagsOf(h));
        assertEquals(List.of("doomed/child"), tagsOf(only));
        assertEquals(List.of(), store.articleTags("k"));
        assertEquals(2, store.allHighlights().size());
        assertEquals(List.of(summary("doomed/child", 1, 0), summary("kept", 1, 0)), store.tags());
    }

    @Test
    void tagColourIsSetAndRemoved() {
        highlight("The treaty", "treaty");
        store.setTagColor("TREATY", Optional.of("Blue"));
        assertEquals(List.of(new TagSummary("treaty", Optional.of("blue"), 1, 0)), store.tags());
        store.setTagColor("treaty", Optional.of("#A0b1C2"));
        assertEquals(Optional.of("#a0b1c2"), store.tags().get(0).color());
        store.setTagColor("treaty", Optional.empty());
        assertEquals(Optional.empty(), store.tags().get(0).color());
    }

    @Test
    void badTagColourIsRefused() {
        highlight("The treaty", "treaty");
        QuireException e = assertThrows(QuireException.class, () -> store.setTagColor("treaty", Optional.of("mauve")));
        assertEquals("'mauve' is not a tag colour; use one of yellow, green, blue, pink, purple, orange, or #rrggbb.",
                e.getMessage());
    }

    @Test
    void renamedTagKeepsItsColour() {
        highlight("The treaty", "treaty");
        store.setTagColor("treaty", Optional.of("green"));
        store.renameTag("treaty", "accord");
        assertEquals(List.of(new TagSummary("accord", Optional.of("green"), 1, 0)), store.tags());
    }
}
