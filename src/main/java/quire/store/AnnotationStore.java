package quire.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import quire.model.Article;
import quire.model.Highlight;
import quire.model.HighlightState;
import quire.model.TagSummary;

/**
 * SKELETON: the API the store helper implements. The analyst's highlights, tags and notes in
 * SQLite: the only data Quire holds that cannot be rebuilt from the files.
 */
public final class AnnotationStore implements AutoCloseable {
    private AnnotationStore() {}

    /** Opens (creating and migrating) the database of a workspace for writing; QuireException "already open" if another process has it. */
    public static AnnotationStore open(Path workspaceDir) {
        throw new UnsupportedOperationException();
    }

    /** Opens for reading only, without the single-writer lock (works while a window has it open). */
    public static AnnotationStore openReadOnly(Path workspaceDir) {
        throw new UnsupportedOperationException();
    }

    /** Creates a highlight on [start, end) of the article's canonical text; computes quote, prefix, suffix, textHash; keeps the text version. */
    public Highlight createHighlight(Article article, int start, int end, String color, String note, List<String> tags) {
        throw new UnsupportedOperationException();
    }

    public Highlight setNote(String highlightId, String note) {
        throw new UnsupportedOperationException();
    }

    public Highlight setColor(String highlightId, String color) {
        throw new UnsupportedOperationException();
    }

    public Highlight setTags(String highlightId, List<String> tags) {
        throw new UnsupportedOperationException();
    }

    public Highlight addTag(String highlightId, String tag) {
        throw new UnsupportedOperationException();
    }

    public Highlight removeTag(String highlightId, String tag) {
        throw new UnsupportedOperationException();
    }

    /** Changes the extent (by the analyst): recomputes quote, prefix, suffix against the article's text. */
    public Highlight setExtent(String highlightId, Article article, int start, int end) {
        throw new UnsupportedOperationException();
    }

    public void deleteHighlight(String highlightId) {
        throw new UnsupportedOperationException();
    }

    public Optional<Highlight> highlight(String highlightId) {
        throw new UnsupportedOperationException();
    }

    /** In reading order. */
    public List<Highlight> highlightsOf(String articleKey) {
        throw new UnsupportedOperationException();
    }

    /** Highlights carrying the tag or any of its sub-tags ({@code treaty} includes {@code treaty/article-4}). */
    public List<Highlight> highlightsTagged(String tag) {
        throw new UnsupportedOperationException();
    }

    /** Highlights whose note contains the text, case-insensitively. */
    public List<Highlight> highlightsWithNote(String text) {
        throw new UnsupportedOperationException();
    }

    public List<Highlight> allHighlights() {
        throw new UnsupportedOperationException();
    }

    /** Keys of every article that has highlights, an article note or article tags. */
    public List<String> annotatedArticleKeys() {
        throw new UnsupportedOperationException();
    }

    public List<TagSummary> tags() {
        throw new UnsupportedOperationException();
    }

    public void renameTag(String oldName, String newName) {
        throw new UnsupportedOperationException();
    }

    public void mergeTag(String from, String into) {
        throw new UnsupportedOperationException();
    }

    public void deleteTag(String name) {
        throw new UnsupportedOperationException();
    }

    public void setTagColor(String name, Optional<String> color) {
        throw new UnsupportedOperationException();
    }

    public void setArticleNote(String articleKey, String note) {
        throw new UnsupportedOperationException();
    }

    public String articleNote(String articleKey) {
        throw new UnsupportedOperationException();
    }

    public void addArticleTag(String articleKey, String tag) {
        throw new UnsupportedOperationException();
    }

    public void removeArticleTag(String articleKey, String tag) {
        throw new UnsupportedOperationException();
    }

    public List<String> articleTags(String articleKey) {
        throw new UnsupportedOperationException();
    }

    /** The article text a highlight was made on (by its textHash), so an orphan can be shown in context. */
    public Optional<String> articleText(String textHash) {
        throw new UnsupportedOperationException();
    }

    /** Re-attaches highlights after the article's text changed (not an undoable user action). */
    public void reanchor(String articleKey, String newText, List<Anchoring.Result> results) {
        throw new UnsupportedOperationException();
    }

    /** Imports highlights made elsewhere (same id = same highlight: never duplicated). Returns how many were new. */
    public int importHighlights(List<Highlight> highlights, java.util.Map<String, String> articleTextsByHash) {
        throw new UnsupportedOperationException();
    }

    /** Undoes the last annotation operation; its description, or empty if there is nothing to undo. */
    public Optional<String> undo() {
        throw new UnsupportedOperationException();
    }

    public Optional<String> redo() {
        throw new UnsupportedOperationException();
    }

    public CheckReport check() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}

    /** What {@code quire check} reports about the database. */
    public record CheckReport(boolean integrityOk, List<String> integrityMessages, List<Highlight> orphans, int highlights, int tags, List<Path> backups) {}

    @SuppressWarnings("unused")
    private static HighlightState unused() {
        return HighlightState.ANCHORED;
    }
}
