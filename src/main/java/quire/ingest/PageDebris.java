package quire.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises the lines a copy-and-paste or scrape of a news page brings along that are not part of
 * the article: share buttons ("Send to", "Facebook Twitter Kakao"), font-size controls ("A A"),
 * "Advertisement", copyright footers. Only a whole line that is nothing but such words counts, so
 * a real sentence is never taken for debris. Stateless.
 */
final class PageDebris {
    /** Whole-line phrases. */
    private static final Set<String> PHRASES = Set.of(
            "send to", "share", "share this", "share this article", "share this story", "share on facebook",
            "share on twitter", "share on x", "print", "print this", "print article", "print this article",
            "email", "e-mail", "mail", "facebook", "twitter", "x", "kakao", "kakaotalk", "kakao talk",
            "kakaostory", "kakao story", "line", "linkedin", "whatsapp", "telegram", "naver", "naver band",
            "band", "copy link", "copy url", "link copied", "url copied", "a a", "a+ a-", "a- a+", "aa",
            "font size", "text size", "listen", "listen to this article", "subscribe", "subscribe now",
            "advertisement", "ad", "sponsored", "story continues below advertisement",
            "continue reading", "comments", "scroll to top", "top", "more", "close", "menu", "search", "login",
            "log in", "sign in", "reprint", "all rights reserved");
    /** Words that make up button rows like "Share | Print | Email" or "Facebook Twitter Kakao". */
    private static final Set<String> BUTTON_WORDS = Set.of(
            "share", "print", "email", "e-mail", "facebook", "twitter", "kakao", "kakaotalk", "kakaostory",
            "linkedin", "whatsapp", "telegram", "naver", "band", "a", "aa", "a+", "a-", "listen", "subscribe", "x",
            "line", "url", "link", "copy");
    /** Markers an article's middle may hold too; other debris is only looked for at its edges. */
    private static final Set<String> AD_MARKERS = Set.of(
            "advertisement", "ad", "sponsored", "story continues below advertisement", "continue reading");
    private static final int LONGEST_AD_MARKER = AD_MARKERS.stream().mapToInt(String::length).max().orElseThrow();
    private static final Pattern TRAILING_STOPS = Pattern.compile("[.:]+$");
    private static final Pattern BUTTON_SEPARATORS = Pattern.compile("[\\s|·•/,]+");
    private static final Pattern COPYRIGHT = Pattern.compile(
            "(?:©|ⓒ|\\(c\\)|copyright\\s*(?:©|ⓒ|\\(c\\)|\\d{4}|by\\b)).*", Pattern.CASE_INSENSITIVE);
    private static final int MAX_FOOTER = 200;

    private PageDebris() {}

    /** Whether the line is page furniture rather than article text. */
    static boolean isDebris(String line) {
        if (line.length() > MAX_FOOTER) {
            return false;
        }
        String s = normalise(line);
        if (s.isEmpty()) {
            return false;
        }
        if (PHRASES.contains(s) || isCopyright(s)) {
            return true;
        }
        String[] words = BUTTON_SEPARATORS.split(s);
        if (words.length < 2) {
            return false;
        }
        for (String word : words) {
            if (!word.isEmpty() && !BUTTON_WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the line only marks an advertisement, which may sit between paragraphs. */
    static boolean isAdMarker(String line) {
        // Asked of every paragraph: one with more visible characters than the longest marker is none,
        // without cleaning and lower-casing it. (Cleaning keeps every printable ASCII character, and
        // only trailing dots and colons are cut, so counting the others is a safe lower bound.)
        int visible = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c > ' ' && c < '\u007F' && c != '.' && c != ':' && ++visible > LONGEST_AD_MARKER) {
                return false;
            }
        }
        return AD_MARKERS.contains(normalise(line));
    }

    private static boolean isCopyright(String s) {
        if (s.length() > MAX_FOOTER) {
            return false;
        }
        return COPYRIGHT.matcher(s).matches()
                || s.contains("all rights reserved")
                || s.contains("무단 전재")
                || s.contains("무단전재")
                || s.contains("재배포 금지");
    }

    private static String normalise(String line) {
        return TRAILING_STOPS.matcher(BodyBuilder.clean(line).toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
