package quire.ingest;

import java.util.List;
import quire.model.Problem;

/**
 * What a walk over a corpus folder found.
 *
 * @param files the files to ingest, sorted by path
 * @param problems what was skipped and why: unreadable folders, broken links, link loops...
 */
public record Scan(List<CorpusFile> files, List<Problem> problems) {
    public Scan {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }
}
