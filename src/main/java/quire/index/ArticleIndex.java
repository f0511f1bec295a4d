package quire.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import quire.model.Article;
import quire.model.ArticleSummary;
import quire.model.FileRecord;
import quire.model.Published;
import quire.model.QuireException;
import quire.model.SearchableAnnotations;
import quire.model.SearchHit;
import quire.model.SearchRequest;
import quire.model.SearchResult;
import quire.model.TextRange;

/**
 * The Lucene index of a corpus: one document per article (its metadata, canonical text and
 * blocks) and one per corpus file (what was read from it and when). It is a cache: anything
 * missing, from another schema version or damaged is rebuilt from the files.
 *
 * <p>Thread-safe. One instance holds the index's write lock; readers see the last refresh, which
 * the writer does after each {@link #commit()}.
 */
public final class ArticleIndex implements Closeable {
    private static final System.Logger LOG = System.getLogger(ArticleIndex.class.getName());
    private static final Set<String> SUMMARY_FIELDS = Set.of(
            Schema.KEY, Schema.TITLE, Schema.PUBLISHED, Schema.AUTHOR, Schema.SOURCE, Schema.PATH, Schema.WARNINGS);

    private final Path location;
    private final Directory directory;
    /**
     * Null when opened read-only. Replaced (with {@link #searchers}) when a failure closed it: Lucene
     * closes its writer on a "tragic" error such as a full disk during a flush, and the analyst
     * must be able to index again once the fault is gone without reopening the workspace.
     */
    private volatile IndexWriter writer;

    private volatile SearcherManager searchers;
    /** Changes were made since the last reopen that readers of this process must see: see {@link #refresh()}. */
    private volatile boolean stale;
    private final Optional<String> rebuildReason;
    private final FacetsConfig facets = Schema.facets();
    private final ArticleSearcher searcher = new ArticleSearcher(Schema.analyzer());

    private ArticleIndex(Path location, Directory directory, IndexWriter writer, Optional<String> rebuildReason)
            throws IOException {
        this.location = location;
        this.directory = directory;
        this.writer = writer;
        this.searchers = writer == null ? new SearcherManager(directory, null) : new SearcherManager(writer, null);
        this.rebuildReason = rebuildReason;
    }

    /**
     * Opens an existing index for reading only, so that it can be read while another process
     * updates it; empty when there is no usable index in {@code dir}.
     */
    public static Optional<ArticleIndex> openReadOnly(Path dir) {
        if (!Files.isDirectory(dir) || unusableBecause(dir).isPresent()) {
            return Optional.empty();
        }
        try {
            Directory directory = FSDirectory.open(dir);
            if (!DirectoryReader.indexExists(directory)) {
                directory.close();
                return Optional.empty();
            }
            return Optional.of(new ArticleIndex(dir, directory, null, Optional.empty()));
        } catch (IOException e) {
            throw new QuireException("Cannot open the index at '" + dir + "': " + e.getMessage(), e);
        }
    }

    /**
     * Opens the index in {@code dir} for updating, creating it if missing and rebuilding it (empty)
     * if it is from another schema version or cannot be read.
     *
     * @throws QuireException if another process is updating the same index, or the folder cannot be written
     */
    public static ArticleIndex open(Path dir) {
        return open(dir, directory -> directory);
    }

    /** Test seam: opens over a wrapped directory (fault-injecting tests wrap it). */
    static ArticleIndex open(Path dir, java.util.function.UnaryOperator<Directory> wrap) {
        try {
            Files.createDirectories(dir);
            Optional<String> reason = unusableBecause(dir);
            if (reason.isPresent()) {
                quarantine(dir);
            }
            Directory directory = wrap.apply(FSDirectory.open(dir));
            IndexWriterConfig config = writerConfig(
                    reason.isPresent() ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            IndexWriter writer;
            try {
                writer = new IndexWriter(directory, config);
            } catch (LockObtainFailedException e) {
                directory.close();
                throw new QuireException(
                        "The index at '" + dir + "' is already open in another Quire; close it there, or wait"
                                + " until its indexing has finished.",
                        e);
            }
            reason.ifPresent(r -> LOG.log(System.Logger.Level.WARNING, "Rebuilding index at " + dir + ": " + r));
            ArticleIndex index = new ArticleIndex(dir, directory, writer, reason);
            if (reason.isPresent() || !DirectoryReader.indexExists(directory)) {
                index.commit();
            }
            return index;
        } catch (AccessDeniedException e) {
            throw new QuireException("Quire cannot write its index to '" + dir + "': permission denied.", e);
        } catch (IOException e) {
            if (isDiskFull(e) || isReadOnly(e)) {
                throw new QuireException("Quire cannot open its index at '" + dir + "': " + faultReason(e) + ".", e);
            }
            throw new QuireException("Cannot open the index at '" + dir + "': " + e.getMessage(), e);
        }
    }

    /** Quire's writer settings; the benchmark's bare baseline uses them too. */
    static IndexWriterConfig writerConfig(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(Schema.analyzer())
                .setOpenMode(mode)
                .setRAMBufferSizeMB(64)
                .setMergeScheduler(new BackgroundMerges())
                .setCommitOnClose(false);
    }

    /**
     * The writer, reopened on the last commit if a failure closed it. What it had not committed is
     * gone (it was never saved), and readers then see the last commit, so the next indexing run
     * redoes exactly what was lost.
     */
    private IndexWriter usableWriter() throws IOException {
        IndexWriter current = writer;
        return current != null && current.isOpen() ? current : reopenWriter();
    }

    private synchronized IndexWriter reopenWriter() throws IOException {
        requireWriter();
        IndexWriter current = writer;
        if (current.isOpen()) {
            return current;
        }
        LOG.log(System.Logger.Level.WARNING, "The index writer at " + location + " was closed by an earlier failure;"
                + " reopening it on the last commit", current.getTragicException());
        IndexWriter fresh = new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        SearcherManager old = searchers;
        searchers = new SearcherManager(fresh, null);
        writer = fresh;
        stale = false;
        try {
            old.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Closing the readers of the failed index writer", e);
        }
        return fresh;
    }

    /**
     * A failed index write in a sentence for the analyst. The index is a cache and Lucene's commit
     * is atomic, so what was saved before is whole; indexing again redoes the rest.
     */
    private QuireException writeFailure(Exception e) {
        String advice = isDiskFull(e) ? "free some space and index again"
                : isReadOnly(e) ? "make the folder writable and index again" : "index again";
        return new QuireException("Quire could not save the index in '" + location + "': " + faultReason(e)
                + ". The index as last saved is intact and still searchable; " + advice + ".", e);
    }

    private static String faultReason(Exception e) {
        if (isDiskFull(e)) {
            return "the disk is full";
        }
        if (isReadOnly(e)) {
            return "the folder cannot be written (the disk is read-only or access is denied)";
        }
        return String.valueOf(e.getMessage());
    }

    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    static boolean isReadOnly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException || String.valueOf(t.getMessage()).contains("Read-only file system")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves an unusable index aside (keeping the last one for a bug report) so a new one can be
     * made: even in CREATE mode Lucene reads the old commit, and fails on a damaged one.
     */
    private static void quarantine(Path dir) throws IOException {
        Path aside = dir.resolveSibling(dir.getFileName() + ".damaged");
        if (Files.exists(aside)) {
            try (var old = Files.walk(aside)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.move(dir, aside);
        Files.createDirectories(dir);
    }

    /** Why the index in {@code dir} cannot be used as it is, if it cannot; empty for a usable or absent index. */
    private static Optional<String> unusableBecause(Path dir) {
        try (Directory directory = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(directory)) {
                return Optional.empty();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                String version = reader.getIndexCommit().getUserData().get(Schema.VERSION_KEY);
                if (!String.valueOf(Schema.VERSION).equals(version)) {
                    return Optional.of("it was made by another version of Quire (schema " + version + ")");
                }
                return Optional.empty();
            }
        } catch (IndexNotFoundException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // CorruptIndexException, IndexFormatToo{Old,New}Exception, missing segment files...
            LOG.log(System.Logger.Level.WARNING, "Index at " + dir + " is damaged", e);
            return Optional.of("it is damaged (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Why the index was rebuilt from scratch when it was opened, if it was. */
    public Optional<String> rebuildReason() {
        return rebuildReason;
    }

    public Path location() {
        return location;
    }

    /** Every corpus file the index knows, by path. */
    public Map<String, FileRecord> fileRecords() {
        Map<String, FileRecord> records = new HashMap<>();
        forEachBinaryValue(Schema.FILE_RECORD, bytes -> {
            FileRecord r = Codec.fileRecord(bytes);
            records.put(r.path(), r);
        });
        return records;
    }

    /** For every article in the index, the path of the file its stored copy came from. */
    public Map<String, String> articlePaths() {
        Map<String, String> paths = new HashMap<>();
        forEachBinaryValue(Schema.KEY_AND_PATH, bytes -> {
            List<String> keyAndPath = Codec.strings(bytes);
            paths.put(keyAndPath.get(0), keyAndPath.get(1));
        });
        return paths;
    }

    /** For every article indexed with tags or notes, the fingerprint of those annotations. */
    public Map<String, String> annotationFingerprints() {
        Map<String, String> fingerprints = new HashMap<>();
        forEachBinaryValue(Schema.ANNOTATIONS_FINGERPRINT, bytes -> {
            List<String> keyAndPrint = Codec.strings(bytes);
            fingerprints.put(keyAndPrint.get(0), keyAndPrint.get(1));
        });
        return fingerprints;
    }

    /** What {@link #annotationFingerprints()} holds for an article indexed with these annotations. */
    public static String fingerprint(SearchableAnnotations annotations) {
        return Article.textHash(String.join("\u0001", annotations.tags()) + "\u0002" + String.join("\u0001", annotations.notes()));
    }

    /** Keys that start with a prefix, at most {@code limit} of them. */
    public List<String> keysStartingWith(String prefix, int limit) {
        return withSearcher(s -> {
            List<String> keys = new ArrayList<>();
            for (var sd : s.search(new org.apache.lucene.search.PrefixQuery(new Term(Schema.KEY, prefix)), limit).scoreDocs) {
                keys.add(s.storedFields().document(sd.doc, Set.of(Schema.KEY)).get(Schema.KEY));
            }
            return keys;
        });
    }

    /** Every article's metadata, ordered by path and then title. */
    public List<ArticleSummary> articles() {
        List<ArticleSummary> summaries = new ArrayList<>();
        forEachDocument(Schema.TYPE_ARTICLE, SUMMARY_FIELDS, doc -> summaries.add(summaryOf(doc)));
        summaries.sort(Comparator.comparing(ArticleSummary::path).thenComparing(ArticleSummary::title));
        return summaries;
    }

    public int articleCount() {
        return withSearcher(s -> s.count(new TermQuery(new Term(Schema.TYPE, Schema.TYPE_ARTICLE))));
    }

    /** One article, whole. */
    public Optional<Article> article(String key) {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(Schema.KEY, key)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.<Article>empty();
            }
            return Optional.of(articleOf(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    /**
     * The stored articles of these keys, those the index has: what {@link #article} gives for each,
     * read in one pass (each segment's key terms looked up with one terms enum, the documents then
     * read in order, so a block of stored fields is decompressed once for the articles in it),
     * for exports of a thousand articles.
     */
    public Map<String, Article> articles(Collection<String> keys) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(keys));
        return withSearcher(searcher -> {
            Map<String, Article> found = new HashMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                var terms = leaf.reader().terms(Schema.KEY);
                if (terms == null) {
                    continue;
                }
                var termsEnum = terms.iterator();
                Bits live = leaf.reader().getLiveDocs();
                org.apache.lucene.index.PostingsEnum postings = null;
                TreeMap<Integer, String> docs = new TreeMap<>();
                for (String key : sorted) {
                    if (found.containsKey(key) || !termsEnum.seekExact(new org.apache.lucene.util.BytesRef(key))) {
                        continue;
                    }
                    postings = termsEnum.postings(postings, org.apache.lucene.index.PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            docs.put(doc, key);
                            break;
                        }
                    }
                }
                var stored = leaf.reader().storedFields();
                for (var doc : docs.entrySet()) {
                    found.put(doc.getValue(), articleOf(stored.document(doc.getKey())));
                }
            }
            return found;
        });
    }

    /** Runs a search on the last committed (or, in the writing process, last refreshed) state. */
    public SearchResult search(SearchRequest request) {
        return withSearcher(s -> searcher.search(s, request));
    }

    /** Where a query matches inside one article's canonical text, for marking hits in the reader. */
    public List<TextRange> hitRanges(String key, String query) {
        return withSearcher(s -> searcher.hitRanges(s, key, query));
    }

    /** Articles most like the given one; empty if there is no such article. */
    public List<SearchHit> moreLikeThis(String key, int limit) {
        Optional<Article> article = article(key);
        if (article.isEmpty()) {
            return List.of();
        }
        return withSearcher(s -> searcher.moreLikeThis(s, key, article.get().text(), limit));
    }

    /** Adds or replaces the stored copy of an article (by key), with nothing attached to it. */
    public void putArticle(Article article) {
        putArticle(article, SearchableAnnotations.NONE);
    }

    /**
     * Adds or replaces the stored copy of an article (by key), with the analyst's tags and notes so
     * that {@code tag:} and {@code note:} find it. A tag also counts as each of its parents: {@code
     * tag:treaty} finds an article tagged {@code treaty/article-4}.
     */
    public void putArticle(Article article, SearchableAnnotations annotations) {
        putArticle(article, annotations, placeInFile(article));
    }

    /**
     * As {@link #putArticle(Article, SearchableAnnotations)}, for the {@code position}-th article
     * of its file: ties in sorted results come out by path, then by this place.
     */
    public void putArticle(Article article, SearchableAnnotations annotations, int position) {
        putArticle(article, annotations, position, true);
    }

    /**
     * As {@link #putArticle(Article, SearchableAnnotations, int)}; {@code mayReplace} false says the
     * caller knows no article of this key is in the index (a first index), which spares Lucene a
     * delete per document.
     */
    public void putArticle(Article article, SearchableAnnotations annotations, int position, boolean mayReplace) {
        try {
            write(mayReplace ? new Term(Schema.KEY, article.key()) : null, facets.build(articleDocument(article, annotations, position)));
        } catch (IOException e) {
            throw writeFailure(e);
        }
    }

    /**
     * The document of an article, before {@link FacetsConfig#build}: what {@link #putArticle} writes,
     * and what the benchmark's bare baseline writes too, so that the two index the same schema.
     */
    static Document articleDocument(Article article, SearchableAnnotations annotations, int position) {
        Document doc = new Document();
        java.util.Set<String> tagTerms = new java.util.TreeSet<>();
        for (String tag : annotations.tags()) {
            String lower = tag.toLowerCase(java.util.Locale.ROOT);
            for (int slash = lower.indexOf('/'); slash > 0; slash = lower.indexOf('/', slash + 1)) {
                tagTerms.add(keyword(lower.substring(0, slash)));
            }
            tagTerms.add(keyword(lower));
        }
        for (String term : tagTerms) {
            doc.add(new StringField(Schema.TAG, term, Field.Store.NO));
        }
        java.util.Set<String> facetTags = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        facetTags.addAll(annotations.tags());
        facetTags.forEach(tag -> doc.add(new SortedSetDocValuesFacetField(Schema.FACET_TAG, keyword(tag))));
        for (String note : annotations.notes()) {
            doc.add(new TextField(Schema.NOTE, note, Field.Store.NO));
        }
        if (!annotations.isEmpty()) {
            doc.add(new BinaryDocValuesField(Schema.ANNOTATIONS_FINGERPRINT, Codec.strings(List.of(article.key(), fingerprint(annotations)))));
        }
        doc.add(new StringField(Schema.TYPE, Schema.TYPE_ARTICLE, Field.Store.NO));
        doc.add(new StringField(Schema.KEY, article.key(), Field.Store.YES));
        doc.add(new StringField(Schema.PATH, keyword(article.path()), Field.Store.NO));
        doc.add(new StoredField(Schema.PATH, article.path()));
        doc.add(new TextField(Schema.TITLE, article.title(), Field.Store.YES));
        doc.add(new Field(Schema.BODY, article.text(), Schema.TEXT_WITH_OFFSETS));
        if (Languages.hasKorean(article.title(), article.text())) {
            doc.add(new TextField(Schema.TITLE_KO, article.title(), Field.Store.NO));
            doc.add(new Field(Schema.BODY_KO, article.text(), Schema.UNSTORED_TEXT_WITH_OFFSETS));
        }
        article.author().ifPresent(a -> {
            doc.add(new TextField(Schema.AUTHOR, a, Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(Schema.FACET_AUTHOR, keyword(a)));
        });
        article.source().ifPresent(s -> {
            doc.add(new TextField(Schema.SOURCE, s, Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(Schema.FACET_SOURCE, keyword(s)));
        });
        article.link().ifPresent(l -> doc.add(new StoredField(Schema.LINK, l)));
        article.summary().ifPresent(s -> doc.add(new StoredField(Schema.SUMMARY, s)));
        article.published().ifPresent(p -> {
            doc.add(new StoredField(Schema.PUBLISHED, p.toString()));
            long day = p.date().toEpochDay();
            doc.add(new LongPoint(Schema.DATE, day));
            doc.add(new NumericDocValuesField(Schema.DATE, day));
            doc.add(new SortedSetDocValuesFacetField(Schema.FACET_YEAR, String.valueOf(p.date().getYear())));
            doc.add(new SortedSetDocValuesFacetField(Schema.FACET_MONTH, p.date().toString().substring(0, 7)));
        });
        doc.add(new StoredField(Schema.PROPERTIES, Codec.map(article.properties())));
        doc.add(new StoredField(Schema.WARNINGS, Codec.strings(article.warnings())));
        doc.add(new StoredField(Schema.BLOCKS, Codec.blocks(article.blocks())));
        doc.add(new SortedDocValuesField(Schema.ORDER, order(article.path(), position)));
        doc.add(new BinaryDocValuesField(Schema.KEY_AND_PATH, Codec.strings(List.of(article.key(), article.path()))));
        return doc;
    }

    /** Path, a zero byte (below any character of a path), then the place in the file: sorts as the corpus does. */
    private static org.apache.lucene.util.BytesRef order(String path, int position) {
        byte[] p = path.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(p, p.length + 5);
        bytes[p.length + 1] = (byte) (position >>> 24);
        bytes[p.length + 2] = (byte) (position >>> 16);
        bytes[p.length + 3] = (byte) (position >>> 8);
        bytes[p.length + 4] = (byte) position;
        return new org.apache.lucene.util.BytesRef(bytes);
    }

    /** The place an article already in the index has in its file (0 for a new one): re-indexing keeps it. */
    private int placeInFile(Article article) {
        return withSearcher(s -> {
            TopDocs top = s.search(new TermQuery(new Term(Schema.KEY, article.key())), 1);
            if (top.scoreDocs.length == 0) {
                return 0;
            }
            int doc = top.scoreDocs[0].doc;
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
            var values = leaf.reader().getSortedDocValues(Schema.ORDER);
            if (values == null || !values.advanceExact(doc - leaf.docBase)) {
                return 0;
            }
            org.apache.lucene.util.BytesRef bytes = values.lookupOrd(values.ordValue());
            byte[] p = article.path().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (bytes.length != p.length + 5) {
                return 0; // it came from another file
            }
            int at = bytes.offset + p.length + 1;
            return (bytes.bytes[at] & 0xff) << 24 | (bytes.bytes[at + 1] & 0xff) << 16 | (bytes.bytes[at + 2] & 0xff) << 8 | (bytes.bytes[at + 3] & 0xff);
        });
    }

    private static String keyword(String value) {
        return value.length() <= Schema.MAX_KEYWORD_CHARS ? value : value.substring(0, Schema.MAX_KEYWORD_CHARS);
    }

    public void deleteArticle(String key) {
        delete(new Term(Schema.KEY, key));
    }

    /** Adds or replaces what the index remembers of a corpus file (by path). */
    public void putFile(FileRecord record) {
        putFile(record, true);
    }

    /** As {@link #putFile(FileRecord)}; {@code mayReplace} false: the index knows no file of this path. */
    public void putFile(FileRecord record, boolean mayReplace) {
        write(mayReplace ? new Term(Schema.FILE_PATH, record.path()) : null, fileDocument(record.path(), Codec.fileRecord(record)));
    }

    private static Document fileDocument(String path, org.apache.lucene.util.BytesRef record) {
        Document doc = new Document();
        doc.add(new StringField(Schema.TYPE, Schema.TYPE_FILE, Field.Store.NO));
        doc.add(new StringField(Schema.FILE_PATH, path, Field.Store.NO));
        doc.add(new BinaryDocValuesField(Schema.FILE_RECORD, record));
        // Empty title and body: no terms, so no match and no effect on scores, but every document
        // then has a norm for them. With file and article documents interleaved, norms present in
        // only half the documents are stored sparse, and flushing a segment looked every posting's
        // norm up in that sparse list: a quarter of the time of a first index, gone with dense norms.
        doc.add(new TextField(Schema.TITLE, "", Field.Store.NO));
        doc.add(new Field(Schema.BODY, "", Schema.UNSTORED_TEXT_WITH_OFFSETS));
        return doc;
    }

    public void deleteFile(String path) {
        delete(new Term(Schema.FILE_PATH, path));
    }

    /**
     * Makes every change so far durable and visible to readers. A crash before this loses only
     * the changes since the last commit, which the next run redoes.
     */
    public void commit() {
        requireWriter();
        try {
            IndexWriter w = usableWriter();
            w.setLiveCommitData(Map.of(Schema.VERSION_KEY, String.valueOf(Schema.VERSION)).entrySet());
            w.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
            throw writeFailure(e);
        }
    }

    /**
     * Makes every change so far visible to the next read in this process, without making it
     * durable: for changes that a later {@link #commit()} or a re-sync will save. The reader is
     * reopened by that next read, not now, so that a burst of changes (an analyst highlighting
     * passage after passage) pays for one reopen, and a change pays nothing while nobody reads.
     */
    public void refresh() {
        requireWriter();
        stale = true;
    }

    /**
     * Makes every change so far visible to readers now, on the calling thread, so that no reader
     * pays for the reopen: for a background writer. Not durable, as {@link #refresh()}.
     */
    public void reopen() {
        requireWriter();
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new QuireException("Cannot read the index at '" + location + "': " + e.getMessage(), e);
        }
    }

    /**
     * Indexes articles into a throwaway index in a temporary folder, a round at a time, each round
     * made visible to a reader and searched as a watched update is, then deletes it: this runs
     * Lucene's analysis, indexing, flushing and reopening code that a session which only re-checked
     * an unchanged corpus has never run, so that the JIT has compiled it before the first real update
     * (see {@code CorpusIndexer.warmUp}). Stops between articles when {@code stop} says so.
     */
    public static void rehearse(List<List<Article>> rounds, java.util.function.BooleanSupplier stop) throws IOException {
        Path dir = Files.createTempDirectory("quire-warm-up");
        try (Directory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.CREATE))) {
            FacetsConfig facets = Schema.facets();
            ArticleSearcher searcher = new ArticleSearcher(Schema.analyzer());
            DirectoryReader reader = DirectoryReader.open(writer);
            try {
                for (List<Article> round : rounds) {
                    for (int i = 0; i < round.size(); i++) {
                        if (stop.getAsBoolean()) {
                            return;
                        }
                        Article article = round.get(i);
                        writer.updateDocument(new Term(Schema.FILE_PATH, article.path()), fileDocument(article.path(), Codec.fileRecord(new FileRecord(article.path(), 0, 0, "", List.of(), List.of()))));
                        writer.updateDocument(new Term(Schema.KEY, article.key()), facets.build(articleDocument(article, SearchableAnnotations.NONE, i)));
                    }
                    DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
                    if (newer != null) {
                        reader.close();
                        reader = newer;
                    }
                    searcher.search(new IndexSearcher(reader), SearchRequest.of(""));
                }
            } finally {
                reader.close();
                writer.rollback();
            }
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Closes without committing: what was not committed is dropped, as after a crash. */
    @Override
    public void close() {
        try {
            searchers.close();
            if (writer != null) {
                writer.rollback();
            }
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireWriter() {
        if (writer == null) {
            throw new IllegalStateException("the index was opened read-only");
        }
    }

    /** Adds a document, replacing those that have {@code term} unless it is null. */
    private void write(Term term, Document doc) {
        requireWriter();
        try {
            if (term == null) {
                usableWriter().addDocument(doc);
            } else {
                usableWriter().updateDocument(term, doc);
            }
        } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
            throw writeFailure(e);
        }
    }

    private void delete(Term term) {
        requireWriter();
        try {
            usableWriter().deleteDocuments(term);
        } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
            throw writeFailure(e);
        }
    }

    @FunctionalInterface
    private interface SearcherTask<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherTask<T> task) {
        try {
            if (writer != null && !writer.isOpen()) {
                usableWriter(); // a failure closed it; read the last commit through a fresh one
            }
            if (stale) {
                // Cleared first: a change made while reopening marks the index stale again.
                stale = false;
                searchers.maybeRefreshBlocking();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return task.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new QuireException("Cannot read the index at '" + location + "': " + e.getMessage(), e);
        }
    }

    private void forEachDocument(String type, Set<String> fields, java.util.function.Consumer<Document> action) {
        withSearcher(searcher -> {
            // Walk the segments directly: listing every document is not a ranked search.
            Term typeTerm = new Term(Schema.TYPE, type);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                var postings = leaf.reader().postings(typeTerm);
                if (postings == null) {
                    continue;
                }
                for (int doc = postings.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        action.accept(stored.document(doc, fields));
                    }
                }
            }
            return null;
        });
    }

    private void forEachBinaryValue(String field, java.util.function.Consumer<org.apache.lucene.util.BytesRef> action) {
        withSearcher(searcher -> {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                var values = leaf.reader().getBinaryDocValues(field);
                if (values == null) {
                    continue;
                }
                for (int doc = values.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        action.accept(values.binaryValue());
                    }
                }
            }
            return null;
        });
    }

    private static ArticleSummary summaryOf(Document doc) {
        return new ArticleSummary(
                doc.get(Schema.KEY),
                doc.get(Schema.TITLE),
                Optional.ofNullable(doc.get(Schema.PUBLISHED)).map(Published::parse),
                Optional.ofNullable(doc.get(Schema.AUTHOR)),
                Optional.ofNullable(doc.get(Schema.SOURCE)),
                doc.get(Schema.PATH),
                Codec.strings(doc.getBinaryValue(Schema.WARNINGS)));
    }

    private static Article articleOf(Document doc) {
        return new Article(
                doc.get(Schema.KEY),
                doc.get(Schema.PATH),
                doc.get(Schema.TITLE),
                Optional.ofNullable(doc.get(Schema.PUBLISHED)).map(Published::parse),
                Optional.ofNullable(doc.get(Schema.AUTHOR)),
                Optional.ofNullable(doc.get(Schema.SOURCE)),
                Optional.ofNullable(doc.get(Schema.LINK)),
                Optional.ofNullable(doc.get(Schema.SUMMARY)),
                Codec.map(doc.getBinaryValue(Schema.PROPERTIES)),
                Codec.strings(doc.getBinaryValue(Schema.WARNINGS)),
                doc.get(Schema.BODY),
                Codec.blocks(doc.getBinaryValue(Schema.BLOCKS)));
    }
}
