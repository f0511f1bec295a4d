package quire.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One article: its metadata and its canonical clean text, split into blocks.
 *
 * <p>The canonical text is the contract every other part relies on: highlights, search hits and
 * the reader all address it by {@code String} index. Blocks are in order, do not overlap and are
 * separated by a blank line ({@code "\n\n"}).
 *
 * @param key stable identity that survives re-ingest and a file rename
 * @param path the file it came from, relative to the corpus folder, with {@code /} separators
 * @param summary a deck, excerpt or description, when the source gives one
 * @param properties further metadata as the source gives it (WordPress id, slug, guid, modified,
 *     categories...), in a stable order
 * @param warnings plain sentences about what was wrong with the file, e.g. that it was truncated
 */
public record Article(
        String key,
        String path,
        String title,
        Optional<Published> published,
        Optional<String> author,
        Optional<String> source,
        Optional<String> link,
        Optional<String> summary,
        Map<String, String> properties,
        List<String> warnings,
        String text,
        List<Block> blocks) {

    public Article {
        requireNonBlank(key, "key");
        Objects.requireNonNull(path, "path");
        requireNonBlank(title, "title");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(summary, "summary");
        properties = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(properties));
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(text, "text");
        blocks = List.copyOf(blocks);
        int previousEnd = 0;
        for (Block block : blocks) {
            if (block.start() < previousEnd || block.end() > text.length()) {
                throw new IllegalArgumentException(
                        "blocks must be ordered, disjoint and inside the text: " + block);
            }
            previousEnd = block.end();
        }
    }

    /**
     * A short hash of the canonical text: identical texts share it, and a highlight records which
     * version of the text its offsets refer to.
     */
    public String textHash() {
        return textHash(text);
    }

    private static final byte[] TEXT_HASH_PREFIX = "text\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The hash {@link #textHash()} gives for a text. */
    public static String textHash(String text) {
        try {
            // Fed in two parts: the same digest as of the joined string, without copying the text once more.
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(TEXT_HASH_PREFIX);
            byte[] digest = sha.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The text of one block. */
    public String textOf(Block block) {
        return text.substring(block.start(), block.end());
    }

    /** A copy of this article under another key. */
    public Article withKey(String newKey) {
        return new Article(
                newKey, path, title, published, author, source, link, summary, properties, warnings, text, blocks);
    }

    /** A copy of this article with one more warning. */
    public Article withWarning(String warning) {
        List<String> more = new java.util.ArrayList<>(warnings);
        more.add(warning);
        return new Article(key, path, title, published, author, source, link, summary, properties, more, text, blocks);
    }

    private static void requireNonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
