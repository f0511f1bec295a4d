package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import quire.model.Published;

class IsoDatesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2024-06-20, 2024-06-20",
        "2024-06-20T18:05, 2024-06-20T18:05",
        "2024-06-20 18:05:15, 2024-06-20T18:05:15",
        "2024-06-20T18:05:15.123, 2024-06-20T18:05:15",
        "2024-06-20T09:05:15Z, 2024-06-20T09:05:15Z",
        "2024-06-20T18:05:15+09:00, 2024-06-20T18:05:15+09:00",
        "2024-06-20T18:05:15+0900, 2024-06-20T18:05:15+09:00",
        "2024-06-20T18:05:15-05, 2024-06-20T18:05:15-05:00",
        "2024-06-20T18:05:15 KST, 2024-06-20T18:05:15",
    })
    void readsIsoFormsAsPreciselyAsGiven(String text, String expected) {
        assertEquals(expected, IsoDates.parse(text).map(Published::toString).orElse("none"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "June 20, 2024", "0000-00-00T00:00:00", "2024-13-40"})
    void readsNothingFromWhatIsNotADate(String text) {
        assertEquals(Optional.empty(), IsoDates.parse(text));
    }

    /** Built from the digits, a date is what the ISO formatters read, and an impossible one is none, as with them. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "2024-02-29", "2023-02-29", "2024-13-01", "0000-00-00", "0000-01-01", "2024-06-31", "2024-06-20T24:00",
        "2024-06-20T23:59:60", "2024-06-20T18:05:15,5", "2024-06-20T18:05:15.123456789+05:30", "2024-06-20T18:05:15.1Z",
        "2024-06-20T18:05:15+19:00", "2024-06-20T18:05:15-18", "2024-06-20T18:05+0975", " 2024-06-20T07:00:00.000Z trailing",
    })
    void agreesWithTheIsoFormatters(String text) {
        assertEquals(viaFormatters(text), IsoDates.parse(text));
    }

    private static Optional<Published> viaFormatters(String text) {
        var m = java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?)"
                + "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?)?").matcher(text.strip());
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        try {
            if (m.group(2) == null) {
                return Optional.of(Published.of(java.time.LocalDate.parse(m.group(1))));
            }
            String local = m.group(1) + "T" + m.group(2).replace(',', '.');
            if (m.group(3) == null) {
                return Optional.of(Published.of(java.time.LocalDateTime.parse(local)));
            }
            String raw = m.group(3);
            String offset = raw.equalsIgnoreCase("z") ? "Z" : raw.length() == 3 ? raw + ":00" : raw.length() == 5 ? raw.substring(0, 3) + ":" + raw.substring(3) : raw;
            return Optional.of(Published.of(java.time.OffsetDateTime.parse(local + offset)));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
