package quire.index;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import quire.model.Article;
import quire.model.Published;
import quire.model.SearchableAnnotations;

/**
 * The benchmark's baseline: what plain Lucene does with the same analyzer and the same schema, with
 * none of Quire's own work (reading and parsing files, file records, duplicates, batching, commits).
 * In {@code quire.index} only to share {@link Schema}; used by the benchmark harness, never by Quire.
 */
public final class BareLucene {
    /** One pre-extracted article: what Quire's ingester made of a file. */
    public record Text(String key, String title, String body, Optional<String> author, Optional<String> source, Optional<LocalDate> date) {}

    private BareLucene() {}

    /**
     * Indexes the texts with {@code threads} threads calling {@code addDocument} (one reader thread
     * feeds them), commits once, and returns the number of documents. The reduced schema of the
     * first baseline (type, key, title, body, author, source, date and facets): kept as a row of its
     * own so that the change to {@link #indexArticles} stays visible.
     */
    public static int index(Path dir, Iterable<Text> texts, int threads) throws Exception {
        FacetsConfig facets = Schema.facets();
        IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64);
        return index(dir, config, texts, text -> facets.build(document(text)), threads);
    }

    /**
     * Indexes the articles Quire's ingester made of a corpus as Quire's own documents: the same
     * document builder ({@link ArticleIndex#articleDocument}), facets and writer settings as
     * {@link ArticleIndex#putArticle}, on {@code threads} threads, one commit. What Quire does on top
     * is its own work: reading, decoding and parsing files, keys, duplicates, file records, commits.
     */
    public static int indexArticles(Path dir, Iterable<Placed> articles, int threads) throws Exception {
        FacetsConfig facets = Schema.facets();
        IndexWriterConfig config = ArticleIndex.writerConfig(IndexWriterConfig.OpenMode.CREATE);
        return index(dir, config, articles,
                a -> facets.build(ArticleIndex.articleDocument(a.article(), SearchableAnnotations.NONE, a.position())), threads);
    }

    private interface Builder<T> {
        Document build(T item) throws IOException;
    }

    private static <T> int index(Path dir, IndexWriterConfig config, Iterable<T> items, Builder<T> builder, int threads) throws Exception {
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(dir), config)) {
            BlockingQueue<Optional<T>> queue = new ArrayBlockingQueue<>(1024);
            AtomicReference<Exception> failure = new AtomicReference<>();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    try {
                        for (Optional<T> item = queue.take(); item.isPresent(); item = queue.take()) {
                            writer.addDocument(builder.build(item.get()));
                        }
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }, "bare-indexer-" + t);
                worker.start();
                workers.add(worker);
            }
            int count = 0;
            for (T item : items) {
                queue.put(Optional.of(item));
                count++;
            }
            for (int t = 0; t < threads; t++) {
                queue.put(Optional.empty());
            }
            for (Thread worker : workers) {
                worker.join();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            writer.setLiveCommitData(Map.of(Schema.VERSION_KEY, String.valueOf(Schema.VERSION)).entrySet());
            writer.commit();
            return count;
        }
    }

    /** An article and its place in its file (which orders ties in sorted results). */
    public record Placed(Article article, int position) {
        /** The reduced-schema text of it. */
        public Text text() {
            return new Text(article.key(), article.title(), article.text(), article.author(), article.source(),
                    article.published().map(Published::date));
        }
    }

    /** Appends one article to a dump that {@link #readArticles} reads back, whole. */
    public static void writeArticle(DataOutputStream out, Placed placed) throws IOException {
        Article a = placed.article();
        out.writeInt(placed.position());
        for (String s : List.of(a.key(), a.path(), a.title(), a.published().map(Published::toString).orElse(""),
                a.author().orElse(""), a.source().orElse(""), a.link().orElse(""), a.summary().orElse(""), a.text())) {
            writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
        }
        for (BytesRef b : List.of(Codec.map(a.properties()), Codec.strings(a.warnings()), Codec.blocks(a.blocks()))) {
            writeBytes(out, java.util.Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length));
        }
    }

    /** The articles of a dump, streamed from disk so that 100k of them need not fit in the heap. */
    public static Iterable<Placed> readArticles(Path file) {
        return () -> new java.util.Iterator<>() {
            private final DataInputStream in;
            private Placed next;

            {
                try {
                    in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                advance();
            }

            private void advance() {
                try {
                    int position = in.readInt();
                    String[] s = new String[9];
                    for (int i = 0; i < s.length; i++) {
                        s[i] = new String(readBytes(in), StandardCharsets.UTF_8);
                    }
                    var properties = Codec.map(new BytesRef(readBytes(in)));
                    var warnings = Codec.strings(new BytesRef(readBytes(in)));
                    var blocks = Codec.blocks(new BytesRef(readBytes(in)));
                    next = new Placed(new Article(s[0], s[1], s[2], nonEmpty(s[3]).map(Published::parse), nonEmpty(s[4]), nonEmpty(s[5]),
                            nonEmpty(s[6]), nonEmpty(s[7]), properties, warnings, s[8], blocks), position);
                } catch (java.io.EOFException end) {
                    next = null;
                    try {
                        in.close();
                    } catch (IOException ignored) {
                        // read to the end; nothing is lost
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Placed next() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                Placed current = next;
                advance();
                return current;
            }
        };
    }

    private static Optional<String> nonEmpty(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        return in.readNBytes(in.readInt());
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
