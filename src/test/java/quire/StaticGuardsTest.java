package quire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards that reading the code found true and that nothing else keeps true (issue 8, static
 * guards): SQL is never built from values, Jackson's limits are explicit wherever untrusted JSON
 * is read, and SQLite's native library is unpacked into a folder Quire controls.
 */
class StaticGuardsTest {
    private static final Path MAIN = Path.of("src/main/java");

    /**
     * Methods whose argument is SQL, and which argument (0-based). JDBC's own, and the store's
     * helpers that hand their SQL to JDBC (their callers are checked here, their bodies below).
     */
    private static final Map<String, Integer> SQL_SINKS = Map.ofEntries(
            Map.entry("executeQuery", 0), Map.entry("executeUpdate", 0), Map.entry("executeLargeUpdate", 0),
            Map.entry("execute", 0), Map.entry("prepareStatement", 0), Map.entry("addBatch", 0),
            Map.entry("Rows.count", 1), Map.entry("Rows.strings", 1), Map.entry("Rows.update", 1),
            Map.entry("Rows.exists", 1), Map.entry("Rows.highlights", 1), Map.entry("count", 1),
            Map.entry("strings", 1), Map.entry("update", 1), Map.entry("exists", 1),
            Map.entry("tagWhere", 1), Map.entry("tagsWhere", 1), Map.entry("intPragma", 1));

    /**
     * The only SQL built with a value, each checked by hand. PRAGMAs take no {@code ?} parameters.
     * The Rows helpers append a clause their callers pass, and those callers are scanned above.
     */
    private static final Set<String> ALLOWED = Set.of(
            // an int from the migration loop
            "store/Schema.java: \"PRAGMA user_version = \" + next",
            // the pragma name comes from the two constant calls in Schema (user_version, application_id)
            "store/Schema.java: \"PRAGMA \" + pragma",
            // whereAndOrder: literal clauses from AnnotationStore, scanned as Rows.highlights arguments
            "store/Rows.java: HIGHLIGHT_SELECT + whereAndOrder",
            // where: "name_key = ?" or "id = ?" from Rows itself, scanned as tagWhere arguments
            "store/Rows.java: \"SELECT id, name, color FROM tag WHERE \" + where");

    @Test
    void sqlIsNeverBuiltFromValuesOutsideTheCommentedAllowList() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles()) {
            String source = Files.readString(file);
            if (!source.contains("import java.sql.")) {
                continue; // only store may use JDBC (ArchitectureTest); execute(...) elsewhere is not SQL
            }
            String rel = MAIN.relativize(file).toString().replace('\\', '/').replaceFirst("^quire/", "");
            for (var sink : SQL_SINKS.entrySet()) {
                Matcher m = Pattern.compile("(?<![\\w.])" + Pattern.quote(sink.getKey()) + "\\s*\\(|\\." + Pattern.quote(sink.getKey()) + "\\s*\\(")
                        .matcher(source);
                while (m.find()) {
                    if (sink.getKey().indexOf('.') < 0 && isDeclaration(source, m.start())) {
                        continue;
                    }
                    List<String> args = arguments(source, m.end());
                    if (args.size() <= sink.getValue()) {
                        continue;
                    }
                    String arg = args.get(sink.getValue()).strip().replaceAll("\\s+", " ");
                    if (isBuilt(arg) && !ALLOWED.contains(rel + ": " + arg)) {
                        found.add(rel + ": " + arg);
                    }
                }
            }
        }
        assertEquals(List.of(), found, "SQL built from values; bind them with ? (or, for a PRAGMA, allow-list it with a reason)");
    }

    @Test
    void theSqlGuardCatchesConcatenationAndFormatting() {
        assertTrue(isBuilt("\"SELECT * FROM t WHERE id = \" + id"));
        assertTrue(isBuilt("String.format(\"SELECT %s\", x)"));
        assertTrue(isBuilt("\"SELECT %s\".formatted(x)"));
        assertTrue(isBuilt("sql.toString() + \" LIMIT 1\""));
        assertTrue(!isBuilt("\"SELECT a FROM t WHERE b = ?\""));
        assertTrue(!isBuilt("\" WHERE h.note <> ''\" + Rows.READING_ORDER"));
        assertTrue(!isBuilt("\"\"\"\n SELECT 1 + 2\n\"\"\""));
        assertTrue(!isBuilt("pick"));
    }

    /** Jackson readers of files from outside (ingest, import) and the limits each must have set. */
    @Test
    void jacksonLimitsAreExplicitWhereUntrustedJsonIsRead() throws Exception {
        StreamReadConstraints wordPress = factory("quire.ingest.WordPressReader", "JSON").streamReadConstraints();
        assertEquals(64, wordPress.getMaxNestingDepth());
        assertEquals(20_000_000, wordPress.getMaxStringLength());
        assertEquals(100, wordPress.getMaxNumberLength());
        assertEquals(60_000_000L, wordPress.getMaxDocumentLength());

        StreamReadConstraints jsonLd = factory("quire.ingest.HtmlPageReader", "JSON_LD").streamReadConstraints();
        assertEquals(64, jsonLd.getMaxNestingDepth());
        assertEquals(1_000_000, jsonLd.getMaxStringLength());

        StreamReadConstraints annotations = factory("quire.export.WebAnnotationJson", "MAPPER").streamReadConstraints();
        assertEquals(64, annotations.getMaxNestingDepth());
        assertEquals(20_000_000, annotations.getMaxStringLength());
        assertEquals(100, annotations.getMaxNumberLength());
        assertEquals(1_000_000_000L, annotations.getMaxDocumentLength());
    }

    /**
     * Every Jackson factory or mapper built in main code is either one of the readers checked above
     * or named here with why its input is trusted, so a new reader cannot slip in with defaults.
     */
    @Test
    void everyJacksonFactoryInMainCodeIsCheckedOrTrusted() throws IOException {
        Set<String> checked = Set.of("ingest/WordPressReader.java", "ingest/HtmlPageReader.java", "export/WebAnnotationJson.java");
        Set<String> trusted = Set.of(
                // writes the CLI's --json output; never parses
                "cli/Output.java",
                // reads only the undo log Quire itself wrote into annotations.db
                "store/Change.java");
        Pattern builds = Pattern.compile("JsonFactory\\.builder\\(|new JsonFactory\\(|JsonMapper\\.builder\\(|new ObjectMapper\\(|new JsonMapper\\(");
        List<String> unexpected = new ArrayList<>();
        for (Path file : javaFiles()) {
            String rel = MAIN.relativize(file).toString().replace('\\', '/').replaceFirst("^quire/", "");
            if (builds.matcher(Files.readString(file)).find() && !checked.contains(rel) && !trusted.contains(rel)) {
                unexpected.add(rel);
            }
        }
        assertEquals(List.of(), unexpected, "a Jackson reader without a checked limit; add it to the test above");
    }

    @Test
    void sqlitesNativeLibraryIsUnpackedIntoAFolderQuireControls(@TempDir Path data) throws IOException {
        String before = System.getProperty("org.sqlite.tmpdir");
        try {
            System.clearProperty("org.sqlite.tmpdir");
            Path folder = data.resolve("native");
            Main.nativeLibraryFolder(folder);
            assertEquals(folder.toString(), System.getProperty("org.sqlite.tmpdir"));
            assertTrue(Files.isDirectory(folder));

            System.setProperty("org.sqlite.tmpdir", "/chosen/by/the/user");
            Main.nativeLibraryFolder(folder);
            assertEquals("/chosen/by/the/user", System.getProperty("org.sqlite.tmpdir"), "a folder the user chose is kept");
        } finally {
            if (before == null) {
                System.clearProperty("org.sqlite.tmpdir");
            } else {
                System.setProperty("org.sqlite.tmpdir", before);
            }
        }
        // And main sets it before anything can load SQLite (the CLI or the window).
        String main = Files.readString(MAIN.resolve("quire/Main.java"));
        int set = main.indexOf("nativeLibraryFolder(dirs.dataDir()");
        assertTrue(set > 0 && set < main.indexOf("new Cli(") && set < main.indexOf("WindowLauncher.run("),
                "Main.main must set org.sqlite.tmpdir first");
    }

    // ---- helpers ----

    private static JsonFactory factory(String className, String field) throws Exception {
        Field f = Class.forName(className).getDeclaredField(field);
        f.setAccessible(true);
        Object value = f.get(null);
        return value instanceof ObjectMapper mapper ? mapper.getFactory() : (JsonFactory) value;
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** Whether the name at {@code at} is being declared ("static long count(Connection c, ...") rather than called. */
    private static boolean isDeclaration(String source, int at) {
        int lineStart = source.lastIndexOf('\n', at) + 1;
        String before = source.substring(lineStart, at);
        return before.matches("\\s*(?:(?:public|private|protected|static|final|synchronized)\\s+)*[\\w<>\\[\\], ?]+\\s+");
    }

    /** The top-level arguments of a call whose '(' ends just before {@code from}. */
    static List<String> arguments(String s, int from) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3) + 3;
                current.append(s, i, end);
                i = end - 1;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                current.append(s, i, j + 1);
                i = j;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
                current.append(c);
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
                current.append(c);
            } else if (c == ')') {
                args.add(current.toString());
                return args;
            } else if (c == ',' && depth == 0) {
                args.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        return args;
    }

    /**
     * Built from values: formatted, or concatenated with anything but string literals and
     * UPPER_CASE constants. A bare variable is fine here: where its value is made is checked at the
     * call that made it (the sinks include the helpers that forward SQL).
     */
    static boolean isBuilt(String arg) {
        String code = arg.replaceAll("(?s)\"\"\".*?\"\"\"", "L").replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "L");
        if (code.contains("format(") || code.contains("formatted(") || code.contains("StringBuilder") || code.contains(".concat(")) {
            return true;
        }
        if (!code.contains("+")) {
            return false;
        }
        for (String operand : code.split("\\+")) {
            String o = operand.strip();
            if (!o.equals("L") && !o.matches("(?:[A-Z]\\w*\\.)*[A-Z][A-Z0-9_]*")) {
                return true;
            }
        }
        return false;
    }
}
