package quire.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import quire.model.ArticleRef;
import quire.model.FileRecord;
import quire.model.Problem;

/**
 * Every copy of every article in the corpus and which copy of each is indexed, by the indexer's
 * duplicate rules: the best copy of each key (not truncated, then the fullest, then the first by
 * path, then the first in its file), and of keys whose best copies have identical text, the best
 * of those. Kept from one update to the next, so that an update of a few files re-ranks only the
 * keys and texts those files touch instead of all 100,000 records.
 *
 * <p>Not thread-safe: used by the indexer's own thread.
 */
final class Claims {
    /** One copy of an article and where it is, as ranked between duplicates. */
    record Claim(String path, ArticleRef ref) {
        static final Comparator<Claim> BEST_FIRST = Comparator.<Claim>comparingInt(c -> c.ref().warnings())
                .thenComparing(c -> -c.ref().textLength())
                .thenComparing(Claim::path);
    }

    /** Every copy of each key, in the order offered (a file's own copies in file order). */
    private final Map<String, List<Claim>> byKey = new HashMap<>();
    /** The best copy of each key. */
    private final Map<String, Claim> best = new HashMap<>();
    /** The best copies of each text (as last ranked). */
    private final Map<String, List<Claim>> byText = new HashMap<>();
    /** The indexed copy of each key that has one: its best copy, unless another key's has its text and is better. */
    private final Map<String, Claim> winners = new HashMap<>();
    /** Keys whose best copy lost to another key's identical text, with the copy it lost to. */
    private final Map<String, Claim> identicalLosers = new HashMap<>();
    /** Duplicate problems of each file that has any (its copies in file order). */
    private final Map<String, List<Problem>> duplicatesByPath = new HashMap<>();
    /** The best copy, as last ranked, of each key touched since: what {@link #byText} files it under. */
    private final Map<String, Claim> rankedBest = new HashMap<>();
    /** Files added, removed or replaced since the last {@link #rank}. */
    private final Set<String> touchedPaths = new HashSet<>();

    /** Claims the copies of a set of files, as one update found them. */
    static Claims of(Iterable<FileRecord> records) {
        Claims claims = new Claims();
        for (FileRecord record : records) {
            claims.claimAll(record);
        }
        return claims;
    }

    /** Forgets a file's copies (removed, or about to be read again). */
    void forget(FileRecord record) {
        touchedPaths.add(record.path());
        for (ArticleRef ref : record.articles()) {
            String key = ref.key();
            if (!byKey.containsKey(key)) {
                continue; // a second copy of a key in the same file: already forgotten
            }
            touch(key);
            List<Claim> rest = unfile(byKey, key, c -> c.path().equals(record.path()));
            if (rest == null) {
                best.remove(key);
            } else if (best.get(key).path().equals(record.path())) {
                best.put(key, bestOf(rest));
            }
        }
    }

    /** Claims every copy a file holds (its record as read, or unchanged). */
    void claimAll(FileRecord record) {
        touchedPaths.add(record.path());
        for (int i = 0; i < record.articles().size(); i++) {
            claim(record, i);
        }
    }

    /**
     * Claims the {@code i}th copy in a file; true if it is now the best copy of its key (so it is the
     * one to write).
     */
    boolean claim(FileRecord record, int i) {
        touchedPaths.add(record.path());
        Claim claim = new Claim(record.path(), record.articles().get(i));
        String key = claim.ref().key();
        touch(key);
        file(byKey, key, claim);
        Claim incumbent = best.get(key);
        if (incumbent == null || Claim.BEST_FIRST.compare(claim, incumbent) < 0) {
            best.put(key, claim);
            return true;
        }
        return false;
    }

    /** Notes a file that was read again or removed, for its problems. */
    void touchPath(String path) {
        touchedPaths.add(path);
    }

    /** Has the next {@link #rank} return a key again, whose stored copy could not be made its winner's. */
    void retry(String key) {
        touch(key);
    }

    private void touch(String key) {
        if (!rankedBest.containsKey(key)) {
            rankedBest.put(key, best.get(key));
        }
    }

    /** Adds to a key's list; a key's only entry is held in an immutable list of one (most keys have one). */
    private static void file(Map<String, List<Claim>> map, String key, Claim claim) {
        List<Claim> list = map.get(key);
        if (list == null) {
            map.put(key, List.of(claim));
        } else if (list instanceof ArrayList<Claim> mutable) {
            mutable.add(claim);
        } else {
            List<Claim> more = new ArrayList<>(list.size() + 1);
            more.addAll(list);
            more.add(claim);
            map.put(key, more);
        }
    }

    /** Removes from a key's list what matches; returns what is left, or null when nothing is. */
    private static List<Claim> unfile(Map<String, List<Claim>> map, String key, java.util.function.Predicate<Claim> which) {
        List<Claim> list = map.get(key);
        if (list == null) {
            return null;
        }
        if (list instanceof ArrayList<Claim> mutable) {
            mutable.removeIf(which);
        } else if (which.test(list.get(0))) {
            list = List.of();
        }
        if (list.isEmpty()) {
            map.remove(key);
            return null;
        }
        return list;
    }

    private static Claim bestOf(List<Claim> copies) {
        Claim best = copies.get(0);
        for (Claim c : copies) {
            if (Claim.BEST_FIRST.compare(c, best) < 0) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Ranks identical texts among the keys touched since the last call and redoes the duplicate
     * problems that affects ({@code current} holds every file's record); returns the keys whose
     * winner may have changed. Of equal copies of one text in one file, the first claimed wins.
     */
    Set<String> rank(Map<String, FileRecord> current) {
        Set<String> texts = new HashSet<>();
        rankedBest.forEach((key, before) -> {
            Claim now = best.get(key);
            if (before == now) {
                return;
            }
            if (before != null) {
                unfile(byText, before.ref().textHash(), c -> c == before);
                texts.add(before.ref().textHash());
            }
            if (now != null) {
                file(byText, now.ref().textHash(), now);
                texts.add(now.ref().textHash());
            }
        });
        Set<String> keys = new LinkedHashSet<>(rankedBest.keySet());
        for (String text : texts) {
            List<Claim> same = byText.get(text);
            if (same != null) {
                same.forEach(c -> keys.add(c.ref().key()));
            }
        }
        Set<String> paths = new HashSet<>(touchedPaths);
        for (String key : keys) {
            Claim now = best.get(key);
            Claim textWinner = now == null ? null : bestOf(byText.get(now.ref().textHash()));
            Claim winner = textWinner == now ? now : null;
            Claim before = winner == null ? winners.remove(key) : winners.put(key, winner);
            if (now != null && winner == null) {
                identicalLosers.put(key, textWinner);
            } else {
                identicalLosers.remove(key);
            }
            if (before != winner) {
                List<Claim> copies = byKey.get(key);
                if (copies != null) {
                    copies.forEach(c -> paths.add(c.path()));
                }
            }
        }
        for (String path : paths) {
            FileRecord record = current.get(path);
            List<Problem> problems = record == null ? List.of() : duplicatesOf(record);
            if (problems.isEmpty()) {
                duplicatesByPath.remove(path);
            } else {
                duplicatesByPath.put(path, problems);
            }
        }
        rankedBest.clear();
        touchedPaths.clear();
        return keys;
    }

    /** The indexed copy of each key that has one. */
    Map<String, Claim> winners() {
        return winners;
    }

    /**
     * Every duplicate: each copy that is not its key's winner, against the copy that won, then each
     * best copy that lost to another key's identical text (best first); a file's own in file order.
     */
    List<Problem> duplicateProblems() {
        List<Problem> problems = new ArrayList<>();
        duplicatesByPath.values().forEach(problems::addAll);
        List<String> losers = new ArrayList<>(identicalLosers.keySet());
        losers.sort(Comparator.comparing(best::get, Claim.BEST_FIRST));
        for (String key : losers) {
            problems.add(duplicateProblem(best.get(key).path(), identicalLosers.get(key).path(), "identical text"));
        }
        return problems;
    }

    private List<Problem> duplicatesOf(FileRecord record) {
        List<Problem> problems = List.of();
        for (ArticleRef ref : record.articles()) {
            Claim winner = winners.get(ref.key());
            if (winner != null && !(winner.path().equals(record.path()) && winner.ref().equals(ref))) {
                if (problems.isEmpty()) {
                    problems = new ArrayList<>();
                }
                problems.add(duplicateProblem(record.path(), winner.path(), why(ref)));
            }
        }
        return problems;
    }

    private static String why(ArticleRef ref) {
        return switch (ref.identity()) {
            case LINK -> "same link";
            case GUID -> "same guid";
            case TITLE_AND_DATE -> "same title and date";
            case TEXT -> "identical text";
        };
    }

    private static Problem duplicateProblem(String path, String original, String why) {
        String where = path.equals(original) ? "earlier in the same file" : "in '" + original + "'";
        return Problem.warning(path, "Duplicate of an article " + where + " (" + why + "); indexed once.");
    }
}
