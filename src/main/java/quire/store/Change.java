package quire.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import quire.model.Highlight;
import quire.model.HighlightState;

/**
 * One row-level effect of a user action, with the state before and after ({@code null} = absent),
 * so the undo log can revert it and apply it again. Stored as JSON in {@code operation.changes}.
 */
sealed interface Change {
    ObjectMapper JSON = new ObjectMapper();

    /** A highlight with its tags. */
    record OfHighlight(String id, Highlight before, Highlight after) implements Change {}

    /** A tag row, kept by id so links survive a rename. */
    record OfTag(long id, TagRow before, TagRow after) implements Change {}

    /** The note of an article. */
    record OfArticleNote(String articleKey, String before, String after) implements Change {}

    /** The tags of an article, by name. */
    record OfArticleTags(String articleKey, List<String> before, List<String> after) implements Change {}

    static String encode(List<Change> changes) {
        ArrayNode array = JSON.createArrayNode();
        for (Change change : changes) {
            ObjectNode node = array.addObject();
            if (change instanceof OfHighlight c) {
                node.put("kind", "highlight").put("id", c.id());
                node.set("before", highlight(c.before()));
                node.set("after", highlight(c.after()));
            } else if (change instanceof OfTag c) {
                node.put("kind", "tag").put("id", c.id());
                node.set("before", tag(c.before()));
                node.set("after", tag(c.after()));
            } else if (change instanceof OfArticleNote c) {
                node.put("kind", "articleNote").put("article", c.articleKey());
                node.put("before", c.before());
                node.put("after", c.after());
            } else if (change instanceof OfArticleTags c) {
                node.put("kind", "articleTags").put("article", c.articleKey());
                node.set("before", strings(c.before()));
                node.set("after", strings(c.after()));
            }
        }
        try {
            return JSON.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    static List<Change> decode(String json) {
        JsonNode array;
        try {
            array = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the undo log holds JSON this class wrote", e);
        }
        List<Change> changes = new ArrayList<>();
        for (JsonNode node : array) {
            String kind = node.get("kind").asText();
            switch (kind) {
                case "highlight" -> changes.add(new OfHighlight(
                        node.get("id").asText(), highlight(node.get("before")), highlight(node.get("after"))));
                case "tag" -> changes.add(new OfTag(
                        node.get("id").asLong(), tag(node.get("before")), tag(node.get("after"))));
                case "articleNote" -> changes.add(new OfArticleNote(
                        node.get("article").asText(), text(node.get("before")), text(node.get("after"))));
                case "articleTags" -> changes.add(new OfArticleTags(
                        node.get("article").asText(), strings(node.get("before")), strings(node.get("after"))));
                default -> throw new IllegalStateException("unknown change kind in the undo log: " + kind);
            }
        }
        return changes;
    }

    private static JsonNode highlight(Highlight h) {
        if (h == null) {
            return JSON.nullNode();
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("id", h.id()).put("article", h.articleKey()).put("start", h.start()).put("end", h.end());
        node.put("quote", h.quote()).put("prefix", h.prefix()).put("suffix", h.suffix());
        node.put("color", h.color()).put("note", h.note());
        node.set("tags", strings(h.tags()));
        node.put("created", h.created().toEpochMilli()).put("updated", h.updated().toEpochMilli());
        node.put("state", h.state().name()).put("textHash", h.textHash());
        return node;
    }

    private static Highlight highlight(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new Highlight(
                node.get("id").asText(), node.get("article").asText(),
                node.get("start").asInt(), node.get("end").asInt(),
                node.get("quote").asText(), node.get("prefix").asText(), node.get("suffix").asText(),
                node.get("color").asText(), node.get("note").asText(), strings(node.get("tags")),
                Instant.ofEpochMilli(node.get("created").asLong()), Instant.ofEpochMilli(node.get("updated").asLong()),
                HighlightState.valueOf(node.get("state").asText()), node.get("textHash").asText());
    }

    private static JsonNode tag(TagRow row) {
        if (row == null) {
            return JSON.nullNode();
        }
        ObjectNode node = JSON.createObjectNode().put("name", row.name());
        node.put("color", row.color().orElse(null));
        return node;
    }

    private static TagRow tag(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new TagRow(0, node.get("name").asText(), Optional.ofNullable(text(node.get("color"))));
    }

    private static JsonNode strings(List<String> values) {
        if (values == null) {
            return JSON.nullNode();
        }
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
