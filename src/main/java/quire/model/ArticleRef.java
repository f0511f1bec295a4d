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
 */
public record ArticleRef(String key, String textHash, int warnings, int textLength, KeyBasis identity) {
    public ArticleRef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(textHash, "textHash");
        Objects.requireNonNull(identity, "identity");
    }
}
