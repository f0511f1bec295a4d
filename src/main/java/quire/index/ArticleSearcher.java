package quire.index;

import java.io.IOException;
import java.io.StringReader;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import quire.model.Published;
import quire.model.SearchHit;
import quire.model.SearchRequest;
import quire.model.SearchResult;
import quire.model.Snippet;
import quire.model.SortOrder;
import quire.model.TextRange;

/** Searches one index snapshot: hits with snippets, facet counts, hit ranges, similar articles. */
final class ArticleSearcher {
    private static final int SNIPPETS_PER_HIT = 3;
    private static final int SNIPPET_LENGTH = 180;
    private static final int FACET_VALUES = 50;
    private static final Set<String> HIT_FIELDS = Set.of(
            Schema.KEY, Schema.TITLE, Schema.PUBLISHED, Schema.AUTHOR, Schema.SOURCE, Schema.PATH);

    /** The last tie-break: file path, then place in the file (see {@link Schema#ORDER}), never document order. */
    private static final SortField IN_CORPUS_ORDER = new SortField(Schema.ORDER, SortField.Type.STRING);

    private final Analyzer analyzer;
    private final QueryReader queries;
    private final FacetsConfig facetsConfig = Schema.facets();

    /** Facet ordinals of the last reader searched; rebuilt only when the reader changes. */
    private volatile FacetState facetState;

    private record FacetState(IndexReader reader, Optional<SortedSetDocValuesReaderState> state) {}

    ArticleSearcher(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.queries = new QueryReader(analyzer);
    }

    SearchResult search(IndexSearcher searcher, SearchRequest request) throws IOException {
        long started = System.nanoTime();
        ParsedQuery parsed = queries.read(request.query());
        Query base = onlyArticles(parsed.query());
        DrillDownQuery drill = new DrillDownQuery(facetsConfig, base);
        request.filters().forEach((dim, values) -> values.forEach(value -> drill.add(dim, value)));

        int wanted = request.offset() + request.limit();
        Sort sort = sortFor(request.sort(), request.query().isBlank());
        Optional<SortedSetDocValuesReaderState> state = facetStateFor(searcher.getIndexReader());
        // Relevance keeps each hit's score (a sort with the score first fills it only when asked).
        boolean scores = sort.getSort()[0].getType() == SortField.Type.SCORE;
        TopDocs top;
        Map<String, Map<String, Long>> facets;
        if (state.isPresent()) {
            DrillSideways sideways = new DrillSideways(searcher, facetsConfig, state.get());
            DrillSideways.DrillSidewaysResult result = sideways.search(drill, null, null, Math.max(1, wanted), sort, scores);
            top = result.hits;
            facets = facetCounts(result.facets);
        } else {
            top = searcher.search(drill, Math.max(1, wanted), sort, scores);
            facets = Map.of();
        }
        long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value : searcher.count(drill);

        ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(request.offset(), top.scoreDocs.length), Math.min(wanted, top.scoreDocs.length));
        List<List<Snippet>> snippets = snippets(searcher, parsed.query(), page);
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document doc = searcher.storedFields().document(page[i].doc, HIT_FIELDS);
            hits.add(hitOf(doc, Float.isNaN(page[i].score) ? 0f : page[i].score, snippets.get(i)));
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        return new SearchResult(request.query(), total, tookMs, hits, facets, parsed.error(), parsed.fallback());
    }

    /**
     * Where the query matches inside one article's canonical text, for marking hits in the reader:
     * sorted, without overlaps, in the same offsets as the article's text.
     */
    List<TextRange> hitRanges(IndexSearcher searcher, String key, String queryText) throws IOException {
        TopDocs found = searcher.search(new TermQuery(new Term(Schema.KEY, key)), 1);
        if (found.scoreDocs.length == 0 || queryText.isBlank()) {
            return List.of();
        }
        int doc = found.scoreDocs[0].doc;
        Query query = searcher.rewrite(queries.read(queryText).query());
        Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Matches matches = weight.matches(leaf, doc - leaf.docBase);
        if (matches == null) {
            return List.of();
        }
        List<TextRange> ranges = new ArrayList<>();
        for (String field : List.of(Schema.BODY, Schema.BODY_KO)) {
            MatchesIterator it = matches.getMatches(field);
            while (it != null && it.next()) {
                if (it.startOffset() >= 0 && it.endOffset() > it.startOffset()) {
                    ranges.add(new TextRange(it.startOffset(), it.endOffset()));
                }
            }
        }
        return merge(ranges);
    }

    /** Articles most like the given one by their distinctive words, best first; never itself. */
    List<SearchHit> moreLikeThis(IndexSearcher searcher, String key, String text, int limit) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(new String[] {Schema.BODY});
        // Small corpora are the common case at first: do not demand words that many articles share.
        mlt.setMinDocFreq(1);
        mlt.setMinTermFreq(2);
        mlt.setMaxQueryTerms(30);
        Query like = mlt.like(Schema.BODY, new StringReader(text));
        Query query = new BooleanQuery.Builder()
                .add(like, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Schema.TYPE, Schema.TYPE_ARTICLE)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Schema.KEY, key)), BooleanClause.Occur.MUST_NOT)
                .build();
        TopDocs top = searcher.search(query, Math.max(1, limit));
        List<SearchHit> hits = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            hits.add(hitOf(searcher.storedFields().document(sd.doc, HIT_FIELDS), sd.score, List.of()));
        }
        return hits;
    }

    private static Query onlyArticles(Query query) {
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Schema.TYPE, Schema.TYPE_ARTICLE)), BooleanClause.Occur.FILTER)
                .build();
    }

    private static Sort sortFor(SortOrder order, boolean blankQuery) {
        SortOrder effective = order == SortOrder.RELEVANCE && blankQuery ? SortOrder.DATE : order;
        return switch (effective) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, IN_CORPUS_ORDER);
            case DATE -> dateSort(true);
            case DATE_ASCENDING -> dateSort(false);
        };
    }

    private static Sort dateSort(boolean newestFirst) {
        SortField date = new SortField(Schema.DATE, SortField.Type.LONG, newestFirst);
        // Undated articles go last either way.
        date.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
        return new Sort(date, SortField.FIELD_SCORE, IN_CORPUS_ORDER);
    }

    private Optional<SortedSetDocValuesReaderState> facetStateFor(IndexReader reader) throws IOException {
        FacetState cached = facetState;
        if (cached != null && cached.reader() == reader) {
            return cached.state();
        }
        Optional<SortedSetDocValuesReaderState> state;
        try {
            state = Optional.of(new DefaultSortedSetDocValuesReaderState(reader, facetsConfig));
        } catch (IllegalArgumentException noFacetsYet) {
            // An index with no facet values at all (empty, or nothing dated or attributed).
            state = Optional.empty();
        }
        facetState = new FacetState(reader, state);
        return state;
    }

    private static Map<String, Map<String, Long>> facetCounts(Facets facets) throws IOException {
        Map<String, Map<String, Long>> all = new LinkedHashMap<>();
        for (String dim : Schema.FACETS) {
            Map<String, Long> counts = new LinkedHashMap<>();
            try {
                FacetResult result = facets.getTopChildren(FACET_VALUES, dim);
                if (result != null) {
                    for (LabelAndValue lv : result.labelValues) {
                        counts.put(lv.label, lv.value.longValue());
                    }
                }
            } catch (IllegalArgumentException dimensionNeverIndexed) {
                // No article has a value for this facet yet.
            }
            all.put(dim, Collections.unmodifiableMap(counts));
        }
        return Collections.unmodifiableMap(all);
    }

    private List<List<Snippet>> snippets(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
        List<List<Snippet>> out = new ArrayList<>(page.length);
        if (page.length == 0) {
            return out;
        }
        int[] docIds = Arrays.stream(page).mapToInt(sd -> sd.doc).toArray();
        Highlighter highlighter = new Highlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withMaxLength(Integer.MAX_VALUE - 1)
                .withFormatter(new SnippetFormatter())
                .withMaxNoHighlightPassages(1)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_LENGTH, 0.55f)));
        // Without a Korean article in the index the highlighter would find no offsets for the Korean
        // copy and re-analyse every hit's body with nori instead: most of a search's time, for no mark.
        String[] fields = hasField(searcher, Schema.BODY_KO) ? new String[] {Schema.BODY, Schema.BODY_KO} : new String[] {Schema.BODY};
        int[] passages = new int[fields.length];
        Arrays.fill(passages, SNIPPETS_PER_HIT);
        Map<String, Object[]> byField = highlighter.highlight(fields, query, docIds, passages);
        for (int i = 0; i < page.length; i++) {
            List<Snippet> english = snippetsAt(byField.get(Schema.BODY), i);
            List<Snippet> korean = snippetsAt(byField.get(Schema.BODY_KO), i);
            out.add(marked(english) || !marked(korean) ? english : korean);
        }
        return out;
    }

    private static boolean hasField(IndexSearcher searcher, String field) {
        return searcher.getIndexReader().leaves().stream().anyMatch(leaf -> leaf.reader().getFieldInfos().fieldInfo(field) != null);
    }

    @SuppressWarnings("unchecked")
    private static List<Snippet> snippetsAt(Object[] values, int i) {
        return values == null || values[i] == null ? List.of() : (List<Snippet>) values[i];
    }

    private static boolean marked(List<Snippet> snippets) {
        return snippets.stream().anyMatch(s -> !s.marks().isEmpty());
    }

    /** The Korean copy of the body is not stored; it highlights the stored body's text. */
    private static final class Highlighter extends UnifiedHighlighter {
        Highlighter(Builder builder) {
            super(builder);
        }

        Map<String, Object[]> highlight(String[] fields, Query query, int[] docIds, int[] passages) throws IOException {
            return highlightFieldsAsObjects(fields, query, docIds, passages);
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
                throws IOException {
            // The stock loader fills one slot per distinct field name, so load each stored field once
            // and hand the body's text to both the body and its Korean copy.
            String[] stored = Arrays.stream(fields)
                    .map(f -> f.equals(Schema.BODY_KO) ? Schema.BODY : f)
                    .distinct()
                    .sorted()
                    .toArray(String[]::new);
            List<CharSequence[]> loaded = super.loadFieldValues(stored, docIter, cacheCharsThreshold);
            List<CharSequence[]> out = new ArrayList<>(loaded.size());
            for (CharSequence[] values : loaded) {
                CharSequence[] perField = new CharSequence[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    String name = fields[i].equals(Schema.BODY_KO) ? Schema.BODY : fields[i];
                    perField[i] = values[Arrays.binarySearch(stored, name)];
                }
                out.add(perField);
            }
            return out;
        }
    }

    private static SearchHit hitOf(Document doc, float score, List<Snippet> snippets) {
        return new SearchHit(
                doc.get(Schema.KEY),
                doc.get(Schema.TITLE),
                Optional.ofNullable(doc.get(Schema.PUBLISHED)).map(Published::parse),
                Optional.ofNullable(doc.get(Schema.AUTHOR)),
                Optional.ofNullable(doc.get(Schema.SOURCE)),
                doc.get(Schema.PATH),
                score,
                snippets);
    }

    private static List<TextRange> merge(List<TextRange> ranges) {
        ranges.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(a.end(), b.end()));
        List<TextRange> merged = new ArrayList<>();
        for (TextRange r : ranges) {
            TextRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r.start() <= last.end()) {
                merged.set(merged.size() - 1, new TextRange(last.start(), Math.max(last.end(), r.end())));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }
}
