package quire.export;

import java.util.List;

/**
 * What {@link WebAnnotationJson#read} found in an annotation file.
 *
 * @param highlights in file order; for files from other tools, {@code articleKey} is the source
 *     address, and {@code textHash} is empty when the file gave no position (the start and end are
 *     then 0 and the quote's length, to be anchored again by quote)
 * @param articleNotes notes and tags on whole articles, one per article
 */
public record AnnotationImport(List<quire.model.Highlight> highlights, List<ArticleNote> articleNotes) {
    public AnnotationImport {
        highlights = List.copyOf(highlights);
        articleNotes = List.copyOf(articleNotes);
    }
}
