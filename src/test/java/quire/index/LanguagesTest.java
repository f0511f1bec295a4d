package quire.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which articles get the Korean fields: told from the title and text together. */
class LanguagesTest {
    @Test
    void aKoreanTitleOverAnEnglishTextCounts() {
        assertTrue(Languages.hasKorean("북한과 러시아 조약 체결", "Russia and North Korea signed a treaty."));
    }

    @Test
    void aFewHangulInALongEnglishTextDoNot() {
        assertFalse(Languages.hasKorean("Treaty signed", "The word 조약 means treaty. " + "Russia and North Korea signed it. ".repeat(20)));
    }

    @Test
    void aShortMostlyHangulTextDoes() {
        assertTrue(Languages.hasKorean("", "서울 발표"));
    }

    @Test
    void titleAndTextCountAsTheyWouldJoined() {
        String[][] cases = {
                {"조약", "a treaty of one hundred letters and more, ".repeat(2)},
                {"조약 체결", "short"},
                {"No Hangul", "at all"},
                {"", ""},
                {"한", "국어"},
        };
        for (String[] c : cases) {
            assertEquals(Languages.hasKorean(c[0] + "\n" + c[1]), Languages.hasKorean(c[0], c[1]), c[0] + " / " + c[1]);
        }
    }
}
