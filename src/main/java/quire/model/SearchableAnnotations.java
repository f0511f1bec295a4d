package quire.model;

import java.util.List;
import java.util.Objects;

/**
 * What the analyst attached to an article, in the form search needs: every tag on the article or
 * on one of its highlights, and the text of every note, so that one query covers text, tags and
 * notes ({@code tag:treaty AND note:verify}).
 */
public record SearchableAnnotations(List<String> tags, List<String> notes) {
    public static final SearchableAnnotations NONE = new SearchableAnnotations(List.of(), List.of());

    public SearchableAnnotations {
        tags = List.copyOf(tags);
        notes = List.copyOf(notes);
        Objects.requireNonNull(tags, "tags");
    }

    public boolean isEmpty() {
        return tags.isEmpty() && notes.isEmpty();
    }
}
