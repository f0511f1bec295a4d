package quire.ingest;

import java.nio.file.Path;

public record CorpusFile(Path file, String path, long size, long modifiedMillis) {}
