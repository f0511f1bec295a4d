package quire.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import quire.index.BareLucene;

/**
 * The benchmark's queries, drawn from the index by document frequency (common, medium and rare
 * English words), phrases from real sentences, AND, OR, and a word with a date range; each in
 * Quire's query language and in the bare baseline's (same meaning, the date range as a filter).
 */
final class Queries {
    static final int PER_KIND = 6;

    record Spec(String kind, String quire, String bare, Optional<LocalDate> from, Optional<LocalDate> to) {}

    private Queries() {}

    static void write(Path indexDir, Path out, long seed, Map<String, Object> result) throws IOException {
        List<BareLucene.TermCount> terms = BareLucene.bodyTerms(indexDir);
        Map<String, Integer> df = new HashMap<>();
        terms.forEach(t -> df.put(t.term(), t.docFreq()));
        int docs = BareLucene.articleCount(indexDir);
        List<String> sentences = CorpusGenerator.englishSentences();

        // English words whose stem is indexed, by the stem's document frequency; sorted maps keep it deterministic.
        TreeMap<String, Integer> words = new TreeMap<>();
        try (Analyzer english = new EnglishAnalyzer()) {
            for (String sentence : sentences) {
                for (String word : sentence.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                    if (word.length() >= 4 && !words.containsKey(word)) {
                        String stem = stem(english, word);
                        if (stem != null && df.containsKey(stem)) {
                            words.put(word, df.get(stem));
                        }
                    }
                }
            }
        }
        // Rare terms from the whole index (any language), kept only if analysing them again gives them back.
        TreeMap<String, Integer> tail = new TreeMap<>();
        try (Analyzer english = new EnglishAnalyzer()) {
            for (BareLucene.TermCount t : terms) {
                if (t.docFreq() >= 2 && t.docFreq() <= Math.max(5, docs / 2000) && t.term().equals(stem(english, t.term()))) {
                    tail.put(t.term(), t.docFreq());
                }
            }
        }
        Random random = new Random(seed);
        List<String> common = pick(words, random, w -> w >= docs * 0.10);
        List<String> medium = pick(words, random, w -> w >= docs * 0.005 && w < docs * 0.05);
        List<String> rare = pick(tail, random, w -> true);
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < PER_KIND; i++) {
            specs.add(plain("common", common.get(i)));
            specs.add(plain("medium", medium.get(i)));
            specs.add(plain("rare", rare.get(i)));
            String phrase = phrase(sentences.get(random.nextInt(sentences.size())), random);
            specs.add(plain("phrase", "\"" + phrase + "\""));
            specs.add(plain("and", common.get((i + 1) % PER_KIND) + " AND " + medium.get((i + 2) % PER_KIND)));
            specs.add(plain("or", medium.get((i + 3) % PER_KIND) + " OR " + rare.get((i + 4) % PER_KIND)));
            LocalDate from = LocalDate.of(2015, 1, 1).plusMonths(random.nextInt(100));
            LocalDate to = from.plusMonths(6).minusDays(1);
            specs.add(new Spec("date-range", medium.get((i + 5) % PER_KIND) + " date:[" + from + " TO " + to + "]",
                    medium.get((i + 5) % PER_KIND), Optional.of(from), Optional.of(to)));
        }
        List<String> lines = new ArrayList<>();
        for (Spec s : specs) {
            lines.add(String.join("\t", s.kind(), s.quire(), s.bare(), s.from().map(Object::toString).orElse(""), s.to().map(Object::toString).orElse("")));
        }
        Files.write(out, lines, StandardCharsets.UTF_8);
        result.put("queries", specs.size());
        result.put("articles", docs);
    }

    private static Spec plain(String kind, String query) {
        return new Spec(kind, query, query, Optional.empty(), Optional.empty());
    }

    private static List<String> pick(TreeMap<String, Integer> words, Random random, java.util.function.IntPredicate df) {
        List<String> fit = words.entrySet().stream().filter(e -> df.test(e.getValue())).map(Map.Entry::getKey).toList();
        if (fit.size() < PER_KIND) {
            throw new IllegalStateException("too few words in a frequency band: " + fit.size());
        }
        List<String> out = new ArrayList<>();
        while (out.size() < PER_KIND) {
            String w = fit.get(random.nextInt(fit.size()));
            if (!out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** Two to three consecutive words of a real sentence. */
    private static String phrase(String sentence, Random random) {
        String[] words = sentence.replaceAll("[^\\p{L}\\p{N}' ]", " ").trim().split("\\s+");
        int len = 2 + random.nextInt(2);
        if (words.length <= len) {
            return String.join(" ", words);
        }
        int start = random.nextInt(words.length - len);
        return String.join(" ", java.util.Arrays.copyOfRange(words, start, start + len));
    }

    private static String stem(Analyzer analyzer, String word) throws IOException {
        try (TokenStream ts = analyzer.tokenStream("body", word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String out = ts.incrementToken() ? term.toString() : null;
            ts.end();
            return out;
        }
    }

    static List<Spec> read(Path file) throws IOException {
        List<Spec> specs = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            specs.add(new Spec(f[0], f[1], f[2],
                    f[3].isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(f[3])),
                    f[4].isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(f[4]))));
        }
        return specs;
    }
}
