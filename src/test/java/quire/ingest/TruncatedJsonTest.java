package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TruncatedJsonTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"a\":\"text`              | `{\"a\":\"text\"}`",
        "`{\"a\":\"caf\\u00e9 \\u20`  | `{\"a\":\"caf\\u00e9 \"}`",
        "`{\"a\":\"back\\`            | `{\"a\":\"back\"}`",
        "`{\"a\":\"pair \\ud83d`      | `{\"a\":\"pair \"}`",
        "`{'a':'single`               | `{'a':'single'}`",
        "`{\"a\":\"raw\nline`         | `{\"a\":\"raw\nline\"}`",
        "`{\"a\":1,\"b`               | `{\"a\":1,}`",
        "`{\"a\":1,\"b\"`             | `{\"a\":1,}`",
        "`{\"a\":1,\"b\":`            | `{\"a\":1,}`",
        "`{\"a\":1,\"b\":tr`          | `{\"a\":1,}`",
        "`{\"a\":1,\"b\":12`          | `{\"a\":1,}`",
        "`{\"a\":[1,2`                | `{\"a\":[1,]}`",
        "`[{\"a\":{\"b\":[\"x`        | `[{\"a\":{\"b\":[\"x\"]}}]`",
        "`[{\"a\":1},`                | `[{\"a\":1},]`",
        "`{\"a\":\"}]\\\"`            | `{\"a\":\"}]\\\"\"}`",
    })
    void closesWhatIsOpenAndDropsWhatIsIncomplete(String prefix, String closed) {
        assertEquals(closed, TruncatedJson.close(prefix, 64).orElseThrow().json());
    }

    @Test
    void keptIsWhereTheRepairBegins() {
        assertEquals(new TruncatedJson.Closed("{\"a\":1,}", 7), TruncatedJson.close("{\"a\":1,\"b\":tr", 64).orElseThrow());
    }

    @Test
    void nestingDeeperThanTheLimitIsNotClosed() {
        assertEquals(Optional.empty(), TruncatedJson.close("[".repeat(65), 64));
    }
}
