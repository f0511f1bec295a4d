package quire.service;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.model.TextRange;

/**
 * Finds a passage the analyst typed in an article's canonical text: exactly if possible, else
 * forgiving what typing cannot get right (straight for curly quotes, hyphens for dashes, line breaks
 * and runs of spaces), and then letter case.
 */
final class QuoteFinder {
    private QuoteFinder() {}

    /** The {@code occurrence}-th (1-based) match of {@code quote} in {@code text}. */
    static Optional<TextRange> find(String text, String quote, int occurrence) {
        String wanted = quote.strip();
        if (wanted.isEmpty() || occurrence < 1) {
            return Optional.empty();
        }
        Optional<TextRange> exact = nth(Pattern.compile(Pattern.quote(wanted)), text, occurrence);
        if (exact.isPresent()) {
            return exact;
        }
        String forgiving = forgivingPattern(wanted);
        return nth(Pattern.compile(forgiving), text, occurrence)
                .or(() -> nth(Pattern.compile(forgiving, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), text, occurrence));
    }

    /** How many times the quote occurs, by the same rules. */
    static int count(String text, String quote) {
        int n = 0;
        while (find(text, quote, n + 1).isPresent()) {
            n++;
        }
        return n;
    }

    private static Optional<TextRange> nth(Pattern pattern, String text, int occurrence) {
        Matcher m = pattern.matcher(text);
        int seen = 0;
        while (m.find()) {
            if (++seen == occurrence) {
                return Optional.of(new TextRange(m.start(), m.end()));
            }
        }
        return Optional.empty();
    }

    private static String forgivingPattern(String quote) {
        StringBuilder regex = new StringBuilder();
        boolean inSpace = false;
        for (int i = 0; i < quote.length(); i++) {
            char c = quote.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!inSpace) {
                    regex.append("\\s+");
                }
                inSpace = true;
                continue;
            }
            inSpace = false;
            switch (c) {
                case '\'', '\u2018', '\u2019' -> regex.append("['\u2018\u2019]");
                case '"', '\u201C', '\u201D' -> regex.append("[\"\u201C\u201D]");
                case '-', '\u2013', '\u2014' -> regex.append("[-\u2013\u2014]");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
