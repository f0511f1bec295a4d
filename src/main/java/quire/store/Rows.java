package quire.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import quire.model.Highlight;
import quire.model.HighlightState;

/** The SQL of the store: reads and writes of single rows and link sets, on a given connection. */
final class Rows {
    /** Separates tag names in group_concat; TagName turns control characters into spaces, so no name holds it. */
    private static final String TAG_SEPARATOR = "\u001f";

    private static final String HIGHLIGHT_SELECT = """
            SELECT h.id, h.article_key, h.start_pos, h.end_pos, h.quote, h.prefix, h.suffix, h.color, h.note,
                   h.created, h.updated, h.state, h.text_hash,
                   (SELECT group_concat(t.name, char(31)) FROM highlight_tag ht JOIN tag t ON t.id = ht.tag_id
                     WHERE ht.highlight_id = h.id) AS tags
              FROM highlight h
            """;

    /** Reading order within an article; articles by key. */
    static final String READING_ORDER = " ORDER BY h.article_key, h.start_pos, h.end_pos, h.created, h.id";

    private Rows() {}

    static List<Highlight> highlights(Connection c, String whereAndOrder, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(HIGHLIGHT_SELECT + whereAndOrder)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<Highlight> highlights = new ArrayList<>();
                while (rows.next()) {
                    highlights.add(highlight(rows));
                }
                return highlights;
            }
        }
    }

    static Optional<Highlight> highlight(Connection c, String id) throws SQLException {
        List<Highlight> found = highlights(c, " WHERE h.id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Inserts or overwrites the highlight row and replaces its tag links (tags looked up by name). */
    static void writeHighlight(Connection c, Highlight h) throws SQLException {
        update(c, """
                INSERT INTO highlight (id, article_key, start_pos, end_pos, quote, prefix, suffix, color, note,
                                       created, updated, state, text_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                    article_key = excluded.article_key, start_pos = excluded.start_pos, end_pos = excluded.end_pos,
                    quote = excluded.quote, prefix = excluded.prefix, suffix = excluded.suffix,
                    color = excluded.color, note = excluded.note, created = excluded.created,
                    updated = excluded.updated, state = excluded.state, text_hash = excluded.text_hash
                """,
                h.id(), h.articleKey(), h.start(), h.end(), h.quote(), h.prefix(), h.suffix(), h.color(), h.note(),
                h.created().toEpochMilli(), h.updated().toEpochMilli(), h.state().name(), h.textHash());
        update(c, "DELETE FROM highlight_tag WHERE highlight_id = ?", h.id());
        for (String name : h.tags()) {
            update(c, "INSERT OR IGNORE INTO highlight_tag (highlight_id, tag_id) VALUES (?, ?)",
                    h.id(), requireTag(c, name).id());
        }
    }

    static void deleteHighlight(Connection c, String id) throws SQLException {
        update(c, "DELETE FROM highlight WHERE id = ?", id);
    }

    static boolean highlightExists(Connection c, String id) throws SQLException {
        return exists(c, "SELECT 1 FROM highlight WHERE id = ?", id);
    }

    static Optional<TagRow> tag(Connection c, String name) throws SQLException {
        return tagWhere(c, "name_key = ?", TagName.key(name));
    }

    static Optional<TagRow> tagById(Connection c, long id) throws SQLException {
        return tagWhere(c, "id = ?", id);
    }

    /** The tag itself and every tag under it, parents before children. */
    static List<TagRow> tagFamily(Connection c, String name) throws SQLException {
        String key = TagName.key(name);
        // '0' follows '/' in every collation SQLite uses here, so the range is exactly "key/...".
        return tagsWhere(c, "name_key = ? OR (name_key >= ? AND name_key < ?) ORDER BY length(name_key), name_key",
                key, key + "/", key + "0");
    }

    static List<TagRow> allTags(Connection c) throws SQLException {
        return tagsWhere(c, "1 = 1 ORDER BY name_key, name");
    }

    /** The tag row for a name that must exist by now; created silently when replaying the undo log defensively. */
    static TagRow requireTag(Connection c, String name) throws SQLException {
        Optional<TagRow> found = tag(c, name);
        return found.isPresent() ? found.get() : insertTag(c, new TagRow(0, name, Optional.empty()));
    }

    /** Inserts a tag; id 0 lets SQLite choose one. */
    static TagRow insertTag(Connection c, TagRow row) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(
                "INSERT INTO tag (id, name, name_key, color) VALUES (?, ?, ?, ?) RETURNING id")) {
            bind(statement, row.id() == 0 ? null : row.id(), row.name(), TagName.key(row.name()), row.color().orElse(null));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return row.withId(rows.getLong(1));
            }
        }
    }

    static void updateTag(Connection c, TagRow row) throws SQLException {
        update(c, "UPDATE tag SET name = ?, name_key = ?, color = ? WHERE id = ?",
                row.name(), TagName.key(row.name()), row.color().orElse(null), row.id());
    }

    static void deleteTag(Connection c, long id) throws SQLException {
        update(c, "DELETE FROM tag WHERE id = ?", id);
    }

    static List<String> highlightIdsTagged(Connection c, long tagId) throws SQLException {
        return strings(c, "SELECT highlight_id FROM highlight_tag WHERE tag_id = ? ORDER BY highlight_id", tagId);
    }

    static List<String> articleKeysTagged(Connection c, long tagId) throws SQLException {
        return strings(c, "SELECT article_key FROM article_tag WHERE tag_id = ? ORDER BY article_key", tagId);
    }

    static List<String> articleTags(Connection c, String articleKey) throws SQLException {
        List<String> names = strings(c,
                "SELECT t.name FROM article_tag a JOIN tag t ON t.id = a.tag_id WHERE a.article_key = ?", articleKey);
        names.sort(TagName.ORDER);
        return names;
    }

    static void writeArticleTags(Connection c, String articleKey, Collection<String> names) throws SQLException {
        update(c, "DELETE FROM article_tag WHERE article_key = ?", articleKey);
        for (String name : names) {
            update(c, "INSERT OR IGNORE INTO article_tag (article_key, tag_id) VALUES (?, ?)",
                    articleKey, requireTag(c, name).id());
        }
    }

    static Optional<String> articleNote(Connection c, String articleKey) throws SQLException {
        List<String> notes = strings(c, "SELECT note FROM article_note WHERE article_key = ?", articleKey);
        return notes.isEmpty() ? Optional.empty() : Optional.of(notes.get(0));
    }

    /** Writes the note; null or empty removes it. */
    static void writeArticleNote(Connection c, String articleKey, String note, Instant now) throws SQLException {
        if (note == null || note.isEmpty()) {
            update(c, "DELETE FROM article_note WHERE article_key = ?", articleKey);
        } else {
            update(c, """
                    INSERT INTO article_note (article_key, note, updated) VALUES (?, ?, ?)
                    ON CONFLICT (article_key) DO UPDATE SET note = excluded.note, updated = excluded.updated
                    """, articleKey, note, now.toEpochMilli());
        }
    }

    /** Keeps a version of an article's text; a version already kept is left as it is. */
    static void keepText(Connection c, String textHash, String text) throws SQLException {
        update(c, "INSERT OR IGNORE INTO article_text (text_hash, text) VALUES (?, ?)", textHash, text);
    }

    static Optional<String> text(Connection c, String textHash) throws SQLException {
        List<String> texts = strings(c, "SELECT text FROM article_text WHERE text_hash = ?", textHash);
        return texts.isEmpty() ? Optional.empty() : Optional.of(texts.get(0));
    }

    static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    static List<String> strings(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static Optional<TagRow> tagWhere(Connection c, String where, Object... params) throws SQLException {
        List<TagRow> found = tagsWhere(c, where, params);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<TagRow> tagsWhere(Connection c, String where, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement("SELECT id, name, color FROM tag WHERE " + where)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<TagRow> tags = new ArrayList<>();
                while (rows.next()) {
                    tags.add(new TagRow(rows.getLong(1), rows.getString(2), Optional.ofNullable(rows.getString(3))));
                }
                return tags;
            }
        }
    }

    private static Highlight highlight(ResultSet rows) throws SQLException {
        String tagList = rows.getString("tags");
        List<String> tags = new ArrayList<>();
        if (tagList != null) {
            tags.addAll(List.of(tagList.split(TAG_SEPARATOR)));
            tags.sort(TagName.ORDER);
        }
        return new Highlight(
                rows.getString("id"), rows.getString("article_key"), rows.getInt("start_pos"), rows.getInt("end_pos"),
                rows.getString("quote"), rows.getString("prefix"), rows.getString("suffix"), rows.getString("color"),
                rows.getString("note"), tags,
                Instant.ofEpochMilli(rows.getLong("created")), Instant.ofEpochMilli(rows.getLong("updated")),
                HighlightState.valueOf(rows.getString("state")), rows.getString("text_hash"));
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (value instanceof Integer n) {
                statement.setInt(i + 1, n);
            } else if (value instanceof Long n) {
                statement.setLong(i + 1, n);
            } else {
                statement.setString(i + 1, value.toString());
            }
        }
    }
}
