package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import quire.model.Article;
import quire.model.Block;
import quire.model.Problem;
import quire.model.Severity;

/**
 * Damaged and hostile files must cost at most one file: the ingester never throws, finishes
 * quickly, and either recovers articles that keep the model's promises or reports an error.
 */
class IngesterRobustnessTest {
    private static final Duration PER_FILE = Duration.ofSeconds(2);
    private static final Duration PER_SEED = Duration.ofSeconds(60);
    private static final int MUTANTS_PER_SEED = 1000;
    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}
    };
    private static final byte[] SPECIAL = {'{', '"', '\\', '<'};

    private final Ingester ingester = new Ingester();

    static Stream<String> seeds() {
        return Stream.of("000_fe8c5ed74ec9ed57.txt", "001_250d73399310addd.txt", "003_4180961e451abf6c.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void seedFileCutAnywhereIsReadOrReported(String name) throws IOException {
        byte[] seed = Files.readAllBytes(Path.of("corpus", name));
        List<Variant> variants = new ArrayList<>();
        for (int length = 1; length < seed.length; length++) {
            // Every cut near the ends, where the structure opens and closes; a sample in between.
            if (length <= 300 || length >= seed.length - 300 || length % 7 == 0) {
                variants.add(new Variant("cut at byte " + length, Arrays.copyOf(seed, length)));
            }
        }
        checkAll(name, variants);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void seedFileDamagedAtRandomIsReadOrReported(String name) throws IOException {
        byte[] seed = Files.readAllBytes(Path.of("corpus", name));
        Random random = new Random(20240620L + name.hashCode());
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < MUTANTS_PER_SEED; i++) {
            variants.add(mutate(seed, random, "mutant " + i));
        }
        checkAll(name, variants);
    }

    static Stream<Arguments> hostileInputs() {
        return Stream.of(
                hostile("deep.json", () -> ascii("[".repeat(100_000))),
                hostile("deep-objects.json", () -> ascii("{\"a\":".repeat(100_000))),
                hostile("one-line.txt", () -> ascii("North Korea and Russia signed a treaty. ".repeat(130_000))),
                hostile("long-string.json", () -> ascii("{\"title\":{\"rendered\":\"Long\"},\"content\":{\"rendered\":\"<p>"
                        + "Seoul said on Sunday. ".repeat(230_000) + "</p>\"}}")),
                hostile("million.json", () -> ascii("[" + "0,".repeat(999_999) + "0]")),
                hostile("divs.html", () -> ascii("<!DOCTYPE html><html><body>" + "<div>".repeat(100_000) + "Text")),
                hostile("quotes.md", () -> ascii("# Title\n\n" + "> ".repeat(100_000) + "quoted\n")),
                hostile("lists.md", () -> ascii("# Title\n\n" + "- ".repeat(100_000) + "item\n")),
                hostile("yaml-bomb.md", () -> ascii(yamlBomb())),
                hostile("deep-yaml.md", () -> ascii("---\ntitle: " + "[".repeat(100_000) + "\n---\nBody text.\n")),
                hostile("token.txt", () -> ascii("x".repeat(1024 * 1024))),
                hostile("entities.html", () -> ascii("<html><body><p>" + "&amp;&#8220;&#x2019;".repeat(100_000) + "</p>")),
                hostile("random.bin", () -> {
                    byte[] bytes = new byte[1024 * 1024];
                    new Random(99).nextBytes(bytes);
                    return bytes;
                }),
                hostile("random-text.txt", () -> {
                    Random random = new Random(5);
                    StringBuilder text = new StringBuilder();
                    while (text.length() < 1024 * 1024) {
                        text.appendCodePoint(0x20 + random.nextInt(0xD000));
                    }
                    return text.toString().getBytes(StandardCharsets.UTF_8);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void hostileInputFinishesWithAnArticleOrAnError(String name, Supplier<byte[]> input) {
        byte[] bytes = input.get();
        FileIngest result = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> ingester.ingest(bytes, name), name + " took too long");
        assertOutcome(new Variant(name, bytes), name, result);
    }

    private void checkAll(String name, List<Variant> variants) {
        assertTimeoutPreemptively(PER_SEED, () -> {
            for (Variant variant : variants) {
                long start = System.nanoTime();
                FileIngest result;
                try {
                    result = ingester.ingest(variant.bytes, name);
                } catch (Throwable e) {
                    throw new AssertionError(name + ", " + variant.description + ": the ingester threw " + e, e);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                if (took.compareTo(PER_FILE) > 0) {
                    fail(name + ", " + variant.description + ": took " + took.toMillis() + " ms");
                }
                assertOutcome(variant, name, result);
            }
        });
    }

    private static void assertOutcome(Variant variant, String name, FileIngest result) {
        String where = name + ", " + variant.description;
        assertEquals(name, result.path(), where);
        boolean error = result.problems().stream().anyMatch(p -> p.severity() == Severity.ERROR);
        assertTrue(!result.articles().isEmpty() || error, where + ": neither an article nor an error: " + result.problems());
        for (Problem problem : result.problems()) {
            assertEquals(name, problem.path(), where);
            assertFalse(problem.message().isBlank(), where + ": a problem without a message");
        }
        String raw = new String(variant.bytes, StandardCharsets.ISO_8859_1);
        for (Article article : result.articles()) {
            assertCanonical(where, article);
            assertNoDebris(where, article.text(), "</span>", raw.contains("&lt;/span"));
            assertNoDebris(where, article.text(), "&#8220;", raw.contains("&amp;#8220;"));
            // A mutant may itself escape a backslash in front of an escape; then the text is right to show it.
            assertNoDebris(where, article.text(), "\\u20", raw.contains("\\\\u20"));
        }
    }

    /** The model's promises: blocks in order, inside the text, one blank line apart, covering it. */
    private static void assertCanonical(String where, Article article) {
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
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\n') {
                fail(where + ": control character U+" + HexFormat.of().toHexDigits(c) + " at " + i);
            }
        }
        assertFalse(article.title().isBlank(), where + ": blank title");
    }

    private static void assertNoDebris(String where, String text, String debris, boolean inSource) {
        if (!inSource) {
            int at = text.indexOf(debris);
            if (at >= 0) {
                int from = Math.max(0, at - 40);
                fail(where + ": the text contains " + debris + " in \"" + text.substring(from, Math.min(text.length(), at + 40)) + "\"");
            }
        }
    }

    /** One to three random kinds of damage, each described so a failure can be reproduced by eye. */
    private static Variant mutate(byte[] seed, Random random, String name) {
        byte[] bytes = seed;
        StringBuilder description = new StringBuilder(name).append(':');
        int count = 1 + random.nextInt(3);
        for (int k = 0; k < count && bytes.length > 1; k++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0 -> {
                    int value;
                    do {
                        value = random.nextInt(256);
                    } while (value == '\\'); // a backslash may legitimately escape an escape; see assertOutcome
                    bytes = bytes.clone();
                    bytes[at] = (byte) value;
                    description.append(" byte ").append(at).append(" set to 0x").append(Integer.toHexString(value)).append(';');
                }
                case 1 -> {
                    int nuls = 1 + random.nextInt(4);
                    bytes = insert(bytes, at, new byte[nuls]);
                    description.append(' ').append(nuls).append(" NULs inserted at ").append(at).append(';');
                }
                case 2 -> {
                    byte[] invalid = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
                    bytes = insert(bytes, at, invalid);
                    description.append(" invalid UTF-8 ").append(HexFormat.of().formatHex(invalid)).append(" inserted at ").append(at).append(';');
                }
                case 3 -> {
                    int end = Math.min(bytes.length, at + 1 + random.nextInt(400));
                    bytes = delete(bytes, at, end);
                    description.append(" bytes ").append(at).append("..").append(end).append(" deleted;");
                }
                case 4 -> {
                    int end = Math.min(bytes.length, at + 1 + random.nextInt(400));
                    bytes = insert(bytes, end, Arrays.copyOfRange(bytes, at, end));
                    description.append(" bytes ").append(at).append("..").append(end).append(" duplicated;");
                }
                default -> {
                    byte special = SPECIAL[random.nextInt(SPECIAL.length)];
                    bytes = insert(bytes, at, new byte[] {special});
                    description.append(" '").append((char) special).append("' inserted at ").append(at).append(';');
                }
            }
        }
        return new Variant(description.toString(), bytes);
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.length);
        out.write(bytes, 0, at);
        out.write(inserted, 0, inserted.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static byte[] delete(byte[] bytes, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(bytes, 0, from);
        out.write(bytes, to, bytes.length - to);
        return out.toByteArray();
    }

    /** Nine levels of nine aliases: a few hundred bytes that expand to hundreds of millions of nodes. */
    private static String yamlBomb() {
        StringBuilder yaml = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char level = 'b'; level <= 'i'; level++) {
            yaml.append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = level;
        }
        return yaml.append("title: Bomb\n---\nBody text of the article.\n").toString();
    }

    private static Arguments hostile(String name, Supplier<byte[]> input) {
        return Arguments.of(name, input);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private record Variant(String description, byte[] bytes) {}
}
