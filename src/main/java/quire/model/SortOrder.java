package quire.model;

/** How search results are ordered. */
public enum SortOrder {
    /** Best match first. */
    RELEVANCE,
    /** Newest first; undated articles last. */
    DATE,
    /** Oldest first; undated articles last. */
    DATE_ASCENDING
}
