package quire.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Approximate string matching by Myers' bit-parallel algorithm, blocked for patterns longer than
 * 64 characters (Hyyrö 2003, as in the approx-string-match library Hypothesis uses).
 *
 * <p>It costs one pass over the text per 64 pattern characters, so a 64-character probe scans a
 * 100 KB text in well under a millisecond, where a plain dynamic program would fill 6.4 M cells.
 * Characters are compared after {@link #fold}, so that a straight quote replaced by a curly one, an
 * en dash by a hyphen or a space by a line break costs nothing.
 */
final class FuzzyMatch {
    private FuzzyMatch() {}

    /** Makes typographic variants equal: an editor's "smart quotes" pass must not cost errors. */
    static char fold(char c) {
        return switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`', '\u00B4' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
            case '\t', '\n', '\r', '\u000B', '\u000C', '\u00A0', '\u2002', '\u2003', '\u2007', '\u2009',
                    '\u200A', '\u202F', '\u3000' -> ' ';
            default -> c;
        };
    }

    /** A pattern compiled into per-character bit masks, one 64-bit word per block of 64 characters. */
    static final class Pattern {
        final int length;
        final int blocks;
        private final long[][] ascii = new long[128][];
        private final Map<Character, long[]> other = new HashMap<>();
        private final long[] lastRowMask;
        private final long[] zero;

        /** Compiles {@code text}, reversed when the pattern is to be read from its end backwards. */
        Pattern(String text, boolean reversed) {
            length = text.length();
            blocks = Math.max(1, (length + 63) / 64);
            zero = new long[blocks];
            lastRowMask = new long[blocks];
            for (int b = 0; b < blocks; b++) {
                int rows = Math.min(64, length - b * 64);
                lastRowMask[b] = rows <= 0 ? 0 : 1L << (rows - 1);
            }
            for (int i = 0; i < length; i++) {
                char c = fold(text.charAt(reversed ? length - 1 - i : i));
                long[] masks;
                if (c < 128) {
                    masks = ascii[c];
                    if (masks == null) {
                        masks = ascii[c] = new long[blocks];
                    }
                } else {
                    masks = other.computeIfAbsent(c, k -> new long[blocks]);
                }
                masks[i >>> 6] |= 1L << (i & 63);
            }
        }

        long[] masks(char folded) {
            long[] masks = folded < 128 ? ascii[folded] : other.get(folded);
            return masks == null ? zero : masks;
        }
    }

    /** Where a pattern ends in the text, and with how many edits. */
    record Hit(int end, int errors) {}

    /** The best alignment of a pattern anchored at one point: how much text it covers, with how many edits. */
    record Alignment(int length, int errors) {}

    /**
     * Finds where the pattern ends in {@code text[from, to)} with at most {@code maxErrors} edits,
     * one hit (the best) per run of neighbouring end positions.
     */
    static List<Hit> search(Pattern pattern, String text, int from, int to, int maxErrors) {
        List<Hit> hits = new ArrayList<>();
        if (pattern.length == 0 || from >= to) {
            return hits;
        }
        Scan scan = new Scan(pattern, false);
        int runBest = -1;
        int runErrors = Integer.MAX_VALUE;
        for (int i = from; i < to; i++) {
            int score = scan.step(fold(text.charAt(i)));
            if (score <= maxErrors) {
                if (score < runErrors) {
                    runErrors = score;
                    runBest = i + 1;
                }
            } else if (runBest >= 0) {
                hits.add(new Hit(runBest, runErrors));
                runBest = -1;
                runErrors = Integer.MAX_VALUE;
            }
        }
        if (runBest >= 0) {
            hits.add(new Hit(runBest, runErrors));
        }
        return hits;
    }

    /**
     * Aligns the whole pattern with the text that starts at {@code from}, reading at most
     * {@code maxLength} characters: the cheapest prefix of that text, ties going to the length
     * nearest the pattern's own.
     */
    static Alignment alignForward(Pattern pattern, String text, int from, int maxLength) {
        int count = Math.max(0, Math.min(maxLength, text.length() - from));
        Scan scan = new Scan(pattern, true);
        int bestLength = 0;
        int bestErrors = pattern.length;
        for (int j = 1; j <= count; j++) {
            int score = scan.step(fold(text.charAt(from + j - 1)));
            if (score < bestErrors
                    || (score == bestErrors && Math.abs(j - pattern.length) < Math.abs(bestLength - pattern.length))) {
                bestErrors = score;
                bestLength = j;
            }
        }
        return new Alignment(bestLength, bestErrors);
    }

    /**
     * Aligns the whole pattern (compiled reversed) with the text that ends at {@code end}, reading
     * backwards at most {@code maxLength} characters.
     */
    static Alignment alignBackward(Pattern reversedPattern, String text, int end, int maxLength) {
        int count = Math.max(0, Math.min(maxLength, end));
        Scan scan = new Scan(reversedPattern, true);
        int bestLength = 0;
        int bestErrors = reversedPattern.length;
        int m = reversedPattern.length;
        for (int j = 1; j <= count; j++) {
            int score = scan.step(fold(text.charAt(end - j)));
            if (score < bestErrors || (score == bestErrors && Math.abs(j - m) < Math.abs(bestLength - m))) {
                bestErrors = score;
                bestLength = j;
            }
        }
        return new Alignment(bestLength, bestErrors);
    }

    /**
     * Edit distances of the whole pattern against {@code text[from, from + j)} for j = 0..count
     * (fewer when the text ends first).
     */
    static int[] alignmentsForward(Pattern pattern, String text, int from, int count) {
        int n = Math.max(0, Math.min(count, text.length() - from));
        int[] scores = new int[n + 1];
        scores[0] = pattern.length;
        Scan scan = new Scan(pattern, true);
        for (int j = 1; j <= n; j++) {
            scores[j] = scan.step(fold(text.charAt(from + j - 1)));
        }
        return scores;
    }

    /** Edit distances of the whole pattern (compiled reversed) against {@code text[end - j, end)}. */
    static int[] alignmentsBackward(Pattern reversedPattern, String text, int end, int count) {
        int n = Math.max(0, Math.min(count, end));
        int[] scores = new int[n + 1];
        scores[0] = reversedPattern.length;
        Scan scan = new Scan(reversedPattern, true);
        for (int j = 1; j <= n; j++) {
            scores[j] = scan.step(fold(text.charAt(end - j)));
        }
        return scores;
    }

    /**
     * For every boundary b in [from, to]: how many edits the pattern needs to match text that ends
     * at b (index b - from). Used with a prefix to judge where a passage may start.
     */
    static int[] distancesEndingAt(Pattern pattern, String text, int from, int to) {
        int[] result = new int[to - from + 1];
        Scan scan = new Scan(pattern, false);
        int scanFrom = Math.max(0, from - pattern.length - 8);
        int score = pattern.length;
        for (int i = scanFrom; i < to; i++) {
            if (i >= from) {
                result[i - from] = score;
            }
            score = scan.step(fold(text.charAt(i)));
        }
        result[to - from] = score;
        return result;
    }

    /**
     * For every boundary b in [from, to]: how many edits the pattern (compiled reversed) needs to
     * match text that starts at b. Used with a suffix to judge where a passage may end.
     */
    static int[] distancesStartingAt(Pattern reversedPattern, String text, int from, int to) {
        int[] result = new int[to - from + 1];
        Scan scan = new Scan(reversedPattern, false);
        int scanFrom = Math.min(text.length(), to + reversedPattern.length + 8);
        int score = reversedPattern.length;
        for (int i = scanFrom; i > from; i--) {
            if (i <= to) {
                result[i - from] = score;
            }
            score = scan.step(fold(text.charAt(i - 1)));
        }
        result[0] = score;
        return result;
    }

    /**
     * One column at a time of the edit-distance matrix, kept as vertical deltas in bit vectors.
     * Anchored: row 0 grows by one per text character (the pattern must start at the first
     * character read); otherwise row 0 stays 0 (the pattern may start anywhere).
     */
    private static final class Scan {
        private final Pattern pattern;
        private final boolean anchored;
        private final long[] plus;
        private final long[] minus;
        private final int[] score;

        Scan(Pattern pattern, boolean anchored) {
            this.pattern = pattern;
            this.anchored = anchored;
            plus = new long[pattern.blocks];
            minus = new long[pattern.blocks];
            score = new int[pattern.blocks];
            for (int b = 0; b < pattern.blocks; b++) {
                plus[b] = -1L;
                score[b] = Math.min(64 * (b + 1), pattern.length);
            }
        }

        /** Reads one (folded) character; returns the distance at the pattern's last row. */
        int step(char c) {
            long[] eqs = pattern.masks(c);
            int carry = anchored ? 1 : 0;
            for (int b = 0; b < pattern.blocks; b++) {
                long pv = plus[b];
                long mv = minus[b];
                long negative = carry < 0 ? 1L : 0L;
                long eq = eqs[b] | negative;
                long xv = eq | mv;
                long xh = (((eq & pv) + pv) ^ pv) | eq;
                long ph = mv | ~(xh | pv);
                long mh = pv & xh;
                long last = pattern.lastRowMask[b];
                int out = (ph & last) != 0 ? 1 : (mh & last) != 0 ? -1 : 0;
                ph <<= 1;
                mh <<= 1;
                mh |= negative;
                if (carry > 0) {
                    ph |= 1L;
                }
                plus[b] = mh | ~(xv | ph);
                minus[b] = ph & xv;
                score[b] += out;
                carry = out;
            }
            return score[pattern.blocks - 1];
        }
    }
}
