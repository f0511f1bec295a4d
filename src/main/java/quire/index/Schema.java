package quire.index;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;

/** Field names, field types and analyzers of the index, in one place. */
final class Schema {
    /**
     * Bumped whenever documents are written differently; an index from another version is rebuilt
     * from the files, since it is only a cache.
     */
    static final int VERSION = 5;

    static final String VERSION_KEY = "quire.schema";

    // Document kinds: one "file" document per corpus file, one "article" document per article.
    static final String TYPE = "type";
    static final String TYPE_FILE = "file";
    static final String TYPE_ARTICLE = "article";

    // File documents.
    static final String FILE_PATH = "file_path";
    /** Binary doc values, not stored fields: reading 100k of them must not decompress article bodies. */
    static final String FILE_RECORD = "file_record";

    // Article documents. Title and body are indexed with English analysis, and again with
    // Korean analysis (nori: words without their attached particles) when the article has Korean text.
    static final String KEY = "key";
    static final String PATH = "path";
    static final String TITLE = "title";
    static final String TITLE_KO = "title_ko";
    static final String BODY = "body";
    static final String BODY_KO = "body_ko";
    static final String AUTHOR = "author";
    static final String SOURCE = "source";
    static final String LINK = "link";
    static final String SUMMARY = "summary";
    static final String PUBLISHED = "published";
    static final String DATE = "date";
    static final String TAG = "tag";
    static final String NOTE = "note";
    static final String PROPERTIES = "properties";
    static final String WARNINGS = "warnings";
    static final String BLOCKS = "blocks";
    /** Key and path again as doc values, so the whole key-to-file map loads without touching stored bodies. */
    static final String KEY_AND_PATH = "key_and_path";
    /**
     * Where an article sits in the corpus (its file's path, then its place in that file) as sorted
     * doc values: what breaks ties between equal sort keys, so that ties come out in file order
     * whatever order the documents were written in (indexing writes on several threads).
     */
    static final String ORDER = "order";
    /** A fingerprint of the annotations indexed with an article, to find articles whose tags and notes changed. */
    static final String ANNOTATIONS_FINGERPRINT = "annotations_fingerprint";

    // Facet dimensions.
    static final String FACET_SOURCE = "source";
    static final String FACET_AUTHOR = "author";
    static final String FACET_YEAR = "year";
    static final String FACET_MONTH = "month";
    static final String FACET_TAG = "tag";
    static final List<String> FACETS = List.of(FACET_SOURCE, FACET_AUTHOR, FACET_YEAR, FACET_MONTH, FACET_TAG);

    /** Fields a query may name, as the analyst types them. */
    static final List<String> QUERY_FIELDS = List.of(TITLE, AUTHOR, SOURCE, TAG, NOTE, DATE);

    /** Fields searched by words without a field name, and how much a match in each counts. */
    static final Map<String, Float> DEFAULT_FIELDS = Map.of(TITLE, 2f, BODY, 1f, TITLE_KO, 2f, BODY_KO, 1f);

    /** Full text with offsets in the postings, so highlighting never re-analyses an article. */
    static final FieldType TEXT_WITH_OFFSETS = textType(true);

    /** As {@link #TEXT_WITH_OFFSETS}, not stored: the Korean copy of the body is the same text. */
    static final FieldType UNSTORED_TEXT_WITH_OFFSETS = textType(false);

    /** Longest value indexed as one keyword; Lucene rejects terms over 32 KB, and no real name is this long. */
    static final int MAX_KEYWORD_CHARS = 512;

    private Schema() {}

    private static FieldType textType(boolean stored) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(stored);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    static Analyzer analyzer() {
        Analyzer english = new EnglishAnalyzer();
        Analyzer korean = new KoreanAnalyzer();
        // A HashMap, not Map.of: the query parser asks for the analyzer of a null field.
        Map<String, Analyzer> perField = new HashMap<>();
        perField.put(TITLE, english);
        perField.put(BODY, english);
        perField.put(NOTE, english);
        perField.put(TITLE_KO, korean);
        perField.put(BODY_KO, korean);
        perField.put(DATE, new KeywordAnalyzer());
        perField.put(TAG, tagAnalyzer());
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
    }

    /** Tags are matched whole and case-insensitively: {@code tag:Treaty} finds {@code treaty}. */
    static Analyzer tagAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                org.apache.lucene.analysis.Tokenizer source = new org.apache.lucene.analysis.core.KeywordTokenizer();
                return new TokenStreamComponents(source, new org.apache.lucene.analysis.LowerCaseFilter(source));
            }

            @Override
            protected org.apache.lucene.analysis.TokenStream normalize(String fieldName, org.apache.lucene.analysis.TokenStream in) {
                return new org.apache.lucene.analysis.LowerCaseFilter(in);
            }
        };
    }

    static FacetsConfig facets() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(FACET_TAG, true);
        config.setMultiValued(FACET_AUTHOR, true);
        return config;
    }
}
