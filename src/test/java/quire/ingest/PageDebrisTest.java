package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageDebrisTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "Send to", "Share", "Print", "Email", "Facebook", "Twitter", "Kakao", "A A", "Font size", "Listen",
        "Subscribe", "Advertisement", "ADVERTISEMENT", "All rights reserved.",
        "Copyright © 2024 The Korea Herald. All rights reserved.", "© 2024 Yonhap News Agency",
        "ⓒ 코리아헤럴드, 무단 전재 및 재배포 금지", "Facebook Twitter Kakao", "Share | Print | Email", "  Send to  "
    })
    void pageFurnitureIsDebris(String line) {
        assertTrue(PageDebris.isDebris(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Share prices fell sharply on Monday.",
        "Print media are in decline, the report said.",
        "Copyright laws were changed last year.",
        "Kakao said it would appeal the ruling.",
        "Listen to the people, the president said.",
        "Subscribers complained about the price.",
        "북한과 러시아는 조약을 체결했다."
    })
    void sentencesAreNeverDebris(String line) {
        assertFalse(PageDebris.isDebris(line));
    }

    @Test
    void anAdMarkerIsOneWhateverSpacesAndStopsSurroundIt() {
        assertTrue(PageDebris.isAdMarker(" \u00A0".repeat(300) + "ADVERTISEMENT.:..:" + " \u00A0".repeat(300)));
        assertTrue(PageDebris.isAdMarker("Story   continues \n below\tadvertisement:"));
        assertFalse(PageDebris.isAdMarker("Story continues below advertisement, and then some."));
        assertFalse(PageDebris.isAdMarker("The advertisement campaign was paid for by the ministry."));
    }
}
