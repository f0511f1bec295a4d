package quire.ui.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagDialogTest {
    @Test
    void typedTagsAreTrimmedDeduplicatedIgnoringCaseAndKeepTheirHierarchy() {
        assertEquals(List.of("treaty/article-4", "Sanctions"),
                TagDialog.parse(" treaty / article-4 , Sanctions,, sanctions, "));
    }

    @Test
    void completionOffersTagsStartingWithTheWordFirstThenThoseContainingIt() {
        List<String> existing = List.of("sanctions", "treaty", "treaty/article-4", "us-treaty-talks");
        assertEquals(List.of("treaty", "treaty/article-4", "us-treaty-talks"), TagDialog.matching(existing, "trea", List.of()));
        assertEquals(List.of("treaty/article-4"), TagDialog.matching(existing, "art", List.of()));
        assertEquals(List.of("treaty/article-4", "us-treaty-talks"), TagDialog.matching(existing, "trea", List.of("Treaty")));
    }

    @Test
    void theWordBeingTypedIsAfterTheLastComma() {
        assertEquals("art", TagDialog.lastToken("treaty, art"));
        assertEquals("treaty", TagDialog.lastToken("treaty"));
    }
}
