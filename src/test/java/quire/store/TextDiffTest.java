package quire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextDiffTest {
    private static final String ARTICLE = AnchoringFixtures.article("red-lines.txt");

    @Test
    void runsAreSharedTextInOrderInBothScripts() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            String edited = ARTICLE;
            for (int e = 0; e < 1 + random.nextInt(20); e++) {
                int at = random.nextInt(edited.length());
                int cut = Math.min(edited.length() - at, random.nextInt(40));
                String pasted = random.nextBoolean() ? "" : ARTICLE.substring(random.nextInt(ARTICLE.length() - 80)).substring(0, random.nextInt(80));
                edited = edited.substring(0, at) + pasted + edited.substring(at + cut);
            }
            for (Optional<TextDiff> diff : List.of(TextDiff.of(ARTICLE, edited), TextDiff.backward(ARTICLE, edited))) {
                assertTrue(diff.isPresent(), "a few edits are diffed");
                int oldEnd = 0;
                int newEnd = 0;
                for (TextDiff.Run run : diff.get().runs()) {
                    assertTrue(run.oldStart() >= oldEnd && run.newStart() >= newEnd, "runs in order: " + run);
                    assertEquals(ARTICLE.substring(run.oldStart(), run.oldEnd()),
                            edited.substring(run.newStart(), run.newStart() + run.length()), "a run is shared text");
                    oldEnd = run.oldEnd();
                    newEnd = run.newStart() + run.length();
                }
            }
        }
    }

    @Test
    void aStretchNoEditTouchedMapsToWhereItWent() {
        String passage = "have been gradually approaching a red line";
        int start = ARTICLE.indexOf(passage);
        String edited = "A new first paragraph.\n\n" + ARTICLE.replace("another stark warning", "a warning");

        TextDiff diff = TextDiff.of(ARTICLE, edited).orElseThrow();

        assertTrue(diff.runHolding(start, start + passage.length()).isPresent());
        assertEquals(edited.indexOf(passage), diff.map(start));
    }

    @Test
    void aCopyPastedNextToAStretchMakesTheTwoScriptsDisagree() {
        String sentence = "Seoul and Moscow have been publicly exchanging warnings";
        int start = ARTICLE.indexOf(sentence);
        String edited = ARTICLE.substring(0, start) + sentence + " " + ARTICLE.substring(start);

        int early = TextDiff.of(ARTICLE, edited).orElseThrow().map(start);
        int late = TextDiff.backward(ARTICLE, edited).orElseThrow().map(start);

        assertEquals(start, early);
        assertEquals(start + sentence.length() + 1, late);
    }

    @Test
    void textsThatDifferTooMuchAreNotDiffed() {
        StringBuilder other = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            other.append("w").append(i).append(' ');
        }
        assertTrue(TextDiff.of(ARTICLE, other.toString()).isEmpty());
        assertTrue(TextDiff.of("", "").isPresent());
    }
}
