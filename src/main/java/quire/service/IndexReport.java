package quire.service;

import java.util.List;
import java.util.Optional;
import quire.model.Problem;

/**
 * What one update of the index did. File counts compare the corpus folder with the index;
 * {@code articles} is how many distinct articles the index holds afterwards.
 *
 * @param duplicates extra copies of articles found elsewhere in the corpus (each also a problem)
 * @param problems every file with a problem, including unchanged files whose problems are known
 * @param rebuilt why the whole index had to be rebuilt, if it had to
 * @param cancelled true if the update was cancelled; what was done so far is kept
 */
public record IndexReport(
        String corpus,
        int files,
        int articles,
        int added,
        int updated,
        int removed,
        int unchanged,
        int duplicates,
        List<Problem> problems,
        long tookMs,
        Optional<String> rebuilt,
        boolean cancelled) {
    public IndexReport {
        problems = List.copyOf(problems);
    }
}
