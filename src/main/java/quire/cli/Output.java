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
        json.writeEndObject();
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
