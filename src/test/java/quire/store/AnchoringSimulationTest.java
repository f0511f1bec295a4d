package quire.store;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import quire.model.Highlight;
import quire.model.HighlightState;

/**
 * A seeded simulation of an article being edited under its highlights: random sentence-ish
 * highlights on real article texts, random edits whose effect on the highlighted passage is tracked
 * exactly, then each outcome classified as right, wrong (attached elsewhere) or orphaned.
 *
 * <p>Diagnostics: {@code -Danchoring.examples=N} prints N failures per scenario,
 * {@code -Danchoring.orphans=true} includes orphans, {@code -Danchoring.explain=true} the candidates,
 * {@code -Danchoring.debug=true} the texts around each wrong one and where the two edit scripts put it.
 */
class AnchoringSimulationTest {
    /** {@code -Danchoring.seed=N} runs the same simulation on other random edits (for a soak). */
    private static final long SEED = Long.getLong("anchoring.seed", 20240624L);

    /** {@code -Danchoring.scale=N} multiplies the number of trials of every scenario (for a soak). */
    private static final int SCALE = Integer.getInteger("anchoring.scale", 1);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.-]*");

    /** PARTIAL: on the passage, but with an extent that differs from it by more than a fifth. */
    enum Outcome { RIGHT, PARTIAL, WRONG, ORPHAN }

    /** Tallies of one scenario; "untouched" are trials whose quoted text was not edited. */
    static final class Tally {
        final String name;
        int right;
        int wrong;
        int orphan;
        int partial;
        int untouched;
        int untouchedRight;
        int untouchedUniqueWrong;
        int touched;
        int touchedExact;
        final List<String> wrongExamples = new ArrayList<>();

        Tally(String name) {
            this.name = name;
        }

        int total() {
            return right + partial + wrong + orphan;
        }

        String describe() {
            return String.format(Locale.ROOT,
                    "%-34s n=%5d right %6.2f%% partial %5.2f%% wrong %5.2f%% orphan %5.2f%% | untouched quote: n=%5d right %6.2f%% | edited quote: n=%5d right %6.2f%% (exact extent %6.2f%%)",
                    name, total(), pct(right, total()), pct(partial, total()), pct(wrong, total()), pct(orphan, total()), untouched,
                    pct(untouchedRight, untouched), touched, pct(right - untouchedRight, touched),
                    pct(touchedExact, touched));
        }

        static double pct(int part, int whole) {
            return whole == 0 ? 100.0 : 100.0 * part / whole;
        }
    }

    /** The text being edited and where the highlighted passage is in it. */
    static final class Doc {
        String text;
        int start;
        int end;
        boolean touched;

        Doc(String text, int start, int end) {
            this.text = text;
            this.start = start;
            this.end = end;
        }

        /** Replaces text[a, b) by r, moving the passage's bounds the way a reader would. */
        void replace(int a, int b, String r) {
            boolean inside = a == b ? (start < a && a < end) : (a < end && b > start);
            touched |= inside;
            int delta = r.length() - (b - a);
            // Text inserted exactly at a bound goes outside the passage; text replacing part of it, inside.
            int newStart = a == b ? (start < a ? start : start + delta) : start <= a ? start : start >= b ? start + delta : a;
            int newEnd = end <= a ? end : end >= b ? end + delta : a + r.length();
            if (a == b && start == a && end == a) {
                newEnd = end;
            }
            text = text.substring(0, a) + r + text.substring(b);
            start = newStart;
            end = Math.max(newStart, newEnd);
        }

        /** Moves text[a, b) to {@code to} (an index of the text without it); the passage moves along if inside. */
        void move(int a, int b, int to) {
            String block = text.substring(a, b);
            String rest = text.substring(0, a) + text.substring(b);
            boolean carried = start >= a && end <= b;
            int restStart = start >= b ? start - (b - a) : start;
            int restEnd = end >= b ? end - (b - a) : end;
            if (!carried && start < b && end > a) {
                throw new IllegalStateException("callers move whole paragraphs only");
            }
            text = rest.substring(0, to) + block + rest.substring(to);
            if (carried) {
                start = to + (start - a);
                end = to + (end - a);
            } else {
                start = restStart >= to ? restStart + block.length() : restStart;
                end = restEnd > to || (restEnd == to && restStart >= to) ? restEnd + block.length() : restEnd;
            }
        }
    }

    private final Random random = new Random(SEED);
    private boolean withOldText;

    @Test
    void highlightsSurviveRandomEditsAndNeverLandOnTheWrongPassage() {
        simulate(false);
    }

    @Test
    void withTheOldTextHighlightsSurviveRandomEditsAtLeastAsWell() {
        simulate(true);
    }

    private void simulate(boolean withOldText) {
        this.withOldText = withOldText;
        random.setSeed(SEED);
        List<String> texts = new ArrayList<>();
        StringBuilder digest = new StringBuilder();
        for (String name : AnchoringFixtures.ARTICLES) {
            String text = AnchoringFixtures.article(name).strip();
            texts.add(text);
            digest.append(digest.isEmpty() ? "" : "\n\n").append(text);
        }
        texts.add(digest.toString());

        long began = System.nanoTime();
        Tally scattered = run("5 edits around the quote", texts, 800 * SCALE, this::scatteredEdits);
        Tally inside = run("1 small edit in quote or context", texts, 800 * SCALE, this::oneEditNearTheQuote);
        Tally moved = run("paragraphs moved and removed", texts, 400 * SCALE, this::paragraphEdits);
        Tally churn = run("20 edits anywhere", texts, 600 * SCALE, this::churn);
        double seconds = (System.nanoTime() - began) / 1e9;

        System.out.println("Anchoring simulation, " + (withOldText ? "with" : "without") + " the old text:");
        List<Tally> all = List.of(scattered, inside, moved, churn);
        int total = 0;
        int wrong = 0;
        int uniqueWrong = 0;
        for (Tally t : all) {
            System.out.println(t.describe());
            t.wrongExamples.stream().limit(Integer.getInteger("anchoring.examples", 3))
                    .forEach(w -> System.out.println("    " + w));
            total += t.total();
            wrong += t.wrong;
            uniqueWrong += t.untouchedUniqueWrong;
        }
        List<Tally> small = List.of(scattered, inside, moved);
        int untouched = small.stream().mapToInt(t -> t.untouched).sum();
        int untouchedRight = small.stream().mapToInt(t -> t.untouchedRight).sum();
        int smallTotal = small.stream().mapToInt(Tally::total).sum();
        int smallRight = small.stream().mapToInt(t -> t.right).sum();
        System.out.printf(Locale.ROOT,
                "overall n=%d wrong %.2f%%; small edits: right %.2f%%, untouched quotes right %.2f%%; %.1f s%n", total,
                Tally.pct(wrong, total), Tally.pct(smallRight, smallTotal), Tally.pct(untouchedRight, untouched), seconds);

        double wrongShare = Tally.pct(wrong, total);
        double untouchedRightShare = Tally.pct(untouchedRight, untouched);
        int uniqueWrongCount = uniqueWrong;
        assertAll(
                () -> assertTrue(wrongShare <= 0.1, "wrong overall " + wrongShare),
                () -> assertEquals(0, uniqueWrongCount, "wrong with an untouched, unique quote"),
                () -> assertTrue(untouchedRightShare >= 99.5, "right when the quote is untouched " + untouchedRightShare),
                () -> assertTrue(Tally.pct(scattered.right, scattered.total()) >= 99.5, "right with edits around"),
                () -> assertTrue(Tally.pct(inside.right, inside.total()) >= 95, "right with one small edit inside"),
                () -> assertTrue(Tally.pct(moved.right, moved.total()) >= 95, "right with paragraph edits"),
                () -> assertTrue(Tally.pct(churn.wrong, churn.total()) <= 1.5, "wrong under heavy churn"));
    }

    interface Editor {
        void edit(Doc doc);
    }

    private Tally run(String name, List<String> texts, int trials, Editor editor) {
        Tally tally = new Tally(name);
        for (int i = 0; i < trials; i++) {
            String text = texts.get(i % texts.size());
            int[] span = randomSpan(text);
            Highlight highlight = AnchoringFixtures.highlight(text, span[0], span[1]);
            Doc doc = new Doc(text, span[0], span[1]);
            editor.edit(doc);
            Anchoring.Result result = withOldText ? Anchoring.anchor(highlight, text, doc.text) : Anchoring.anchor(highlight, doc.text);
            classify(tally, highlight, doc, result);
            if (Boolean.getBoolean("anchoring.debug") && withOldText && !tally.wrongExamples.isEmpty() && tally.wrongExamples.get(tally.wrongExamples.size() - 1).startsWith("WRONG") && !tally.wrongExamples.get(tally.wrongExamples.size() - 1).contains("fwd=")) {
                int s0 = highlight.start(), e0 = highlight.end();
                String dbg = " fwd=" + TextDiff.of(text, doc.text).map(d -> d.map(s0) + (d.runHolding(Math.max(0, s0 - 16), Math.min(text.length(), e0 + 16)).isPresent() ? "H" : "")).orElse("-")
                        + " bwd=" + TextDiff.backward(text, doc.text).map(d -> d.map(s0) + (d.runHolding(Math.max(0, s0 - 16), Math.min(text.length(), e0 + 16)).isPresent() ? "H" : "")).orElse("-");
                tally.wrongExamples.set(tally.wrongExamples.size() - 1, tally.wrongExamples.get(tally.wrongExamples.size() - 1).replaceFirst("\\n|$", dbg + "\n"));
            }
        }
        return tally;
    }

    private static void classify(Tally tally, Highlight highlight, Doc doc, Anchoring.Result result) {
        boolean untouched = !doc.touched && doc.text.substring(doc.start, doc.end).equals(highlight.quote());
        Outcome outcome;
        if (result.state() == HighlightState.ORPHANED) {
            outcome = Outcome.ORPHAN;
        } else if (doc.end <= doc.start) {
            outcome = Outcome.WRONG;
        } else if (untouched) {
            outcome = result.start() == doc.start && result.end() == doc.end ? Outcome.RIGHT : Outcome.WRONG;
        } else {
            int overlap = Math.min(result.end(), doc.end) - Math.max(result.start(), doc.start);
            int union = Math.max(result.end(), doc.end) - Math.min(result.start(), doc.start);
            outcome = overlap >= 0.8 * union ? Outcome.RIGHT
                    : overlap >= 0.5 * (result.end() - result.start()) ? Outcome.PARTIAL : Outcome.WRONG;
        }
        switch (outcome) {
            case RIGHT -> tally.right++;
            case WRONG -> tally.wrong++;
            case ORPHAN -> tally.orphan++;
            case PARTIAL -> tally.partial++;
        }
        if (untouched) {
            tally.untouched++;
            if (outcome == Outcome.RIGHT) {
                tally.untouchedRight++;
            }
            boolean unique = doc.text.indexOf(highlight.quote()) == doc.text.lastIndexOf(highlight.quote());
            if (outcome == Outcome.WRONG && unique) {
                tally.untouchedUniqueWrong++;
            }
        } else {
            tally.touched++;
            if (outcome == Outcome.RIGHT && result.start() == doc.start && result.end() == doc.end) {
                tally.touchedExact++;
            }
        }
        if (outcome == Outcome.WRONG || outcome == Outcome.PARTIAL || (outcome == Outcome.ORPHAN && (untouched || Boolean.getBoolean("anchoring.orphans")))) {
            tally.wrongExamples.add(outcome + String.format(Locale.ROOT, " quote=%s truth=%s got=%s (%s %.2f) old@%d truth@%d got@%d",
                    quoted(highlight.quote()), quoted(doc.end > doc.start ? doc.text.substring(doc.start, doc.end) : ""),
                    quoted(result.quote()), result.method(), result.score(), highlight.start(), doc.start, result.start())
                    + (Boolean.getBoolean("anchoring.debug") && outcome == Outcome.WRONG ? "\n OLD: " + highlight.prefix() + "[[" + highlight.quote() + "]]" + highlight.suffix() + "\n NEWtruth: " + doc.text.substring(Math.max(0, doc.start - 300), Math.min(doc.text.length(), doc.end + 100)).replace("\n", "/") + "\n NEWgot: " + doc.text.substring(Math.max(0, result.start() - 300), Math.min(doc.text.length(), result.end() + 100)).replace("\n", "/") : "")
                    + (Boolean.getBoolean("anchoring.explain") ? "\n      " + String.join("\n      ", Anchoring.explain(highlight, doc.text)) + "\n      prefix='" + highlight.prefix() + "' suffix='" + highlight.suffix() + "'" : ""));
        }
    }

    private static String quoted(String s) {
        String flat = s.replace('\n', '/');
        return "\"" + (flat.length() > 90 ? flat.substring(0, 90) + "…" : flat) + "\"";
    }

    // ---- highlights ----

    /** A sentence-ish span inside one paragraph: mostly 20 to 250 characters, sometimes a few words or a whole paragraph. */
    private int[] randomSpan(String text) {
        List<int[]> paragraphs = paragraphs(text);
        while (true) {
            int[] p = paragraphs.get(random.nextInt(paragraphs.size()));
            List<int[]> words = words(text, p[0], p[1]);
            if (words.size() < 4) {
                continue;
            }
            double kind = random.nextDouble();
            if (kind < 0.1) {
                return new int[] {p[0], p[1]};
            }
            int first = random.nextInt(words.size());
            int maxLength = kind < 0.2 ? 12 : 250;
            int minLength = kind < 0.2 ? 1 : 20;
            int last = first;
            while (last + 1 < words.size() && words.get(last + 1)[1] - words.get(first)[0] <= maxLength
                    && (words.get(last)[1] - words.get(first)[0] < minLength || random.nextInt(8) != 0)) {
                last++;
            }
            int start = words.get(first)[0];
            int end = words.get(last)[1];
            if (end - start >= minLength || kind < 0.2) {
                return new int[] {start, end};
            }
        }
    }

    static List<int[]> paragraphs(String text) {
        List<int[]> result = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf("\n\n", start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                result.add(new int[] {start, end});
            }
            start = end + 2;
        }
        return result;
    }

    static List<int[]> words(String text, int from, int to) {
        List<int[]> result = new ArrayList<>();
        Matcher m = WORD.matcher(text).region(from, to);
        while (m.find()) {
            result.add(new int[] {m.start(), m.end()});
        }
        return result;
    }

    // ---- edits ----

    private static final String[] FILLER = ("officials said the agreement would be reviewed again next month "
            + "according to a statement released by the ministry on Friday while analysts warned of further "
            + "tension in the region and called for restraint from all parties involved").split(" ");

    private String sentence() {
        StringBuilder s = new StringBuilder();
        int n = 6 + random.nextInt(14);
        for (int i = 0; i < n; i++) {
            String w = FILLER[random.nextInt(FILLER.length)];
            s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : " " + w);
        }
        return s.append('.').toString();
    }

    /** One small edit at a word of text[from, to): typo, word replaced, inserted or deleted, punctuation. */
    private void smallEdit(Doc doc, int from, int to) {
        List<int[]> words = words(doc.text, Math.max(0, from), Math.min(doc.text.length(), to));
        if (words.isEmpty()) {
            return;
        }
        int[] w = words.get(random.nextInt(words.size()));
        String word = doc.text.substring(w[0], w[1]);
        switch (random.nextInt(6)) {
            case 0 -> { // a typo: one letter changed or two swapped
                int i = w[0] + random.nextInt(word.length());
                if (word.length() > 1 && random.nextBoolean() && i + 1 < w[1]) {
                    doc.replace(i, i + 2, "" + doc.text.charAt(i + 1) + doc.text.charAt(i));
                } else {
                    doc.replace(i, i + 1, String.valueOf((char) ('a' + random.nextInt(26))));
                }
            }
            case 1 -> doc.replace(w[0], w[1], FILLER[random.nextInt(FILLER.length)]);
            case 2 -> doc.replace(w[0], w[0], FILLER[random.nextInt(FILLER.length)] + " ");
            case 3 -> doc.replace(w[0], Math.min(doc.text.length(), w[1] + 1), "");
            case 4 -> { // an editor's punctuation pass
                int at = doc.text.indexOf(' ', w[1]);
                if (at >= 0 && at < to) {
                    doc.replace(at, at + 1, random.nextBoolean() ? "\n" : ", ");
                }
            }
            default -> {
                String curly = word.replace('\'', '’');
                doc.replace(w[0], w[1], curly.equals(word) ? "“" + word + "”" : curly);
            }
        }
    }

    /** A larger edit somewhere outside [avoidFrom, avoidTo): a sentence inserted or a stretch deleted. */
    private void largeEdit(Doc doc, int avoidFrom, int avoidTo) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int at = random.nextInt(doc.text.length() + 1);
            if (random.nextBoolean()) {
                if (at > avoidFrom && at < avoidTo) {
                    continue;
                }
                String inserted = random.nextInt(5) == 0 ? copiedSentence(doc.text) : sentence();
                doc.replace(at, at, (random.nextBoolean() ? " " : "\n\n") + inserted + " ");
            } else {
                int end = Math.min(doc.text.length(), at + 20 + random.nextInt(120));
                if (end > avoidFrom && at < avoidTo) {
                    continue;
                }
                doc.replace(at, end, "");
            }
            return;
        }
    }

    /** A sentence copied from elsewhere in the text, so the text may quote itself, as news texts do. */
    private String copiedSentence(String text) {
        int at = random.nextInt(text.length());
        int start = text.lastIndexOf(". ", at);
        start = start < 0 ? 0 : start + 2;
        int end = text.indexOf(". ", Math.max(at, start));
        end = end < 0 ? text.length() : end + 1;
        return text.substring(start, Math.min(end, start + 300));
    }

    private void scatteredEdits(Doc doc) {
        for (int i = 0; i < 5; i++) {
            if (random.nextBoolean()) {
                largeEdit(doc, doc.start - 1, doc.end + 1);
            } else {
                int at = random.nextInt(doc.text.length());
                if (at < doc.start - 20) {
                    smallEdit(doc, at, Math.min(at + 20, doc.start - 1));
                } else if (at > doc.end) {
                    smallEdit(doc, at, at + 20);
                }
            }
        }
    }

    private void oneEditNearTheQuote(Doc doc) {
        for (int i = 0; i < 3; i++) {
            largeEdit(doc, doc.start - 40, doc.end + 40);
        }
        smallEdit(doc, doc.start - Highlight.CONTEXT_CHARS, doc.end + Highlight.CONTEXT_CHARS);
    }

    private void paragraphEdits(Doc doc) {
        for (int i = 0; i < 3; i++) {
            List<int[]> paragraphs = paragraphs(doc.text);
            if (paragraphs.size() < 3) {
                return;
            }
            int[] p = paragraphs.get(random.nextInt(paragraphs.size()));
            boolean holdsQuote = p[0] <= doc.start && doc.end <= p[1];
            int end = Math.min(doc.text.length(), p[1] + 2);
            if (random.nextBoolean()) {
                if (!holdsQuote) {
                    doc.replace(p[0], end, "");
                }
            } else {
                String rest = doc.text.substring(0, p[0]) + doc.text.substring(end);
                List<int[]> targets = paragraphs(rest);
                int to = targets.get(random.nextInt(targets.size()))[0];
                doc.move(p[0], end, to);
            }
        }
        smallEdit(doc, random.nextInt(doc.text.length()), doc.text.length());
    }

    private void churn(Doc doc) {
        for (int i = 0; i < 20; i++) {
            if (random.nextInt(3) == 0) {
                largeEdit(doc, -1, -1);
            } else {
                int at = random.nextInt(doc.text.length());
                smallEdit(doc, at, at + 30);
            }
        }
    }
}
