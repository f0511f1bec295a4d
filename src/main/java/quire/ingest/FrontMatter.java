package quire.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import quire.model.Published;

/**
 * The metadata in a Markdown file's YAML front matter, under the names static-site generators and
 * scrapers use for it (Jekyll, Hugo, Obsidian, Pandoc). Fields Quire has no place for are kept as
 * properties.
 */
record FrontMatter(
        Optional<String> title,
        Optional<Published> published,
        Optional<String> author,
        Optional<String> source,
        Optional<String> link,
        Optional<String> guid,
        Optional<String> summary,
        Map<String, String> properties) {

    /** The text between the fences, the Markdown after them, and what was wrong with the fences. */
    record Split(String yaml, String body, Optional<String> problem) {}

    // Thread-safe once configured; SnakeYAML's own limits (document size, alias expansion) apply.
    private static final YAMLMapper YAML = new YAMLMapper();

    private static final List<String> TITLE = List.of("title", "headline");
    private static final List<String> DATE = List.of("date", "published", "pubdate", "publishdate", "published_at",
            "publish_date", "date_published", "created");
    private static final List<String> TIME = List.of("time");
    private static final List<String> MODIFIED = List.of("updated", "modified", "lastmod", "last_modified",
            "date_modified", "updated_at");
    private static final List<String> AUTHOR = List.of("author", "authors", "byline", "creator");
    private static final List<String> SOURCE = List.of("source", "site", "publisher", "site_name", "publication");
    private static final List<String> LINK = List.of("url", "link", "source_url", "canonical", "canonical_url",
            "permalink", "original_url");
    private static final List<String> SUMMARY = List.of("description", "summary", "excerpt", "subtitle", "deck");
    private static final List<String> GUID = List.of("guid", "uuid");
    private static final List<String> TAGS = List.of("tags", "keywords");
    private static final List<String> CATEGORIES = List.of("categories", "category", "section");

    FrontMatter {
        properties = Map.copyOf(properties);
    }

    /** Cuts the front matter off the top of the text; no front matter when there are no two fences. */
    static Split split(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int lineEnd = text.indexOf('\n', start);
        if (lineEnd < 0 || !text.substring(start, lineEnd).strip().equals("---")) {
            return new Split("", text, Optional.empty());
        }
        int pos = lineEnd + 1;
        while (pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            String line = (end < 0 ? text.substring(pos) : text.substring(pos, end)).strip();
            if (line.equals("---") || line.equals("...")) {
                String body = end < 0 ? "" : text.substring(end + 1);
                return new Split(text.substring(lineEnd + 1, pos), body, Optional.empty());
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
        }
        return new Split("", text, Optional.of("The front matter has no closing '---' line; it was read as text."));
    }

    /** Reads the YAML; broken or unusable front matter adds a warning and gives no metadata. */
    static FrontMatter read(String yaml, List<String> warnings) {
        if (yaml.isBlank()) {
            return empty();
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JacksonException | RuntimeException e) {
            warnings.add("The front matter is not valid YAML; it was ignored.");
            return empty();
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return empty();
        }
        if (!tree.isObject()) {
            warnings.add("The front matter is not a list of named fields; it was ignored.");
            return empty();
        }
        return fromTree(tree, warnings);
    }

    private static FrontMatter empty() {
        return new FrontMatter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    private static FrontMatter fromTree(JsonNode tree, List<String> warnings) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        tree.fields().forEachRemaining(f -> fields.putIfAbsent(f.getKey().strip().toLowerCase(Locale.ROOT), f.getValue()));
        Set<String> used = new HashSet<>();
        Map<String, String> properties = new LinkedHashMap<>();

        Optional<String> dateText = first(fields, DATE, used);
        Optional<Published> published = dateText.flatMap(DatelineParser::parseDate);
        if (dateText.isPresent() && published.isEmpty()) {
            warnings.add("The date in the front matter (\"" + dateText.get() + "\") could not be read.");
            properties.put("date", dateText.get());
        }
        Optional<String> time = first(fields, TIME, used);
        if (published.isPresent() && published.get().time().isEmpty() && time.isPresent()) {
            Published date = published.get();
            published = DatelineParser.parseTime(time.get())
                    .map(t -> new Published(date.date(), Optional.of(t), Optional.empty()))
                    .or(() -> Optional.of(date));
        }
        first(fields, MODIFIED, used).ifPresent(modified -> properties.put(
                "modified", DatelineParser.parseDate(modified).map(Published::toString).orElse(modified)));

        Optional<String> source = first(fields, SOURCE, used);
        Optional<String> link = first(fields, LINK, used);
        if (link.isEmpty() && source.filter(FrontMatter::isWebAddress).isPresent()) {
            // "source: https://..." names the page, not the publisher.
            link = source;
            source = Optional.empty();
        }
        first(fields, TAGS, used).ifPresent(tags -> properties.put("tags", tags));
        first(fields, CATEGORIES, used).ifPresent(categories -> properties.put("categories", categories));
        Optional<String> title = first(fields, TITLE, used);
        Optional<String> author = first(fields, AUTHOR, used);
        Optional<String> guid = first(fields, GUID, used);
        Optional<String> summary = first(fields, SUMMARY, used);
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
            if (!used.contains(field.getKey()) && !properties.containsKey(field.getKey())) {
                text(field.getValue()).ifPresent(value -> properties.put(field.getKey(), value));
            }
        }
        return new FrontMatter(title, published, author, source, link, guid, summary, properties);
    }

    /** The first of the names that has a value; all of the names count as read. */
    private static Optional<String> first(Map<String, JsonNode> fields, List<String> names, Set<String> used) {
        used.addAll(names);
        for (String name : names) {
            Optional<String> value = text(fields.get(name));
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** A field as text: a scalar as written, a list joined with ", ", a person by name. */
    private static Optional<String> text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isValueNode()) {
            String value = node.asText().strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(element -> text(element).ifPresent(values::add));
            return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
        }
        // An author or publisher written as a map, e.g. {name: Ji Da-gyum, email: ...}.
        return text(node.get("name"));
    }

    private static boolean isWebAddress(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
