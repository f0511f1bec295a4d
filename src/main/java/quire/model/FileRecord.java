package quire.model;

import java.util.List;
import java.util.Objects;

/**
 * The index's memory of one corpus file as it was last read: enough to tell whether it changed,
 * which articles it yielded and what was wrong with it.
 *
 * @param path relative to the corpus folder, {@code /}-separated
 * @param contentHash hash of the file's bytes, to confirm a change when size or time differ
 */
public record FileRecord(
        String path,
        long size,
        long modifiedMillis,
        String contentHash,
        List<ArticleRef> articles,
        List<Problem> problems) {
    public FileRecord {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(contentHash, "contentHash");
        articles = List.copyOf(articles);
        problems = List.copyOf(problems);
    }

    public FileRecord withStat(long newSize, long newModifiedMillis) {
        return new FileRecord(path, newSize, newModifiedMillis, contentHash, articles, problems);
    }
}
