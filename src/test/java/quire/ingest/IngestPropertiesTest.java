package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import quire.model.Article;
import quire.model.Block;
import quire.model.Problem;
import quire.model.Severity;

/**
 * Reliability R2, hostile input: whatever the bytes, {@link Ingester} returns articles that keep the
 * model's promises or problems naming the file, within a generous time per file, and never hides a
 * reader crash behind a "could not be read" problem.
 *
 * <p>Tries come from jqwik's default (1,000 per property) in CI; the soak mode is
 * {@code -Djqwik.tries.default=20000}. The seeds are the corpus posts, the plain-text articles of
 * the store tests and a small HTML page and Markdown note.
 */
class IngestPropertiesTest {
    private static final Duration PER_FILE = Duration.ofSeconds(2);
    private static final List<Seed> SEEDS = loadSeeds();

    private final Ingester ingester = new Ingester();

    // ---------------------------------------------------------------- damaged seeds

    @Property
    void damagedSeedIsReadOrReported(@ForAll("seeds") Seed seed, @ForAll("damages") List<Damage> damage) {
        byte[] bytes = seed.bytes();
        for (Damage d : damage) {
            bytes = d.apply(bytes);
        }
        check(seed.name(), bytes);
    }

    @Provide
    Arbitrary<Seed> seeds() {
        return Arbitraries.of(SEEDS);
    }

    @Provide
    Arbitrary<List<Damage>> damages() {
        return damage().list().ofMinSize(1).ofMaxSize(4);
    }

    private static Arbitrary<Damage> damage() {
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        Arbitrary<byte[]> inserted = Arbitraries.oneOf(
                Arbitraries.of(INSERTS).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(RAW_INSERTS),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8));
        return Arbitraries.oneOf(
                at.map(Cut::new),
                Combinators.combine(at, Arbitraries.integers().between(0, 7)).as(Flip::new),
                Combinators.combine(at, inserted).as(Insert::new),
                Combinators.combine(at, Arbitraries.integers().between(1, 400)).as(Delete::new),
                Combinators.combine(at, Arbitraries.integers().between(1, 2000), Arbitraries.of(MIXED))
                        .as(Reencode::new));
    }

    /** Text pieces a damaged or mixed-up file may hold; they are inserted as UTF-8. */
    private static final List<String> INSERTS = List.of(
            "\u0000", "\u0000\u0000\u0000\u0000", "\uFEFF", "\\u0000", "\\ud800", "\\udc00", "\\ud83d", "\\ud83d\\ude00x",
            "&#0;", "&#xD800;", "&#1114112;", "&#9999999999;", "&", "&amp", "<", ">", "\"", "\\", "{", "}", "[", "]",
            ",", ":", "\"content\":{\"rendered\":\"<p>Dup</p>\"},", "\"title\":7,", "\"content\":[1,{}],",
            "<p>", "</p>", "<b><i>misnested</b></i>", "<div><p>unclosed", "</div></div>", "<script>var x='</p>';",
            "</script>", "<!--", "-->", "<![CDATA[", "<style>", "<table><tr><td>", "<br/>", "<p/>",
            "---\n", "# ", "> ", "- ", "```", "\r", "\r\n", "\n\n", "\t", "\u2028", "\u202E", "\uD83D\uDE00", "한국어");

    /** Byte sequences that are not UTF-8, and byte order marks of every flavour, in odd places. */
    private static final List<byte[]> RAW_INSERTS = List.of(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xFE, (byte) 0xFF},
            new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0},
            new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF},
            new byte[] {(byte) 0xFF}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xE2, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0x93, (byte) 0x94}); // windows-1252 curly quotes

    private static final List<Charset> MIXED = List.of(
            StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, Charset.forName("windows-1252"),
            Charset.forName("EUC-KR"), Charset.forName("UTF-32"));

    // ---------------------------------------------------------------- well-formed HTML, tag soup around it

    @Property
    void wellFormedParagraphsLeaveNoMarkupInTheText(
            @ForAll("paragraphs") List<String> paragraphs, @ForAll("soup") List<String> soup, @ForAll boolean asJson) {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < paragraphs.size(); i++) {
            html.append("<p>").append(paragraphs.get(i)).append("</p>").append(soup.get(i % soup.size()));
        }
        String name;
        String file;
        if (asJson) {
            name = "post.json";
            file = "{\"id\":7,\"title\":{\"rendered\":\"A title\"},\"content\":{\"rendered\":\"" + jsonString(html.toString()) + "\"}}";
        } else {
            name = "page.html";
            file = "<!DOCTYPE html><html><head><title>A title</title></head><body><article><h1>A title</h1>" + html;
        }
        FileIngest result = check(name, file.getBytes(StandardCharsets.UTF_8));
        for (Article article : result.articles()) {
            for (String debris : List.of("<", ">", "&amp;", "&lt;", "&quot;", "&#")) {
                assertFalse(article.text().contains(debris), () -> "\"" + debris + "\" left in " + article.text() + "\nfrom " + file);
            }
        }
    }

    @Provide
    Arbitrary<List<String>> paragraphs() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
                Arbitraries.of("&amp;", "&quot;", "&#8220;", "&#x2019;", "&nbsp;", "서울", "Ünïcödé", "🤝", "—", "1,000"));
        Arbitrary<String> paragraph = word.list().ofMinSize(1).ofMaxSize(30).map(words -> String.join(" ", words));
        return paragraph.list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<String>> soup() {
        return Arbitraries.of("", "\n", "<p>", "<div>", "</div>", "<b><i>", "</b></i>", "<br>", "<p><span>",
                        "</span></span>", "<ul><li>", "</li>", "<table><tr><td>", "</td></tr>", "<figure><figcaption>",
                        "</figcaption>", "<script>if (a < b) { x = '<p>'; }</script>", "<style>p > b {}</style>",
                        "<!-- <p>comment</p> -->", "<img src=\"x\" alt=\"<p>\">", "<a href='?a=1&b=2'>", "</a>")
                .list().ofMinSize(1).ofMaxSize(8);
    }

    // ---------------------------------------------------------------- WordPress fields of the wrong type

    private static final List<String> WP_FIELDS = List.of(
            "id", "date", "date_gmt", "modified", "guid", "link", "slug", "title", "content", "excerpt", "author",
            "categories", "tags", "_embedded", "yoast_head_json");

    @Property
    void wordPressFieldsOfAnyTypeAreReadOrReported(
            @ForAll("fieldValues") Map<String, String> wrong, @ForAll("duplicates") List<String> duplicated, @ForAll boolean wrapped) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", "2205523");
        fields.put("date", "\"2024-06-20T18:05:15\"");
        fields.put("date_gmt", "\"2024-06-20T09:05:15\"");
        fields.put("modified", "\"2024-06-21T17:24:00\"");
        fields.put("guid", "{\"rendered\":\"https://example.org/?p=1\"}");
        fields.put("link", "\"https://example.org/2024/06/post/\"");
        fields.put("slug", "\"post\"");
        fields.put("title", "{\"rendered\":\"Seoul answers\"}");
        fields.put("content", "{\"rendered\":\"<p>Seoul said on Sunday it would answer.</p>\"}");
        fields.put("excerpt", "{\"rendered\":\"<p>Seoul said.</p>\"}");
        fields.put("author", "3");
        fields.put("categories", "[1,2]");
        fields.put("tags", "[3]");
        fields.putAll(wrong);
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append('"').append(name).append("\":").append(value).append(','));
        for (String name : duplicated) {
            json.append('"').append(name).append("\":").append(fields.getOrDefault(name, "null")).append(',');
        }
        json.setLength(json.length() - 1);
        json.append('}');
        String file = wrapped ? "{\"posts\":[" + json + "," + json + "]}" : json.toString();
        FileIngest result = check("post.json", file.getBytes(StandardCharsets.UTF_8));
        if (!wrong.containsKey("content")) {
            // The article text was never damaged: whatever else is wrong, the article must be there.
            assertFalse(result.articles().isEmpty(), () -> "no article from " + file + ": " + result.problems());
            assertTrue(result.articles().get(0).text().contains("Seoul said on Sunday it would answer."), file);
        }
    }

    @Provide
    Arbitrary<Map<String, String>> fieldValues() {
        return Arbitraries.maps(Arbitraries.of(WP_FIELDS), jsonValue(3)).ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<String>> duplicates() {
        return Arbitraries.of(WP_FIELDS).list().ofMaxSize(3);
    }

    /** Any JSON value, often of a type the field does not have, nested to the given depth. */
    private static Arbitrary<String> jsonValue(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "0", "-1", "1e999", "3.14", "9223372036854775808", "\"\"", "\" \"",
                        "\"\\u0000\"", "\"\\ud800\"", "\"<p>\"", "\"2024-13-45T99:99:99\"", "\"not a date\"", "\"&amp;\"",
                        "\"https://\"", "\"javascript:alert(1)\""),
                Arbitraries.strings().ofMaxLength(20).map(IngestPropertiesTest::quoted));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> inner = jsonValue(depth - 1);
        return Arbitraries.oneOf(
                scalar,
                inner.list().ofMaxSize(3).map(list -> "[" + String.join(",", list) + "]"),
                inner.map(v -> "{\"rendered\":" + v + "}"),
                inner.map(v -> "{\"raw\":" + v + ",\"rendered\":" + v + "}"),
                inner.map(v -> "{\"name\":" + v + ",\"author\":" + v + "}"),
                inner.map(v -> "{\"rendered\":" + v + ",\"rendered\":\"second\"}"));
    }

    private static String quoted(String s) {
        return "\"" + jsonString(s) + "\"";
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- the promises

    /** Ingests, timing it, and checks what every outcome must satisfy. */
    private FileIngest check(String name, byte[] bytes) {
        long start = System.nanoTime();
        FileIngest result;
        try {
            result = ingester.ingest(bytes, name);
        } catch (Throwable e) {
            throw new AssertionError(name + ": the ingester threw " + e, e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(PER_FILE) <= 0, () -> name + ": took " + took.toMillis() + " ms");
        assertEquals(name, result.path());
        boolean error = result.problems().stream().anyMatch(p -> p.severity() == Severity.ERROR);
        assertTrue(!result.articles().isEmpty() || error, () -> name + ": neither an article nor an error: " + result.problems());
        for (Problem problem : result.problems()) {
            assertEquals(name, problem.path());
            assertFalse(problem.message().isBlank(), "a problem without a message");
            // Ingester turns a reader's exception into this message; it is a bug, not a verdict on the file.
            assertFalse(problem.message().contains("); see the log."), () -> name + ": a reader crashed: " + problem.message());
        }
        for (Article article : result.articles()) {
            assertCanonical(name, article);
        }
        return result;
    }

    /** Blocks in order, inside the text, one blank line apart, covering it; no invisible or broken characters. */
    static void assertCanonical(String where, Article article) {
        String text = article.text();
        List<Block> blocks = article.blocks();
        assertFalse(blocks.isEmpty(), where + ": an article without blocks");
        assertEquals(0, blocks.get(0).start(), where + ": text before the first block");
        assertEquals(text.length(), blocks.get(blocks.size() - 1).end(), where + ": text after the last block");
        for (int i = 1; i < blocks.size(); i++) {
            assertEquals("\n\n", text.substring(blocks.get(i - 1).end(), blocks.get(i).start()), where + ": between blocks " + i);
        }
        for (Block block : blocks) {
            String content = article.textOf(block);
            assertEquals(content.strip(), content, where + ": block with outer white space");
            assertFalse(content.contains("\n"), where + ": line break inside a block");
        }
        assertClean(where + ", text", text, true);
        assertClean(where + ", title", article.title(), false);
        assertFalse(article.title().isBlank(), where + ": blank title");
        for (String value : Stream.of(article.author(), article.source(), article.summary()).flatMap(java.util.Optional::stream).toList()) {
            assertClean(where + ", metadata", value, false);
        }
    }

    private static void assertClean(String where, String s, boolean newlinesAllowed) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            boolean bad = Character.isSurrogate(c)
                    || c == '\uFEFF'
                    || (Character.getType(c) == Character.CONTROL && !(newlinesAllowed && c == '\n'));
            if (bad) {
                int from = Math.max(0, i - 30);
                fail(where + ": U+" + HexFormat.of().toHexDigits(c) + " at " + i + " in \""
                        + s.substring(from, Math.min(s.length(), i + 30)) + "\"");
            }
        }
    }

    // ---------------------------------------------------------------- seeds and damage

    record Seed(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static List<Seed> loadSeeds() {
        List<Seed> seeds = new ArrayList<>();
        try {
            for (Path dir : List.of(Path.of("corpus"), Path.of("src/test/resources/quire/store"))) {
                try (Stream<Path> files = Files.list(dir)) {
                    // Only the articles: a workspace (.quire) appears in corpus/ once ./quire has run.
                    for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                        seeds.add(new Seed(file.getFileName().toString(), Files.readAllBytes(file)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        seeds.add(new Seed("page.html", ("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Seoul answers | Daily</title>
                <meta property="article:published_time" content="2024-06-20T18:05:15+09:00"></head>
                <body><nav><a href="/">Home</a></nav><article><h1>Seoul answers</h1>
                <p class="byline">By Kim Min-ji</p><p>SEOUL, June 20 (Daily) &mdash; Seoul said on Sunday it would answer
                the treaty &ldquo;firmly&rdquo;.</p><figure><img src="a.jpg"><figcaption>Officials meet. (Reuters)</figcaption>
                </figure><p>The ministry said 1,000 troops &amp; ships were ready.</p><blockquote>We will respond.</blockquote>
                <ul><li>One</li><li>Two</li></ul></article><footer>Share this</footer></body></html>
                """).getBytes(StandardCharsets.UTF_8)));
        seeds.add(new Seed("note.md", ("""
                ---
                title: "Seoul answers"
                date: 2024-06-20
                tags: [treaty, seoul]
                ---
                # Seoul answers

                Seoul said on *Sunday* it would answer the [treaty](https://example.org) firmly.

                > We will respond.

                - one
                - two

                ```
                code <p>
                ```
                """).getBytes(StandardCharsets.UTF_8)));
        return List.copyOf(seeds);
    }

    /** One kind of damage at a relative position, so that it applies to any file and shrinks well. */
    sealed interface Damage permits Cut, Flip, Insert, Delete, Reencode {
        byte[] apply(byte[] bytes);

        static int offset(byte[] bytes, double at) {
            return (int) Math.min(bytes.length, Math.floor(at * bytes.length));
        }
    }

    record Cut(double at) implements Damage {
        public byte[] apply(byte[] bytes) {
            return java.util.Arrays.copyOf(bytes, Damage.offset(bytes, at));
        }
    }

    record Flip(double at, int bit) implements Damage {
        public byte[] apply(byte[] bytes) {
            if (bytes.length == 0) {
                return bytes;
            }
            byte[] copy = bytes.clone();
            int i = Math.min(bytes.length - 1, Damage.offset(bytes, at));
            copy[i] ^= (byte) (1 << bit);
            return copy;
        }
    }

    record Insert(double at, byte[] inserted) implements Damage {
        public byte[] apply(byte[] bytes) {
            int i = Damage.offset(bytes, at);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.length);
            out.write(bytes, 0, i);
            out.writeBytes(inserted);
            out.write(bytes, i, bytes.length - i);
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return "Insert[at=" + at + ", bytes=" + HexFormat.of().formatHex(inserted) + "]";
        }
    }

    record Delete(double at, int length) implements Damage {
        public byte[] apply(byte[] bytes) {
            int from = Damage.offset(bytes, at);
            int to = Math.min(bytes.length, from + length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
            out.write(bytes, 0, from);
            out.write(bytes, to, bytes.length - to);
            return out.toByteArray();
        }
    }

    /** A stretch of the file written in another encoding: what a careless concatenation produces. */
    record Reencode(double at, int length, Charset charset) implements Damage {
        public byte[] apply(byte[] bytes) {
            int from = Damage.offset(bytes, at);
            int to = Math.min(bytes.length, from + length);
            String stretch = new String(bytes, from, to - from, StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + length);
            out.write(bytes, 0, from);
            out.writeBytes(stretch.getBytes(charset));
            out.write(bytes, to, bytes.length - to);
            return out.toByteArray();
        }
    }
}
