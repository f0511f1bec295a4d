package quire.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import quire.model.Article;
import quire.model.Block;
import quire.model.BlockKind;
import quire.model.Published;
import quire.model.SearchHit;
import quire.model.SearchRequest;
import quire.model.SearchableAnnotations;
import quire.model.SearchResult;
import quire.model.Snippet;
import quire.model.SortOrder;
import quire.model.TextRange;

/** The query language and results on a small hand-built corpus. */
class SearchTest {
    @TempDir
    Path dir;

    private ArticleIndex index;

    private static Article article(String key, String title, String date, String author, String source, String text) {
        return new Article(key, key + ".txt", title,
                Optional.ofNullable(date).map(d -> Published.of(LocalDate.parse(d))),
                Optional.ofNullable(author), Optional.ofNullable(source), Optional.empty(), Optional.empty(),
                Map.of(), List.of(), text, List.of(new Block(BlockKind.PARAGRAPH, 0, text.length())));
    }

    @BeforeEach
    void setUp() {
        index = ArticleIndex.open(dir.resolve("index"));
        index.putArticle(article("treaty", "Russia and North Korea sign a treaty", "2024-06-19", "Ji Da-gyum", "koreaherald.com",
                "Russia and North Korea signed a comprehensive strategic partnership treaty in Pyongyang. "
                        + "The treaty promises military assistance if either is attacked."));
        index.putArticle(article("bridge", "A bridge across the Tumen River", "2024-06-20", "Kim Min-ji", "koreapro.org",
                "The two countries agreed to build a road bridge across the Tumen River. "
                        + "Officials said the military had no part in it."));
        index.putArticle(article("sanctions", "Sanctions panel ends", "2024-04-28", null, "koreapro.org",
                "Russia vetoed the renewal of the panel of experts that monitored sanctions against North Korea. "
                        + "Military observers said the panel's assistance had been vital."));
        index.putArticle(article("undated", "Notes on Pyongyang", null, null, null,
                "Pyongjang is an older spelling of the capital's name."));
        index.putArticle(article("korean", "북한과 러시아 조약", "2024-06-21", null, "yna.co.kr",
                "북한과 러시아는 포괄적 전략적 동반자 관계 조약을 체결했다. 조약은 군사 지원을 약속한다."));
        index.commit();
    }

    @AfterEach
    void tearDown() {
        index.close();
    }

    private List<String> keys(String query) {
        return keys(SearchRequest.of(query).withPage(0, 100));
    }

    private List<String> keys(SearchRequest request) {
        return index.search(request).hits().stream().map(SearchHit::key).toList();
    }

    private Set<String> keySet(String query) {
        return Set.copyOf(keys(query));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "treaty                                   | treaty",
        "treaties                                 | treaty",
        "military assistance                      | treaty,sanctions",
        "military AND assistance                  | treaty,sanctions",
        "Tumen OR vetoed                          | bridge,sanctions",
        "military NOT assistance                  | bridge",
        "military -assistance                     | bridge",
        "+military +bridge                        | bridge",
        "(bridge OR vetoed) AND military          | bridge,sanctions",
        "'\"military assistance\"'                | treaty",
        "'\"military assistance\"~5'              | treaty,sanctions",
        "treat*                                   | treaty",
        "Pyongyang~                               | treaty,undated",
        "title:bridge                             | bridge",
        "author:kim                               | bridge",
        "source:koreapro.org                      | bridge,sanctions",
        "date:2024-06                             | treaty,bridge,korean",
        "date:2024                                | treaty,bridge,sanctions,korean",
        "date:2024-06-20                          | bridge",
        "'date:[2024-06-20 TO 2024-06-30]'        | bridge,korean",
        "'date:{2024-06-19 TO 2024-06-21}'        | bridge",
        "'date:[2024-04 TO 2024-06-19]'           | treaty,sanctions",
        "date:>=2024-06-20                        | bridge,korean",
        "date:>2024-06-20                         | korean",
        "date:<2024-06                            | sanctions",
        "date:<=2024-06-19 AND military           | treaty,sanctions",
        "조약                                      | korean",
        "러시아                                    | korean",
    })
    void eachQueryFormFindsTheRightArticles(String query, String expected) {
        SearchResult result = index.search(SearchRequest.of(query).withPage(0, 100));

        assertEquals(Optional.empty(), result.error(), query);
        assertEquals(Set.of(expected.split(",")), keySet(query), query);
        assertEquals(expected.split(",").length, result.total(), query);
    }

    @Test
    void aTitleMatchRanksAboveABodyMatch() {
        index.putArticle(article("mention", "Weekly digest", "2024-06-22", null, null,
                "Among other things, a bridge was discussed, and then another topic, and another, at length."));
        index.commit();

        assertEquals("bridge", keys("bridge").get(0));
    }

    @Test
    void sortByDateIsNewestFirstWithUndatedLast() {
        assertEquals(List.of("korean", "bridge", "treaty", "sanctions", "undated"),
                keys(SearchRequest.of("").withSort(SortOrder.DATE).withPage(0, 100)));
        assertEquals(List.of("sanctions", "treaty", "bridge", "korean", "undated"),
                keys(SearchRequest.of("").withSort(SortOrder.DATE_ASCENDING).withPage(0, 100)));
    }

    @Test
    void articlesOfTheSameDateComeOutInPathOrderWhateverOrderTheyWereWrittenIn() {
        // Written last to first, and the first of one file after its second: the order breaks no tie.
        index.putArticle(article("z-late", "Zeta", "2020-01-01", null, null, "Later path."), SearchableAnnotations.NONE, 0);
        Article second = new Article("m-second", "m.json", "Mu two", Optional.of(Published.of(LocalDate.parse("2020-01-01"))),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), List.of(), "Two.",
                List.of(new Block(BlockKind.PARAGRAPH, 0, 4)));
        Article first = new Article("m-first", "m.json", "Mu one", second.published(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), List.of(), "One.", List.of(new Block(BlockKind.PARAGRAPH, 0, 4)));
        index.putArticle(second, SearchableAnnotations.NONE, 1);
        index.putArticle(first, SearchableAnnotations.NONE, 0);
        index.putArticle(article("a-early", "Alpha", "2020-01-01", null, null, "Earlier path."), SearchableAnnotations.NONE, 0);
        index.commit();

        SearchRequest sameDay = SearchRequest.of("date:2020-01-01").withPage(0, 10);
        assertEquals(List.of("a-early", "m-first", "m-second", "z-late"), keys(sameDay.withSort(SortOrder.DATE)));
        assertEquals(List.of("a-early", "m-first", "m-second", "z-late"), keys(sameDay.withSort(SortOrder.DATE_ASCENDING)));
        // Re-indexed for a new tag, second then first, each keeps its place in the file.
        index.putArticle(second, new SearchableAnnotations(List.of("tagged"), List.of()));
        index.putArticle(first, new SearchableAnnotations(List.of("tagged"), List.of()));
        index.commit();
        assertEquals(List.of("a-early", "m-first", "m-second", "z-late"), keys(sameDay.withSort(SortOrder.DATE)));
    }

    @Test
    void pagingReturnsTheRequestedSliceAndTheFullTotal() {
        SearchRequest all = SearchRequest.of("").withSort(SortOrder.DATE);

        SearchResult page = index.search(all.withPage(2, 2));

        assertEquals(5, page.total());
        assertEquals(List.of("treaty", "sanctions"), page.hits().stream().map(SearchHit::key).toList());
    }

    @Test
    void snippetsMarkTheMatchedWords() {
        SearchHit hit = index.search(SearchRequest.of("\"Tumen River\"")).hits().get(0);

        Snippet snippet = hit.snippets().get(0);
        assertTrue(snippet.text().startsWith("The two countries agreed to build a road bridge across the Tumen River."), snippet.text());
        assertEquals(0, snippet.start());
        assertEquals(List.of(new TextRange(59, 70)), snippet.marks());
        assertTrue(snippet.toHtml().startsWith("The two countries agreed to build a road bridge across the <mark>Tumen River</mark>."));
    }

    @Test
    void snippetsEscapeMarkupInTheText() {
        index.putArticle(article("markup", "Code", "2024-01-01", null, null, "Write <b> & fish tags."));
        index.commit();

        Snippet snippet = index.search(SearchRequest.of("fish")).hits().get(0).snippets().get(0);

        assertEquals("Write &lt;b&gt; &amp; <mark>fish</mark> tags.", snippet.toHtml());
    }

    @Test
    void koreanHitsAreMarkedInTheKoreanText() {
        SearchHit hit = index.search(SearchRequest.of("조약")).hits().get(0);

        assertTrue(hit.snippets().get(0).toHtml().contains("<mark>조약</mark>"), hit.snippets().toString());
    }

    @Test
    void facetsCountSourceAuthorYearAndMonth() {
        SearchResult result = index.search(SearchRequest.of("military"));

        assertEquals(Map.of("koreaherald.com", 1L, "koreapro.org", 2L), result.facets().get("source"));
        assertEquals(Map.of("Ji Da-gyum", 1L, "Kim Min-ji", 1L), result.facets().get("author"));
        assertEquals(Map.of("2024", 3L), result.facets().get("year"));
        assertEquals(Map.of("2024-06", 2L, "2024-04", 1L), result.facets().get("month"));
        assertEquals(List.of("koreapro.org", "koreaherald.com"), List.copyOf(result.facets().get("source").keySet()));
    }

    @Test
    void aFacetFilterKeepsMatchingArticlesAndItsOwnFacetStillShowsTheAlternatives() {
        SearchResult result = index.search(SearchRequest.of("military").withFilters(Map.of("source", Set.of("koreapro.org"))));

        assertEquals(Set.of("bridge", "sanctions"), Set.copyOf(result.hits().stream().map(SearchHit::key).toList()));
        assertEquals(2, result.total());
        // Drill-sideways: the source facet still counts what the other sources would add.
        assertEquals(Map.of("koreaherald.com", 1L, "koreapro.org", 2L), result.facets().get("source"));
        assertEquals(Map.of("2024-06", 1L, "2024-04", 1L), result.facets().get("month"));
    }

    @Test
    void filtersOnTwoFacetsMustBothHold() {
        SearchResult result = index.search(SearchRequest.of("")
                .withFilters(Map.of("source", Set.of("koreapro.org"), "month", Set.of("2024-06"))));

        assertEquals(List.of("bridge"), result.hits().stream().map(SearchHit::key).toList());
    }

    @Test
    void aSyntaxErrorStillReturnsResultsWithAPlainMessage() {
        SearchResult result = index.search(SearchRequest.of("\"Tumen River"));

        assertEquals(List.of("bridge"), result.hits().stream().map(SearchHit::key).toList());
        assertEquals(Optional.of("Tumen River"), result.fallback());
        assertTrue(result.error().orElseThrow().startsWith("The query has a quotation mark (\") that is not closed."));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bridge AND                  | The query has 'AND' with nothing on one side of it.",
        "(bridge OR Tumen            | The query has a parenthesis that is not closed.",
        "Tumen: bridge               | Quire has no field 'Tumen:'",
        "date:2024-13 bridge         | '2024-13' is not a date",
    })
    void commonMistakesAreNamedAndTheRestOfTheQueryStillCounts(String query, String message) {
        SearchResult result = index.search(SearchRequest.of(query));

        assertTrue(result.error().orElseThrow().startsWith(message), result.error().toString());
        assertTrue(result.hits().stream().anyMatch(h -> h.key().equals("bridge")), query);
    }

    @Test
    void theLenientReadingIsShownInTheQueryLanguageNotTheParsersOwn() {
        SearchResult result = index.search(SearchRequest.of("(bridge OR vetoed"));

        assertEquals(Optional.of("bridge OR vetoed"), result.fallback());
        assertEquals(Set.of("bridge", "sanctions"), Set.copyOf(result.hits().stream().map(SearchHit::key).toList()));
    }

    @Test
    void aSyntaxErrorElsewhereKeepsTheDateFilter() {
        SearchResult result = index.search(SearchRequest.of("military AND (date:2024-06"));

        assertTrue(result.error().isPresent());
        assertEquals(List.of("bridge", "treaty"), result.hits().stream().map(SearchHit::key).sorted().toList());
        assertEquals(Optional.of("military date:2024-06"), result.fallback());
    }

    @Test
    void anEmptyIndexAnswersEveryQueryWithNothing() {
        ArticleIndex empty = ArticleIndex.open(dir.resolve("empty"));
        try {
            SearchResult result = empty.search(SearchRequest.of("anything"));

            assertEquals(0, result.total());
            assertTrue(result.hits().isEmpty());
            assertEquals(0, empty.search(SearchRequest.of("")).total());
        } finally {
            empty.close();
        }
    }

    @Test
    void hitRangesAreOffsetsIntoTheCanonicalText() {
        Article treaty = index.article("treaty").orElseThrow();

        List<TextRange> hits = index.hitRanges("treaty", "treaty \"military assistance\"");

        List<String> matched = hits.stream().map(r -> treaty.text().substring(r.start(), r.end())).toList();
        assertEquals(List.of("treaty", "treaty", "military assistance"), matched);
    }

    @Test
    void hitRangesCoverWildcardsFuzzyAndKorean() {
        Article korean = index.article("korean").orElseThrow();

        assertEquals(List.of("treaty", "treaty"), index.hitRanges("treaty", "treat*").stream()
                .map(r -> index.article("treaty").orElseThrow().text().substring(r.start(), r.end())).toList());
        // Nori marks the word without its particle (조약 of 조약을).
        assertEquals(List.of("조약", "조약"), index.hitRanges("korean", "조약").stream()
                .map(r -> korean.text().substring(r.start(), r.end())).toList());
    }

    @Test
    void moreLikeThisFindsTheArticleSharingTheMostWordsAndNeverItself() {
        index.putArticle(article("treaty2", "Another treaty story", "2024-06-25", null, null,
                "The comprehensive strategic partnership treaty signed in Pyongyang promises military assistance. "
                        + "Russia and North Korea signed the treaty."));
        index.commit();

        List<SearchHit> similar = index.moreLikeThis("treaty", 3);

        assertEquals("treaty2", similar.get(0).key());
        assertFalse(similar.stream().anyMatch(h -> h.key().equals("treaty")));
    }

    @Test
    void aReaderOpenedDuringAnUpdateSeesTheLastCommit() {
        index.putArticle(article("uncommitted", "Pending", "2024-07-01", null, null, "A pending zebra article."));

        try (ArticleIndex reader = ArticleIndex.openReadOnly(dir.resolve("index")).orElseThrow()) {
            assertEquals(0, reader.search(SearchRequest.of("zebra")).total());
            assertEquals(1, reader.search(SearchRequest.of("Tumen")).total());
        }
        index.commit();
        try (ArticleIndex reader = ArticleIndex.openReadOnly(dir.resolve("index")).orElseThrow()) {
            assertEquals(1, reader.search(SearchRequest.of("zebra")).total());
        }
    }
}
