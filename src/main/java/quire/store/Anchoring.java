package quire.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntUnaryOperator;
import quire.model.Highlight;
import quire.model.HighlightState;

/**
 * Re-attaches highlights when an article's text changes, the way Hypothesis does (W3C
 * TextPositionSelector, then TextQuoteSelector with approximate matching), with one difference
 * that matters to an analyst: when the evidence does not single out one place, the highlight is
 * orphaned rather than guessed, because a silently misplaced highlight is worse than an orphan.
 *
 * <p>Order of attempts: the old position if the quote is still exactly there; an exact occurrence
 * of the quote chosen by its context (prefix and suffix), then by distance when the context is
 * identical; an approximate match of the quote (Myers' bit-parallel algorithm, long quotes probed
 * by their first and last 64 characters) scored like Hypothesis (50 quote, 20 prefix, 20 suffix,
 * 2 position) and accepted at {@value #FUZZY_ACCEPT} or more.
 */
public final class Anchoring {
    private Anchoring() {}

    /** How a highlight was found again, or that it was not. */
    public enum Method { POSITION, QUOTE, FUZZY, NONE }

    /**
     * @param highlightId the highlight
     * @param start new start in the new text (the old one when orphaned)
     * @param end new end in the new text (the old one when orphaned)
     * @param quote the text now covered (the old quote when orphaned)
     * @param score 1.0 for an exact match, lower for fuzzy ones
     */
    public record Result(String highlightId, int start, int end, String quote, HighlightState state, Method method, double score) {}

    /**
     * Below this Hypothesis-style score (0..1) an approximate match becomes an orphan. Measured with
     * AnchoringSimulationTest (2,600 trials, without the old text), threshold: right with small
     * edits / right under 20 edits / extent badly off under 20 edits / wrong under 20 edits:
     * 0.60: 99.15% / 85.2% / 5.2% / 1.2%; 0.70: 99.15% / 84.8% / 3.2% / 1.0%;
     * 0.75: 99.15% / 84.5% / 2.3% / 1.0%; 0.80: 99.05% / 84.0% / 1.0% / 0.8%;
     * 0.85: 98.45% / 81.8% / 0.3% / 0.8%. At 0.8 most badly placed extents become honest orphans for
     * the cost of 0.1% of the small-edit cases; above it, correct re-attachments are lost quickly.
     */
    static final double FUZZY_ACCEPT = 0.8;

    /** An approximate match must still agree with this share of the quote's characters. */
    static final double MIN_QUOTE_SIMILARITY = 0.6;

    /** Context similarity (0..1) from which the text around a candidate counts as agreeing. */
    static final double CONTEXT_AGREES = 0.6;

    /** An exact quote at least this long, occurring once, is evidence enough on its own. */
    static final int DISTINCTIVE_LENGTH = 20;

    /** Candidates whose quote-and-context scores differ by less than this cannot be told apart by them. */
    static final double TIE_MARGIN = 0.04;

    /** Stored context shorter than this (a quote at the very start or end) is too common to look for elsewhere. */
    static final int MIN_SURROUNDINGS = 12;

    /** Context similarity from which the surroundings of a place count as still (almost) intact. */
    static final double INTACT_CONTEXT = 0.9;

    /**
     * Beyond this distance (about a paragraph) from where it is expected, a short exact quote is
     * treated as found elsewhere rather than shifted by edits before it.
     */
    static final int FAR_AWAY = 500;

    /** Text an editor may have inserted into a passage, beyond doubling it, when its surroundings are looked for. */
    static final int MAX_INSERTION = 320;

    /** How far (in characters) found surroundings may be from a place and still count as its own. */
    static final int SURROUNDINGS_SLACK = 8;

    /** How much of a stretch's old neighbours shows that the stretch was cut out from between them. */
    static final int NEIGHBOUR = 24;

    /** Characters by which the two edit scripts' places for a passage may differ and still agree. */
    static final int SCRIPTS_AGREE = 8;

    /** Bounds the work for very common short quotes ("the" in a 100 KB text). */
    private static final int MAX_EXACT_CANDIDATES = 5_000;

    /** Long quotes are searched for by their first and last this many characters. */
    private static final int PROBE_LENGTH = 64;

    private static final int MAX_FUZZY_CANDIDATES = 6;

    /** Bounds the quick look at near misses of a short quote in a long text. */
    private static final int MAX_PROBE_HITS = 2_000;

    /** Finds a highlight again in an article's new canonical text. Pure, deterministic, bounded in time. */
    public static Result anchor(Highlight highlight, String newText) {
        Objects.requireNonNull(highlight, "highlight");
        Objects.requireNonNull(newText, "newText");
        return new Search(highlight, null, newText, java.util.Optional.empty(), java.util.Optional.empty()).run();
    }

    /**
     * Like {@link #anchor(Highlight, String)}, with the text the highlight was made on: the parts the
     * two texts share at their start and end tell where the passage is now expected, which breaks
     * ties between identical passages more reliably than the old offset alone.
     */
    public static Result anchor(Highlight highlight, String oldText, String newText) {
        Objects.requireNonNull(highlight, "highlight");
        return edit(oldText, newText).anchor(highlight);
    }

    /**
     * One change of an article's text, for re-attaching all the highlights made on the old text:
     * the two texts are diffed once (lazily), not once per highlight.
     */
    public static Edit edit(String oldText, String newText) {
        return new Edit(Objects.requireNonNull(oldText, "oldText"), Objects.requireNonNull(newText, "newText"));
    }

    /** An old and a new text of one article, and their edit scripts once computed. */
    public static final class Edit {
        private final String oldText;
        private final String newText;
        private java.util.Optional<TextDiff> forward;
        private java.util.Optional<TextDiff> backward;

        private Edit(String oldText, String newText) {
            this.oldText = oldText;
            this.newText = newText;
        }

        /** Finds a highlight made on the old text again in the new one. */
        public Result anchor(Highlight highlight) {
            Objects.requireNonNull(highlight, "highlight");
            boolean made = !highlight.quote().isEmpty() && oldText.startsWith(highlight.quote(), highlight.start());
            if (made && forward == null) {
                forward = TextDiff.of(oldText, newText);
                backward = forward.isPresent() ? TextDiff.backward(oldText, newText) : java.util.Optional.empty();
            }
            return made ? new Search(highlight, oldText, newText, forward, backward).run()
                    : new Search(highlight, oldText, newText, java.util.Optional.empty(), java.util.Optional.empty()).run();
        }
    }

    /** The candidates considered and their scores, one line each: for diagnosing a decision in tests. */
    static List<String> explain(Highlight highlight, String newText) {
        return new Search(highlight, null, newText, java.util.Optional.empty(), java.util.Optional.empty()).explain();
    }

    private static final Candidate NOT_A_CANDIDATE = new Candidate(0, 0, false, 0, 0, 0);

    /** A place where the quote may now be, with how well the quote and its context agree there. */
    private record Candidate(int start, int end, boolean exact, double quote, double prefix, double suffix) {
        /** Evidence from the text itself, without position. */
        double core() {
            return (50 * quote + 20 * prefix + 20 * suffix) / 90;
        }

        double context() {
            return (prefix + suffix) / 2;
        }

        double score(int expected, int textLength) {
            double closeness = 1 - Math.min(1.0, Math.abs(start - expected) / (double) Math.max(1, textLength));
            return (50 * quote + 20 * prefix + 20 * suffix + 2 * closeness) / 92;
        }

        boolean overlaps(Candidate other) {
            return start < other.end && other.start < end;
        }
    }

    /** The state of one anchoring: the highlight, the new text and the compiled patterns. */
    private static final class Search {
        private final Highlight highlight;
        private final String quote;
        private final String text;
        private final int expected;
        private final FuzzyMatch.Pattern prefixPattern;
        private final FuzzyMatch.Pattern suffixPattern;
        private FuzzyMatch.Pattern quoteForward;
        private FuzzyMatch.Pattern quoteBackward;
        private FuzzyMatch.Pattern prefixForward;
        private FuzzyMatch.Pattern suffixReversed;
        /** Refinements by probe hit, shared by the search near the expected place and the one over the whole text. */
        private final java.util.Map<Long, Candidate> refined = new java.util.HashMap<>();

        /** The old and new texts' shared stretches, when the old text is known and the two are close enough to diff. */
        private final java.util.Optional<TextDiff> diff;
        private final java.util.Optional<TextDiff> diffBackward;
        private final String oldText;

        Search(Highlight highlight, String oldText, String newText, java.util.Optional<TextDiff> forward, java.util.Optional<TextDiff> backward) {
            this.highlight = highlight;
            this.quote = highlight.quote();
            this.text = newText;
            this.diff = forward;
            this.diffBackward = backward;
            this.oldText = oldText;
            this.expected = agreedStart(diff, diffBackward, highlight.start()).orElseGet(() -> expectedStart(highlight, oldText, newText));
            this.prefixPattern = new FuzzyMatch.Pattern(highlight.prefix(), true);
            this.suffixPattern = new FuzzyMatch.Pattern(highlight.suffix(), false);
        }

        List<String> explain() {
            List<Candidate> exact = exactCandidates();
            List<Candidate> pool = new ArrayList<>(exact);
            pool.addAll(fuzzyCandidates(exact));
            List<String> out = new ArrayList<>();
            out.add("expected=" + expected);
            for (Candidate c : pool) {
                out.add(String.format(java.util.Locale.ROOT, "%s@%d-%d q=%.2f p=%.2f s=%.2f core=%.3f score=%.3f '%s'", c.exact ? "EXACT" : "FUZZY",
                        c.start, c.end, c.quote, c.prefix, c.suffix, c.core(), c.score(expected, text.length()), text.substring(c.start, c.end)));
            }
            return out;
        }

        Result run() {
            if (quote.isEmpty() || text.isEmpty()) {
                return orphan();
            }
            int old = highlight.start();
            List<Candidate> exact = exactCandidates();
            java.util.Optional<Candidate> kept = diff.flatMap(d -> keptByBothScripts(d, exact));
            if (kept.isPresent() && !surroundingsLeftBehind(kept.get(), exact)) {
                return attached(kept.get(), kept.get().start == old ? Method.POSITION : Method.QUOTE, 1.0);
            }
            for (Candidate candidate : exact) {
                // The quote where it was, with its context or alone in the text: nothing to decide.
                if (candidate.start == old && ((exact.size() == 1 && quote.length() >= DISTINCTIVE_LENGTH)
                        || candidate.context() >= CONTEXT_AGREES)) {
                    return attached(candidate, Method.POSITION, 1.0);
                }
            }
            // Approximate matches always compete with exact ones elsewhere: the passage may have been
            // edited where it was while a copy of its old wording sits elsewhere (news texts quote
            // themselves), and then only closeness to the old position tells them apart.
            List<Candidate> pool = new ArrayList<>(exact);
            pool.addAll(fuzzyCandidates(exact));
            Candidate chosen = choose(pool);
            if (chosen == null || surroundingsLeftBehind(chosen, exact) || remnantNearer(chosen, pool)) {
                return orphan();
            }
            if (chosen.exact) {
                return attached(chosen, chosen.start == old ? Method.POSITION : Method.QUOTE, 1.0);
            }
            return attached(chosen, Method.FUZZY, chosen.score(expected, text.length()));
        }

        /**
         * The passage where both edit scripts (keeping stretches as early, and as late, as they can)
         * left it untouched, unless something suggests a script kept a copy instead: another exact
         * copy whose surroundings read (almost) like the old ones, or the stretch holding it cut out
         * from between its old neighbours (a sentence moved, or deleted while a copy was pasted
         * elsewhere). The caller still refuses it when the old surroundings stand elsewhere around
         * a gap. Otherwise the search decides.
         */
        private java.util.Optional<Candidate> keptByBothScripts(TextDiff d, List<Candidate> exact) {
            int start = highlight.start();
            int end = start + quote.length();
            java.util.Optional<TextDiff.Run> holding = d.runHolding(start, end);
            if (holding.isEmpty()) {
                return java.util.Optional.empty();
            }
            TextDiff.Run run = holding.get();
            int newStart = run.newStart() + (start - run.oldStart());
            java.util.Optional<TextDiff.Run> late = diffBackward.flatMap(b -> b.runHolding(start, end));
            if (late.isEmpty() || late.get().newStart() + (start - late.get().oldStart()) != newStart) {
                return java.util.Optional.empty();
            }
            // Another copy whose surroundings read (almost) like the old ones: a copy pasted in may
            // have kept the old wording while the passage's own surroundings were edited, and the
            // script cannot tell which one stayed. The search below weighs them (and orphans a tie).
            for (Candidate other : exact) {
                if (other.start != newStart && other.context() >= INTACT_CONTEXT) {
                    return java.util.Optional.empty();
                }
            }
            String before = oldText.substring(Math.max(0, run.oldStart() - NEIGHBOUR), run.oldStart());
            String after = oldText.substring(run.oldEnd(), Math.min(oldText.length(), run.oldEnd() + NEIGHBOUR));
            boolean cutOut = before.isEmpty() ? !after.isEmpty() && text.startsWith(after)
                    : after.isEmpty() ? text.endsWith(before) : text.contains(before + after);
            if (cutOut) {
                return java.util.Optional.empty();
            }
            return exact.stream().filter(c -> c.start == newStart).findFirst();
        }

        /**
         * The best candidate if the evidence singles it out and is strong enough; null otherwise.
         * Distance decides only between candidates whose text and context agree equally well, and
         * only when one is much nearer to where the passage is expected.
         */
        private Candidate choose(List<Candidate> candidates) {
            if (candidates.isEmpty()) {
                return null;
            }
            Candidate best = candidates.stream()
                    .max(Comparator.comparingDouble((Candidate c) -> c.score(expected, text.length())))
                    .orElseThrow();
            List<Candidate> tied = new ArrayList<>();
            tied.add(best);
            for (Candidate c : candidates) {
                if (c != best && !c.overlaps(best) && (c.core() >= best.core() - TIE_MARGIN || (fitsInPlace(c) && fitsInPlace(best))
                        || bothCopiesReworded(best, c))) {
                    tied.add(c);
                }
            }
            if (tied.size() > 1) {
                tied.sort(Comparator.comparingInt(c -> Math.abs(c.start - expected)));
                Candidate nearest = tied.get(0);
                long d1 = Math.abs(nearest.start - expected);
                long d2 = Math.abs(tied.get(1).start - expected);
                if (nearest.context() < CONTEXT_AGREES || d2 < 4 * d1 + 32) {
                    return null;
                }
                best = nearest;
            }
            return acceptable(best) ? best : null;
        }

        /**
         * Whether the text the passage used to sit in is still somewhere else in the article, away
         * from the chosen place and from every exact occurrence of the quote: then the passage was
         * edited or removed where it was, and the chosen place is a copy of its sentence (news
         * texts quote themselves), not the passage. Only the sides on which the chosen place agrees
         * with the old surroundings are looked for; a passage moved on its own (a whole paragraph)
         * leaves its old neighbours behind but does not take them along, and stays attachable.
         */
        private boolean surroundingsLeftBehind(Candidate chosen, List<Candidate> exact) {
            String prefix = highlight.prefix();
            String suffix = highlight.suffix();
            // One side alone recurs too often in news texts ("the instruments of ratification, ");
            // both sides around a gap that could have held the passage do not.
            if (!chosen.exact || chosen.context() < 0.75 || prefix.length() < MIN_SURROUNDINGS || suffix.length() < MIN_SURROUNDINGS) {
                return false;
            }
            List<FuzzyMatch.Hit> prefixEnds = FuzzyMatch.search(new FuzzyMatch.Pattern(prefix, false), text, 0, text.length(),
                    prefix.length() / 8);
            prefixEnds.removeIf(hit -> nearAStart(hit.end(), chosen, exact));
            if (prefixEnds.isEmpty()) {
                return false;
            }
            List<FuzzyMatch.Hit> suffixStarts = searchBackward(new FuzzyMatch.Pattern(suffix, true), suffix.length() / 8);
            int maxGap = 2 * quote.length() + MAX_INSERTION;
            for (FuzzyMatch.Hit before : prefixEnds) {
                for (FuzzyMatch.Hit after : suffixStarts) {
                    int gap = after.end() - before.end();
                    if (gap >= 0 && gap <= maxGap && !nearAnEnd(after.end(), chosen, exact)
                            && heldThePassage(before.end(), after.end())) {
                        return true;
                    }
                }
            }
            return false;
        }

        /**
         * Whether an edited remnant of the passage, still joined to its old surroundings on one side,
         * is nearer to where the passage is expected than the exact copy chosen: then the passage was
         * edited in place and the copy is another sentence that repeats its words.
         */
        private boolean remnantNearer(Candidate chosen, List<Candidate> pool) {
            if (!chosen.exact) {
                return false;
            }
            long distance = Math.abs(chosen.start - expected);
            for (Candidate c : pool) {
                if (!c.exact && !c.overlaps(chosen) && c.quote >= 0.5 && Math.max(c.prefix, c.suffix) >= INTACT_CONTEXT
                        && Math.abs(c.start - expected) < distance) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether text[from, to) between the old surroundings reads like the passage after an edit:
         * empty (the passage was cut), or the quote with some words changed, cut or added. Text that
         * repeats itself (a boilerplate line) has the same surroundings around other text too.
         */
        private boolean heldThePassage(int from, int to) {
            int gap = to - from;
            if (gap <= SURROUNDINGS_SLACK) {
                return true;
            }
            int occurrence = text.indexOf(quote, from);
            if (occurrence >= 0 && occurrence + quote.length() <= to) {
                return false;
            }
            int[] distances = FuzzyMatch.alignmentsForward(new FuzzyMatch.Pattern(quote, false), text, from, gap);
            int distance = distances[distances.length - 1];
            // Text added inside the passage costs one edit a character; only what remains must agree.
            return distance - Math.max(0, gap - quote.length()) <= (1 - MIN_QUOTE_SIMILARITY) * quote.length() + 0.1 * quote.length();
        }

        /** Hits of a reversed pattern, as the positions where the (forward) pattern starts. */
        private List<FuzzyMatch.Hit> searchBackward(FuzzyMatch.Pattern reversed, int maxErrors) {
            String reversedText = new StringBuilder(text).reverse().toString();
            List<FuzzyMatch.Hit> hits = new ArrayList<>();
            for (FuzzyMatch.Hit hit : FuzzyMatch.search(reversed, reversedText, 0, reversedText.length(), maxErrors)) {
                hits.add(new FuzzyMatch.Hit(text.length() - hit.end(), hit.errors()));
            }
            return hits;
        }

        private boolean nearAStart(int at, Candidate chosen, List<Candidate> exact) {
            if (Math.abs(at - chosen.start) <= SURROUNDINGS_SLACK) {
                return true;
            }
            return exact.stream().anyMatch(x -> Math.abs(at - x.start) <= SURROUNDINGS_SLACK);
        }

        private boolean nearAnEnd(int at, Candidate chosen, List<Candidate> exact) {
            if (Math.abs(at - chosen.end) <= SURROUNDINGS_SLACK) {
                return true;
            }
            return exact.stream().anyMatch(x -> Math.abs(at - x.end) <= SURROUNDINGS_SLACK);
        }

        /**
         * Whether a candidate reads like the passage in its own surroundings: two such candidates
         * are copies (or a copy and an edited original), which only position can tell apart.
         */
        private boolean fitsInPlace(Candidate c) {
            return c.context() >= 0.7 && c.quote >= MIN_QUOTE_SIMILARITY;
        }

        /**
         * Two exact occurrences, neither with its old surroundings intact: which surroundings were
         * reworded less says little about which occurrence is the passage, so only position may decide.
         */
        private boolean bothCopiesReworded(Candidate best, Candidate other) {
            return best.exact && other.exact && best.context() < INTACT_CONTEXT && other.context() >= 0.5;
        }

        private boolean acceptable(Candidate c) {
            if (c.exact) {
                if (quote.length() < DISTINCTIVE_LENGTH && Math.abs(c.start - expected) > FAR_AWAY) {
                    // A few words found away from where they were are as often another use of the same
                    // words; only surroundings that are almost all still there make them the passage.
                    return c.context() >= INTACT_CONTEXT;
                }
                return c.context() >= CONTEXT_AGREES || quote.length() >= DISTINCTIVE_LENGTH;
            }
            if (c.quote < MIN_QUOTE_SIMILARITY || c.score(expected, text.length()) < FUZZY_ACCEPT) {
                return false;
            }
            // One edit in a short quote is a large share of it; let only its context vouch for it.
            return quote.length() >= 12 || c.context() >= 0.75;
        }

        private List<Candidate> exactCandidates() {
            List<Candidate> found = new ArrayList<>();
            int from = 0;
            while (found.size() < MAX_EXACT_CANDIDATES) {
                int at = text.indexOf(quote, from);
                if (at < 0) {
                    break;
                }
                found.add(new Candidate(at, at + quote.length(), true, 1.0, prefixSimilarity(at),
                        suffixSimilarity(at + quote.length())));
                from = at + 1;
            }
            return found;
        }

        /** Approximate matches: near the expected place first, the whole text only if needed. */
        private List<Candidate> fuzzyCandidates(List<Candidate> exact) {
            quoteForward = new FuzzyMatch.Pattern(quote, false);
            quoteBackward = new FuzzyMatch.Pattern(quote, true);
            prefixForward = new FuzzyMatch.Pattern(highlight.prefix(), false);
            suffixReversed = new FuzzyMatch.Pattern(highlight.suffix(), true);
            int window = Math.max(2_000, quote.length());
            int from = Math.max(0, expected - window);
            int to = Math.min(text.length(), expected + quote.length() + window);
            List<Candidate> near = fuzzyCandidates(from, to, exact);
            Candidate bestNear = near.stream()
                    .max(Comparator.comparingDouble((Candidate c) -> c.score(expected, text.length())))
                    .orElse(null);
            boolean wholeText = from == 0 && to == text.length();
            if (wholeText || (bestNear != null && bestNear.score(expected, text.length()) >= 0.9)) {
                return near;
            }
            return fuzzyCandidates(0, text.length(), exact);
        }

        private List<Candidate> fuzzyCandidates(int from, int to, List<Candidate> exact) {
            int m = quote.length();
            List<ProbeHit> hits = new ArrayList<>();
            if (m <= PROBE_LENGTH) {
                for (FuzzyMatch.Hit hit : FuzzyMatch.search(quoteForward, text, from, to, m / 2)) {
                    hits.add(new ProbeHit(hit, false));
                }
            } else {
                String head = quote.substring(0, PROBE_LENGTH);
                String tail = quote.substring(m - PROBE_LENGTH);
                int maxErrors = PROBE_LENGTH / 4;
                for (FuzzyMatch.Hit hit : FuzzyMatch.search(new FuzzyMatch.Pattern(head, false), text, from, to, maxErrors)) {
                    hits.add(new ProbeHit(hit, true));
                }
                for (FuzzyMatch.Hit hit : FuzzyMatch.search(new FuzzyMatch.Pattern(tail, false), text, from, to, maxErrors)) {
                    hits.add(new ProbeHit(hit, false));
                }
            }
            hits.removeIf(h -> insideExact(exact, h.hit.end()));
            // A short quote has many near misses ("North Korea" for "North Korean"): rank them by a
            // quick look at the context too, so that the edited passage is among those refined.
            hits.sort(Comparator.comparingInt((ProbeHit h) -> h.hit.errors())
                    .thenComparingInt(h -> Math.abs(h.hit.end() - expected - (h.head ? PROBE_LENGTH : m))));
            List<ProbeHit> ranked = new ArrayList<>(hits.subList(0, Math.min(hits.size(), MAX_PROBE_HITS)));
            java.util.Map<ProbeHit, Double> estimates = new java.util.HashMap<>();
            for (ProbeHit h : ranked) {
                estimates.put(h, estimate(h));
            }
            ranked.sort(Comparator.comparingDouble((ProbeHit h) -> -estimates.get(h)));
            hits = ranked;
            List<Candidate> candidates = new ArrayList<>();
            // Short quotes are cheap to examine and have many near misses, so look at more of them.
            int limit = m <= PROBE_LENGTH ? 4 * MAX_FUZZY_CANDIDATES : MAX_FUZZY_CANDIDATES;
            for (ProbeHit probe : hits) {
                if (candidates.size() >= limit) {
                    break;
                }
                int hitEnd = probe.hit.end();
                if (candidates.stream().anyMatch(c -> hitEnd > c.start && hitEnd <= c.end)) {
                    continue;
                }
                Candidate candidate = refined.computeIfAbsent(hitEnd * 2L + (probe.head ? 1 : 0), k -> refine(probe, exact));
                if (candidate != NOT_A_CANDIDATE && !candidates.contains(candidate)) {
                    candidates.add(candidate);
                }
            }
            return candidates;
        }

        /** Where the passage around a probe hit starts and ends, and how well it agrees with the quote. */
        private Candidate refine(ProbeHit probe, List<Candidate> exact) {
            int m = quote.length();
            int slack = m / 4 + 16;
            int hitEnd = probe.hit.end();
            Edge first;
            if (probe.head) {
                FuzzyMatch.Pattern headBackward = new FuzzyMatch.Pattern(quote.substring(0, PROBE_LENGTH), true);
                int headStart = hitEnd - FuzzyMatch.alignBackward(headBackward, text, hitEnd, PROBE_LENGTH + 16).length();
                first = bestEnd(headStart, m + slack);
            } else {
                first = bestStart(hitEnd, m + slack);
            }
            // The second pass only moves the other bound; it cannot rescue a passage this far off.
            if (first.quoteErrors > (1 - MIN_QUOTE_SIMILARITY + 0.1) * m) {
                return NOT_A_CANDIDATE;
            }
            Edge last = probe.head ? bestStart(first.at, m + slack) : bestEnd(first.at, m + slack);
            int start = trimSurrogateStart(Math.min(first.at, last.at));
            int end = trimSurrogateEnd(Math.max(first.at, last.at));
            boolean isExactOccurrence = end - start == m && insideExact(exact, end) && text.startsWith(quote, start);
            if (end <= start || isExactOccurrence) {
                return NOT_A_CANDIDATE;
            }
            double similarity = 1 - last.quoteErrors / (double) m;
            return new Candidate(start, end, false, similarity, prefixSimilarity(start), suffixSimilarity(end));
        }

        /** Whether {@code position} falls inside an exact occurrence (they are sorted and all as long as the quote). */
        private static boolean insideExact(List<Candidate> exact, int position) {
            int low = 0;
            int high = exact.size() - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (exact.get(mid).end < position) {
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return low < exact.size() && exact.get(low).start < position;
        }

        private record ProbeHit(FuzzyMatch.Hit hit, boolean head) {}

        /** A rough Hypothesis score for a probe hit, from the probe's errors and the context where the quote would be. */
        private double estimate(ProbeHit h) {
            int m = quote.length();
            int probeLength = Math.min(m, PROBE_LENGTH);
            int end = h.hit.end();
            int start = h.head ? Math.max(0, end - PROBE_LENGTH) : Math.max(0, end - m);
            if (h.head) {
                end = Math.min(text.length(), start + m);
            }
            return 50.0 * (1 - h.hit.errors() / (double) probeLength) + 20 * prefixSimilarity(start) + 20 * suffixSimilarity(end);
        }

        /** One end of a passage, and how many edits the quote needs to fit it. */
        private record Edge(int at, int quoteErrors) {}

        /**
         * Where the passage that starts at {@code start} ends: the end that needs the fewest edits to
         * the quote and to the suffix together, so that text inserted next to the passage stays out
         * of it and text inserted inside stays in.
         */
        private Edge bestEnd(int start, int maxLength) {
            int[] quoteErrors = FuzzyMatch.alignmentsForward(quoteForward, text, start, maxLength);
            int n = quoteErrors.length - 1;
            int[] suffixErrors = suffixReversed.length == 0 ? new int[n + 1]
                    : FuzzyMatch.distancesStartingAt(suffixReversed, text, start, start + n);
            int best = pickLength(quoteErrors, suffixErrors, j -> j, j -> boundaryMismatch(start + j, false));
            return new Edge(start + best, quoteErrors[best]);
        }

        /** Where the passage that ends at {@code end} starts; the mirror of {@link #bestEnd}. */
        private Edge bestStart(int end, int maxLength) {
            int[] quoteErrors = FuzzyMatch.alignmentsBackward(quoteBackward, text, end, maxLength);
            int n = quoteErrors.length - 1;
            int[] prefixErrors = prefixForward.length == 0 ? new int[n + 1]
                    : FuzzyMatch.distancesEndingAt(prefixForward, text, end - n, end);
            int best = pickLength(quoteErrors, prefixErrors, j -> n - j, j -> boundaryMismatch(end - j, true));
            return new Edge(end - best, quoteErrors[best]);
        }

        /**
         * The length j >= 1 with the fewest edits, quote and context together. Ties go to a bound that
         * cuts words the way the old one did ("red limit", not "red limi"), then to fewer edits in the
         * quote, then to the quote's own length.
         */
        private int pickLength(int[] quoteErrors, int[] contextErrors, IntUnaryOperator contextIndex, IntUnaryOperator mismatch) {
            int m = quote.length();
            int best = 1;
            int bestTotal = Integer.MAX_VALUE;
            int bestMismatch = 0;
            for (int j = 1; j < quoteErrors.length; j++) {
                int total = quoteErrors[j] + contextErrors[contextIndex.applyAsInt(j)];
                if (total > bestTotal) {
                    continue;
                }
                int boundary = mismatch.applyAsInt(j);
                boolean better = total < bestTotal
                        || boundary < bestMismatch
                        || (boundary == bestMismatch && (quoteErrors[j] < quoteErrors[best]
                                || (quoteErrors[j] == quoteErrors[best] && Math.abs(j - m) < Math.abs(best - m))));
                if (better) {
                    best = j;
                    bestTotal = total;
                    bestMismatch = boundary;
                }
            }
            return Math.min(best, quoteErrors.length - 1);
        }

        /**
         * How many sides of a bound at {@code at} differ from the old bound in being inside a word:
         * the old start of "Tumen River" had a space before it and a letter after it.
         */
        private int boundaryMismatch(int at, boolean isStart) {
            char oldInside = isStart ? quote.charAt(0) : quote.charAt(quote.length() - 1);
            String context = isStart ? highlight.prefix() : highlight.suffix();
            boolean oldOutsideWord = !context.isEmpty()
                    && Character.isLetterOrDigit(isStart ? context.charAt(context.length() - 1) : context.charAt(0));
            int inside = isStart ? at : at - 1;
            int outside = isStart ? at - 1 : at;
            boolean newInsideWord = inside >= 0 && inside < text.length() && Character.isLetterOrDigit(text.charAt(inside));
            boolean newOutsideWord = outside >= 0 && outside < text.length() && Character.isLetterOrDigit(text.charAt(outside));
            return (newInsideWord != Character.isLetterOrDigit(oldInside) ? 1 : 0) + (newOutsideWord != oldOutsideWord ? 1 : 0);
        }

        /** How well the text just before {@code start} agrees with the stored prefix (0..1). */
        private double prefixSimilarity(int start) {
            int length = prefixPattern.length;
            if (length == 0) {
                // The quote began the text; being at the start again confirms it, elsewhere says nothing.
                return start == 0 ? 1.0 : 0.5;
            }
            FuzzyMatch.Alignment alignment = FuzzyMatch.alignBackward(prefixPattern, text, start, length + 8);
            return 1 - alignment.errors() / (double) length;
        }

        /** How well the text just after {@code end} agrees with the stored suffix (0..1). */
        private double suffixSimilarity(int end) {
            int length = suffixPattern.length;
            if (length == 0) {
                return end == text.length() ? 1.0 : 0.5;
            }
            FuzzyMatch.Alignment alignment = FuzzyMatch.alignForward(suffixPattern, text, end, length + 8);
            return 1 - alignment.errors() / (double) length;
        }

        private int trimSurrogateStart(int start) {
            boolean splits = start > 0 && start < text.length()
                    && Character.isLowSurrogate(text.charAt(start)) && Character.isHighSurrogate(text.charAt(start - 1));
            return splits ? start - 1 : start;
        }

        private int trimSurrogateEnd(int end) {
            boolean splits = end > 0 && end < text.length()
                    && Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1));
            return splits ? end + 1 : end;
        }

        private Result attached(Candidate c, Method method, double score) {
            return new Result(highlight.id(), c.start, c.end, text.substring(c.start, c.end),
                    HighlightState.ANCHORED, method, score);
        }

        private Result orphan() {
            return new Result(highlight.id(), highlight.start(), highlight.end(), quote,
                    HighlightState.ORPHANED, Method.NONE, 0.0);
        }
    }

    /**
     * Where both edit scripts put the passage's start, when they agree to within a few characters
     * (a word-level script may shift a start across an edited word). When they disagree, something
     * could stay in either of two places and the position is left to the coarser estimate.
     */
    private static java.util.Optional<Integer> agreedStart(java.util.Optional<TextDiff> forward, java.util.Optional<TextDiff> backward, int start) {
        if (forward.isEmpty() || backward.isEmpty()) {
            return java.util.Optional.empty();
        }
        int early = forward.get().map(start);
        int late = backward.get().map(start);
        return Math.abs(early - late) <= SCRIPTS_AGREE ? java.util.Optional.of(early) : java.util.Optional.empty();
    }

    /**
     * Where the passage should now start. With the old text, the stretches both texts share at
     * their start and end pin it exactly when the edits are all on one side, and scale it
     * otherwise; without it, the old offset is the best guess.
     */
    static int expectedStart(Highlight highlight, String oldText, String newText) {
        int old = highlight.start();
        if (oldText == null || !oldText.startsWith(highlight.quote(), old)) {
            return Math.min(old, newText.length());
        }
        int oldLength = oldText.length();
        int newLength = newText.length();
        int limit = Math.min(oldLength, newLength);
        int common = 0;
        while (common < limit && oldText.charAt(common) == newText.charAt(common)) {
            common++;
        }
        int commonEnd = 0;
        while (commonEnd < limit - common
                && oldText.charAt(oldLength - 1 - commonEnd) == newText.charAt(newLength - 1 - commonEnd)) {
            commonEnd++;
        }
        if (old <= common) {
            return old;
        }
        if (old >= oldLength - commonEnd) {
            return old + newLength - oldLength;
        }
        long changedOld = oldLength - common - commonEnd;
        long changedNew = newLength - common - commonEnd;
        return (int) (common + (old - common) * changedNew / Math.max(1, changedOld));
    }
}
