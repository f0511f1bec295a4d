package quire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quire.model.Highlight;

/**
 * Anchoring stays bounded on a 100 KB text, even for a 5 KB quote that was mostly rewritten (the
 * case where a plain dynamic program would fill 500 M cells). Bounds are generous so that a slow CI
 * machine does not fail them; the medians are printed for the record.
 */
class AnchoringTimingTest {
    private static String text;

    @BeforeAll
    static void buildA100KbText() {
        StringBuilder b = new StringBuilder();
        int part = 0;
        while (b.length() < 100_000) {
            for (String name : AnchoringFixtures.ARTICLES) {
                // Numbered so that the copies are not word for word identical.
                b.append("Part ").append(++part).append(".\n\n").append(AnchoringFixtures.article(name).strip()).append("\n\n");
            }
        }
        text = b.toString();
    }

    @Test
    void longQuoteMostlyRewrittenIsOrphanedQuickly() {
        int start = text.indexOf("Part 9.");
        Highlight highlight = AnchoringFixtures.highlight(text, start, start + 5_000);
        String newText = text.substring(0, start) + rewrite(text.substring(start, start + 5_000), 0.7, 1)
                + text.substring(start + 5_000);

        Anchoring.Result result = median("5 KB quote, 70% of its words rewritten, 100 KB text",
                () -> Anchoring.anchor(highlight, newText), 1_000);

        assertEquals(Anchoring.Method.NONE, result.method());
    }

    @Test
    void longQuoteWithTyposIsFoundQuickly() {
        int start = text.indexOf("Part 9.");
        Highlight highlight = AnchoringFixtures.highlight(text, start, start + 5_000);
        String edited = rewrite(text.substring(start, start + 5_000), 0.02, 2);
        String newText = "A new first paragraph.\n\n" + text.substring(0, start) + edited + text.substring(start + 5_000);

        Anchoring.Result result = median("5 KB quote, 2% of its words changed, 100 KB text",
                () -> Anchoring.anchor(highlight, newText), 1_000);

        int newStart = start + "A new first paragraph.\n\n".length();
        assertEquals(Anchoring.Method.FUZZY, result.method());
        assertEquals(newStart, result.start());
        assertEquals(newStart + edited.length(), result.end());
    }

    @Test
    void sentenceWithATypoIsFoundQuickly() {
        int start = text.indexOf("without specifying what constitutes the line", 50_000);
        Highlight highlight = AnchoringFixtures.highlight(text, start, start + 44);
        String newText = "Updated.\n\n" + text.substring(0, start) + "without specifying what constitues the line"
                + text.substring(start + 44);

        Anchoring.Result result = median("44-character quote with a typo, 100 KB text",
                () -> Anchoring.anchor(highlight, newText), 200);

        assertEquals(Anchoring.Method.FUZZY, result.method());
        assertEquals("without specifying what constitues the line", result.quote());
    }

    @Test
    void commonWordWithoutContextIsDecidedQuickly() {
        int start = text.indexOf(" the ", 60_000) + 1;
        Highlight highlight = AnchoringFixtures.highlight(text, start, start + 3);
        String newText = text.substring(0, start - 40) + "x".repeat(39) + " the " + "y".repeat(39) + text.substring(start + 42);

        Anchoring.Result result = median("\"the\" with its context gone, 100 KB text (thousands of candidates)",
                () -> Anchoring.anchor(highlight, newText), 500);

        assertEquals(Anchoring.Method.NONE, result.method());
    }

    /** Runs a few times after a warm-up, prints the median, and checks the slowest run against a bound. */
    private static Anchoring.Result median(String what, Supplier<Anchoring.Result> work, long boundMillis) {
        Anchoring.Result result = null;
        for (int i = 0; i < 3; i++) {
            result = work.get();
        }
        long[] nanos = new long[9];
        for (int i = 0; i < nanos.length; i++) {
            long began = System.nanoTime();
            result = work.get();
            nanos[i] = System.nanoTime() - began;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "Anchoring timing: %s: median %.2f ms, slowest %.2f ms%n", what, nanos[4] / 1e6,
                nanos[nanos.length - 1] / 1e6);
        assertTrue(nanos[4] / 1_000_000 < boundMillis, what + " took " + nanos[4] / 1e6 + " ms");
        return result;
    }

    /** Replaces about {@code share} of the words by other words, keeping the text's shape. */
    private static String rewrite(String passage, double share, long seed) {
        Random random = new Random(seed);
        String[] words = {"officials", "said", "region", "statement", "Friday", "ministry", "tension", "analysts"};
        StringBuilder b = new StringBuilder();
        for (String token : passage.split("(?<= )")) {
            b.append(random.nextDouble() < share ? words[random.nextInt(words.length)] + (token.endsWith(" ") ? " " : "") : token);
        }
        return b.toString();
    }
}
