package quire.model;

/** What an article's key was derived from, strongest first. */
public enum KeyBasis {
    /** The publisher's link to the article. */
    LINK,
    /** The publisher's unique id (WordPress guid). */
    GUID,
    /** Title and publication date. */
    TITLE_AND_DATE,
    /** The canonical text itself. */
    TEXT
}
