package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TextDecoderTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String KOREAN = "서울 — 한국 정부는 “북러 조약”에 대해 깊은 우려를 표명했다. ";

    @Test
    void plainUtf8IsReadAsItIs() {
        assertEquals(
                new DecodedText("Séoul café “quoted” 서울", List.of()),
                decode(utf8("Séoul café “quoted” 서울")));
    }

    @Test
    void utf8ByteOrderMarkIsRemoved() {
        assertEquals(new DecodedText("{\"a\":1}", List.of()), decode(concat(bytes(0xEF, 0xBB, 0xBF), utf8("{\"a\":1}"))));
    }

    @Test
    void doubledByteOrderMarkIsRemovedToo() {
        assertEquals(
                new DecodedText("{\"a\":1}", List.of()),
                decode(concat(bytes(0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF), utf8("{\"a\":1}"))));
    }

    @Test
    void utf8WithMarkCutInTheMiddleOfACharacterDropsIt() {
        byte[] whole = concat(bytes(0xEF, 0xBB, 0xBF), utf8("평양"));
        assertEquals(
                new DecodedText("평", List.of("The file ends in the middle of a character, which was dropped.")),
                decode(Arrays.copyOf(whole, whole.length - 2)));
    }

    @Test
    void utf16LittleEndianWithMarkIsDecoded() {
        byte[] text = "Séoul café 서울".getBytes(StandardCharsets.UTF_16LE);
        assertEquals(new DecodedText("Séoul café 서울", List.of()), decode(concat(bytes(0xFF, 0xFE), text)));
    }

    @Test
    void utf16BigEndianWithMarkIsDecoded() {
        byte[] text = "Séoul café 서울".getBytes(StandardCharsets.UTF_16BE);
        assertEquals(new DecodedText("Séoul café 서울", List.of()), decode(concat(bytes(0xFE, 0xFF), text)));
    }

    @Test
    void utf32WithMarkIsDecoded() {
        byte[] text = "Séoul 서울".getBytes(Charset.forName("UTF-32LE"));
        assertEquals(new DecodedText("Séoul 서울", List.of()), decode(concat(bytes(0xFF, 0xFE, 0, 0), text)));
    }

    @ParameterizedTest
    @CsvSource({"UTF-16LE", "UTF-16BE"})
    void utf16WithoutMarkIsRecognisedByItsNuls(String charset) {
        String text = "Seoul, June 23 (Yonhap) -- South Korea said on Sunday 서울 that it would review.";
        assertEquals(new DecodedText(text, List.of()), decode(text.getBytes(Charset.forName(charset))));
    }

    @Test
    void windows1252IsReadWhenTheFileIsNotUtf8() {
        assertEquals(
                new DecodedText("Séoul café", List.of("The file is not valid UTF-8; it was read as Windows-1252.")),
                decode("Séoul café".getBytes(WINDOWS_1252)));
    }

    @Test
    void windows1252CurlyQuotesBecomeQuotes() {
        byte[] bytes = concat(bytes(0x93), ascii("Peace"), bytes(0x94), ascii(" talks "), bytes(0x96), ascii(" again"));
        assertEquals(
                new DecodedText("“Peace” talks – again", List.of("The file is not valid UTF-8; it was read as Windows-1252.")),
                decode(bytes));
    }

    @Test
    void latin1TextIsReadThroughWindows1252() {
        String text = "Ein Gespräch über Nordkorea in Zürich, à la française.";
        assertEquals(
                new DecodedText(text, List.of("The file is not valid UTF-8; it was read as Windows-1252.")),
                decode(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void lastLetterOfWindows1252FileIsNotMistakenForACutCharacter() {
        assertEquals(
                new DecodedText("café", List.of("The file is not valid UTF-8; it was read as Windows-1252.")),
                decode("café".getBytes(WINDOWS_1252)));
    }

    @Test
    void mostlyUtf8KoreanWithABadByteStaysUtf8() {
        byte[] good = utf8(KOREAN.repeat(20));
        byte[] bytes = concat(Arrays.copyOf(good, 301), bytes(0xFF), Arrays.copyOfRange(good, 301, good.length));
        DecodedText decoded = decode(bytes);
        assertEquals(List.of("1 invalid byte sequence was replaced."), decoded.warnings());
        assertEquals(KOREAN.repeat(20).length() + 1, decoded.text().length());
        assertEquals(1, decoded.text().chars().filter(c -> c == '\uFFFD').count());
    }

    @Test
    void aFewCorruptBytesInLongUtf8TextAreCounted() {
        byte[] part = utf8(KOREAN.repeat(15));
        byte[] bytes = concat(part, bytes(0xC0), part, bytes(0x80), part, bytes(0xFE), part);
        DecodedText decoded = decode(bytes);
        assertEquals(List.of("3 invalid byte sequences were replaced."), decoded.warnings());
        assertEquals(KOREAN.repeat(15) + "\uFFFD" + KOREAN.repeat(15) + "\uFFFD" + KOREAN.repeat(15) + "\uFFFD" + KOREAN.repeat(15),
                decoded.text());
    }

    @Test
    void characterCutAtTheEndIsDropped() {
        byte[] whole = utf8("Kim Jong-un met Putin in 평양");
        DecodedText decoded = decode(Arrays.copyOf(whole, whole.length - 1));
        assertEquals(
                new DecodedText("Kim Jong-un met Putin in 평", List.of("The file ends in the middle of a character, which was dropped.")),
                decoded);
    }

    @Test
    void curlyQuoteCutAtTheEndOfAsciiTextIsDropped() {
        byte[] whole = utf8("He said: ”");
        DecodedText decoded = decode(Arrays.copyOf(whole, whole.length - 1));
        assertEquals(
                new DecodedText("He said: ", List.of("The file ends in the middle of a character, which was dropped.")),
                decoded);
    }

    @Test
    void koreanEucKrIsRecognised() {
        String text = "서울 — 한국 정부는 북러 조약에 대해 깊은 우려를 표명했다.".replace("—", "-");
        assertEquals(
                new DecodedText(text, List.of("The file is not valid UTF-8; it was read as Korean EUC-KR.")),
                decode(text.getBytes(Charset.forName("EUC-KR"))));
    }

    @Test
    void charsetDeclaredByAPageIsUsedWhenTheBytesAreNotUtf8() {
        String page = "<html><head><meta charset=\"windows-1251\"></head><body>Москва и Пхеньян</body></html>";
        assertEquals(
                new DecodedText(page, List.of("The file is not valid UTF-8; it was read as windows-1251, the encoding the page declares.")),
                decode(page.getBytes(Charset.forName("windows-1251"))));
    }

    @ParameterizedTest
    @MethodSource("lineEnds")
    void lineEndsBecomeLineFeeds(String raw, String expected) {
        assertEquals(new DecodedText(expected, List.of()), decode(utf8(raw)));
    }

    static Stream<Arguments> lineEnds() {
        return Stream.of(
                Arguments.of("one\r\ntwo\r\nthree", "one\ntwo\nthree"),
                Arguments.of("one\rtwo\r\rthree", "one\ntwo\n\nthree"),
                Arguments.of("one\n\r\ntwo\r", "one\n\ntwo\n"));
    }

    @Test
    void controlCharactersOtherThanTabAndLineFeedAreRemoved() {
        assertEquals(new DecodedText("a\tb\nc\nd", List.of()), decode(utf8("a\tb\u0007\nc\fd\u001B")));
    }

    @Test
    void strayNulsAreRemovedWithAWarning() {
        assertEquals(
                new DecodedText("North Korea!", List.of("The file contained 2 zero (NUL) bytes, which were removed.")),
                decode(utf8("North\0 Korea\0!")));
    }

    @Test
    void trailingNulsLeftByAnInterruptedWriteAreRemoved() {
        byte[] bytes = concat(utf8("The article text."), new byte[4096]);
        assertEquals(
                new DecodedText("The article text.", List.of(
                        "The file ends with 4096 zero bytes, as an interrupted write leaves them; they were removed.")),
                decode(bytes));
    }

    @Test
    void fileOfOnlyZeroBytesIsRejected() {
        assertEquals("The file contains only zero bytes, no text.", rejection(new byte[100]));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "255 216 255 224 0 16 74 70 73 70|The file is a JPEG image, not text.",
                "137 80 78 71 13 10 26 10 0 0 0 13|The file is a PNG image, not text.",
                "37 80 68 70 45 49 46 55 10 37|The file is a PDF document, not text.",
                "80 75 3 4 20 0 6 0 8 0|The file is a ZIP archive, not text.",
                "71 73 70 56 57 97 1 0 1 0|The file is a GIF image, not text.",
                "31 139 8 0 0 0 0 0|The file is a gzip archive, not text.",
                "83 81 76 105 116 101 32 102 111 114 109 97 116 32 51 0 16 0|The file is an SQLite database, not text.",
                "0 0 0 24 102 116 121 112 109 112 52 50|The file is a video or audio file, not text.",
                "0 0 0 24 102 116 121 112 104 101 105 99|The file is an HEIC or AVIF image, not text.",
                "123 92 114 116 102 49 92 97 110 115 105|The file is an RTF document, not text."
            })
    void knownBinaryFormatsAreNamed(String bytes, String message) {
        String[] values = bytes.split(" ");
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) Integer.parseInt(values[i]);
        }
        assertEquals(message, rejection(b));
    }

    @Test
    void wordDocumentIsNamed() {
        byte[] docx = concat(bytes('P', 'K', 3, 4), new byte[26], ascii("[Content_Types].xml"), new byte[40], ascii("word/document.xml"));
        assertEquals("The file is a Word document (DOCX), not text.", rejection(docx));
    }

    @Test
    void randomBytesAreBinary() {
        byte[] bytes = new byte[10_000];
        new Random(42).nextBytes(bytes);
        bytes[0] = 'x';
        assertEquals("The file is binary, not text.", rejection(bytes));
    }

    @Test
    void highBytesWithoutControlsAreBinaryToo() {
        byte[] bytes = new byte[10_000];
        Random random = new Random(7);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (0x80 + random.nextInt(128));
        }
        assertEquals("The file is binary, not text.", rejection(bytes));
    }

    @Test
    void emptyInputIsEmptyText() {
        assertEquals(new DecodedText("", List.of()), decode(new byte[0]));
    }

    @Test
    void largeFilesDecodeQuickly() {
        byte[] utf8 = utf8(KOREAN.repeat(200_000));
        byte[] windows = "Séoul café, “peace” talks.\r\n".repeat(300_000).getBytes(WINDOWS_1252);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 5; i++) {
                decode(utf8);
                decode(windows);
            }
        });
    }

    private static DecodedText decode(byte[] bytes) {
        return TextDecoder.decode(bytes);
    }

    private static String rejection(byte[] bytes) {
        return assertThrows(IngestException.class, () -> TextDecoder.decode(bytes)).getMessage();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
