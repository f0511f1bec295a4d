package quire.model;

/** Whether a highlight sits on its passage, or lost it when the article's text changed. */
public enum HighlightState {
    /** On its passage in the article's current text. */
    ANCHORED,
    /**
     * Its passage could not be found again with confidence. It keeps all its data and the text it
     * was made on, and can be re-attached by hand; it is never silently moved or dropped.
     */
    ORPHANED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
