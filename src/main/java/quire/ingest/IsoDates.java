package quire.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.model.Published;

/**
 * Publication dates as web pages and APIs write them: ISO-8601 with or without a time, seconds,
 * fractions or an offset ({@code 2024-06-20}, {@code 2024-06-20 18:05}, {@code
 * 2024-06-20T09:05:15.000Z}, {@code 2024-06-20T18:05:15+0900}).
 */
final class IsoDates {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?)"
                    + "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?)?");

    private IsoDates() {}

    /** The date at the start of {@code text}, as precisely as it is given; empty when there is none. */
    static Optional<Published> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ISO.matcher(text.strip());
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        try {
            // Built from the matched digits: DateTimeFormatter's parsing was a good part of reading a post.
            String d = m.group(1);
            LocalDate date = LocalDate.of(Integer.parseInt(d, 0, 4, 10), Integer.parseInt(d, 5, 7, 10), Integer.parseInt(d, 8, 10, 10));
            if (m.group(2) == null) {
                return Optional.of(Published.of(date));
            }
            String t = m.group(2);
            int nanos = 0;
            if (t.length() > 9) {
                String fraction = t.substring(9);
                nanos = Integer.parseInt(fraction) * (int) Math.pow(10, 9 - fraction.length());
            }
            LocalDateTime local = LocalDateTime.of(date, java.time.LocalTime.of(
                    Integer.parseInt(t, 0, 2, 10), Integer.parseInt(t, 3, 5, 10), t.length() >= 8 ? Integer.parseInt(t, 6, 8, 10) : 0, nanos));
            if (m.group(3) == null) {
                return Optional.of(Published.of(local));
            }
            return Optional.of(Published.of(OffsetDateTime.of(local, java.time.ZoneOffset.of(offset(m.group(3))))));
        } catch (DateTimeException e) {
            // 0000-00-00 and other impossible dates are as good as none.
            return Optional.empty();
        }
    }

    private static String offset(String raw) {
        if (raw.equalsIgnoreCase("z")) {
            return "Z";
        }
        if (raw.length() == 3) {
            return raw + ":00";
        }
        if (raw.length() == 5) {
            return raw.substring(0, 3) + ":" + raw.substring(3);
        }
        return raw;
    }
}
