package quire.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import quire.model.Article;
import quire.model.Highlight;
import quire.model.HighlightState;
import quire.model.QuireException;
import quire.model.TagSummary;

/**
 * The analyst's highlights, tags and notes in SQLite ({@code <workspace>/annotations.db}): the only
 * data Quire holds that cannot be rebuilt from the files, so it is kept like a ledger.
 *
 * <p><b>Durability.</b> Every connection runs with {@code journal_mode=WAL},
 * {@code synchronous=FULL}, {@code foreign_keys=ON} and {@code busy_timeout=5000}. An annotation
 * the store has acknowledged (the method returned) must survive both the process being killed and
 * a power cut: WAL with {@code synchronous=NORMAL} survives a kill but may roll back the last
 * commits on power loss or an OS crash, while FULL syncs the WAL on every commit (reliability.md
 * 1.2). Annotations are written at human pace, so the extra fsync costs nothing noticeable.
 *
 * <p><b>Checkpoints.</b> A save only appends to the log; {@link WalCheckpoints} copies the log into
 * the database file on a thread of its own, and closing copies the rest.
 *
 * <p><b>Transactions.</b> Every public user action is exactly one {@code BEGIN IMMEDIATE}
 * transaction, so a read-then-write never hits "database is locked" (the busy timeout is not
 * consulted when a deferred read is upgraded to a write, reliability.md 1.6), and a crash leaves
 * the action either wholly applied or not at all. Each action is also recorded, with the rows it
 * changed before and after, in an undo log in the same database, so undo works across restarts.
 *
 * <p><b>One writer.</b> {@link #open} holds an OS lock on {@code annotations.lock} until
 * {@link #close}, so only one Quire writes a workspace; {@link #openReadOnly} reads beside it.
 * Opening for writing backs the database up to {@code <workspace>/backups/} (SQLite's online
 * backup API, verified, fsynced, renamed into place, the last 10 kept) when it holds data, unless
 * the newest backup is under 5 minutes old or nothing changed since it; before a schema upgrade a
 * copy is always taken. {@link #backUp()} makes one on demand (e.g. on a clean exit).
 *
 * <p>Thread-safe: all calls share one connection, serialised by a lock.
 */
public final class AnnotationStore implements AutoCloseable {
    static final String DATABASE = "annotations.db";
    static final String LOCK = "annotations.lock";
    static final String BACKUPS = "backups";
    /** How many user actions can be undone. */
    static final int UNDO_DEPTH = 200;

    private static final System.Logger LOG = System.getLogger(AnnotationStore.class.getName());
    private static final String ALREADY_OPEN =
            "This workspace is already open in another Quire. Close it there first, or use another workspace.";
    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-f]{6}");

    /** Knobs for tests; {@link #DEFAULT} everywhere else. */
    record Options(Clock clock, Duration backupInterval, Consumer<Path> beforeBackupVerify, WalCheckpoints.Policy checkpoints) {
        static final Options DEFAULT = new Options(Clock.systemUTC(), Backups.DEFAULT_INTERVAL, path -> {});

        Options(Clock clock, Duration backupInterval, Consumer<Path> beforeBackupVerify) {
            this(clock, backupInterval, beforeBackupVerify, WalCheckpoints.Policy.DEFAULT);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Path workspace;
    private final Connection connection;
    private final boolean readOnly;
    private final FileChannel lockChannel;
    private final FileLock fileLock;
    private final Backups backups;
    private final Clock clock;
    /** Checkpoints the log in the background; null when read-only. */
    private final WalCheckpoints checkpoints;
    private boolean closed;

    private AnnotationStore(Path workspace, Connection connection, boolean readOnly, FileChannel lockChannel,
            FileLock fileLock, Backups backups, Clock clock, WalCheckpoints checkpoints) {
        this.workspace = workspace;
        this.connection = connection;
        this.readOnly = readOnly;
        this.lockChannel = lockChannel;
        this.fileLock = fileLock;
        this.backups = backups;
        this.clock = clock;
        this.checkpoints = checkpoints;
    }

    /** Opens (creating and migrating) the database of a workspace for writing; QuireException "already open" if another process has it. */
    public static AnnotationStore open(Path workspaceDir) {
        return open(workspaceDir, Options.DEFAULT);
    }

    static AnnotationStore open(Path workspaceDir, Options options) {
        Objects.requireNonNull(workspaceDir, "workspaceDir");
        Path dir = workspaceDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new QuireException("Cannot create the workspace folder '" + dir + "'.", e);
        }
        FileChannel channel;
        FileLock fileLock;
        try {
            channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new QuireException("Cannot lock the workspace '" + dir + "'; is the folder writable?", e);
        }
        try {
            fileLock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // This JVM already holds it: another store on the same workspace is still open.
            fileLock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new QuireException("Cannot lock the workspace '" + dir + "'; is the folder writable?", e);
        }
        if (fileLock == null) {
            closeQuietly(channel);
            throw new QuireException(ALREADY_OPEN);
        }
        Path database = dir.resolve(DATABASE);
        Connection connection = null;
        try {
            probe(database);
            connection = connect(database, false);
            Backups backups = new Backups(dir.resolve(BACKUPS), options.clock(), options.backupInterval(),
                    options.beforeBackupVerify());
            int version = Schema.userVersion(connection);
            if (version > 0 && version < Schema.LATEST && hasData(connection)) {
                // A copy in the old format, in case the upgrade or the new Quire misbehaves.
                backups.backUpQuietly(connection.unwrap(SQLiteConnection.class));
            }
            Schema.migrate(connection);
            if (hasData(connection)) {
                backups.backUpIfDue(connection.unwrap(SQLiteConnection.class), revision(connection));
            }
            WalCheckpoints checkpoints = WalCheckpoints.start(database, connection, options.checkpoints());
            return new AnnotationStore(dir, connection, false, channel, fileLock, backups, options.clock(), checkpoints);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            release(fileLock, channel);
            if (e instanceof QuireException q) {
                throw q;
            }
            throw openFailure("Cannot open the annotations database '" + database + "'", e);
        }
    }

    /**
     * Opening needs to write even to read: WAL keeps a 32 KiB shared-memory index beside the
     * database, which a full or read-only disk refuses. Say so, rather than "cannot open".
     */
    private static QuireException openFailure(String what, Exception e) {
        int code = e instanceof SQLException sql ? primaryCode(sql) : 0;
        String sentence = switch (code) {
            case SQLITE_FULL, SQLITE_IOERR -> what + ": the disk it is on is full or cannot be written."
                    + " Nothing in it was changed; free some space (or make the disk writable) and open it again.";
            case SQLITE_READONLY, SQLITE_CANTOPEN -> what + ": the disk or folder it is on is read-only or cannot be"
                    + " reached. Nothing in it was changed; make it writable and open it again.";
            default -> what + ".";
        };
        return new QuireException(sentence, e);
    }

    /** Opens for reading only, without the single-writer lock (works while a window has it open). */
    public static AnnotationStore openReadOnly(Path workspaceDir) {
        Objects.requireNonNull(workspaceDir, "workspaceDir");
        Path dir = workspaceDir.toAbsolutePath().normalize();
        Path database = dir.resolve(DATABASE);
        Backups backups = new Backups(dir.resolve(BACKUPS), Clock.systemUTC(), Backups.DEFAULT_INTERVAL, path -> {});
        Connection connection = null;
        try {
            if (!Files.isRegularFile(database) || Files.size(database) == 0) {
                // Nothing annotated yet: an empty in-memory database answers every read the same way.
                connection = DriverManager.getConnection("jdbc:sqlite::memory:", baseConfig().toProperties());
                Schema.migrate(connection);
            } else {
                connection = connectToRead(database);
                int version = Schema.userVersion(connection);
                if (version < Schema.LATEST) {
                    throw new QuireException("The annotations in '" + dir + "' are in an older format. Open the"
                            + " workspace once for writing (in the window, or with a command that changes"
                            + " annotations) so Quire can upgrade them.");
                }
            }
            return new AnnotationStore(dir, connection, true, null, null, backups, Clock.systemUTC(), null);
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof QuireException q) {
                throw q;
            }
            throw openFailure("Cannot read the annotations database '" + database + "'", e);
        }
    }

    /** Creates a highlight on [start, end) of the article's canonical text; computes quote, prefix, suffix, textHash; keeps the text version. */
    public Highlight createHighlight(Article article, int start, int end, String color, String note, List<String> tags) {
        Objects.requireNonNull(article, "article");
        List<String> tagList = tags == null ? List.of() : tags;
        String colour = colour(color);
        String text = article.text();
        checkExtent(text, start, end);
        return write("highlight created", tx -> {
            List<String> names = tx.ensureTags(tagList);
            Rows.keepText(tx.c, article.textHash(), text);
            Highlight created = new Highlight(UUID.randomUUID().toString(), article.key(), start, end,
                    text.substring(start, end), prefix(text, start), suffix(text, end), colour, cleanNote(note),
                    names, tx.now, tx.now, HighlightState.ANCHORED, article.textHash());
            return tx.put(null, created);
        });
    }

    /** Sets the note of a highlight ("" removes it). */
    public Highlight setNote(String highlightId, String note) {
        Objects.requireNonNull(highlightId, "highlightId");
        String cleaned = cleanNote(note);
        return write("note edited", tx -> {
            Highlight before = tx.require(highlightId);
            if (before.note().equals(cleaned)) {
                return before;
            }
            Draft draft = new Draft(before);
            draft.note = cleaned;
            draft.updated = tx.now;
            return tx.put(before, draft.build());
        });
    }

    /** Sets the colour of a highlight; null or blank gives the default colour. */
    public Highlight setColor(String highlightId, String color) {
        Objects.requireNonNull(highlightId, "highlightId");
        String colour = colour(color);
        return write("colour changed", tx -> {
            Highlight before = tx.require(highlightId);
            if (before.color().equals(colour)) {
                return before;
            }
            Draft draft = new Draft(before);
            draft.color = colour;
            draft.updated = tx.now;
            return tx.put(before, draft.build());
        });
    }

    /** Replaces the tags of a highlight, creating tags that do not exist yet. */
    public Highlight setTags(String highlightId, List<String> tags) {
        Objects.requireNonNull(highlightId, "highlightId");
        Objects.requireNonNull(tags, "tags");
        tags.forEach(TagName::of); // validate before touching anything
        return write("tags changed", tx -> {
            Highlight before = tx.require(highlightId);
            List<String> names = tx.ensureTags(tags);
            if (names.equals(before.tags())) {
                return before;
            }
            return tx.put(before, tx.retagged(before, names, true));
        });
    }

    /** Adds one tag to a highlight, creating the tag if it does not exist yet. */
    public Highlight addTag(String highlightId, String tag) {
        Objects.requireNonNull(highlightId, "highlightId");
        TagName name = TagName.of(tag);
        return write("tag '" + name.name() + "' added", tx -> {
            Highlight before = tx.require(highlightId);
            if (before.tags().stream().anyMatch(t -> TagName.key(t).equals(name.key()))) {
                return before;
            }
            List<String> names = new ArrayList<>(before.tags());
            names.add(tx.ensureTag(name).name());
            return tx.put(before, tx.retagged(before, names, true));
        });
    }

    /** Removes one tag from a highlight (the tag itself stays); nothing happens if it does not carry it. */
    public Highlight removeTag(String highlightId, String tag) {
        Objects.requireNonNull(highlightId, "highlightId");
        TagName name = TagName.of(tag);
        return write("tag '" + name.name() + "' removed", tx -> {
            Highlight before = tx.require(highlightId);
            List<String> names = new ArrayList<>(before.tags());
            if (!names.removeIf(t -> TagName.key(t).equals(name.key()))) {
                return before;
            }
            return tx.put(before, tx.retagged(before, names, true));
        });
    }

    /** Changes the extent (by the analyst): recomputes quote, prefix, suffix against the article's text. */
    public Highlight setExtent(String highlightId, Article article, int start, int end) {
        Objects.requireNonNull(highlightId, "highlightId");
        Objects.requireNonNull(article, "article");
        String text = article.text();
        checkExtent(text, start, end);
        return write("highlight extent changed", tx -> {
            Highlight before = tx.require(highlightId);
            requireSameArticle(before, article.key());
            Rows.keepText(tx.c, article.textHash(), text);
            Draft draft = new Draft(before);
            draft.start = start;
            draft.end = end;
            draft.quote = text.substring(start, end);
            draft.prefix = prefix(text, start);
            draft.suffix = suffix(text, end);
            draft.textHash = article.textHash();
            // Placing a highlight by hand re-attaches it if it was orphaned.
            draft.state = HighlightState.ANCHORED;
            if (draft.build().equals(before)) {
                return before;
            }
            draft.updated = tx.now;
            return tx.put(before, draft.build());
        });
    }

    /** Deletes a highlight with its note and tag links (undo brings it back whole). */
    public void deleteHighlight(String highlightId) {
        Objects.requireNonNull(highlightId, "highlightId");
        write("highlight deleted", tx -> tx.put(tx.require(highlightId), null));
    }

    /** The highlight with this id, if there is one. */
    public Optional<Highlight> highlight(String highlightId) {
        Objects.requireNonNull(highlightId, "highlightId");
        return read(c -> Rows.highlight(c, highlightId));
    }

    /** In reading order. */
    public List<Highlight> highlightsOf(String articleKey) {
        Objects.requireNonNull(articleKey, "articleKey");
        return read(c -> Rows.highlights(c, " WHERE h.article_key = ?" + Rows.READING_ORDER, articleKey));
    }

    /** Highlights carrying the tag or any of its sub-tags ({@code treaty} includes {@code treaty/article-4}). */
    public List<Highlight> highlightsTagged(String tag) {
        String key = TagName.of(tag).key();
        // Starting from the tag side lets the tag index pick the few highlights of a small tag.
        return read(c -> Rows.highlights(c, """
                 WHERE h.id IN (SELECT ht.highlight_id FROM tag t JOIN highlight_tag ht ON ht.tag_id = t.id
                                 WHERE t.name_key = ? OR (t.name_key >= ? AND t.name_key < ?))
                """ + Rows.READING_ORDER, key, key + "/", key + "0"));
    }

    /** Highlights whose note contains the text, case-insensitively. */
    public List<Highlight> highlightsWithNote(String text) {
        Objects.requireNonNull(text, "text");
        String needle = text.strip().toLowerCase(Locale.ROOT);
        boolean ascii = needle.chars().allMatch(ch -> ch < 128);
        List<Highlight> candidates = read(c -> ascii
                // LIKE folds ASCII case only, so it narrows the search only for ASCII needles.
                ? Rows.highlights(c, " WHERE h.note LIKE ? ESCAPE '\\'" + Rows.READING_ORDER, "%" + escapeLike(needle) + "%")
                : Rows.highlights(c, " WHERE h.note <> ''" + Rows.READING_ORDER));
        return candidates.stream()
                .filter(h -> !h.note().isEmpty() && h.note().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
    }

    /** Every highlight, by article key and then in reading order. */
    public List<Highlight> allHighlights() {
        return read(c -> Rows.highlights(c, Rows.READING_ORDER));
    }

    /** Keys of every article that has highlights, an article note or article tags. */
    public List<String> annotatedArticleKeys() {
        return read(c -> Rows.strings(c, """
                SELECT article_key FROM highlight UNION SELECT article_key FROM article_note
                UNION SELECT article_key FROM article_tag ORDER BY 1
                """));
    }

    /** Every tag with how many highlights and articles carry it, sorted case-insensitively. */
    public List<TagSummary> tags() {
        return read(c -> {
            List<TagSummary> tags = new ArrayList<>();
            try (Statement statement = c.createStatement();
                    ResultSet rows = statement.executeQuery("""
                            SELECT t.name, t.color,
                                   (SELECT count(*) FROM highlight_tag WHERE tag_id = t.id),
                                   (SELECT count(*) FROM article_tag WHERE tag_id = t.id)
                              FROM tag t
                            """)) {
                while (rows.next()) {
                    tags.add(new TagSummary(rows.getString(1), Optional.ofNullable(rows.getString(2)),
                            rows.getInt(3), rows.getInt(4)));
                }
            }
            tags.sort((a, b) -> TagName.ORDER.compare(a.name(), b.name()));
            return tags;
        });
    }

    /**
     * Renames a tag and its sub-tags ({@code treaty/x} becomes {@code accord/x}); where the new
     * name is already a tag, the two are merged.
     */
    public void renameTag(String oldName, String newName) {
        TagName from = TagName.of(oldName);
        TagName to = TagName.of(newName);
        if (to.key().startsWith(from.key() + "/")) {
            throw new QuireException("The tag '" + from.name() + "' cannot be renamed to its own sub-tag '" + to.name() + "'.");
        }
        write("tag '" + from.name() + "' renamed to '" + to.name() + "'", tx -> {
            // The parent may be only a path of its sub-tags ("places" of "places/dprk"); renaming it renames them.
            List<TagRow> family = Rows.tagFamily(tx.c, from.name());
            if (family.isEmpty()) {
                tx.requireTag(from);
            }
            int depth = from.name().split("/").length;
            for (TagRow member : family) {
                List<String> segments = List.of(member.name().split("/"));
                String target = to.name() + (segments.size() > depth
                        ? "/" + String.join("/", segments.subList(depth, segments.size())) : "");
                Optional<TagRow> existing = Rows.tag(tx.c, target);
                if (existing.isPresent() && existing.get().id() != member.id()) {
                    tx.merge(member, existing.get());
                } else if (!member.name().equals(target)) {
                    tx.putTag(member, new TagRow(member.id(), target, member.color()));
                }
            }
            return null;
        });
    }

    /** Every highlight and article carrying {@code from} carries {@code into} instead; {@code from} is removed. */
    public void mergeTag(String from, String into) {
        TagName source = TagName.of(from);
        TagName target = TagName.of(into);
        if (source.key().equals(target.key())) {
            throw new QuireException("The tag '" + source.name() + "' cannot be merged into itself.");
        }
        write("tag '" + source.name() + "' merged into '" + target.name() + "'", tx -> {
            TagRow sourceRow = tx.requireTag(source);
            tx.merge(sourceRow, tx.ensureTag(target));
            return null;
        });
    }

    /** Removes the tag from every highlight and article and deletes it; highlights themselves stay. Sub-tags stay too. */
    public void deleteTag(String name) {
        TagName tag = TagName.of(name);
        write("tag '" + tag.name() + "' deleted", tx -> {
            tx.merge(tx.requireTag(tag), null);
            return null;
        });
    }

    /** Sets (or with empty, removes) the colour of a tag: a highlight colour name or {@code #rrggbb}. */
    public void setTagColor(String name, Optional<String> color) {
        TagName tag = TagName.of(name);
        Objects.requireNonNull(color, "color");
        Optional<String> colour = color.map(c -> c.strip().toLowerCase(Locale.ROOT)).filter(c -> !c.isEmpty());
        if (colour.isPresent() && !Highlight.COLORS.contains(colour.get()) && !HEX_COLOUR.matcher(colour.get()).matches()) {
            throw new QuireException("'" + color.get().strip() + "' is not a tag colour; use one of "
                    + String.join(", ", Highlight.COLORS) + ", or #rrggbb.");
        }
        write("colour of tag '" + tag.name() + "' changed", tx -> {
            TagRow before = tx.requireTag(tag);
            if (!before.color().equals(colour)) {
                tx.putTag(before, new TagRow(before.id(), before.name(), colour));
            }
            return null;
        });
    }

    /** Sets the note of an article; "" (or blank) removes it. */
    public void setArticleNote(String articleKey, String note) {
        String key = requireKey(articleKey);
        String cleaned = cleanNote(note);
        write(cleaned.isEmpty() ? "article note removed" : "article note edited", tx -> {
            String before = Rows.articleNote(tx.c, key).orElse(null);
            String after = cleaned.isEmpty() ? null : cleaned;
            if (!Objects.equals(before, after)) {
                tx.putArticleNote(key, before, after);
            }
            return null;
        });
    }

    /** The note of an article; "" when there is none. */
    public String articleNote(String articleKey) {
        Objects.requireNonNull(articleKey, "articleKey");
        return read(c -> Rows.articleNote(c, articleKey).orElse(""));
    }

    /** Tags a whole article, creating the tag if it does not exist yet. */
    public void addArticleTag(String articleKey, String tag) {
        String key = requireKey(articleKey);
        TagName name = TagName.of(tag);
        write("article tag '" + name.name() + "' added", tx -> {
            List<String> before = Rows.articleTags(tx.c, key);
            if (before.stream().noneMatch(t -> TagName.key(t).equals(name.key()))) {
                List<String> after = new ArrayList<>(before);
                after.add(tx.ensureTag(name).name());
                after.sort(TagName.ORDER);
                tx.putArticleTags(key, before, after);
            }
            return null;
        });
    }

    /** Removes a tag from an article (the tag itself stays). */
    public void removeArticleTag(String articleKey, String tag) {
        String key = requireKey(articleKey);
        TagName name = TagName.of(tag);
        write("article tag '" + name.name() + "' removed", tx -> {
            List<String> before = Rows.articleTags(tx.c, key);
            List<String> after = new ArrayList<>(before);
            if (after.removeIf(t -> TagName.key(t).equals(name.key()))) {
                tx.putArticleTags(key, before, after);
            }
            return null;
        });
    }

    /** The tags of an article, sorted case-insensitively. */
    public List<String> articleTags(String articleKey) {
        Objects.requireNonNull(articleKey, "articleKey");
        return read(c -> Rows.articleTags(c, articleKey));
    }

    /** The article text a highlight was made on (by its textHash), so an orphan can be shown in context. */
    public Optional<String> articleText(String textHash) {
        Objects.requireNonNull(textHash, "textHash");
        return read(c -> Rows.text(c, textHash));
    }

    /**
     * Re-attaches highlights after the article's text changed (not an undoable user action). An
     * anchored result moves the highlight onto the new text; an orphaned one only marks it, keeping
     * its old offsets, quote and text version so it can still be shown where it was made.
     */
    public void reanchor(String articleKey, String newText, List<Anchoring.Result> results) {
        String key = requireKey(articleKey);
        Objects.requireNonNull(newText, "newText");
        Objects.requireNonNull(results, "results");
        requireWritable();
        String newHash = Article.textHash(newText);
        transaction(c -> {
            Rows.keepText(c, newHash, newText);
            for (Anchoring.Result result : results) {
                Optional<Highlight> found = Rows.highlight(c, result.highlightId());
                if (found.isEmpty()) {
                    // Deleted while its new place was being worked out: nothing to move.
                    LOG.log(System.Logger.Level.DEBUG, "Re-anchoring skips the deleted highlight " + result.highlightId());
                    continue;
                }
                Highlight before = found.get();
                requireSameArticle(before, key);
                Draft draft = new Draft(before);
                if (result.state() == HighlightState.ANCHORED) {
                    checkExtent(newText, result.start(), result.end());
                    draft.start = result.start();
                    draft.end = result.end();
                    draft.quote = newText.substring(result.start(), result.end());
                    draft.prefix = prefix(newText, result.start());
                    draft.suffix = suffix(newText, result.end());
                    draft.textHash = newHash;
                }
                draft.state = result.state();
                Rows.writeHighlight(c, draft.build());
            }
            bumpRevision(c);
            return null;
        });
    }

    /** Imports highlights made elsewhere (same id = same highlight: never duplicated). Returns how many were new. */
    public int importHighlights(List<Highlight> highlights, Map<String, String> articleTextsByHash) {
        Objects.requireNonNull(highlights, "highlights");
        Objects.requireNonNull(articleTextsByHash, "articleTextsByHash");
        articleTextsByHash.forEach((hash, text) -> {
            if (!Article.textHash(text).equals(hash)) {
                throw new QuireException("The imported article text given for version '" + hash + "' is not that version.");
            }
        });
        for (Highlight h : highlights) {
            requireKey(h.articleKey());
            h.tags().forEach(TagName::of);
        }
        return write("highlights imported", tx -> {
            for (Map.Entry<String, String> text : articleTextsByHash.entrySet()) {
                Rows.keepText(tx.c, text.getKey(), text.getValue());
            }
            Set<String> seen = new HashSet<>();
            int added = 0;
            for (Highlight h : highlights) {
                if (!seen.add(h.id()) || Rows.highlightExists(tx.c, h.id())) {
                    continue;
                }
                Draft draft = new Draft(h);
                draft.tags = tx.ensureTags(h.tags());
                draft.note = cleanNote(h.note());
                // A colour from a newer Quire is kept as the default rather than refusing the import.
                draft.color = Highlight.COLORS.contains(h.color()) ? h.color() : Highlight.DEFAULT_COLOR;
                tx.put(null, draft.build());
                added++;
            }
            tx.description = added == 1 ? "1 highlight imported" : added + " highlights imported";
            return added;
        });
    }

    /** Undoes the last annotation operation; its description, or empty if there is nothing to undo. */
    public Optional<String> undo() {
        return step(true);
    }

    /** Applies again the operation undone last; its description, or empty if there is nothing to redo. */
    public Optional<String> redo() {
        return step(false);
    }

    /** Integrity, foreign keys, orphaned highlights, counts and the backups present (newest first). */
    public CheckReport check() {
        return read(c -> {
            List<String> messages = new ArrayList<>();
            try (Statement statement = c.createStatement()) {
                try (ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
                    while (rows.next()) {
                        messages.add(rows.getString(1));
                    }
                }
                boolean ok = messages.equals(List.of("ok"));
                try (ResultSet rows = statement.executeQuery("PRAGMA foreign_key_check")) {
                    while (rows.next()) {
                        ok = false;
                        messages.add("A row of " + rows.getString(1) + " (rowid " + rows.getLong(2)
                                + ") refers to a missing row of " + rows.getString(3) + ".");
                    }
                }
                List<Highlight> orphans = Rows.highlights(c, " WHERE h.state = 'ORPHANED'" + Rows.READING_ORDER);
                int highlights = (int) Rows.count(c, "SELECT count(*) FROM highlight");
                int tags = (int) Rows.count(c, "SELECT count(*) FROM tag");
                return new CheckReport(ok, messages, orphans, highlights, tags, backups.list());
            }
        });
    }

    /** Makes a verified backup now (e.g. on a clean exit or on request); its path. */
    public Path backUp() {
        requireWritable();
        lock.lock();
        try {
            requireOpen();
            return backups.backUp(connection.unwrap(SQLiteConnection.class));
        } catch (IOException | java.io.UncheckedIOException | SQLException e) {
            throw new QuireException(Backups.isDiskFull(e)
                    ? "Quire could not back up the annotations: the disk holding '" + workspace + "' is full. Your"
                            + " annotations are unharmed and the older backups are kept; free some space and try again."
                    : "Quire could not back up the annotations; the older backups are kept.", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Why the backup Quire takes on opening was skipped, as a sentence to show the analyst (a full
     * disk must not stop them opening their workspace, but they should know); empty if it was not.
     */
    public Optional<String> backupProblem() {
        return backups.lastFailure();
    }

    /** The workspace folder this store belongs to. */
    public Path workspace() {
        return workspace;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (checkpoints != null) {
                checkpoints.close(connection);
            }
            closeQuietly(connection);
            release(fileLock, lockChannel);
        } finally {
            lock.unlock();
        }
    }

    /** What {@code quire check} reports about the database. */
    public record CheckReport(boolean integrityOk, List<String> integrityMessages, List<Highlight> orphans, int highlights, int tags, List<Path> backups) {}

    // ---- transactions ----

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface TxWork<T> {
        T run(Tx tx) throws SQLException;
    }

    /** One user action: its writes are recorded as changes and logged for undo if there were any. */
    private <T> T write(String description, TxWork<T> work) {
        requireWritable();
        return transaction(c -> {
            Tx tx = new Tx(c, description);
            T result = work.run(tx);
            if (!tx.changes.isEmpty()) {
                Rows.update(c, "DELETE FROM operation WHERE done = 0");
                Rows.update(c, "INSERT INTO operation (description, changes, done, at) VALUES (?, ?, 1, ?)",
                        tx.description, Change.encode(tx.changes), tx.now.toEpochMilli());
                Rows.update(c, "DELETE FROM operation WHERE seq <= (SELECT max(seq) FROM operation) - ?", UNDO_DEPTH);
                bumpRevision(c);
            }
            return result;
        });
    }

    private Optional<String> step(boolean undo) {
        requireWritable();
        return transaction(c -> {
            String pick = undo
                    ? "SELECT seq, description, changes FROM operation WHERE done = 1 ORDER BY seq DESC LIMIT 1"
                    : "SELECT seq, description, changes FROM operation WHERE done = 0 ORDER BY seq ASC LIMIT 1";
            long seq;
            String description;
            List<Change> changes;
            try (PreparedStatement statement = c.prepareStatement(pick);
                    ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.<String>empty();
                }
                seq = rows.getLong(1);
                description = rows.getString(2);
                changes = Change.decode(rows.getString(3));
            }
            Instant now = now();
            if (undo) {
                for (int i = changes.size() - 1; i >= 0; i--) {
                    replay(c, changes.get(i), false, now);
                }
            } else {
                for (Change change : changes) {
                    replay(c, change, true, now);
                }
            }
            Rows.update(c, "UPDATE operation SET done = ? WHERE seq = ?", undo ? 0 : 1, seq);
            bumpRevision(c);
            return Optional.of((undo ? "Undid: " : "Redid: ") + description);
        });
    }

    /**
     * Applies one logged change forwards or backwards. For a highlight that exists on both sides
     * only the fields the action changed are written, so undoing a note edit does not also undo a
     * re-anchoring that happened since.
     */
    private static void replay(Connection c, Change change, boolean forward, Instant now) throws SQLException {
        if (change instanceof Change.OfHighlight h) {
            Highlight from = forward ? h.before() : h.after();
            Highlight to = forward ? h.after() : h.before();
            Optional<Highlight> current = Rows.highlight(c, h.id());
            if (to == null) {
                Rows.deleteHighlight(c, h.id());
            } else if (from == null || current.isEmpty()) {
                Rows.writeHighlight(c, to);
            } else {
                Rows.writeHighlight(c, Draft.merge(current.get(), from, to));
            }
        } else if (change instanceof Change.OfTag t) {
            TagRow to = forward ? t.after() : t.before();
            if (to == null) {
                Rows.deleteTag(c, t.id());
            } else if (Rows.tagById(c, t.id()).isPresent()) {
                Rows.updateTag(c, to.withId(t.id()));
            } else {
                Rows.insertTag(c, to.withId(t.id()));
            }
        } else if (change instanceof Change.OfArticleTags a) {
            List<String> to = forward ? a.after() : a.before();
            Rows.writeArticleTags(c, a.articleKey(), to == null ? List.of() : to);
        } else if (change instanceof Change.OfArticleNote n) {
            Rows.writeArticleNote(c, n.articleKey(), forward ? n.after() : n.before(), now);
        }
    }

    /**
     * Runs one transaction under the store's lock. BEGIN IMMEDIATE is issued explicitly rather than
     * through {@code setAutoCommit(false)}: the driver's {@code commit()} at once begins the next
     * transaction, which would hold the write lock between actions and could report a committed
     * change as failed if that second BEGIN did not get the lock.
     */
    private <T> T transaction(SqlWork<T> work) {
        lock.lock();
        try {
            requireOpen();
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                boolean committed = false;
                try {
                    T result = work.run(connection);
                    statement.execute("COMMIT");
                    committed = true;
                    if (checkpoints != null) {
                        checkpoints.committed(connection);
                    }
                    return result;
                } finally {
                    if (!committed) {
                        rollbackQuietly(statement);
                    }
                }
            } catch (SQLException e) {
                throw saveFailure(e);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Test seam: runs work on the store's own connection, under its lock (fault tests set PRAGMAs there). */
    <T> T onConnection(SqlWork<T> work) {
        return read(work);
    }

    /**
     * The plain sentence for a change SQLite refused. A full disk and a read-only disk are the
     * faults an analyst can fix, so they are named with the folder; in every case the transaction
     * was rolled back, so what was saved before is untouched and the next action can succeed.
     */
    private QuireException saveFailure(SQLException e) {
        String where = "'" + workspace + "'";
        String sentence = switch (primaryCode(e)) {
            case SQLITE_FULL -> "Quire could not save this change: the disk holding " + where + " is full."
                    + " Nothing already saved was lost; free some space and try again.";
            case SQLITE_READONLY -> "Quire could not save this change: the annotations in " + where + " cannot be"
                    + " written (the disk or folder is read-only). Nothing already saved was lost; make it"
                    + " writable and try again.";
            case SQLITE_IOERR, SQLITE_CANTOPEN -> "Quire could not save this change: the disk holding " + where
                    + " reported an error. Nothing already saved was lost; check the disk and try again.";
            case SQLITE_BUSY, SQLITE_LOCKED -> "Quire could not save this change: another program is using the"
                    + " annotations in " + where + ". Nothing was changed; try again.";
            default -> "Quire could not save this change to the annotations; nothing was changed.";
        };
        return new QuireException(sentence, e);
    }

    // SQLite's primary result codes (sqlite3.h); extended codes keep the primary one in the low byte.
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;

    static int primaryCode(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.sqlite.SQLiteException sqlite) {
                return sqlite.getResultCode().code & 0xff;
            }
        }
        return e.getErrorCode() & 0xff;
    }

    private <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            requireOpen();
            return work.run(connection);
        } catch (SQLException e) {
            throw new QuireException("Quire could not read the annotations database.", e);
        } finally {
            lock.unlock();
        }
    }

    /** The writes of one user action, recorded as changes for the undo log. */
    private final class Tx {
        final Connection c;
        final Instant now = now();
        final List<Change> changes = new ArrayList<>();
        String description;

        Tx(Connection c, String description) {
            this.c = c;
            this.description = description;
        }

        Highlight require(String id) throws SQLException {
            return Rows.highlight(c, id).orElseThrow(() -> new QuireException("There is no highlight with id '" + id + "'."));
        }

        TagRow requireTag(TagName name) throws SQLException {
            return Rows.tag(c, name.name()).orElseThrow(() -> new QuireException("There is no tag '" + name.name() + "'."));
        }

        /** The canonical names of these tags, creating those that do not exist (the first spelling wins). */
        List<String> ensureTags(Collection<String> raw) throws SQLException {
            Map<String, String> byKey = new LinkedHashMap<>();
            for (String tag : raw) {
                TagName name = TagName.of(tag);
                if (!byKey.containsKey(name.key())) {
                    byKey.put(name.key(), ensureTag(name).name());
                }
            }
            List<String> names = new ArrayList<>(byKey.values());
            names.sort(TagName.ORDER);
            return names;
        }

        TagRow ensureTag(TagName name) throws SQLException {
            Optional<TagRow> found = Rows.tag(c, name.name());
            if (found.isPresent()) {
                return found.get();
            }
            TagRow created = Rows.insertTag(c, new TagRow(0, name.name(), Optional.empty()));
            changes.add(new Change.OfTag(created.id(), null, created));
            return created;
        }

        Highlight retagged(Highlight h, List<String> names, boolean touch) {
            Draft draft = new Draft(h);
            List<String> sorted = new ArrayList<>(names);
            sorted.sort(TagName.ORDER);
            draft.tags = sorted;
            if (touch) {
                draft.updated = now;
            }
            return draft.build();
        }

        /** Writes a highlight (null after deletes it) and records the change. */
        Highlight put(Highlight before, Highlight after) throws SQLException {
            if (after == null) {
                Rows.deleteHighlight(c, before.id());
            } else {
                Rows.writeHighlight(c, after);
            }
            changes.add(new Change.OfHighlight(after == null ? before.id() : after.id(), before, after));
            return after;
        }

        void putTag(TagRow before, TagRow after) throws SQLException {
            long id = before != null ? before.id() : after.id();
            if (after == null) {
                Rows.deleteTag(c, id);
            } else {
                Rows.updateTag(c, after);
            }
            changes.add(new Change.OfTag(id, before, after));
        }

        void putArticleTags(String key, List<String> before, List<String> after) throws SQLException {
            Rows.writeArticleTags(c, key, after);
            changes.add(new Change.OfArticleTags(key, before, after));
        }

        void putArticleNote(String key, String before, String after) throws SQLException {
            Rows.writeArticleNote(c, key, after, now);
            changes.add(new Change.OfArticleNote(key, before, after));
        }

        /**
         * Moves every link of {@code from} to {@code into} (no duplicates) and deletes {@code from};
         * with a null {@code into} the links are just removed. Highlights are never deleted, and
         * their updated time is left alone: the analyst edited the tag, not the passages.
         */
        void merge(TagRow from, TagRow into) throws SQLException {
            String fromKey = TagName.key(from.name());
            for (String id : Rows.highlightIdsTagged(c, from.id())) {
                Highlight before = require(id);
                put(before, retagged(before, replaced(before.tags(), fromKey, into), false));
            }
            for (String key : Rows.articleKeysTagged(c, from.id())) {
                List<String> before = Rows.articleTags(c, key);
                putArticleTags(key, before, replaced(before, fromKey, into));
            }
            putTag(from, null);
        }

        private List<String> replaced(List<String> names, String fromKey, TagRow into) {
            List<String> result = new ArrayList<>(names);
            result.removeIf(n -> TagName.key(n).equals(fromKey));
            if (into != null && result.stream().noneMatch(n -> TagName.key(n).equals(TagName.key(into.name())))) {
                result.add(into.name());
            }
            result.sort(TagName.ORDER);
            return result;
        }
    }

    /** A highlight being edited: the model record has no withers. */
    private static final class Draft {
        String id;
        String articleKey;
        int start;
        int end;
        String quote;
        String prefix;
        String suffix;
        String color;
        String note;
        List<String> tags;
        Instant created;
        Instant updated;
        HighlightState state;
        String textHash;

        Draft(Highlight h) {
            id = h.id();
            articleKey = h.articleKey();
            start = h.start();
            end = h.end();
            quote = h.quote();
            prefix = h.prefix();
            suffix = h.suffix();
            color = h.color();
            note = h.note();
            tags = h.tags();
            created = h.created();
            updated = h.updated();
            state = h.state();
            textHash = h.textHash();
        }

        Highlight build() {
            return new Highlight(id, articleKey, start, end, quote, prefix, suffix, color, note, tags, created,
                    updated, state, textHash);
        }

        /** {@code current} with each field that differs between {@code from} and {@code to} set as in {@code to}. */
        static Highlight merge(Highlight current, Highlight from, Highlight to) {
            Draft d = new Draft(current);
            d.articleKey = pick(d.articleKey, from.articleKey(), to.articleKey());
            d.start = pick(d.start, from.start(), to.start());
            d.end = pick(d.end, from.end(), to.end());
            d.quote = pick(d.quote, from.quote(), to.quote());
            d.prefix = pick(d.prefix, from.prefix(), to.prefix());
            d.suffix = pick(d.suffix, from.suffix(), to.suffix());
            d.color = pick(d.color, from.color(), to.color());
            d.note = pick(d.note, from.note(), to.note());
            d.tags = pick(d.tags, from.tags(), to.tags());
            d.created = pick(d.created, from.created(), to.created());
            d.updated = pick(d.updated, from.updated(), to.updated());
            d.state = pick(d.state, from.state(), to.state());
            d.textHash = pick(d.textHash, from.textHash(), to.textHash());
            return d.build();
        }

        private static <T> T pick(T current, T from, T to) {
            return Objects.equals(from, to) ? current : to;
        }
    }

    // ---- helpers ----

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void requireOpen() {
        if (closed) {
            throw new QuireException("The annotations of this workspace have been closed.");
        }
    }

    private void requireWritable() {
        if (readOnly) {
            throw new QuireException("The annotations are open read-only here (another Quire may have the"
                    + " workspace open), so they cannot be changed.");
        }
    }

    private static void requireSameArticle(Highlight highlight, String articleKey) {
        if (!highlight.articleKey().equals(articleKey)) {
            throw new QuireException("The highlight '" + highlight.id() + "' belongs to article '"
                    + highlight.articleKey() + "', not to '" + articleKey + "'.");
        }
    }

    private static String requireKey(String articleKey) {
        Objects.requireNonNull(articleKey, "articleKey");
        if (articleKey.isBlank()) {
            throw new QuireException("An article key is needed, and it is empty.");
        }
        return articleKey;
    }

    static void checkExtent(String text, int start, int end) {
        if (start >= end) {
            throw new QuireException("A highlight must cover at least one character; " + start + "–" + end + " covers none.");
        }
        if (start < 0 || end > text.length()) {
            throw new QuireException("The passage " + start + "–" + end + " lies outside the article's text, which has "
                    + text.length() + " characters.");
        }
    }

    static String colour(String color) {
        if (color == null || color.isBlank()) {
            return Highlight.DEFAULT_COLOR;
        }
        String name = color.strip().toLowerCase(Locale.ROOT);
        if (!Highlight.COLORS.contains(name)) {
            throw new QuireException("'" + color.strip() + "' is not a highlight colour; use one of "
                    + String.join(", ", Highlight.COLORS) + ".");
        }
        return name;
    }

    private static String cleanNote(String note) {
        return note == null ? "" : note.strip();
    }

    /** Up to CONTEXT_CHARS before {@code start}, never starting inside a surrogate pair. */
    static String prefix(String text, int start) {
        int from = Math.max(0, start - Highlight.CONTEXT_CHARS);
        if (from > 0 && Character.isLowSurrogate(text.charAt(from)) && Character.isHighSurrogate(text.charAt(from - 1))) {
            from++;
        }
        return text.substring(Math.min(from, start), start);
    }

    /** Up to CONTEXT_CHARS after {@code end}, never ending inside a surrogate pair. */
    static String suffix(String text, int end) {
        int to = Math.min(text.length(), end + Highlight.CONTEXT_CHARS);
        if (to < text.length() && to > end && Character.isHighSurrogate(text.charAt(to - 1))
                && Character.isLowSurrogate(text.charAt(to))) {
            to--;
        }
        return text.substring(end, to);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static SQLiteConfig baseConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // 16 MB of page cache rather than 2 MB: tens of thousands of highlights stay in memory.
        config.setCacheSize(-16_384);
        return config;
    }

    static Connection connect(Path database, boolean readOnly) throws SQLException {
        SQLiteConfig config = baseConfig();
        if (readOnly) {
            config.setReadOnly(true);
        } else {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        }
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database, config.toProperties());
        if (!readOnly) {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("PRAGMA journal_mode")) {
                String mode = rows.next() ? rows.getString(1) : "";
                if (!"wal".equalsIgnoreCase(mode)) {
                    LOG.log(System.Logger.Level.WARNING, "The annotations database runs in journal mode " + mode
                            + ", not WAL; is it on a network or unusual file system?");
                }
            }
        }
        return connection;
    }

    /**
     * A reader's connection, also on a read-only disk (a write-protected drive, a disk the kernel
     * remounted read-only). There WAL cannot create its shared-memory file and SQLite refuses to
     * open the database; when nothing waits in the WAL (Quire closed cleanly, so {@code -wal} is
     * gone or empty) the file is opened as immutable, which needs none. With changes still in the
     * WAL that would miss them, so the plain error stands.
     */
    private static Connection connectToRead(Path database) throws SQLException {
        try {
            probe(database);
            return connect(database, true);
        } catch (SQLException e) {
            Path wal = database.resolveSibling(database.getFileName() + "-wal");
            boolean walEmpty;
            try {
                walEmpty = !Files.exists(wal) || Files.size(wal) == 0;
            } catch (IOException unreadable) {
                walEmpty = false;
            }
            if (Files.isWritable(database.getParent()) || !walEmpty) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "Reading " + database + " as immutable: its folder is read-only", e);
            SQLiteConfig config = baseConfig();
            config.setReadOnly(true);
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toUri() + "?immutable=1",
                    config.toProperties());
            try {
                Schema.requireUsable(connection, database.toString());
            } catch (SQLException | RuntimeException refused) {
                closeQuietly(connection);
                throw refused;
            }
            return connection;
        }
    }

    /** Looks at an existing database without changing it: refuses one from a newer Quire or another program. */
    private static void probe(Path database) throws SQLException {
        try {
            if (!Files.isRegularFile(database) || Files.size(database) == 0) {
                return;
            }
        } catch (IOException e) {
            throw new QuireException("Cannot read the annotations database '" + database + "'.", e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database, config.toProperties())) {
            Schema.requireUsable(connection, database.toString());
        }
    }

    private static boolean hasData(Connection c) throws SQLException {
        return Rows.exists(c, """
                SELECT 1 WHERE EXISTS (SELECT 1 FROM highlight) OR EXISTS (SELECT 1 FROM tag)
                            OR EXISTS (SELECT 1 FROM article_note) OR EXISTS (SELECT 1 FROM article_tag)
                """);
    }

    private static long revision(Connection c) throws SQLException {
        return Rows.count(c, "SELECT revision FROM meta");
    }

    private static void bumpRevision(Connection c) throws SQLException {
        Rows.update(c, "UPDATE meta SET revision = revision + 1");
    }

    private static void rollbackQuietly(Statement statement) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite may already have rolled back (e.g. after an I/O error); nothing is left to undo.
            LOG.log(System.Logger.Level.DEBUG, "Rollback after a failed annotation change", e);
        }
    }

    private static void release(FileLock fileLock, FileChannel channel) {
        try {
            if (fileLock != null) {
                fileLock.release();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot release the workspace lock", e);
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot close " + closeable, e);
        }
    }
}
