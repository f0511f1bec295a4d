package quire.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of a corpus folder, as found by {@link CorpusScanner}.
 *
 * @param file where to read it (may lead through a symbolic link)
 * @param path its path relative to the corpus folder, with {@code /} separators
 * @param size its size in bytes when it was found
 * @param modifiedMillis its last-modified time when it was found, in milliseconds since the epoch
 */
public record CorpusFile(Path file, String path, long size, long modifiedMillis) {
    public CorpusFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("path must not be empty");
        }
    }
}
