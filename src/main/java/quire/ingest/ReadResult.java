package quire.ingest;

import java.util.List;

/**
 * What a format reader made of one file.
 *
 * @param drafts the articles recovered, in file order
 * @param skipped plain sentences about parts of the file that were skipped, e.g. "Line 7 is not a
 *     WordPress post: it has no title or content." (the file itself was still read)
 */
public record ReadResult(List<ArticleDraft> drafts, List<String> skipped) {
    public ReadResult {
        drafts = List.copyOf(drafts);
        skipped = List.copyOf(skipped);
    }

    public static ReadResult of(ArticleDraft draft) {
        return new ReadResult(List.of(draft), List.of());
    }
}
