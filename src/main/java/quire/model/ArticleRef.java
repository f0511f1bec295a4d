package quire.model;

import java.util.Objects;

/**
 * What the index remembers of an article a file yielded, enough to decide between duplicate
 * copies without reading the file again.
 *
 * @param textHash hash of the canonical text: identical copies share it
 * @param warnings how many warnings the copy had (a truncated copy loses to a complete one)
 * @param textLength length of the canonical text (the fuller copy wins)
 * @param identity what the key was derived from: a link is the strongest identity
 * @param ownKey the key the article's own link, guid, title and date or text give it, which a fresh
 *     index would file it under; {@code key} differs when the article kept the key of what its file
 *     held before an edit, or holds a copy's key (a title-and-date key cannot be told from the
 *     text, so it is remembered)
 */
public record ArticleRef(String key, String textHash, int warnings, int textLength, KeyBasis identity, String ownKey) {
    public ArticleRef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(textHash, "textHash");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(ownKey, "ownKey");
    }

    /**
     * An article whose own key is the one records stored before own keys were remembered imply:
     * the text's hash for a key known only by its text, else the key itself.
     */
    public static ArticleRef withImpliedOwnKey(String key, String textHash, int warnings, int textLength, KeyBasis identity) {
        return new ArticleRef(key, textHash, warnings, textLength, identity, identity == KeyBasis.TEXT ? textHash : key);
    }

    /** The same article under another key. */
    public ArticleRef withKey(String newKey) {
        return new ArticleRef(newKey, textHash, warnings, textLength, identity, ownKey);
    }
}
