package quire.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** STUB: to be replaced. */
final class TextDecoder {
    private TextDecoder() {}

    static DecodedText decode(byte[] bytes) {
        return new DecodedText(new String(bytes, StandardCharsets.UTF_8), List.of());
    }
}
