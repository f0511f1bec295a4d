package quire.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;
import quire.model.Published;

/**
 * Reads WordPress REST API JSON: one post, an array of posts (what {@code /wp/v2/posts} returns),
 * an object wrapping such an array, or JSON Lines with one post per line.
 *
 * <p>Scraped files are often damaged, so the JSON is read leniently (raw line breaks inside
 * strings, any character escaped, single quotes, trailing commas), within explicit limits. A file
 * cut off part-way is closed by {@link TruncatedJson} and read again: every field before the cut
 * is kept, and article text cut short is kept up to the cut with a warning saying so.
 */
final class WordPressReader implements FormatReader {
    static final int MAX_DEPTH = 64;
    static final String CONTENT_TRUNCATED = "Content truncated: the file ends in the middle of the article text.";
    static final String CUT_AFTER_CONTENT =
            "The file is cut off after the article text; some details of the post may be missing.";
    static final String TITLE_TRUNCATED = "Title truncated: the file ends in the middle of the title.";
    static final String NO_CONTENT = "The post has no article text.";
    static final String EXCERPT_AS_TEXT = "The post has no article text; its excerpt is shown instead.";

    /**
     * Posts read from one file at most. A real export holds a hundred; a file of a million tiny
     * posts would otherwise cost hundreds of megabytes before a single one was judged.
     */
    static final int MAX_POSTS = 50_000;
    /** Skipped posts reported one by one; the rest are counted in one sentence. */
    static final int MAX_REPORTED = 100;

    private static final int MAX_STRING = 20_000_000;
    private static final int NOT_REPAIRED = Integer.MAX_VALUE;
    /** How many lines are tried alone when deciding whether a broken file is JSON Lines. */
    private static final int JSON_LINES_PROBE = 20;

    private static final Set<String> WRAPPER_FIELDS = Set.of("posts", "items", "data", "results", "articles");
    private static final Pattern PARTIAL_TAG_AT_END = Pattern.compile("<[^<>]*$");
    private static final Pattern PARTIAL_ENTITY_AT_END = Pattern.compile("&#?[A-Za-z0-9]{0,32}$");

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNameLength(1_000)
                    .maxNumberLength(100)
                    // The Ingester caps files at 50 MB; a document longer than that in chars is not one of ours.
                    .maxDocumentLength(60_000_000L)
                    .build())
            .build();

    @Override
    public ReadResult read(String content, String fileName) {
        Parsed whole = parseAllowingTruncation(content, true);
        if (whole.failure() != null
                && !(whole.failure() instanceof StreamConstraintsException)
                && looksLikeJsonLines(content, whole)) {
            return readLines(content);
        }
        Results results = new Results();
        boolean single = whole.roots() == 1 && whole.entries().size() == 1 && whole.entries().get(0).index() < 0;
        for (Entry entry : whole.entries()) {
            String label = single ? null : labelInDocument(entry, whole.roots());
            results.accept(label, entry.post());
        }
        if (whole.repaired() && whole.entries().stream().noneMatch(e -> e.post() != null && e.post().cut)) {
            results.skipped.add("The file is cut off after the last complete post; any later posts are missing.");
        }
        if (whole.failure() != null) {
            if (whole.entries().isEmpty()) {
                throw new IngestException(describe(whole.failure()), whole.failure());
            }
            results.skipped.add("The rest of the file was skipped. " + describe(whole.failure()));
        }
        return results.finish(whole.beyondLimit());
    }

    /** Reads a file whose lines are posts of their own, skipping the lines that cannot be read. */
    private ReadResult readLines(String content) {
        Results results = new Results();
        String[] lines = content.split("\n", -1);
        int last = lines.length - 1;
        while (last >= 0 && lines[last].isBlank()) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String label = "Line " + (i + 1);
            // Only the last line can have been cut off by the end of the file.
            Parsed line = parseAllowingTruncation(lines[i], i == last);
            if (line.failure() != null && line.entries().isEmpty()) {
                results.skip(label + " is not valid JSON: " + reason(line.failure()) + "; skipped.");
                continue;
            }
            for (Entry entry : line.entries()) {
                results.accept(entry.index() < 0 ? label : label + ", post " + (entry.index() + 1), entry.post());
            }
            if (line.failure() != null) {
                results.skip(label + " is only partly valid JSON: " + reason(line.failure()) + "; the rest was skipped.");
            }
        }
        return results.finish(0);
    }

    private static String labelInDocument(Entry entry, int roots) {
        if (roots > 1) {
            String line = "Line " + entry.line();
            return entry.index() < 0 ? line : line + ", post " + (entry.index() + 1);
        }
        return entry.index() < 0 ? "The JSON value" : "Post " + (entry.index() + 1);
    }

    /**
     * Whether a file that failed to parse as a whole is JSON Lines with a bad line: values were
     * read before the failure, or some line holds a post on its own. A single pretty-printed post
     * with an error has neither.
     */
    private static boolean looksLikeJsonLines(String content, Parsed whole) {
        String[] lines = content.split("\n");
        long nonBlank = Arrays.stream(lines).filter(l -> !l.isBlank()).count();
        if (nonBlank < 2) {
            return false;
        }
        if (whole.roots() >= 2) {
            return true;
        }
        int tried = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Parsed alone = parse(line, NOT_REPAIRED);
            if (alone.failure() == null
                    && alone.entries().stream().anyMatch(e -> e.post() != null && e.post().isPost())) {
                return true;
            }
            if (++tried == JSON_LINES_PROBE) {
                return false;
            }
        }
        return false;
    }

    private static Parsed parseAllowingTruncation(String text, boolean mayBeCut) {
        Parsed parsed = parse(text, NOT_REPAIRED);
        if (parsed.failure() == null || !mayBeCut || !isCutOff(parsed.failure(), text)) {
            return parsed;
        }
        Optional<TruncatedJson.Closed> closed = TruncatedJson.close(text, MAX_DEPTH);
        if (closed.isEmpty()) {
            return parsed;
        }
        Parsed repaired = parse(closed.get().json(), closed.get().kept());
        return new Parsed(repaired.entries(), repaired.roots(), repaired.failure(), true, repaired.beyondLimit());
    }

    /** Whether the parser failed because the text ended, rather than because of a wrong character. */
    private static boolean isCutOff(JsonProcessingException failure, String text) {
        if (failure instanceof JsonEOFException) {
            return true;
        }
        JsonLocation location = failure.getLocation();
        // A literal cut short ("tru") is reported as an unrecognised token at the very end.
        return failure instanceof JsonParseException
                && location != null
                && location.getCharOffset() >= text.stripTrailing().length();
    }

    /**
     * Parses every top-level value of {@code text}. Posts are collected as they complete, so a
     * failure part-way keeps the posts before it.
     *
     * @param kept offsets at or after this were added by {@link TruncatedJson}
     */
    private static Parsed parse(String text, int kept) {
        List<Entry> entries = new ArrayList<>();
        int[] beyondLimit = {0};
        Consumer<Entry> keep = entry -> {
            if (entries.size() < MAX_POSTS) {
                entries.add(entry);
            } else {
                beyondLimit[0]++;
            }
        };
        int roots = 0;
        try (JsonParser parser = JSON.createParser(text)) {
            Cursor in = new Cursor(parser, kept);
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int line = parser.currentTokenLocation().getLineNr();
                roots++;
                if (token == JsonToken.START_OBJECT) {
                    List<PostFields> wrapped = new ArrayList<>();
                    PostFields post = readPost(in, p -> {
                        if (wrapped.size() < MAX_POSTS) {
                            wrapped.add(p);
                        } else {
                            beyondLimit[0]++;
                        }
                    });
                    if (post.isPost() || post.cut || wrapped.isEmpty()) {
                        keep.accept(new Entry(line, -1, post.isPost() || post.cut ? post : null));
                    }
                    if (!post.isPost()) {
                        for (int i = 0; i < wrapped.size(); i++) {
                            keep.accept(new Entry(line, i, wrapped.get(i)));
                        }
                    }
                } else if (token == JsonToken.START_ARRAY) {
                    int[] index = {0};
                    readArray(in, post -> keep.accept(new Entry(line, index[0]++, post)), false);
                } else {
                    keep.accept(new Entry(line, -1, null));
                }
            }
            return new Parsed(entries, roots, null, false, beyondLimit[0]);
        } catch (JsonProcessingException e) {
            return new Parsed(entries, roots, e, false, beyondLimit[0]);
        } catch (IOException e) {
            // Parsing a String does no I/O; kept for the signature.
            throw new IngestException("The JSON could not be read.", e);
        }
    }

    /**
     * Reads the array at the cursor; each element is handed to {@code posts} as a post, or as null
     * when it is not an object. In a wrapper object only posts are handed on, as its arrays may
     * hold anything.
     */
    private static void readArray(Cursor in, Consumer<PostFields> posts, boolean postsOnly) throws IOException {
        JsonToken token;
        while ((token = in.parser.nextToken()) != null && token != JsonToken.END_ARRAY) {
            if (token == JsonToken.START_OBJECT) {
                PostFields post = readPost(in, p -> {});
                if (!postsOnly || post.isPost() || post.cut) {
                    posts.accept(post);
                }
            } else {
                in.parser.skipChildren();
                if (!postsOnly) {
                    posts.accept(null);
                }
            }
        }
    }

    /** Reads the object at the cursor as a post; arrays under wrapper field names go to {@code wrapped}. */
    private static PostFields readPost(Cursor in, Consumer<PostFields> wrapped) throws IOException {
        JsonParser parser = in.parser;
        PostFields post = new PostFields();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "title" -> post.title = in.rendered();
                case "content" -> post.content = in.rendered();
                case "excerpt" -> post.excerpt = in.rendered();
                case "guid" -> post.guid = complete(in.rendered());
                case "id" -> post.id = in.scalar();
                case "date" -> post.date = in.scalar();
                case "date_gmt" -> post.dateGmt = in.scalar();
                case "modified" -> post.modified = in.scalar();
                case "link" -> post.link = in.scalar();
                case "slug" -> post.slug = in.scalar();
                case "categories" -> post.categories = in.idList();
                case "tags" -> post.tags = in.idList();
                case "author" -> in.author(post);
                case "_embedded" -> post.embeddedAuthor = in.embeddedAuthor();
                case "yoast_head_json" -> post.yoastAuthor = in.field("author");
                default -> {
                    if (value == JsonToken.START_ARRAY && WRAPPER_FIELDS.contains(name)) {
                        readArray(in, wrapped, true);
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        }
        post.cut = in.closedByRepair();
        return post;
    }

    private static String complete(Text text) {
        return text == null || text.cut() ? null : text.value();
    }

    private static String describe(JsonProcessingException failure) {
        if (failure instanceof StreamConstraintsException) {
            String message = String.valueOf(failure.getOriginalMessage());
            if (message.contains("nesting depth")) {
                return "The JSON is nested more than " + MAX_DEPTH + " levels deep.";
            }
            if (message.contains("String value length")) {
                return "The JSON holds a text longer than 20,000,000 characters.";
            }
            if (message.contains("Number value length")) {
                return "The JSON holds a number with too many digits.";
            }
            if (message.contains("Name length")) {
                return "The JSON holds a field name longer than 1,000 characters.";
            }
            return "The JSON is too large to be read safely.";
        }
        JsonLocation at = failure.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "The JSON is not valid" + where + ": " + reason(failure) + ".";
    }

    /** Jackson's own words, first line only and without its trailing location. */
    private static String reason(JsonProcessingException failure) {
        if (failure instanceof StreamConstraintsException) {
            String sentence = describe(failure);
            return lowerFirst(sentence.substring(0, sentence.length() - 1));
        }
        String message = String.valueOf(failure.getOriginalMessage());
        int lineEnd = message.indexOf('\n');
        if (lineEnd >= 0) {
            message = message.substring(0, lineEnd);
        }
        int marker = message.indexOf(" (start marker at");
        if (marker >= 0) {
            message = message.substring(0, marker);
        }
        message = message.strip();
        if (message.length() > 160) {
            message = message.substring(0, 160) + "…";
        }
        return lowerFirst(message.endsWith(".") ? message.substring(0, message.length() - 1) : message);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** A string value, and whether the file ended inside it (so it is only the part before the cut). */
    private record Text(String value, boolean cut) {}

    /** One top-level value (or element of a top-level array); {@code post} is null when it is not an object. */
    private record Entry(int line, int index, PostFields post) {}

    /** @param beyondLimit posts found after the first {@link #MAX_POSTS}, counted and dropped */
    private record Parsed(List<Entry> entries, int roots, JsonProcessingException failure, boolean repaired, int beyondLimit) {}

    /** The parser, and where the text written by the repair begins. */
    private static final class Cursor {
        private final JsonParser parser;
        private final int kept;

        Cursor(JsonParser parser, int kept) {
            this.parser = parser;
            this.kept = kept;
        }

        /** Whether the current closing bracket was added by the repair. */
        boolean closedByRepair() {
            return parser.currentTokenLocation().getCharOffset() >= kept;
        }

        /** The current string value; its closing quote was added by the repair when it is cut. */
        Text string() throws IOException {
            String value = parser.getText();
            // getText() has consumed the string, so the current location is just past its closing quote.
            boolean cut = parser.currentLocation().getCharOffset() - 1 >= kept;
            return new Text(value, cut);
        }

        /** {@code "title":"..."} or {@code "title":{"rendered":"..."}} (with "raw" as a fallback). */
        Text rendered() throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                return string();
            }
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return null;
            }
            Text rendered = null;
            Text raw = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && name.equals("rendered")) {
                    rendered = string();
                } else if (value == JsonToken.VALUE_STRING && name.equals("raw")) {
                    raw = string();
                } else {
                    parser.skipChildren();
                }
            }
            return rendered != null ? rendered : raw;
        }

        /** A complete scalar as text; null for anything else, and for a string the file cuts short. */
        String scalar() throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                return complete(string());
            }
            if (token != null && token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                return parser.getText();
            }
            parser.skipChildren();
            return null;
        }

        /** An array of term ids as {@code "12,34"}. */
        String idList() throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                return scalar();
            }
            StringJoiner ids = new StringJoiner(",");
            while (parser.nextToken() != JsonToken.END_ARRAY && parser.currentToken() != null) {
                String id = scalar();
                if (id != null && !id.isBlank()) {
                    ids.add(id.strip());
                }
            }
            return ids.length() == 0 ? null : ids.toString();
        }

        /** {@code "author"}: a name, a user id (which is no name), or an object with a name. */
        void author(PostFields post) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT) {
                post.authorId = parser.getText();
            } else if (token == JsonToken.VALUE_STRING) {
                String value = complete(string());
                if (value != null && value.strip().chars().allMatch(Character::isDigit)) {
                    post.authorId = value.strip();
                } else {
                    post.authorName = value;
                }
            } else if (token == JsonToken.START_OBJECT) {
                post.authorName = fieldOfObject("name");
            } else {
                parser.skipChildren();
            }
        }

        /** {@code _embedded.author[0].name}. */
        String embeddedAuthor() throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return null;
            }
            String name = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("author") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        String candidate = fieldOfObject("name");
                        if (name == null) {
                            name = candidate;
                        }
                    }
                    if (parser.currentToken() != JsonToken.END_ARRAY) {
                        parser.skipChildren();
                        skipRestOfArray();
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return name;
        }

        private void skipRestOfArray() throws IOException {
            JsonToken token;
            while ((token = parser.nextToken()) != null && token != JsonToken.END_ARRAY) {
                parser.skipChildren();
            }
        }

        /** A string field of the object at the cursor. */
        String field(String wanted) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return null;
            }
            return fieldOfObject(wanted);
        }

        private String fieldOfObject(String wanted) throws IOException {
            String found = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(wanted) && value == JsonToken.VALUE_STRING) {
                    found = complete(string());
                } else {
                    parser.skipChildren();
                }
            }
            return found;
        }
    }

    /** The fields of one post as they come, before they make a draft. */
    private static final class PostFields {
        Text title;
        Text content;
        Text excerpt;
        String guid;
        String id;
        String date;
        String dateGmt;
        String modified;
        String link;
        String slug;
        String categories;
        String tags;
        String authorName;
        String authorId;
        String embeddedAuthor;
        String yoastAuthor;
        /** The file ends inside this post. */
        boolean cut;

        boolean isPost() {
            return title != null || content != null;
        }
    }

    /** Drafts and skipped parts, as posts are judged one by one. */
    private static final class Results {
        private final List<ArticleDraft> drafts = new ArrayList<>();
        private final List<String> skipped = new ArrayList<>();
        private String onlyFailure;
        private int posts;
        private int empty;
        private int emptyUnreported;
        private int skippedUnreported;

        /**
         * @param label how messages name this post ("Post 3", "Line 7"), or null when it is the
         *     file's only post, whose failure is the file's failure
         */
        void accept(String label, PostFields post) {
            if (++posts > MAX_POSTS) {
                return;
            }
            if (post == null || !post.isPost() && !post.cut) {
                fail(label,
                        "The JSON does not look like a WordPress post: it has no title or content.",
                        " is not a WordPress post: it has no title or content.");
                return;
            }
            List<String> warnings = new ArrayList<>();
            String title = post.title == null ? "" : post.title.value();
            if (post.title != null && post.title.cut()) {
                title = "";
                if (post.content != null) {
                    warnings.add(TITLE_TRUNCATED);
                }
            }
            BodyBuilder body = new BodyBuilder();
            if (post.content != null) {
                String html = post.content.value();
                HtmlBlocks.append(post.content.cut() ? withoutPartialMarkup(html) : html, body);
            }
            if (post.cut) {
                if (body.isEmpty()) {
                    if (post.title != null && post.title.cut()) {
                        fail(label,
                                "The JSON ends inside the title, so nothing could be recovered.",
                                " was skipped: the file ends inside its title.");
                    } else {
                        fail(label,
                                "The JSON ends before the article text, so nothing could be recovered.",
                                " was skipped: the file ends before its text.");
                    }
                    return;
                }
                warnings.add(post.content.cut() ? CONTENT_TRUNCATED : CUT_AFTER_CONTENT);
            } else if (body.isEmpty()) {
                if (post.excerpt != null) {
                    HtmlBlocks.append(post.excerpt.value(), body);
                }
                warnings.add(body.isEmpty() ? NO_CONTENT : EXCERPT_AS_TEXT);
                if (body.isEmpty() && ++empty > MAX_REPORTED) {
                    emptyUnreported++;
                    return;
                }
            }
            drafts.add(draft(post, title, body.build(), warnings));
        }

        private void fail(String label, String alone, String labelled) {
            if (label == null) {
                onlyFailure = alone;
            } else {
                skip(label + labelled);
            }
        }

        void skip(String message) {
            if (skipped.size() < MAX_REPORTED) {
                skipped.add(message);
            } else {
                skippedUnreported++;
            }
        }

        /** @param beyondLimit posts the parser counted but did not keep */
        ReadResult finish(int beyondLimit) {
            if (onlyFailure != null) {
                throw new IngestException(onlyFailure);
            }
            if (posts == 0) {
                throw new IngestException("The JSON holds no posts.");
            }
            if (drafts.isEmpty() && skipped.stream().allMatch(s -> s.endsWith("is not a WordPress post: it has no title or content."))) {
                throw new IngestException("The JSON does not look like WordPress posts: none has a title or content.");
            }
            if (skippedUnreported > 0) {
                skipped.add(String.format(Locale.ROOT, "%,d more entries were skipped for the same kinds of reasons.", skippedUnreported));
            }
            if (emptyUnreported > 0) {
                skipped.add(String.format(Locale.ROOT, "%,d more posts without article text were skipped.", emptyUnreported));
            }
            int total = posts + beyondLimit;
            if (total > MAX_POSTS) {
                skipped.add(String.format(Locale.ROOT, "The file holds %,d posts; only the first %,d were read.", total, MAX_POSTS));
            }
            return new ReadResult(drafts, skipped);
        }
    }

    private static ArticleDraft draft(PostFields post, String titleHtml, Body body, List<String> warnings) {
        Map<String, String> properties = new LinkedHashMap<>();
        putIfPresent(properties, "id", post.id);
        putIfPresent(properties, "slug", post.slug);
        putIfPresent(properties, "modified", post.modified);
        putIfPresent(properties, "categories", post.categories);
        putIfPresent(properties, "tags", post.tags);
        putIfPresent(properties, "author-id", post.authorId);
        Optional<String> summary = Optional.ofNullable(complete(post.excerpt))
                .map(HtmlBlocks::text)
                .filter(s -> !s.isEmpty());
        return new ArticleDraft(
                titleHtml.isBlank() ? "" : HtmlBlocks.text(titleHtml),
                published(post.date, post.dateGmt),
                author(post),
                Optional.empty(),
                nonBlank(post.link).map(String::strip),
                nonBlank(post.guid).map(g -> Parser.unescapeEntities(g.strip(), false)),
                summary,
                properties,
                body,
                warnings);
    }

    private static Optional<String> author(PostFields post) {
        return nonBlank(post.embeddedAuthor)
                .or(() -> nonBlank(post.yoastAuthor))
                .or(() -> nonBlank(post.authorName))
                // Names come HTML-escaped from some endpoints ("O&#8217;Brien").
                .map(name -> Parser.unescapeEntities(name, false));
    }

    /**
     * The local publication time, with its offset when {@code date_gmt} tells it: WordPress gives
     * the site's local time in {@code date} and UTC in {@code date_gmt}, so their difference is
     * the site's offset ({@code 18:05:15} against {@code 09:05:15} is {@code +09:00}).
     */
    static Optional<Published> published(String date, String dateGmt) {
        Optional<Published> local = IsoDates.parse(date);
        Optional<Published> utc = IsoDates.parse(dateGmt)
                .filter(p -> p.time().isPresent())
                .filter(p -> p.offset().isEmpty() || p.offset().get().equals(ZoneOffset.UTC));
        if (local.isEmpty()) {
            return utc.map(p -> Published.of(OffsetDateTime.of(localDateTime(p), ZoneOffset.UTC)));
        }
        Published published = local.get();
        if (published.offset().isPresent() || published.time().isEmpty() || utc.isEmpty()) {
            return local;
        }
        LocalDateTime localTime = localDateTime(published);
        long seconds = Duration.between(localDateTime(utc.get()), localTime).getSeconds();
        // Real offsets are whole quarter hours within ±18 h; anything else means the two fields disagree.
        if (Math.abs(seconds) > 18 * 3600 || seconds % 900 != 0) {
            return local;
        }
        return Optional.of(Published.of(OffsetDateTime.of(localTime, ZoneOffset.ofTotalSeconds((int) seconds))));
    }

    private static LocalDateTime localDateTime(Published published) {
        return LocalDateTime.of(published.date(), published.time().orElseThrow());
    }

    /**
     * Article HTML cut off by the end of the file may end inside a tag or an entity; {@code &#82}
     * of {@code &#8220;} would otherwise decode to "R".
     */
    static String withoutPartialMarkup(String html) {
        String noTag = PARTIAL_TAG_AT_END.matcher(html).replaceFirst("");
        return PARTIAL_ENTITY_AT_END.matcher(noTag).replaceFirst("");
    }

    private static void putIfPresent(Map<String, String> properties, String key, String value) {
        nonBlank(value).ifPresent(v -> properties.put(key, v.strip()));
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
