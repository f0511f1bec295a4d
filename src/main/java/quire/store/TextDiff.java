package quire.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the stretches an old and a new text share now are: a shortest word-level edit script
 * (Myers' O(ND) algorithm) between the two, kept as the runs of characters that it leaves alone.
 * With it, a highlight whose passage and surroundings no edit touched maps to exactly where that
 * text went, and one that was touched is looked for near where its neighbours went.
 *
 * <p>Bounded: texts that differ by more than {@value #MAX_EDITS} tokens are not diffed at all
 * (the caller falls back to searching), so the work is O((N + M) × MAX_EDITS) and the memory
 * O(MAX_EDITS²) ints at most.
 */
final class TextDiff {
    /** Tokens inserted plus deleted beyond which two texts are treated as unrelated. */
    static final int MAX_EDITS = 1_200;

    /** A stretch of {@code length} characters at {@code oldStart} in the old text and {@code newStart} in the new one. */
    record Run(int oldStart, int newStart, int length) {
        int oldEnd() {
            return oldStart + length;
        }
    }

    private final List<Run> runs;

    private TextDiff(List<Run> runs) {
        this.runs = runs;
    }

    List<Run> runs() {
        return runs;
    }

    /** The shared runs of two texts, or empty when they differ too much to say cheaply. */
    static Optional<TextDiff> of(String oldText, String newText) {
        Map<String, Integer> ids = new HashMap<>();
        Tokens a = Tokens.of(oldText, ids);
        Tokens b = Tokens.of(newText, ids);
        List<int[]> matches = new ArrayList<>();
        int n = a.count();
        int m = b.count();
        int head = 0;
        while (head < n && head < m && a.id(head) == b.id(head)) {
            head++;
        }
        int tail = 0;
        while (tail < n - head && tail < m - head && a.id(n - 1 - tail) == b.id(m - 1 - tail)) {
            tail++;
        }
        if (head > 0) {
            matches.add(new int[] {0, 0, head});
        }
        if (!middle(a, b, head, n - tail, head, m - tail, matches)) {
            return Optional.empty();
        }
        if (tail > 0) {
            matches.add(new int[] {n - tail, m - tail, tail});
        }
        List<Run> runs = new ArrayList<>();
        for (int[] match : matches) {
            int oldStart = a.start(match[0]);
            int newStart = b.start(match[1]);
            int length = a.start(match[0] + match[2]) - oldStart;
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.oldEnd() == oldStart && last.newStart() + last.length() == newStart) {
                runs.set(runs.size() - 1, new Run(last.oldStart(), last.newStart(), last.length() + length));
            } else if (length > 0) {
                runs.add(new Run(oldStart, newStart, length));
            }
        }
        return Optional.of(new TextDiff(List.copyOf(runs)));
    }

    /**
     * The same, from a script that keeps stretches as late as it can rather than as early: where a
     * stretch could stay in either of two places (a copy pasted next to it), the two scripts
     * disagree, and that disagreement is the ambiguity a caller must not decide by chance.
     */
    static Optional<TextDiff> backward(String oldText, String newText) {
        return of(reverse(oldText), reverse(newText)).map(reversed -> {
            List<Run> runs = new ArrayList<>();
            for (int i = reversed.runs.size() - 1; i >= 0; i--) {
                Run r = reversed.runs.get(i);
                runs.add(new Run(oldText.length() - r.oldStart() - r.length(), newText.length() - r.newStart() - r.length(), r.length()));
            }
            return new TextDiff(List.copyOf(runs));
        });
    }

    /** Character by character: a reversed surrogate pair only becomes two one-character tokens. */
    private static String reverse(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0, j = chars.length - 1; i < j; i++, j--) {
            char c = chars[i];
            chars[i] = chars[j];
            chars[j] = c;
        }
        return new String(chars);
    }

    /** The run that holds old characters [start, end) whole, if one does. */
    Optional<Run> runHolding(int start, int end) {
        Run run = runAtOrBefore(start);
        return run != null && run.oldStart() <= start && end <= run.oldEnd() ? Optional.of(run) : Optional.empty();
    }

    /**
     * Where old position {@code position} is now: exact inside a shared run, otherwise the new
     * position just after the last shared run before it (the start of whatever replaced it).
     */
    int map(int position) {
        Run run = runAtOrBefore(position);
        if (run == null) {
            return 0;
        }
        return run.newStart() + Math.min(position - run.oldStart(), run.length());
    }

    private Run runAtOrBefore(int position) {
        int lo = 0;
        int hi = runs.size() - 1;
        Run found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Run run = runs.get(mid);
            if (run.oldStart() <= position) {
                found = run;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /**
     * Myers' greedy forward search over a[aFrom, aTo) and b[bFrom, bTo), then a walk back through
     * the saved frontiers; appends the matching stretches in order. False when the shortest
     * script is longer than {@link #MAX_EDITS}.
     */
    private static boolean middle(Tokens a, Tokens b, int aFrom, int aTo, int bFrom, int bTo, List<int[]> out) {
        int n = aTo - aFrom;
        int m = bTo - bFrom;
        if (n == 0 || m == 0) {
            return n + m <= MAX_EDITS;
        }
        int maxD = Math.min(n + m, MAX_EDITS);
        int offset = maxD + 1;
        int[] v = new int[2 * maxD + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= maxD && found < 0; d++) {
            // The frontier before step d, only the diagonals step d reads.
            int[] saved = new int[2 * d + 3];
            System.arraycopy(v, offset - d - 1, saved, 0, saved.length);
            trace.add(saved);
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.id(aFrom + x) == b.id(bFrom + y)) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        if (found < 0) {
            return false;
        }
        List<int[]> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] saved = trace.get(d);
            int base = -d - 1;
            int k = x - y;
            boolean down = k == -d || (k != d && saved[k - 1 - base] < saved[k + 1 - base]);
            int prevK = down ? k + 1 : k - 1;
            int prevX = saved[prevK - base];
            int prevY = prevX - prevK;
            int snakeStartX = down ? prevX : prevX + 1;
            int snake = x - snakeStartX;
            if (snake > 0) {
                reversed.add(new int[] {aFrom + snakeStartX, bFrom + (snakeStartX - k), snake});
            }
            x = prevX;
            y = prevY;
        }
        if (x > 0) {
            reversed.add(new int[] {aFrom, bFrom, x});
        }
        for (int i = reversed.size() - 1; i >= 0; i--) {
            out.add(reversed.get(i));
        }
        return true;
    }

    /** A text cut into words (runs of letters and digits) and single other characters, as ids. */
    private record Tokens(int[] ids, int[] starts, int count) {
        static Tokens of(String text, Map<String, Integer> dictionary) {
            int[] ids = new int[Math.max(1, text.length())];
            int[] starts = new int[text.length() + 1];
            int count = 0;
            int i = 0;
            while (i < text.length()) {
                int from = i;
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isLetterOrDigit(cp)) {
                    while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
                        i += Character.charCount(text.codePointAt(i));
                    }
                }
                String token = text.substring(from, i);
                Integer id = dictionary.get(token);
                if (id == null) {
                    id = dictionary.size();
                    dictionary.put(token, id);
                }
                ids[count] = id;
                starts[count] = from;
                count++;
            }
            starts[count] = text.length();
            return new Tokens(ids, starts, count);
        }

        int id(int token) {
            return ids[token];
        }

        /** Where token {@code token} starts; {@code count} gives the text's length. */
        int start(int token) {
            return starts[token];
        }
    }
}
