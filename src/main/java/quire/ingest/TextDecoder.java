package quire.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a file's bytes into text, guessing the encoding the way the file's author most likely
 * meant it, and refusing files that are not text at all.
 *
 * <p>Order of evidence: a byte order mark; known binary formats by their magic numbers; UTF-16
 * without a mark (NULs in every other byte); valid UTF-8; then, for files that are not valid
 * UTF-8, whichever reading explains the bytes best (damaged UTF-8, a charset the page declares,
 * EUC-KR, Windows-1252). Line ends become {@code \n} and control characters other than tab and
 * line feed are removed. Stateless and fast: a few linear passes over the bytes.
 */
final class TextDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** More non-text control characters than this share of the text means the file is not text. */
    private static final int MAX_CONTROL_PERCENT = 5;

    private TextDecoder() {}

    static DecodedText decode(byte[] bytes) {
        if (bytes.length == 0) {
            return new DecodedText("", List.of());
        }
        List<String> warnings = new ArrayList<>();
        String raw = decodeRaw(bytes, warnings);
        String text = cleanControls(raw, warnings);
        return new DecodedText(text, warnings);
    }

    private static String decodeRaw(byte[] bytes, List<String> warnings) {
        Optional<Bom> bom = Bom.of(bytes);
        if (bom.isPresent()) {
            return decodeBom(bytes, bom.get(), warnings);
        }
        Optional<String> binaryKind = Magic.describe(bytes);
        if (binaryKind.isPresent()) {
            throw new IngestException("The file is " + binaryKind.get() + ", not text.");
        }
        Utf8Scan scan = Utf8Scan.of(bytes, 0);
        if (scan.looksLikeUtf16()) {
            Optional<String> utf16 = decodeUtf16WithoutBom(bytes, scan, warnings);
            if (utf16.isPresent()) {
                return utf16.get();
            }
        }
        // A single high byte ending otherwise ASCII text is more likely a Windows-1252 letter
        // ("café") than the first byte of a UTF-8 character the file was cut in.
        boolean loneHighByteAtEnd = scan.partialAtEnd == 1 && scan.validMultiByte == 0;
        if (scan.invalid == 0 && !loneHighByteAtEnd) {
            return decodeUtf8(bytes, 0, scan, warnings);
        }
        if (scan.validMultiByte > scan.invalid) {
            // Real UTF-8 with some damage. Windows-1252 text almost never contains valid UTF-8
            // sequences by accident, so many of them outweigh a few bad bytes.
            return decodeUtf8(bytes, 0, scan, warnings);
        }
        Optional<String> declared = decodeDeclared(bytes, warnings);
        if (declared.isPresent()) {
            return declared.get();
        }
        Optional<String> korean = decodeEucKr(bytes, warnings);
        if (korean.isPresent()) {
            return korean.get();
        }
        Counted windows = decodeCounting(WINDOWS_1252, bytes, 0, bytes.length);
        // Five byte values are undefined in Windows-1252; text in that encoding does not use them.
        if (windows.errors * 100L <= bytes.length) {
            warnings.add("The file is not valid UTF-8; it was read as Windows-1252.");
            return windows.text;
        }
        if (scan.invalid * 10L > bytes.length) {
            throw new IngestException("The file is binary, not text.");
        }
        return decodeUtf8(bytes, 0, scan, warnings);
    }

    private static String decodeBom(byte[] bytes, Bom bom, List<String> warnings) {
        if (bom == Bom.UTF_8) {
            return decodeUtf8(bytes, bom.length, Utf8Scan.of(bytes, bom.length), warnings);
        }
        int length = bytes.length - bom.length;
        int unit = bom.unitSize();
        int partial = length % unit;
        if (partial != 0) {
            warnings.add("The file ends in the middle of a character, which was dropped.");
        }
        Counted counted = decodeCounting(bom.charset(), bytes, bom.length, length - partial);
        warnReplaced(counted.errors, warnings);
        return counted.text;
    }

    /**
     * Decodes UTF-8 from {@code offset}. A character cut off at the very end is truncation, not
     * damage: it is dropped; other bad bytes become U+FFFD and are counted.
     */
    private static String decodeUtf8(byte[] bytes, int offset, Utf8Scan scan, List<String> warnings) {
        int length = bytes.length - offset - scan.partialAtEnd;
        if (scan.partialAtEnd > 0) {
            warnings.add("The file ends in the middle of a character, which was dropped.");
        }
        if (scan.invalid == 0) {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
        Counted counted = decodeCounting(StandardCharsets.UTF_8, bytes, offset, length);
        warnReplaced(counted.errors, warnings);
        return counted.text;
    }

    private static Optional<String> decodeUtf16WithoutBom(byte[] bytes, Utf8Scan scan, List<String> warnings) {
        Charset charset = scan.nulAtOdd > scan.nulAtEven ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        int length = bytes.length & ~1;
        Counted counted = decodeCounting(charset, bytes, 0, length);
        if (counted.errors * 100L > length / 2) {
            return Optional.empty();
        }
        warnReplaced(counted.errors, warnings);
        return Optional.of(counted.text);
    }

    /** A saved web page often says what it is encoded in; believe it when the bytes are not UTF-8. */
    private static Optional<String> decodeDeclared(byte[] bytes, List<String> warnings) {
        Optional<Charset> declared = DeclaredCharset.of(bytes);
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        Counted counted = decodeCounting(declared.get(), bytes, 0, bytes.length);
        if (counted.errors * 100L > bytes.length) {
            return Optional.empty();
        }
        warnings.add("The file is not valid UTF-8; it was read as " + declared.get().name()
                + ", the encoding the page declares.");
        warnReplaced(counted.errors, warnings);
        return Optional.of(counted.text);
    }

    /**
     * Korean pages from before UTF-8 are in EUC-KR, where every Hangul syllable is two bytes in
     * 0xB0-0xC8 / 0xA1-0xFE. Windows-1252 text almost never has such pairs, let alone only them.
     */
    private static Optional<String> decodeEucKr(byte[] bytes, List<String> warnings) {
        int hangul = 0;
        int otherHigh = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                continue;
            }
            int next = i + 1 < bytes.length ? bytes[i + 1] & 0xFF : -1;
            if (b >= 0xA1 && b <= 0xFE && next >= 0xA1 && next <= 0xFE) {
                if (b >= 0xB0 && b <= 0xC8) {
                    hangul++;
                }
                i++;
            } else {
                otherHigh++;
            }
        }
        if (hangul < 4 || otherHigh * 20 > hangul || !Charset.isSupported("EUC-KR")) {
            return Optional.empty();
        }
        Counted counted = decodeCounting(Charset.forName("EUC-KR"), bytes, 0, bytes.length);
        warnings.add("The file is not valid UTF-8; it was read as Korean EUC-KR.");
        warnReplaced(counted.errors, warnings);
        return Optional.of(counted.text);
    }

    private static void warnReplaced(int errors, List<String> warnings) {
        if (errors == 1) {
            warnings.add("1 invalid byte sequence was replaced.");
        } else if (errors > 1) {
            warnings.add(errors + " invalid byte sequences were replaced.");
        }
    }

    /**
     * Decodes, replacing each malformed or unmappable sequence with U+FFFD, and counts them: the
     * count tells how well the charset explains the bytes.
     */
    private static Counted decodeCounting(Charset charset, byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16,
                (long) Math.ceil(length * (double) decoder.maxCharsPerByte()) + 16));
        int errors = 0;
        while (true) {
            // Called even with nothing left: a decoder must see the end of input before it is flushed.
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            if (result.isOverflow()) {
                out = grow(out);
            } else {
                errors++;
                in.position(in.position() + result.length());
                if (!out.hasRemaining()) {
                    out = grow(out);
                }
                out.put('\uFFFD');
            }
        }
        while (decoder.flush(out).isOverflow()) {
            out = grow(out);
        }
        out.flip();
        return new Counted(out.toString(), errors);
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
        out.flip();
        bigger.put(out);
        return bigger;
    }

    /**
     * Normalises line ends to {@code \n} and removes control characters but tab and line feed, in
     * one pass that copies only when something changes. A file with many control characters is
     * binary; a trailing run of NULs is what an interrupted write leaves, so it does not count.
     */
    private static String cleanControls(String raw, List<String> warnings) {
        int end = raw.length();
        while (end > 0 && raw.charAt(end - 1) == '\0') {
            end--;
        }
        int trailingNuls = raw.length() - end;
        if (end == 0 && trailingNuls > 0) {
            throw new IngestException("The file contains only zero bytes, no text.");
        }
        // A second byte order mark is left when files are joined or a mark is written twice.
        int begin = 0;
        while (begin < end && raw.charAt(begin) == '\uFEFF') {
            begin++;
        }
        int first = begin;
        while (first < end && !needsCleaning(raw.charAt(first))) {
            first++;
        }
        String text;
        int nuls = 0;
        int controls = 0;
        if (first == end) {
            text = begin == 0 && end == raw.length() ? raw : raw.substring(begin, end);
        } else {
            char[] out = new char[end - begin];
            raw.getChars(begin, first, out, 0);
            int n = first - begin;
            for (int i = first; i < end; i++) {
                char c = raw.charAt(i);
                if (!needsCleaning(c)) {
                    out[n++] = c;
                } else if (c == '\r') {
                    out[n++] = '\n';
                    if (i + 1 < end && raw.charAt(i + 1) == '\n') {
                        i++;
                    }
                } else if (c == '\f' || c == '\u000B') {
                    // Page and vertical breaks separate text like a line end does.
                    out[n++] = '\n';
                } else if (c == '\0') {
                    nuls++;
                } else {
                    controls++;
                }
            }
            text = new String(out, 0, n);
        }
        int removed = nuls + controls;
        if (removed > 2 && removed * 100L > end * (long) MAX_CONTROL_PERCENT) {
            throw new IngestException("The file is binary, not text.");
        }
        if (nuls > 0) {
            warnings.add(nuls == 1
                    ? "The file contained a zero (NUL) byte, which was removed."
                    : "The file contained " + nuls + " zero (NUL) bytes, which were removed.");
        }
        if (trailingNuls > 0) {
            warnings.add("The file ends with " + trailingNuls
                    + " zero bytes, as an interrupted write leaves them; they were removed.");
        }
        return text;
    }

    private static boolean needsCleaning(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F;
    }

    private record Counted(String text, int errors) {}

    /** What a single pass over the bytes says about UTF-8 validity and NUL placement. */
    private static final class Utf8Scan {
        int validMultiByte;
        int invalid;
        /** Bytes of a well-begun sequence that the end of the file cuts off. */
        int partialAtEnd;
        int nulAtEven;
        int nulAtOdd;
        int length;

        static Utf8Scan of(byte[] b, int offset) {
            Utf8Scan scan = new Utf8Scan();
            scan.length = b.length - offset;
            int i = offset;
            int n = b.length;
            while (i < n) {
                int c = b[i];
                if (c > 0) {
                    i++;
                    continue;
                }
                if (c == 0) {
                    if ((i & 1) == 0) {
                        scan.nulAtEven++;
                    } else {
                        scan.nulAtOdd++;
                    }
                    i++;
                    continue;
                }
                int lead = c & 0xFF;
                int need;
                int lo = 0x80;
                int hi = 0xBF;
                if (lead >= 0xC2 && lead <= 0xDF) {
                    need = 1;
                } else if (lead >= 0xE0 && lead <= 0xEF) {
                    need = 2;
                    if (lead == 0xE0) {
                        lo = 0xA0;
                    } else if (lead == 0xED) {
                        hi = 0x9F;
                    }
                } else if (lead >= 0xF0 && lead <= 0xF4) {
                    need = 3;
                    if (lead == 0xF0) {
                        lo = 0x90;
                    } else if (lead == 0xF4) {
                        hi = 0x8F;
                    }
                } else {
                    scan.invalid++;
                    i++;
                    continue;
                }
                int j = i + 1;
                int seen = 0;
                boolean ok = true;
                while (seen < need && j < n) {
                    int next = b[j] & 0xFF;
                    if (next < (seen == 0 ? lo : 0x80) || next > (seen == 0 ? hi : 0xBF)) {
                        ok = false;
                        break;
                    }
                    seen++;
                    j++;
                }
                if (!ok) {
                    // The byte that broke the sequence may begin the next one: look at it again.
                    scan.invalid++;
                    i = j;
                } else if (seen < need) {
                    scan.partialAtEnd = n - i;
                    i = n;
                } else {
                    scan.validMultiByte++;
                    i = j;
                }
            }
            return scan;
        }

        /** ASCII-heavy UTF-16: NULs in most high bytes, on one side only. */
        boolean looksLikeUtf16() {
            int pairs = length / 2;
            int nuls = Math.max(nulAtEven, nulAtOdd);
            int others = Math.min(nulAtEven, nulAtOdd);
            return pairs > 0 && nuls * 10L > pairs && others * 4L < nuls;
        }
    }

    private enum Bom {
        UTF_32LE(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, "UTF-32LE", 4),
        UTF_32BE(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, "UTF-32BE", 4),
        UTF_8(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "UTF-8", 1),
        UTF_16LE(new byte[] {(byte) 0xFF, (byte) 0xFE}, "UTF-16LE", 2),
        UTF_16BE(new byte[] {(byte) 0xFE, (byte) 0xFF}, "UTF-16BE", 2);

        final byte[] mark;
        final int length;
        private final String charsetName;
        private final int unit;

        Bom(byte[] mark, String charsetName, int unit) {
            this.mark = mark;
            this.length = mark.length;
            this.charsetName = charsetName;
            this.unit = unit;
        }

        Charset charset() {
            return Charset.forName(charsetName);
        }

        int unitSize() {
            return unit;
        }

        /** UTF-32LE is tried before UTF-16LE: its mark begins with the UTF-16LE one. */
        static Optional<Bom> of(byte[] bytes) {
            for (Bom bom : values()) {
                if (Magic.startsWith(bytes, 0, bom.mark)) {
                    return Optional.of(bom);
                }
            }
            return Optional.empty();
        }
    }

    /** Binary formats people drop into article folders, told by their first bytes. */
    private static final class Magic {
        private Magic() {}

        static Optional<String> describe(byte[] b) {
            if (startsWith(b, 0, ascii("%PDF-"))) {
                return Optional.of("a PDF document");
            }
            if (startsWith(b, 0, ascii("PK\u0003\u0004")) || startsWith(b, 0, ascii("PK\u0005\u0006"))
                    || startsWith(b, 0, ascii("PK\u0007\u0008"))) {
                return Optional.of(describeZip(b));
            }
            if (startsWith(b, 0, bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))) {
                return Optional.of("a PNG image");
            }
            if (startsWith(b, 0, bytes(0xFF, 0xD8, 0xFF))) {
                return Optional.of("a JPEG image");
            }
            if (startsWith(b, 0, ascii("GIF87a")) || startsWith(b, 0, ascii("GIF89a"))) {
                return Optional.of("a GIF image");
            }
            if (startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"))) {
                return Optional.of("a WebP image");
            }
            if (startsWith(b, 0, bytes('I', 'I', 0x2A, 0)) || startsWith(b, 0, bytes('M', 'M', 0, 0x2A))) {
                return Optional.of("a TIFF image");
            }
            if (startsWith(b, 4, ascii("ftyp"))) {
                String brand = new String(b, 8, Math.min(4, Math.max(0, b.length - 8)), StandardCharsets.ISO_8859_1);
                return Optional.of(List.of("heic", "heix", "mif1", "avif").contains(brand)
                        ? "an HEIC or AVIF image"
                        : "a video or audio file");
            }
            if (startsWith(b, 0, bytes(0x1F, 0x8B))) {
                return Optional.of("a gzip archive");
            }
            if (startsWith(b, 0, bytes('7', 'z', 0xBC, 0xAF, 0x27, 0x1C))) {
                return Optional.of("a 7-Zip archive");
            }
            if (startsWith(b, 0, ascii("Rar!\u001A\u0007"))) {
                return Optional.of("a RAR archive");
            }
            if (startsWith(b, 0, bytes(0xFD, '7', 'z', 'X', 'Z', 0))) {
                return Optional.of("an xz archive");
            }
            if (startsWith(b, 0, ascii("BZh")) && startsWith(b, 4, bytes(0x31, 0x41, 0x59, 0x26, 0x53, 0x59))) {
                return Optional.of("a bzip2 archive");
            }
            if (startsWith(b, 0, ascii("SQLite format 3\u0000"))) {
                return Optional.of("an SQLite database");
            }
            if (startsWith(b, 0, bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1))) {
                return Optional.of("an old Microsoft Office document (DOC, XLS or PPT)");
            }
            if (startsWith(b, 0, ascii("{\\rtf"))) {
                return Optional.of("an RTF document");
            }
            if (startsWith(b, 0, bytes(0x7F, 'E', 'L', 'F'))) {
                return Optional.of("a program");
            }
            return Optional.empty();
        }

        /** Office and e-book files are ZIP archives; the names of their parts say which. */
        private static String describeZip(byte[] b) {
            String head = new String(b, 0, Math.min(b.length, 64 * 1024), StandardCharsets.ISO_8859_1);
            if (head.startsWith("mimetypeapplication/epub+zip", 30)) {
                return "an EPUB e-book";
            }
            if (head.startsWith("mimetypeapplication/vnd.oasis.opendocument", 30)) {
                return "an OpenDocument file";
            }
            if (head.contains("word/")) {
                return "a Word document (DOCX)";
            }
            if (head.contains("xl/")) {
                return "an Excel workbook (XLSX)";
            }
            if (head.contains("ppt/")) {
                return "a PowerPoint presentation (PPTX)";
            }
            return "a ZIP archive";
        }

        static boolean startsWith(byte[] b, int offset, byte[] prefix) {
            if (b.length < offset + prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (b[offset + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        private static byte[] ascii(String s) {
            return s.getBytes(StandardCharsets.ISO_8859_1);
        }

        private static byte[] bytes(int... values) {
            byte[] b = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                b[i] = (byte) values[i];
            }
            return b;
        }
    }

    /** The charset a web page or XML file names in its first kilobyte. */
    private static final class DeclaredCharset {
        private DeclaredCharset() {}

        static Optional<Charset> of(byte[] bytes) {
            String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1)
                    .toLowerCase(Locale.ROOT);
            if (!head.stripLeading().startsWith("<")) {
                return Optional.empty();
            }
            Optional<String> name = valueAfter(head, "charset=").or(() -> valueAfter(head, "encoding="));
            return name.flatMap(DeclaredCharset::charsetNamed);
        }

        private static Optional<String> valueAfter(String head, String key) {
            int at = head.indexOf(key);
            if (at < 0) {
                return Optional.empty();
            }
            int i = at + key.length();
            while (i < head.length() && (head.charAt(i) == '"' || head.charAt(i) == '\'' || head.charAt(i) == ' ')) {
                i++;
            }
            int start = i;
            while (i < head.length() && isNameChar(head.charAt(i))) {
                i++;
            }
            return i > start ? Optional.of(head.substring(start, i)) : Optional.empty();
        }

        private static boolean isNameChar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
        }

        private static Optional<Charset> charsetNamed(String name) {
            try {
                if (!Charset.isSupported(name)) {
                    return Optional.empty();
                }
                Charset charset = Charset.forName(name);
                // Browsers read Latin-1 and ASCII pages as Windows-1252; a UTF declaration is
                // already disproved by the bytes, or means nothing without NULs.
                if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
                    return Optional.of(WINDOWS_1252);
                }
                if (charset.name().startsWith("UTF")) {
                    return Optional.empty();
                }
                return Optional.of(charset);
            } catch (IllegalCharsetNameException e) {
                return Optional.empty();
            }
        }
    }
}
