package quire.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import quire.model.Article;
import quire.model.KeyBasis;

/**
 * Stable article keys. A key depends only on what identifies the article, never on the file's
 * name or place, so it survives a rename and a re-ingest: the publisher's link (or guid) when
 * there is one; otherwise title and publication date; otherwise the text itself.
 */
public final class ArticleKeys {
    private ArticleKeys() {}

    /** The key of an article recovered from a file. */
    public static String keyOf(ArticleDraft draft, String title, String text) {
        Optional<String> link = draft.link().map(ArticleKeys::canonicalLink).filter(s -> !s.isEmpty());
        if (link.isPresent()) {
            return hash("link\n" + link.get());
        }
        Optional<String> guid = draft.guid().map(String::strip).filter(s -> !s.isEmpty());
        if (guid.isPresent()) {
            return hash("guid\n" + guid.get());
        }
        if (draft.published().isPresent() && !title.isBlank()) {
            return hash("title\n" + title.strip().toLowerCase(Locale.ROOT) + "\n" + draft.published().get().date());
        }
        return hash("text\n" + text);
    }

    /**
     * What {@link #keyOf} derived an ingested article's key from. The ingester keeps the guid in
     * the article's properties under {@code guid}.
     */
    public static KeyBasis basisOf(Article article) {
        if (article.link().isPresent()) {
            return KeyBasis.LINK;
        }
        if (article.properties().containsKey("guid")) {
            return KeyBasis.GUID;
        }
        if (article.published().isPresent()) {
            return KeyBasis.TITLE_AND_DATE;
        }
        return KeyBasis.TEXT;
    }

    /**
     * The key of a copy of a text whose own key is held by an edited article that kept it: derived
     * from that key, so every such copy gets the same one (and they are duplicates of each other).
     */
    public static String keyOfCopy(String key) {
        return hash("copy\n" + key);
    }

    /** A hash of the canonical text, used to recognise identical copies and unchanged articles. */
    public static String textHash(String text) {
        return Article.textHash(text);
    }

    /** A hash of a file's bytes, to confirm that a file whose size or time changed really changed. */
    public static String contentHash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The form of a link under which two spellings of the same address compare equal: scheme and
     * host lower-cased, default port, fragment and trailing slash dropped.
     */
    public static String canonicalLink(String link) {
        String trimmed = link.strip();
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return stripSlash(trimmed);
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("http")) {
                // The same post is often saved once over http and once over https.
                scheme = "https";
            }
            String host = uri.getHost() == null ? uri.getRawAuthority() : uri.getHost().toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return stripSlash(scheme + "://" + host + path) + query;
        } catch (java.net.URISyntaxException e) {
            return stripSlash(trimmed);
        }
    }

    /** The host of a link without {@code www.}, as a source name: {@code koreapro.org}. */
    public static Optional<String> hostOf(String link) {
        try {
            String host = new URI(link.strip()).getHost();
            if (host == null || host.isBlank()) {
                return Optional.empty();
            }
            host = host.toLowerCase(Locale.ROOT);
            return Optional.of(host.startsWith("www.") ? host.substring(4) : host);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String hash(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
