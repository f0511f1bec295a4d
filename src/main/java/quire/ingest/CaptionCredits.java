package quire.ingest;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a photo caption from a paragraph by the photo credit in parentheses that ends it: "... the
 * previous day. (Yonhap)", "(Pool via Reuters)", "(AP Photo/Lee Jin-man)". Body text also ends
 * with parentheticals ("after the war (in Ukraine)"), so only known credits, the "X via Y" pattern
 * and photo words count. Stateless.
 */
final class CaptionCredits {
    private static final Pattern TRAILING_PARENTHETICAL = Pattern.compile("\\(([^()]{1,100})\\)\\.?\\s*$");
    private static final Pattern PHOTO_WORD =
            Pattern.compile("\\b(?:photo|photos|photograph|photographs|pictures?)\\b", Pattern.CASE_INSENSITIVE);
    // Case-sensitive: credits name agencies, so "(Pool via Reuters)" but not "(sent via email)".
    private static final Pattern VIA = Pattern.compile("\\p{Lu}[^()]*\\svia\\s+[\\p{Lu}0-9][^()]*");
    private static final Pattern MINISTRY = Pattern.compile("(?:\\p{Lu}[\\p{L}-]*\\s+){1,3}Ministry");
    private static final Pattern CREDIT_PARTS = Pattern.compile("\\s*[/\\-–,;]\\s*");
    private static final int MIN_CAPTION_TEXT = 10;

    /** Wire services, newspapers, photo agencies and offices that credit photos in Korean and world news. */
    private static final Set<String> KNOWN = Set.of(
            "yonhap", "yonhap photo", "ap", "afp", "reuters", "epa", "xinhua", "kcna", "kcna watch", "newsis",
            "news1", "getty images", "getty images bank", "getty images korea", "bloomberg", "kyodo", "jiji press",
            "tass", "sputnik", "ria novosti", "anadolu", "dpa", "upi", "pool", "joint press corps",
            "the korea herald", "korea herald", "herald db", "korea herald db", "the korea times", "korea times",
            "joongang ilbo", "korea joongang daily", "chosun ilbo", "dong-a ilbo", "hankyoreh", "nk news",
            "rodong sinmun", "kbs", "mbc", "sbs", "ytn", "jtbc", "arirang", "shutterstock", "123rf", "unsplash",
            "pixabay", "istock", "wikimedia commons", "presidential office", "cheong wa dae", "white house",
            "kremlin", "file", "captured from", "screenshot", "screen capture", "korea pool", "yonhap tv");
    /** The ones that also credit a whole wire story when they end its last paragraph. */
    private static final Set<String> WIRE_SERVICES = Set.of(
            "yonhap", "ap", "afp", "reuters", "epa", "xinhua", "kcna", "newsis", "news1", "bloomberg", "kyodo",
            "tass", "dpa", "upi");
    private static final String[] CREDIT_PREFIXES = {
        "photo", "courtesy", "ministry of", "getty images", "image", "graphic", "illustration", "screenshot",
        "screen capture", "captured from", "credit", "file photo", "yonhap"
    };

    private CaptionCredits() {}

    /** Whether a block of text is a caption: some text, then a photo credit in parentheses. */
    static boolean isCaption(String text) {
        return credit(text).filter(CaptionCredits::isCredit).isPresent();
    }

    /**
     * Whether the text ends with a plain wire-service credit, as a wire story's last paragraph
     * does ("... the ministry said. (Yonhap)"); such a paragraph is body text, not a caption.
     */
    static boolean endsWithWireCredit(String text) {
        return credit(text)
                .map(c -> WIRE_SERVICES.contains(c.strip().toLowerCase(Locale.ROOT)))
                .orElse(false);
    }

    /** Whether the words in parentheses credit a photo. */
    static boolean isCredit(String credit) {
        String c = credit.strip();
        String lower = c.toLowerCase(Locale.ROOT);
        if (KNOWN.contains(lower) || PHOTO_WORD.matcher(c).find() || VIA.matcher(c).matches()
                || MINISTRY.matcher(c).matches()) {
            return true;
        }
        for (String prefix : CREDIT_PREFIXES) {
            if (lower.startsWith(prefix + " ") || lower.startsWith(prefix + ":") || lower.startsWith(prefix + "/")) {
                return true;
            }
        }
        // "EPA-Yonhap", "AFP/Getty Images", "Getty Images/Bloomberg": a known credit, then more.
        String first = CREDIT_PARTS.split(lower, 2)[0];
        return !first.equals(lower) && KNOWN.contains(first);
    }

    private static Optional<String> credit(String text) {
        String stripped = text.strip();
        if (!stripped.endsWith(")") && !stripped.endsWith(").")) {
            // What the pattern needs at the end; most paragraphs fail here, without a scan of every "(".
            return Optional.empty();
        }
        Matcher m = TRAILING_PARENTHETICAL.matcher(stripped);
        if (!m.find() || m.start() < MIN_CAPTION_TEXT) {
            // A lone "(Yonhap)" credits the story; it captions nothing.
            return Optional.empty();
        }
        return Optional.of(m.group(1));
    }
}
