package quire.ingest;

import java.util.Locale;

/** The formats Quire reads, told apart by content (the file name is only a tie-breaker). */
enum Format {
    /** WordPress REST API JSON: one post, an array of posts, or JSON Lines. */
    WORDPRESS_JSON,
    /** A saved web page. */
    HTML_PAGE,
    /** Markdown, usually with YAML front matter. */
    MARKDOWN,
    /** Plain text, including scraped newspaper pages. */
    PLAIN_TEXT;

    /** Tells the format from the first characters of the decoded text. */
    static Format sniff(String content, String fileName) {
        int i = 0;
        while (i < content.length() && Character.isWhitespace(content.charAt(i))) {
            i++;
        }
        if (i == content.length()) {
            return PLAIN_TEXT;
        }
        char first = content.charAt(i);
        if (first == '{' || first == '[') {
            return WORDPRESS_JSON;
        }
        String head = content.substring(i, Math.min(content.length(), i + 1024)).toLowerCase(Locale.ROOT);
        if (first == '<' && looksLikeHtml(head)) {
            return HTML_PAGE;
        }
        if (content.startsWith("---", i) && isFrontMatterFence(content, i)) {
            return MARKDOWN;
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return MARKDOWN;
        }
        return PLAIN_TEXT;
    }

    /**
     * How many characters of junk stand before JSON that starts within the first few characters
     * (a damaged file, or bytes glued on by a broken download); 0 if there is none or no JSON.
     */
    static int junkBeforeJson(String content) {
        int limit = Math.min(content.length(), 32);
        for (int i = 0; i < limit; i++) {
            char c = content.charAt(i);
            if (c == '{' || c == '[') {
                return i > 0 && opensJson(content, i) && !content.substring(0, i).isBlank() ? i : 0;
            }
        }
        return 0;
    }

    private static boolean opensJson(String content, int at) {
        int i = at + 1;
        while (i < content.length() && Character.isWhitespace(content.charAt(i))) {
            i++;
        }
        return i < content.length() && (content.charAt(i) == '"' || content.charAt(at) == '[' && content.charAt(i) == '{');
    }

    private static boolean looksLikeHtml(String head) {
        return head.startsWith("<!doctype html")
                || head.startsWith("<html")
                || head.startsWith("<head")
                || head.startsWith("<body")
                || head.startsWith("<meta")
                || head.startsWith("<article")
                || head.startsWith("<!--")
                || head.startsWith("<div")
                || head.startsWith("<p>")
                || head.startsWith("<p ")
                || head.startsWith("<?xml") && head.contains("<html");
    }

    private static boolean isFrontMatterFence(String content, int at) {
        int lineEnd = content.indexOf('\n', at);
        String line = (lineEnd < 0 ? content.substring(at) : content.substring(at, lineEnd)).strip();
        return line.equals("---") && lineEnd >= 0 && content.indexOf("\n---", lineEnd) >= 0;
    }
}
