package quire.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.flexible.standard.StandardQueryParser;
import org.apache.lucene.queryparser.flexible.standard.config.StandardQueryConfigHandler;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The benchmark's baseline: what plain Lucene does with the same analyzer and the same schema, with
 * none of Quire's bookkeeping (file records, duplicates, stored blocks, batching, commits).
 * In {@code quire.index} only to share {@link Schema}; used by the benchmark harness, never by Quire.
 */
public final class BareLucene {
    /** One pre-extracted article: what Quire's ingester made of a file. */
    public record Text(String key, String title, String body, Optional<String> author, Optional<String> source, Optional<LocalDate> date) {}

    private static final Text END = new Text("", "", "", Optional.empty(), Optional.empty(), Optional.empty());

    private BareLucene() {}

    /**
     * Indexes the texts with {@code threads} threads calling {@code addDocument} (one reader thread
     * feeds them), commits once, and returns the number of documents.
     */
    public static int index(Path dir, Iterable<Text> texts, int threads) throws Exception {
        FacetsConfig facets = Schema.facets();
        IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64);
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(dir), config)) {
            BlockingQueue<Text> queue = new ArrayBlockingQueue<>(1024);
            AtomicReference<Exception> failure = new AtomicReference<>();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    try {
                        for (Text text = queue.take(); text != END; text = queue.take()) {
                            writer.addDocument(facets.build(document(text)));
                        }
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }, "bare-indexer-" + t);
                worker.start();
                workers.add(worker);
            }
            int count = 0;
            for (Text text : texts) {
                queue.put(text);
                count++;
            }
            for (int t = 0; t < threads; t++) {
                queue.put(END);
            }
            for (Thread worker : workers) {
                worker.join();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            writer.commit();
            return count;
        }
    }

    private static Document document(Text text) {
        Document doc = new Document();
        doc.add(new StringField(Schema.TYPE, Schema.TYPE_ARTICLE, Field.Store.NO));
        doc.add(new StringField(Schema.KEY, text.key(), Field.Store.YES));
        doc.add(new TextField(Schema.TITLE, text.title(), Field.Store.YES));
        doc.add(new Field(Schema.BODY, text.body(), Schema.TEXT_WITH_OFFSETS));
        text.author().ifPresent(a -> {
            doc.add(new TextField(Schema.AUTHOR, a, Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(Schema.FACET_AUTHOR, a));
        });
        text.source().ifPresent(s -> {
            doc.add(new TextField(Schema.SOURCE, s, Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(Schema.FACET_SOURCE, s));
        });
        text.date().ifPresent(d -> {
            doc.add(new StoredField(Schema.PUBLISHED, d.toString()));
            doc.add(new LongPoint(Schema.DATE, d.toEpochDay()));
            doc.add(new NumericDocValuesField(Schema.DATE, d.toEpochDay()));
            doc.add(new SortedSetDocValuesFacetField(Schema.FACET_YEAR, String.valueOf(d.getYear())));
            doc.add(new SortedSetDocValuesFacetField(Schema.FACET_MONTH, d.toString().substring(0, 7)));
        });
        return doc;
    }

    /** How many articles the index holds. */
    public static int articleCount(Path indexDir) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(Schema.TYPE, Schema.TYPE_ARTICLE)));
        }
    }

    /** A term of the body and how many articles have it. */
    public record TermCount(String term, int docFreq) {}

    /** Every body term with its document frequency, skipping terms that are not plain words. */
    public static List<TermCount> bodyTerms(Path indexDir) throws IOException {
        Map<String, Integer> counts = new java.util.HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
            for (LeafReaderContext leaf : reader.leaves()) {
                var terms = leaf.reader().terms(Schema.BODY);
                if (terms == null) {
                    continue;
                }
                TermsEnum te = terms.iterator();
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    String s = t.utf8ToString();
                    if (s.length() >= 4 && s.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                        counts.merge(s, te.docFreq(), Integer::sum);
                    }
                }
            }
        }
        List<TermCount> out = new ArrayList<>();
        counts.forEach((t, n) -> out.add(new TermCount(t, n)));
        out.sort(java.util.Comparator.comparing(TermCount::term));
        return out;
    }

    /**
     * A bare search over an index: parse with the same analyzer (AND, title and body), top 10, the
     * same facet counts (50 values of each dimension), three body snippets per hit, stored fields of
     * the hits. Not thread-safe; one per thread.
     */
    public static final class Searcher implements AutoCloseable {
        private final DirectoryReader reader;
        private final IndexSearcher searcher;
        private final SortedSetDocValuesReaderState state;
        private final StandardQueryParser parser = new StandardQueryParser(Schema.analyzer());
        private final UnifiedHighlighter highlighter;

        public Searcher(Path indexDir) throws IOException {
            reader = DirectoryReader.open(FSDirectory.open(indexDir));
            searcher = new IndexSearcher(reader);
            state = new DefaultSortedSetDocValuesReaderState(reader, Schema.facets());
            parser.setDefaultOperator(StandardQueryConfigHandler.Operator.AND);
            parser.setMultiFields(new CharSequence[] {Schema.TITLE, Schema.BODY});
            parser.setFieldsBoost(Map.of(Schema.TITLE, 2f, Schema.BODY, 1f));
            highlighter = UnifiedHighlighter.builder(searcher, Schema.analyzer()).withMaxLength(Integer.MAX_VALUE - 1).build();
        }

        /** Runs one query; returns the total number of hits. */
        public long search(String text, Optional<LocalDate> from, Optional<LocalDate> to) throws Exception {
            Query parsed = parser.parse(text, Schema.BODY);
            BooleanQuery.Builder q = new BooleanQuery.Builder()
                    .add(parsed, BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(Schema.TYPE, Schema.TYPE_ARTICLE)), BooleanClause.Occur.FILTER);
            if (from.isPresent()) {
                q.add(LongPoint.newRangeQuery(Schema.DATE, from.get().toEpochDay(), to.orElseThrow().toEpochDay()), BooleanClause.Occur.FILTER);
            }
            Query query = q.build();
            FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, 10, new FacetsCollectorManager());
            TopDocs top = result.topDocs();
            FacetsCollector fc = result.facetsCollector();
            SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, fc);
            for (String dim : Schema.FACETS) {
                try {
                    counts.getTopChildren(50, dim);
                } catch (IllegalArgumentException noSuchDim) {
                    // tags: no article is tagged in the benchmark corpus.
                }
            }
            String[] snippets = highlighter.highlight(Schema.BODY, query, top, 3);
            var stored = searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                stored.document(sd.doc);
            }
            long total = 0;
            for (FacetsCollector.MatchingDocs m : fc.getMatchingDocs()) {
                total += m.totalHits;
            }
            return snippets.length == top.scoreDocs.length ? total : -1;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
