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
}
