package quire.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/** Field names, field types and analyzers of the index, in one place. */
final class Schema {
    /**
     * Bumped whenever documents are written differently; an index from another version is rebuilt
     * from the files, since it is only a cache.
     */
    static final int VERSION = 1;

    static final String VERSION_KEY = "quire.schema";

    // Document kinds: one "file" document per corpus file, one "article" document per article.
    static final String TYPE = "type";
    static final String TYPE_FILE = "file";
    static final String TYPE_ARTICLE = "article";

    // File documents.
    static final String FILE_PATH = "file_path";
    static final String FILE_RECORD = "file_record";

    // Article documents.
    static final String KEY = "key";
    static final String PATH = "path";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String AUTHOR = "author";
    static final String SOURCE = "source";
    static final String LINK = "link";
    static final String SUMMARY = "summary";
    static final String PUBLISHED = "published";
    static final String DATE = "date";
    static final String PROPERTIES = "properties";
    static final String WARNINGS = "warnings";
    static final String BLOCKS = "blocks";

    /** Full text with offsets in the postings, so highlighting never re-analyses an article. */
    static final FieldType TEXT_WITH_OFFSETS;

    static {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        TEXT_WITH_OFFSETS = type;
    }

    private Schema() {}

    static Analyzer analyzer() {
        Analyzer english = new EnglishAnalyzer();
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(TITLE, english, BODY, english));
    }
}
