package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BodyBuilderTest {
    @Test
    void cleanTextIsGivenBackWithoutACopy() {
        String clean = "Ministers met in Brussels on Tuesday. Les députés ont voté.";
        assertSame(clean, BodyBuilder.clean(clean));
    }

    @Test
    void cleaningFoldsSpacesDropsDebrisAndComposes() {
        assertEquals("a b c", BodyBuilder.clean("  a \u00A0\n b\u200B\tc  "));
        assertEquals("caf\u00E9", BodyBuilder.clean("cafe\u0301"));
        assertEquals("x \uFFFD y", BodyBuilder.clean("x \uD800 y"));
        assertEquals("\uD83D\uDE00 ok", BodyBuilder.clean("\uD83D\uDE00  ok"));
    }

    /** The fast paths give exactly what the plain algorithm gives, for texts mixing every kind of character. */
    @Test
    void cleaningAgreesWithThePlainAlgorithmOnMixedText() {
        String alphabet = "ab .,Zé\u00A0\n\t\r\u0301\u0300\u03B1\u200B\uFEFF\u00AD\u0007\uD83D\uDE00\uD800\uDC00\u2028\u0085\uAC00\u1100\u1161";
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(plainClean(s), BodyBuilder.clean(s), () -> "for " + s.chars().mapToObj(Integer::toHexString).toList());
        }
    }

    /** The algorithm as it was before its fast paths: NFC, then one pass over every character. */
    private static String plainClean(CharSequence content) {
        String nfc = Normalizer.normalize(content, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder();
        boolean pendingSpace = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
            boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
                    ? i + 1 < nfc.length() && Character.isLowSurrogate(nfc.charAt(i + 1))
                    : i > 0 && Character.isHighSurrogate(nfc.charAt(i - 1)));
            boolean dropped = Character.getType(c) == Character.CONTROL || "\u200B\uFEFF\u00AD\uFFFE\uFFFF".indexOf(c) >= 0;
            if (space) {
                pendingSpace = true;
            } else if (lone || !dropped) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(lone ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
