package quire.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import quire.model.AnnotatedArticle;
import quire.model.Article;
import quire.model.Highlight;
import quire.model.HighlightState;
import quire.model.QuireException;

/**
 * Highlights as W3C Web Annotations (JSON-LD), the format Hypothesis and other annotation tools
 * speak, and back.
 *
 * <p>The file is one {@code AnnotationCollection} whose single embedded {@code AnnotationPage}
 * ({@code first.items}) holds the annotations, as the W3C Web Annotation Protocol lays out a
 * collection. A highlight's target is {@code urn:quire:article:<key>} (key percent-encoded) with a
 * {@code TextQuoteSelector} and a {@code TextPositionSelector}; its note is a {@code commenting}
 * body, each tag a {@code tagging} body. An article's own note and tags are an annotation on the
 * whole article (a target without selector, what Hypothesis calls a page note). Quire-only fields
 * are properties named {@code quire:*} ({@code quire:color}, {@code quire:state},
 * {@code quire:textHash}, {@code quire:articleTitle}, and {@code quire:link} on the target); tools
 * that do not know them ignore them.
 *
 * <p>The reader also takes a plain array of annotations, a single annotation, a page with
 * {@code items}, and Hypothesis API results ({@code rows}, with {@code uri}, {@code text},
 * {@code tags}); what such files lack gets a default (colour yellow, state anchored).
 */
public final class WebAnnotationJson {
    /** The JSON-LD context of every Web Annotation. */
    public static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    static final String ARTICLE_URN = "urn:quire:article:";
    static final String ARTICLE_NOTE_URN = "urn:quire:article-note:";
    static final String UUID_URN = "urn:uuid:";

    /**
     * Import reads files from anywhere, so Jackson's limits are set here rather than inherited: a Web
     * Annotation nests about six deep, and a quote or note is far below the string limit.
     */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxStringLength(20_000_000)
            .maxNameLength(1_000)
            .maxNumberLength(100)
            .maxDocumentLength(1_000_000_000L)
            .build();

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WebAnnotationJson() {}

    /** Writes every highlight and every article note or tag list as one annotation collection. */
    public static void write(Writer out, List<AnnotatedArticle> articles, Instant exportedAt) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(exportedAt, "exportedAt");
        ArrayNode items = NODES.arrayNode();
        for (AnnotatedArticle annotated : articles) {
            if (!annotated.note().isEmpty() || !annotated.tags().isEmpty()) {
                items.add(articleAnnotation(annotated));
            }
            for (Highlight h : annotated.highlights()) {
                items.add(annotation(annotated.article(), h));
            }
        }
        ObjectNode root = NODES.objectNode();
        root.put("@context", CONTEXT);
        root.put("type", "AnnotationCollection");
        root.put("label", "Quire annotations");
        ObjectNode generator = root.putObject("generator");
        generator.put("type", "Software");
        generator.put("name", "Quire");
        root.put("generated", exportedAt.toString());
        root.put("total", items.size());
        ObjectNode page = root.putObject("first");
        page.put("type", "AnnotationPage");
        page.put("startIndex", 0);
        page.set("items", items);
        try {
            MAPPER.writeValue(out, root);
            out.flush();
        } catch (IOException e) {
            throw new QuireException("Cannot write the annotation export: " + e.getMessage(), e);
        }
    }

    /** One highlight as a Web Annotation. */
    static ObjectNode annotation(Article article, Highlight h) {
        ObjectNode a = NODES.objectNode();
        a.put("@context", CONTEXT);
        a.put("id", UUID_URN + h.id());
        a.put("type", "Annotation");
        a.put("motivation", h.note().isEmpty() ? "highlighting" : "commenting");
        a.put("created", h.created().toString());
        a.put("modified", h.updated().toString());
        ArrayNode body = bodies(h.note(), h.tags());
        if (!body.isEmpty()) {
            a.set("body", body);
        }
        ObjectNode target = a.putObject("target");
        target.put("source", ARTICLE_URN + encode(h.articleKey()));
        article.link().ifPresent(link -> target.put("quire:link", link));
        ArrayNode selectors = target.putArray("selector");
        ObjectNode quote = selectors.addObject();
        quote.put("type", "TextQuoteSelector");
        quote.put("exact", h.quote());
        quote.put("prefix", h.prefix());
        quote.put("suffix", h.suffix());
        ObjectNode position = selectors.addObject();
        position.put("type", "TextPositionSelector");
        position.put("start", h.start());
        position.put("end", h.end());
        a.put("quire:color", h.color());
        a.put("quire:state", h.state().label());
        a.put("quire:textHash", h.textHash());
        a.put("quire:articleTitle", article.title());
        return a;
    }

    private static ObjectNode articleAnnotation(AnnotatedArticle annotated) {
        Article article = annotated.article();
        ObjectNode a = NODES.objectNode();
        a.put("@context", CONTEXT);
        a.put("id", ARTICLE_NOTE_URN + encode(article.key()));
        a.put("type", "Annotation");
        a.put("motivation", annotated.note().isEmpty() ? "tagging" : "commenting");
        a.set("body", bodies(annotated.note(), annotated.tags()));
        ObjectNode target = a.putObject("target");
        target.put("source", ARTICLE_URN + encode(article.key()));
        article.link().ifPresent(link -> target.put("quire:link", link));
        a.put("quire:articleTitle", article.title());
        return a;
    }

    private static ArrayNode bodies(String note, List<String> tags) {
        ArrayNode body = NODES.arrayNode();
        if (!note.isEmpty()) {
            ObjectNode comment = body.addObject();
            comment.put("type", "TextualBody");
            comment.put("purpose", "commenting");
            comment.put("value", note);
            comment.put("format", "text/plain");
        }
        for (String tag : tags) {
            ObjectNode tagging = body.addObject();
            tagging.put("type", "TextualBody");
            tagging.put("purpose", "tagging");
            tagging.put("value", tag);
        }
        return body;
    }

    /**
     * Reads highlights and article notes from a Web Annotation file (ours or another tool's).
     *
     * @throws QuireException naming the first thing that is wrong, e.g. "Annotation 3 has no quoted text."
     */
    public static AnnotationImport read(Reader in) {
        Objects.requireNonNull(in, "in");
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new QuireException("The annotation file is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new QuireException("Cannot read the annotation file: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new QuireException("The annotation file is empty.");
        }
        List<Highlight> highlights = new ArrayList<>();
        Map<String, ArticleNote> notes = new LinkedHashMap<>();
        List<JsonNode> items = items(root);
        for (int i = 0; i < items.size(); i++) {
            new ItemReader(items.get(i), i + 1).read(highlights, notes);
        }
        return new AnnotationImport(highlights, List.copyOf(notes.values()));
    }

    private static List<JsonNode> items(JsonNode root) {
        List<JsonNode> items = new ArrayList<>();
        JsonNode list;
        if (root.isArray()) {
            list = root;
        } else if (!root.isObject()) {
            throw new QuireException("The annotation file holds no annotations: expected an object or an array.");
        } else if (root.get("items") != null) {
            list = root.get("items");
        } else if (root.get("first") != null) {
            JsonNode first = root.get("first");
            if (!first.isObject()) {
                throw new QuireException(
                        "The annotation collection refers to pages elsewhere ('first' is not an embedded page); "
                                + "only collections with their annotations inside can be read.");
            }
            list = first.get("items");
            if (list == null) {
                throw new QuireException("The annotation page has no 'items'.");
            }
        } else if (root.get("rows") != null) {
            list = root.get("rows");
        } else if (root.get("target") != null || "Annotation".equals(root.path("type").asText())) {
            return List.of(root);
        } else {
            throw new QuireException("The annotation file holds no annotations: expected an AnnotationCollection, "
                    + "an array of annotations or one annotation.");
        }
        if (!list.isArray()) {
            throw new QuireException("The annotations in the file are not a list.");
        }
        list.forEach(items::add);
        return items;
    }

    /** Reads one annotation; {@code number} (from 1) names it in messages. */
    private static final class ItemReader {
        private final JsonNode item;
        private final int number;

        ItemReader(JsonNode item, int number) {
            this.item = item;
            this.number = number;
        }

        void read(List<Highlight> highlights, Map<String, ArticleNote> notes) {
            if (!item.isObject()) {
                throw fail("is not a JSON object");
            }
            JsonNode target = target();
            String source = source(target);
            JsonNode quoteSelector = null;
            JsonNode positionSelector = null;
            for (JsonNode selector : asList(target.get("selector"))) {
                String type = selector.path("type").asText("");
                if (type.equals("TextQuoteSelector") && quoteSelector == null) {
                    quoteSelector = selector;
                } else if (type.equals("TextPositionSelector") && positionSelector == null) {
                    positionSelector = selector;
                }
            }
            List<String> comments = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            bodies(comments, tags);
            String note = String.join("\n\n", comments);
            String key = articleKey(source);
            if (quoteSelector == null) {
                if (positionSelector != null) {
                    throw fail("has a position but no quoted text (TextQuoteSelector)");
                }
                ArticleNote previous = notes.get(key);
                if (previous != null) {
                    List<String> merged = new ArrayList<>(previous.tags());
                    merged.addAll(tags);
                    String both = previous.note().isEmpty() ? note
                            : note.isEmpty() ? previous.note() : previous.note() + "\n\n" + note;
                    notes.put(key, new ArticleNote(key, both, cleanTags(merged)));
                } else {
                    notes.put(key, new ArticleNote(key, note, cleanTags(tags)));
                }
                return;
            }
            String exact = text(quoteSelector, "exact", null);
            if (exact == null || exact.isEmpty()) {
                throw fail("has no quoted text (TextQuoteSelector 'exact')");
            }
            String prefix = text(quoteSelector, "prefix", "");
            String suffix = text(quoteSelector, "suffix", "");
            int start = 0;
            int end = exact.length();
            String textHash = "";
            if (positionSelector != null) {
                start = integer(positionSelector, "start");
                end = integer(positionSelector, "end");
                if (start < 0 || end <= start) {
                    throw fail("has an empty or negative position (" + start + " to " + end + ")");
                }
                textHash = text(item, "quire:textHash", "");
            }
            Instant created = time("created");
            Instant updated = time("modified");
            if (updated == null) {
                updated = time("updated");
            }
            if (created == null) {
                created = updated == null ? Instant.EPOCH : updated;
            }
            if (updated == null) {
                updated = created;
            }
            highlights.add(new Highlight(id(source, start, exact), key, start, end, exact, prefix, suffix, color(),
                    note, cleanTags(tags), created, updated, state(), textHash));
        }

        private JsonNode target() {
            JsonNode target = item.get("target");
            if (target != null && target.isArray()) {
                target = target.size() == 0 ? null : target.get(0);
            }
            if (target == null) {
                if (item.hasNonNull("uri")) {
                    return NODES.objectNode();
                }
                throw fail("has no target");
            }
            if (target.isTextual()) {
                ObjectNode wrapped = NODES.objectNode();
                wrapped.put("source", target.asText());
                return wrapped;
            }
            if (!target.isObject()) {
                throw fail("has a target that is neither an object nor an address");
            }
            return target;
        }

        private String source(JsonNode target) {
            for (JsonNode candidate : new JsonNode[] {target.get("source"), target.get("id"), item.get("uri")}) {
                if (candidate != null && candidate.isTextual() && !candidate.asText().isBlank()) {
                    return candidate.asText().strip();
                }
            }
            throw fail("does not say which document it is on (target 'source')");
        }

        private void bodies(List<String> comments, List<String> tags) {
            boolean tagging = "tagging".equals(item.path("motivation").asText(""));
            for (JsonNode body : asList(item.get("body"))) {
                if (!body.isObject()) {
                    continue; // an address of an external body: nothing we can keep
                }
                JsonNode value = body.get("value");
                if (value == null) {
                    continue;
                }
                if (!value.isTextual()) {
                    throw fail("has a body whose value is not text");
                }
                String purpose = body.path("purpose").asText(tagging ? "tagging" : "commenting");
                if (purpose.equals("tagging")) {
                    tags.add(value.asText());
                } else if (!value.asText().isEmpty()) {
                    comments.add(value.asText());
                }
            }
            if (item.hasNonNull("bodyValue")) {
                comments.add(text(item, "bodyValue", ""));
            }
            // Hypothesis API rows keep the note and tags outside any body.
            if (item.hasNonNull("text") && !text(item, "text", "").isEmpty()) {
                comments.add(text(item, "text", ""));
            }
            for (JsonNode tag : asList(item.get("tags"))) {
                if (!tag.isTextual()) {
                    throw fail("has a tag that is not text");
                }
                tags.add(tag.asText());
            }
        }

        private String id(String source, int start, String exact) {
            JsonNode idNode = item.get("id");
            if (idNode != null && !idNode.isTextual()) {
                throw fail("has an id that is not text");
            }
            String id = idNode == null ? "" : idNode.asText().strip();
            String uuid = id.regionMatches(true, 0, UUID_URN, 0, UUID_URN.length()) ? id.substring(UUID_URN.length()) : id;
            try {
                UUID parsed = UUID.fromString(uuid);
                if (parsed.toString().equalsIgnoreCase(uuid)) {
                    return uuid;
                }
            } catch (IllegalArgumentException notAUuid) {
                // Another tool's id: derived below, so that importing the file twice gives the same ids.
            }
            String basis = id.isEmpty() ? source + "\n" + start + "\n" + exact : id;
            return UUID.nameUUIDFromBytes(basis.getBytes(StandardCharsets.UTF_8)).toString();
        }

        private String color() {
            String color = text(item, "quire:color", Highlight.DEFAULT_COLOR).strip().toLowerCase(Locale.ROOT);
            if (!Highlight.COLORS.contains(color)) {
                throw fail("has an unknown colour '" + color + "' (expected one of "
                        + String.join(", ", Highlight.COLORS) + ")");
            }
            return color;
        }

        private HighlightState state() {
            String state = text(item, "quire:state", "anchored").strip();
            for (HighlightState s : HighlightState.values()) {
                if (s.label().equalsIgnoreCase(state)) {
                    return s;
                }
            }
            throw fail("has an unknown state '" + state + "' (expected anchored or orphaned)");
        }

        private Instant time(String field) {
            String value = text(item, field, null);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeParseException notUtc) {
                try {
                    return OffsetDateTime.parse(value.strip()).toInstant();
                } catch (DateTimeParseException e) {
                    throw fail("has a '" + field + "' time that is not an ISO date and time: '" + value + "'");
                }
            }
        }

        private int integer(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
                throw fail("has a TextPositionSelector whose '" + field + "' is not a whole number");
            }
            return value.intValue();
        }

        private String text(JsonNode node, String field, String fallback) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isTextual()) {
                throw fail("has a field '" + field + "' that is not text");
            }
            return value.asText();
        }

        private QuireException fail(String problem) {
            return new QuireException("Annotation " + number + " " + problem + ".");
        }
    }

    private static List<JsonNode> asList(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            List<JsonNode> list = new ArrayList<>();
            node.forEach(list::add);
            return list;
        }
        return List.of(node);
    }

    /** Trimmed, without blanks or case-insensitive duplicates, sorted case-insensitively as the model keeps them. */
    private static List<String> cleanTags(List<String> tags) {
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> kept = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = tag.strip();
            if (!t.isEmpty() && seen.add(t)) {
                kept.add(t);
            }
        }
        return kept.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    static String articleKey(String source) {
        if (source.startsWith(ARTICLE_URN)) {
            return decode(source.substring(ARTICLE_URN.length()));
        }
        return source;
    }

    /** Percent-encodes all but RFC 3986 unreserved characters, as a URN's specific part allows. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    static String decode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            if (s.charAt(i) == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                byte[] raw = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
