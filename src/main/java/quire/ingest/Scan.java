package quire.ingest;

import java.util.List;
import quire.model.Problem;

public record Scan(List<CorpusFile> files, List<Problem> problems) {}
