package quire.store;

import quire.model.Highlight;
import quire.model.HighlightState;

/** SKELETON: the anchoring helper implements this. Re-attaches highlights when an article's text changes. */
public final class Anchoring {
    private Anchoring() {}

    /** How a highlight was found again, or that it was not. */
    public enum Method { POSITION, QUOTE, FUZZY, NONE }

    /**
     * @param highlightId the highlight
     * @param start new start in the new text (the old one when orphaned)
     * @param end new end in the new text (the old one when orphaned)
     * @param quote the text now covered (the old quote when orphaned)
     * @param score 1.0 for an exact match, lower for fuzzy ones
     */
    public record Result(String highlightId, int start, int end, String quote, HighlightState state, Method method, double score) {}

    /** Finds a highlight again in an article's new canonical text. Pure, deterministic, bounded in time. */
    public static Result anchor(Highlight highlight, String newText) {
        throw new UnsupportedOperationException();
    }
}
