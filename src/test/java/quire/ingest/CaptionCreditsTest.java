package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaptionCreditsTest {
    private static final String PHOTO = "Officials attend a ceremony in Seoul on Monday. ";

    @ParameterizedTest
    @ValueSource(strings = {
        "(Yonhap)", "(Pool via Reuters)", "(Sputnik via Reuters)", "(AP)", "(AFP)", "(Reuters)", "(EPA)",
        "(Xinhua)", "(KCNA)", "(Newsis)", "(News1)", "(Getty Images)", "(Bloomberg)", "(AP Photo)",
        "(AP Photo/Lee Jin-man)", "(Photo: Korea Tourism Organization)", "(Courtesy of Samsung Electronics)",
        "(File photo)", "(KCNA via Yonhap)", "(Yonhap Photo)", "(The Korea Herald)", "(Ministry of Unification)",
        "(Presidential Office)", "(Getty Images/Bloomberg)", "(123rf)", "(EPA-Yonhap)", "(AFP/Getty Images)",
        "(Defense Ministry)", "(Joint Press Corps)", "(Korea Herald photo)", "(Photo by Kim Hae-yeon)"
    })
    void photoCreditsMakeCaptions(String credit) {
        assertTrue(CaptionCredits.isCaption(PHOTO + credit));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Seoul warned it would respond to any new deal with Moscow (Russia)",
        "\"It needs to carefully consider its actions after the war (in Ukraine)\"",
        "The treaty took effect after both sides ratified it (in December).",
        "Officials said the documents were sent via email (sent via email)",
        "The vote was 12 to 3 (see below)",
        "Seoul and Moscow are walking a tightrope in their relations.",
        "The agencies compared the Russia and Ukraine figures (Russia-Ukraine)",
        "(Yonhap)"
    })
    void bodyParagraphsEndingInOtherParenthesesAreNotCaptions(String paragraph) {
        assertFalse(CaptionCredits.isCaption(paragraph));
    }

    @Test
    void wireCreditEndsAStoryButAPhotoCreditDoesNot() {
        assertTrue(CaptionCredits.endsWithWireCredit("The ministry said it would respond. (Yonhap)"));
        assertFalse(CaptionCredits.endsWithWireCredit("Kim and Putin attend a reception. (Pool via Reuters)"));
    }
}
