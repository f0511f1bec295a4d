package quire.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import quire.model.AnnotatedArticle;
import quire.model.Article;
import quire.model.Highlight;
import quire.model.HighlightState;
import quire.model.QuireException;

/**
 * Writes annotated articles as Markdown that pastes cleanly into Obsidian, a briefing or a wiki.
 *
 * <p>Each highlight is a block quote of the exact passage, followed by an Obsidian block id
 * ({@code ^h-} and the first 8 hex digits of its UUID, longer only if two ids in one document
 * share them), its note, and one line with its tags, colour, orphan notice and a link back to the
 * passage in the source. Nothing the analyst typed and nothing in a quote can add structure:
 * see {@link MarkdownText}. Pure: the only I/O is writing to the given writer or folder.
 */
public final class MarkdownExport {
    /** What an orphaned highlight says about itself. */
    public static final String ORPHAN_NOTICE = "(orphaned: the passage was not found in the current text)";
    /** The heading of the section of untagged passages in an evidence list. */
    public static final String UNTAGGED_HEADING = "Untagged";
    /** The name of the index file of a folder export. */
    public static final String INDEX_FILE = "index.md";

    private MarkdownExport() {}

    /** The files a folder export wrote: one per article, in the order given, and the index. */
    public record ExportedFolder(Path index, List<Path> articleFiles) {
        public ExportedFolder {
            Objects.requireNonNull(index, "index");
            articleFiles = List.copyOf(articleFiles);
        }
    }

    /** Writes one combined document, grouped as the options say. */
    public static void write(Writer out, List<AnnotatedArticle> articles, ExportOptions options) {
        Objects.requireNonNull(out, "out");
        String text = render(articles, options);
        try {
            out.write(text);
            out.flush();
        } catch (IOException e) {
            throw new QuireException("Cannot write the Markdown export: " + e.getMessage(), e);
        }
    }

    /** One combined document, grouped as the options say. */
    public static String render(List<AnnotatedArticle> articles, ExportOptions options) {
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(options, "options");
        Renderer renderer = new Renderer(articles, options);
        return options.grouping() == Grouping.BY_TAG ? renderer.byTag() : renderer.byArticle();
    }

    /** One article as a document of its own: YAML front matter, a level-1 heading, its highlights. */
    public static String renderArticle(AnnotatedArticle article, ExportOptions options) {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(options, "options");
        return new Renderer(List.of(article), options).articleFile(article);
    }

    /** The file name {@link #writeFolder} gives an article: safe on every system, same on every export. */
    public static String fileName(Article article) {
        Objects.requireNonNull(article, "article");
        return FileNames.forArticle(article.title(), article.key());
    }

    /**
     * Writes one file per article into {@code dir} (created if needed; files of an earlier export
     * of the same articles are replaced) and an {@value #INDEX_FILE} linking them all.
     */
    public static ExportedFolder writeFolder(Path dir, List<AnnotatedArticle> articles, ExportOptions options) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(options, "options");
        Path base = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(base);
        } catch (IOException e) {
            throw new QuireException("Cannot create the export folder '" + base + "'.", e);
        }
        List<String> names = uniqueFileNames(articles);
        List<Path> files = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            AnnotatedArticle article = articles.get(i);
            Path file = inside(base, names.get(i));
            writeFile(file, new Renderer(List.of(article), options).articleFile(article));
            files.add(file);
        }
        Path index = inside(base, INDEX_FILE);
        writeFile(index, new Renderer(articles, options).index(names));
        return new ExportedFolder(index, files);
    }

    private static List<String> uniqueFileNames(List<AnnotatedArticle> articles) {
        List<String> names = new ArrayList<>(articles.size());
        // Case-insensitive, as on Windows and macOS; the index's name is taken.
        Set<String> taken = new HashSet<>();
        taken.add(INDEX_FILE);
        for (AnnotatedArticle annotated : articles) {
            Article article = annotated.article();
            String name = FileNames.forArticle(article.title(), article.key());
            if (taken.contains(lower(name))) {
                name = FileNames.forArticle(article.title(), article.key(), 32);
            }
            String stem = name.substring(0, name.length() - ".md".length());
            for (int n = 2; taken.contains(lower(name)); n++) {
                name = stem + " " + n + ".md";
            }
            taken.add(lower(name));
            names.add(name);
        }
        return names;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static Path inside(Path base, String name) {
        Path file = base.resolve(name).normalize();
        if (!file.startsWith(base) || !base.equals(file.getParent())) {
            throw new QuireException("The export file name '" + name + "' would leave the export folder.");
        }
        return file;
    }

    private static void writeFile(Path file, String text) {
        if (Files.isSymbolicLink(file)) {
            throw new QuireException("'" + file + "' is a symbolic link; the export does not write through links.");
        }
        try {
            Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new QuireException("Cannot write the export file '" + file + "'.", e);
        }
    }

    /** The state of one rendering: block ids and colour policy are decided over the whole document. */
    private static final class Renderer {
        private final List<AnnotatedArticle> articles;
        private final ExportOptions options;
        private final boolean showColors;
        private final Map<String, String> blockIds;
        private final Set<String> writtenBlockIds = new HashSet<>();
        private final Map<List<String>, String> inlineTags = new HashMap<>();
        private final StringBuilder out;

        Renderer(List<AnnotatedArticle> articles, ExportOptions options) {
            this.articles = articles;
            this.options = options;
            this.showColors = options.includeColors() && articles.stream()
                    .flatMap(a -> a.highlights().stream()).map(Highlight::color).distinct().count() > 1;
            this.blockIds = blockIds(articles);
            int highlights = articles.stream().mapToInt(a -> a.highlights().size()).sum();
            this.out = new StringBuilder(4096 + highlights * 600);
        }

        String byArticle() {
            frontMatterStart();
            yaml("title", options.title());
            yaml("exported-at", options.exportedAt().toString());
            counts();
            frontMatterEnd();
            heading(1, options.title());
            for (AnnotatedArticle article : articles) {
                heading(2, article.article().title());
                metadataList(article);
                note(article.note());
                for (Highlight h : article.highlights()) {
                    highlight(article.article(), h, false);
                }
            }
            return out.toString();
        }

        String articleFile(AnnotatedArticle annotated) {
            Article article = annotated.article();
            frontMatterStart();
            yaml("title", article.title());
            article.source().ifPresent(s -> yaml("source", s));
            article.link().ifPresent(l -> yaml("link", l));
            article.published().ifPresent(p -> yaml("published", p.toString()));
            article.author().ifPresent(a -> yaml("author", a));
            if (!annotated.tags().isEmpty()) {
                out.append("tags:\n");
                for (String tag : distinctSlugs(annotated.tags())) {
                    out.append("  - ").append(MarkdownText.yamlString(tag)).append('\n');
                }
            }
            yaml("path", article.path());
            yaml("key", article.key());
            yaml("exported-at", options.exportedAt().toString());
            frontMatterEnd();
            heading(1, article.title());
            note(annotated.note());
            for (Highlight h : annotated.highlights()) {
                highlight(article, h, false);
            }
            return out.toString();
        }

        String index(List<String> fileNames) {
            frontMatterStart();
            yaml("title", options.title());
            yaml("exported-at", options.exportedAt().toString());
            counts();
            frontMatterEnd();
            heading(1, options.title());
            for (int i = 0; i < articles.size(); i++) {
                AnnotatedArticle annotated = articles.get(i);
                Article article = annotated.article();
                out.append("- [").append(MarkdownText.inline(article.title())).append("](")
                        .append(MarkdownText.relativeLink(fileNames.get(i))).append(')');
                article.published().ifPresent(p -> out.append(" · ").append(p.date()));
                article.source().ifPresent(s -> out.append(" · ").append(MarkdownText.inline(s)));
                int n = annotated.highlights().size();
                out.append(" · ").append(n).append(n == 1 ? " highlight" : " highlights").append('\n');
            }
            return out.toString();
        }

        String byTag() {
            frontMatterStart();
            yaml("title", options.title());
            yaml("exported-at", options.exportedAt().toString());
            counts();
            TagNode root = tagTree();
            out.append("tags: ").append(root.count()).append('\n');
            frontMatterEnd();
            heading(1, options.title());
            for (TagNode child : root.children.values()) {
                tagSection(child, 2);
            }
            List<Entry> untagged = new ArrayList<>();
            for (AnnotatedArticle a : articles) {
                for (Highlight h : a.highlights()) {
                    if (h.tags().isEmpty()) {
                        untagged.add(new Entry(a.article(), h));
                    }
                }
            }
            if (!untagged.isEmpty()) {
                heading(2, UNTAGGED_HEADING);
                for (Entry e : untagged) {
                    highlight(e.article(), e.highlight(), true);
                }
            }
            return out.toString();
        }

        private void tagSection(TagNode node, int level) {
            heading(Math.min(level, 6), node.name);
            for (Entry e : node.entries) {
                highlight(e.article(), e.highlight(), true);
            }
            for (TagNode child : node.children.values()) {
                tagSection(child, level + 1);
            }
        }

        private TagNode tagTree() {
            TagNode root = new TagNode("");
            for (AnnotatedArticle a : articles) {
                for (Highlight h : a.highlights()) {
                    Set<String> seen = new HashSet<>();
                    for (String tag : h.tags()) {
                        List<String> levels = tagLevels(tag);
                        if (levels.isEmpty() || !seen.add(lower(String.join("/", levels)))) {
                            continue;
                        }
                        TagNode node = root;
                        for (int i = 0; i < levels.size(); i++) {
                            String path = String.join("/", levels.subList(0, i + 1));
                            node = node.children.computeIfAbsent(lower(levels.get(i)), k -> new TagNode(path));
                        }
                        node.entries.add(new Entry(a.article(), h));
                    }
                }
            }
            return root;
        }

        private void highlight(Article article, Highlight h, boolean cite) {
            out.append('\n');
            if (!MarkdownText.appendBlock(out, h.quote(), "> ", ">")) {
                // A passage of only blanks still gets its quote block.
                out.append(">\n");
            }
            String blockId = blockIds.get(h.id());
            if (writtenBlockIds.add(blockId)) {
                // Obsidian: the id of a quote goes on its own line after it.
                out.append("\n^").append(blockId).append('\n');
            }
            if (cite) {
                out.append('\n').append(citation(article, h)).append('\n');
            }
            note(h.note());
            List<String> parts = new ArrayList<>();
            if (h.state() == HighlightState.ORPHANED) {
                parts.add("*" + MarkdownText.inline(ORPHAN_NOTICE) + "*");
            }
            String tags = inlineTags(h.tags());
            if (!tags.isEmpty()) {
                parts.add(tags);
            }
            if (showColors) {
                parts.add("Colour: " + MarkdownText.inline(h.color()));
            }
            if (!cite) {
                passageLink(article, h).ifPresent(parts::add);
            }
            if (!parts.isEmpty()) {
                out.append('\n').append(String.join(" · ", parts)).append('\n');
            }
        }

        /** Slugs are cached: an export of 10,000 highlights has only a few dozen tags. */
        private String inlineTags(List<String> tags) {
            if (tags.isEmpty()) {
                return "";
            }
            return inlineTags.computeIfAbsent(tags, MarkdownText::inlineTags);
        }

        private String citation(Article article, Highlight h) {
            StringBuilder line = new StringBuilder();
            line.append('*').append(MarkdownText.inline(article.title())).append('*');
            article.published().ifPresent(p -> line.append(" · ").append(p.date()));
            article.source().ifPresent(s -> line.append(" · ").append(MarkdownText.inline(s)));
            passageLink(article, h).ifPresent(link -> line.append(" · ").append(link));
            return line.toString();
        }

        private Optional<String> passageLink(Article article, Highlight h) {
            return article.link().flatMap(MarkdownText::linkDestination)
                    .map(dest -> "[Open at the passage](" + dest + TextFragments.directive(dest, h.quote()) + ")");
        }

        private void metadataList(AnnotatedArticle annotated) {
            Article article = annotated.article();
            List<String> items = new ArrayList<>();
            article.published().ifPresent(p -> items.add("Published: " + MarkdownText.inline(p.toString())));
            article.author().ifPresent(a -> items.add("Author: " + MarkdownText.inline(a)));
            Optional<String> dest = article.link().flatMap(MarkdownText::linkDestination);
            if (dest.isPresent()) {
                String name = article.source().map(MarkdownText::inline).filter(s -> !s.isEmpty())
                        .orElse(MarkdownText.inline(article.link().get()));
                items.add("Source: [" + name + "](" + dest.get() + ")");
            } else {
                article.source().ifPresent(s -> items.add("Source: " + MarkdownText.inline(s)));
                article.link().ifPresent(l -> items.add("Link: " + MarkdownText.inline(l)));
            }
            items.add("Path: " + MarkdownText.inline(article.path()));
            items.add("Key: " + MarkdownText.inline(article.key()));
            if (!annotated.tags().isEmpty()) {
                items.add("Tags: " + inlineTags(annotated.tags()));
            }
            out.append('\n');
            for (String item : items) {
                out.append("- ").append(item).append('\n');
            }
        }

        private void note(String note) {
            if (note.isBlank()) {
                return;
            }
            int mark = out.length();
            out.append('\n');
            if (!MarkdownText.appendBlock(out, note, "", "")) {
                out.setLength(mark);
            }
        }

        private void heading(int level, String text) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("#".repeat(level)).append(' ').append(MarkdownText.inline(text)).append('\n');
        }

        private void frontMatterStart() {
            out.append("---\n");
        }

        private void frontMatterEnd() {
            out.append("---\n");
        }

        private void yaml(String key, String value) {
            out.append(key).append(": ").append(MarkdownText.yamlString(value)).append('\n');
        }

        private void counts() {
            int highlights = 0;
            int orphaned = 0;
            for (AnnotatedArticle a : articles) {
                for (Highlight h : a.highlights()) {
                    highlights++;
                    if (h.state() == HighlightState.ORPHANED) {
                        orphaned++;
                    }
                }
            }
            out.append("articles: ").append(articles.size()).append('\n');
            out.append("highlights: ").append(highlights).append('\n');
            out.append("orphaned: ").append(orphaned).append('\n');
        }
    }

    private record Entry(Article article, Highlight highlight) {}

    private static final class TagNode {
        final String name;
        final List<Entry> entries = new ArrayList<>();
        final Map<String, TagNode> children = new TreeMap<>();

        TagNode(String name) {
            this.name = name;
        }

        int count() {
            int n = name.isEmpty() ? 0 : 1;
            for (TagNode child : children.values()) {
                n += child.count();
            }
            return n;
        }
    }

    static List<String> tagLevels(String tag) {
        List<String> levels = new ArrayList<>();
        for (String level : tag.split("/")) {
            String trimmed = level.strip();
            if (!trimmed.isEmpty()) {
                levels.add(trimmed);
            }
        }
        return levels;
    }

    private static List<String> distinctSlugs(List<String> tags) {
        return tags.stream().map(MarkdownText::tagSlug).distinct().toList();
    }

    /**
     * Block ids for every highlight of a document: {@code h-} and 8 hex digits of the UUID, or
     * more where two highlights would otherwise share one (about 1 in 100 exports of 10,000).
     */
    static Map<String, String> blockIds(List<AnnotatedArticle> articles) {
        Map<String, String> hexById = new LinkedHashMap<>();
        for (AnnotatedArticle a : articles) {
            for (Highlight h : a.highlights()) {
                hexById.put(h.id(), idHex(h.id()));
            }
        }
        Map<String, String> ids = new HashMap<>();
        for (int length : new int[] {8, 12, 16, 32}) {
            Map<String, Integer> uses = new HashMap<>();
            for (Map.Entry<String, String> e : hexById.entrySet()) {
                if (!ids.containsKey(e.getKey())) {
                    uses.merge(prefix(e.getValue(), length), 1, Integer::sum);
                }
            }
            for (Map.Entry<String, String> e : hexById.entrySet()) {
                String p = prefix(e.getValue(), length);
                if (!ids.containsKey(e.getKey()) && (uses.get(p) == 1 || length == 32)) {
                    ids.put(e.getKey(), "h-" + p);
                }
            }
        }
        return ids;
    }

    private static String prefix(String hex, int length) {
        return hex.substring(0, Math.min(length, hex.length()));
    }

    private static String idHex(String id) {
        StringBuilder hex = new StringBuilder(32);
        for (int i = 0; i < id.length(); i++) {
            char c = Character.toLowerCase(id.charAt(i));
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
                hex.append(c);
            }
        }
        if (hex.length() < 8) {
            hex.append(String.format(Locale.ROOT, "%08x", id.hashCode()));
        }
        return hex.toString();
    }
}
