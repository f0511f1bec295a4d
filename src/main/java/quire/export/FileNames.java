package quire.export;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * File names for exported notes that are valid on Windows, macOS and Linux and the same on every
 * export of the same article, so a re-export overwrites instead of duplicating.
 */
final class FileNames {
    private FileNames() {}

    static final int MAX_TITLE_CODE_POINTS = 80;
    /** ext4 and APFS allow 255 bytes per name; 80 Korean syllables are already 240 bytes. */
    static final int MAX_TITLE_BYTES = 180;

    /** Not allowed in names on Windows, or (for # ^ [ ] %) break Obsidian's links to the note. */
    private static final String FORBIDDEN = "/\\:*?\"<>|#^[]%";

    private static final Set<String> RESERVED = Set.of(
            "CON", "PRN", "AUX", "NUL",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "COM¹", "COM²", "COM³",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
            "LPT¹", "LPT²", "LPT³");

    /** {@code <title> (<first 8 of key>).md}. */
    static String forArticle(String title, String key) {
        return forArticle(title, key, 8);
    }

    /** The same with a longer piece of the key, for the rare clash of two short keys. */
    static String forArticle(String title, String key, int keyChars) {
        String suffix = keyPart(key, keyChars);
        return stem(title) + " (" + suffix + ").md";
    }

    static String stem(String title) {
        String text = Normalizer.normalize(title, Normalizer.Form.NFC);
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean drop = cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)
                    || FORBIDDEN.indexOf(cp) >= 0
                    || (Character.getType(cp) == Character.FORMAT && cp != 0x200d)
                    || Character.getType(cp) == Character.SURROGATE
                    || Character.isWhitespace(cp) || Character.isSpaceChar(cp);
            cleaned.appendCodePoint(drop ? ' ' : cp);
        });
        String collapsed = cleaned.toString().trim().replaceAll(" {2,}", " ");
        String cut = truncate(collapsed);
        String stem = trimDotsAndSpaces(cut);
        if (stem.isEmpty()) {
            stem = "article";
        }
        int dot = stem.indexOf('.');
        String base = (dot < 0 ? stem : stem.substring(0, dot)).trim();
        if (RESERVED.contains(base.toUpperCase(Locale.ROOT))) {
            stem = "_" + stem;
        }
        return stem;
    }

    private static String truncate(String s) {
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        int count = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (count + 1 > MAX_TITLE_CODE_POINTS || bytes + size > MAX_TITLE_BYTES) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
            count++;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static String trimDotsAndSpaces(String s) {
        int start = 0;
        int end = s.length();
        // Leading dots hide a file on Unix; trailing dots and spaces are dropped by Windows.
        while (start < end && (s.charAt(start) == '.' || s.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String keyPart(String key, int keyChars) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < key.length() && out.length() < keyChars; i++) {
            char c = key.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                out.append(Character.toLowerCase(c));
            }
        }
        if (out.length() < Math.min(keyChars, 4)) {
            // A key made of other characters still needs a stable, safe suffix.
            String hex = Integer.toHexString(key.hashCode());
            out.append(hex, 0, Math.min(hex.length(), keyChars - out.length()));
        }
        return out.toString();
    }
}
