package quire.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import quire.model.Article;
import quire.model.ArticleSummary;
import quire.model.Block;
import quire.model.Problem;
import quire.model.SearchHit;
import quire.model.SearchResult;
import quire.model.Snippet;
import quire.service.IndexReport;

/**
 * Writes command results as JSON (shapes in product.md: fields may be added, never renamed) and
 * as text for people.
 */
final class Output {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private Output() {}

    @FunctionalInterface
    interface JsonBody {
        void write(JsonGenerator json) throws IOException;
    }

    static void json(PrintWriter out, JsonBody body) {
        try {
            JsonGenerator json = JSON.createGenerator(out).useDefaultPrettyPrinter();
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            body.write(json);
            json.flush();
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A file's path for plain output, which is read line by line: as it is, unless it holds a line
     * break or another control character (or starts with a quote), then quoted with C-style escapes,
     * the way git prints such paths ({@code "two\nlines.txt"}). JSON output keeps paths exact.
     */
    static String name(String path) {
        boolean plain = !path.startsWith("\"") && path.chars().noneMatch(Output::breaksALine);
        return plain ? path : "\"" + escaped(path, true) + "\"";
    }

    /** Free text for plain output (a message naming a file, a quote spanning paragraphs) on one line. */
    static String oneLine(String text) {
        return text.chars().anyMatch(Output::breaksALine) ? escaped(text, false) : text;
    }

    private static boolean breaksALine(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    private static String escaped(String text, boolean quoted) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append(quoted ? "\\\\" : "\\");
                case '"' -> out.append(quoted ? "\\\"" : "\"");
                default -> {
                    if (breaksALine(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static void indexReport(JsonGenerator json, IndexReport r) throws IOException {
        json.writeStartObject();
        json.writeStringField("corpus", r.corpus());
        json.writeNumberField("files", r.files());
        json.writeNumberField("articles", r.articles());
        json.writeNumberField("added", r.added());
        json.writeNumberField("updated", r.updated());
        json.writeNumberField("removed", r.removed());
        json.writeNumberField("unchanged", r.unchanged());
        json.writeNumberField("duplicates", r.duplicates());
        json.writeArrayFieldStart("problems");
        for (Problem p : r.problems()) {
            json.writeStartObject();
            json.writeStringField("path", p.path());
            json.writeStringField("severity", p.severity().label());
            json.writeStringField("message", p.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberField("tookMs", r.tookMs());
        if (r.rebuilt().isPresent()) {
            json.writeStringField("rebuilt", r.rebuilt().get());
        }
        if (r.cancelled()) {
            json.writeBooleanField("cancelled", true);
        }
        json.writeEndObject();
    }

    static void summaries(JsonGenerator json, List<ArticleSummary> articles) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("articles");
        for (ArticleSummary a : articles) {
            json.writeStartObject();
            json.writeStringField("key", a.key());
            json.writeStringField("title", a.title());
            optional(json, "published", a.published().map(Object::toString));
            optional(json, "author", a.author());
            optional(json, "source", a.source());
            json.writeStringField("path", a.path());
            strings(json, "warnings", a.warnings());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    static void article(JsonGenerator json, Article a) throws IOException {
        article(json, a, Optional.empty());
    }

    /** An article; with {@code hits}, also where a query matches in its text. */
    static void article(JsonGenerator json, Article a, Optional<List<quire.model.TextRange>> hits) throws IOException {
        json.writeStartObject();
        json.writeStringField("key", a.key());
        json.writeStringField("title", a.title());
        optional(json, "published", a.published().map(Object::toString));
        optional(json, "author", a.author());
        optional(json, "source", a.source());
        optional(json, "link", a.link());
        json.writeStringField("path", a.path());
        strings(json, "warnings", a.warnings());
        optional(json, "summary", a.summary());
        json.writeObjectFieldStart("properties");
        for (Map.Entry<String, String> e : a.properties().entrySet()) {
            json.writeStringField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
        json.writeStringField("text", a.text());
        json.writeArrayFieldStart("blocks");
        for (Block b : a.blocks()) {
            json.writeStartObject();
            json.writeStringField("kind", b.kind().label());
            json.writeNumberField("start", b.start());
            json.writeNumberField("end", b.end());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (hits.isPresent()) {
            json.writeArrayFieldStart("hits");
            for (quire.model.TextRange r : hits.get()) {
                json.writeStartObject();
                json.writeNumberField("start", r.start());
                json.writeNumberField("end", r.end());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    static void searchResult(JsonGenerator json, SearchResult r, long tookMs, long firstMs) throws IOException {
        json.writeStartObject();
        json.writeStringField("query", r.query());
        json.writeNumberField("total", r.total());
        json.writeNumberField("tookMs", tookMs);
        if (firstMs >= 0) {
            json.writeNumberField("firstMs", firstMs);
        }
        json.writeArrayFieldStart("hits");
        for (SearchHit h : r.hits()) {
            json.writeStartObject();
            json.writeStringField("key", h.key());
            json.writeStringField("title", h.title());
            optional(json, "published", h.published().map(Object::toString));
            optional(json, "author", h.author());
            optional(json, "source", h.source());
            json.writeStringField("path", h.path());
            json.writeNumberField("score", h.score());
            json.writeArrayFieldStart("snippets");
            for (Snippet s : h.snippets()) {
                json.writeString(s.toHtml());
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("facets");
        for (Map.Entry<String, Map<String, Long>> facet : r.facets().entrySet()) {
            json.writeObjectFieldStart(facet.getKey());
            for (Map.Entry<String, Long> value : facet.getValue().entrySet()) {
                json.writeNumberField(value.getKey(), value.getValue());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        if (r.error().isPresent()) {
            json.writeStringField("error", r.error().get());
            json.writeStringField("fallback", r.fallback().orElse(""));
        }
        json.writeEndObject();
    }

    static void highlight(JsonGenerator json, quire.model.Highlight h) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", h.id());
        json.writeStringField("article", h.articleKey());
        json.writeNumberField("start", h.start());
        json.writeNumberField("end", h.end());
        json.writeStringField("quote", h.quote());
        json.writeStringField("note", h.note());
        json.writeStringField("color", h.color());
        strings(json, "tags", h.tags());
        json.writeStringField("state", h.state().label());
        json.writeStringField("created", h.created().toString());
        json.writeStringField("updated", h.updated().toString());
        json.writeEndObject();
    }

    static void highlights(JsonGenerator json, List<quire.model.Highlight> highlights) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("annotations");
        for (quire.model.Highlight h : highlights) {
            highlight(json, h);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Says that no article has the key, as a plain sentence on the error stream; returns exit code 2. */
    static int noSuchArticle(PrintWriter err, String key) {
        err.printf("No article has the key '%s'. 'quire articles' lists them.%n", key);
        err.flush();
        return 2;
    }

    /** Absent values are written as null, so every key of the documented shape is always there. */
    private static void optional(JsonGenerator json, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        } else {
            json.writeNullField(name);
        }
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }
}
