package quire.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.model.BlockKind;
import quire.model.Published;

/**
 * Reads plain text, including a news page copied or scraped as text: page debris at the edges,
 * then a title, a deck, a dateline with the byline, photo captions between the paragraphs.
 * Paragraphs are separated by blank lines; a file without any blank line has one paragraph per
 * line (or per run of hard-wrapped lines). Stateless and thread-safe.
 */
final class PlainTextReader implements FormatReader {
    /** How far into the file page debris is looked for above the article. */
    private static final int DEBRIS_HEAD_CHUNKS = 6;
    private static final int MAX_TITLE = 250;
    /** Title, deck and perhaps a section label come before a dateline; a fourth line is body. */
    private static final int MAX_HEAD_CHUNKS = 4;
    private static final int MAX_HEAD_LINE = 400;
    /** A line this long that ends a sentence is a paragraph, not a deck. */
    private static final int MAX_DECK_SENTENCE = 200;
    private static final int MAX_HEADING = 80;
    private static final int MAX_SECTION_LABEL = 30;
    private static final int MAX_HEADING_WORDS = 12;
    private static final int MAX_WRAP_WIDTH = 100;

    private static final Pattern UNDERLINE = Pattern.compile("(?:=+|-+)");
    private static final Pattern ATX_HEADING = Pattern.compile("#{1,6}\\s+(.*?)(?:\\s+#+)?");
    private static final Pattern LIST_ITEM = Pattern.compile("(?:[-*•]|\\d{1,3}[.)])\\s+(.*)");
    private static final Pattern QUOTE = Pattern.compile(">\\s?(.*)");
    private static final Pattern FIELD = Pattern.compile("(?<key>[A-Za-z][A-Za-z ]{0,20}?)\\s*:\\s*(?<value>.+)");
    private static final Set<String> FIELD_KEYS = Set.of(
            "title", "headline", "subtitle", "summary", "description", "author", "authors", "by", "byline", "date",
            "published", "updated", "source", "publisher", "url", "link", "tags", "categories", "category",
            "section");
    private static final Set<String> SMALL_WORDS = Set.of(
            "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from",
            "as", "vs", "vs.", "via", "into", "over", "per");

    @Override
    public ReadResult read(String content, String fileName) {
        String text = content.replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", "");
        if (text.isBlank()) {
            throw new IngestException("The file contains no text.");
        }
        List<List<String>> chunks = dropDebris(chunks(text));
        Head head = readHead(chunks);
        List<List<String>> bodyChunks = new ArrayList<>(head.bodyChunks());
        Optional<String> author = head.author();
        Optional<String> signature = signature(bodyChunks);
        if (signature.isPresent()) {
            bodyChunks.remove(bodyChunks.size() - 1);
            author = author.or(() -> signature);
        }
        Body body = readBody(bodyChunks);
        List<String> warnings = new ArrayList<>();
        if (body.isEmpty()) {
            warnings.add(head.title().isEmpty()
                    ? "The file has no article text."
                    : "The file has a title but no article text.");
        }
        return ReadResult.of(new ArticleDraft(
                head.title(),
                head.published(),
                author,
                head.source(),
                head.link(),
                Optional.empty(),
                head.summary(),
                head.properties(),
                body,
                warnings));
    }

    // ---------------------------------------------------------------- chunks

    /** Splits the text into paragraphs-to-be: lists of non-blank, stripped lines. */
    private static List<List<String>> chunks(String text) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        if (blocks.size() == 1) {
            return splitLines(blocks.get(0));
        }
        List<List<String>> chunks = new ArrayList<>();
        for (List<String> block : blocks) {
            chunks.addAll(splitLongLines(block));
        }
        return chunks;
    }

    /**
     * Some scrapes put most paragraphs on one line each and only a few blank lines between them; a
     * line longer than any wrap width that ends a sentence ends a paragraph.
     */
    private static List<List<String>> splitLongLines(List<String> block) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = 0; i < block.size(); i++) {
            String line = block.get(i);
            current.add(line);
            boolean last = i + 1 == block.size();
            if (last || line.length() > MAX_WRAP_WIDTH && endsSentence(line) && !startsLowerCase(block.get(i + 1))) {
                chunks.add(current);
                current = new ArrayList<>();
            }
        }
        return chunks;
    }

    /**
     * A file without blank lines: either one paragraph per line, or text hard-wrapped at a fixed
     * width, where a line as long as the width runs on into the next.
     */
    private static List<List<String>> splitLines(List<String> lines) {
        int width = lines.stream().mapToInt(String::length).max().orElse(0);
        int full = (int) lines.stream().filter(l -> l.length() >= width * 7 / 10 && !endsSentence(l)).count();
        boolean wrapped = lines.size() >= 2 && width <= MAX_WRAP_WIDTH && full * 3 >= lines.size();
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            current.add(line);
            String next = i + 1 < lines.size() ? lines.get(i + 1) : null;
            boolean runsOn = next != null
                    && !startsBlock(next)
                    && (wrapped && line.length() >= width * 7 / 10 || !endsSentence(line) && startsLowerCase(next));
            if (!runsOn) {
                chunks.add(current);
                current = new ArrayList<>();
            }
        }
        return chunks;
    }

    private static List<List<String>> dropDebris(List<List<String>> chunks) {
        List<List<String>> kept = new ArrayList<>();
        for (List<String> chunk : chunks) {
            kept.add(new ArrayList<>(chunk));
        }
        // The head: share buttons and the like sit above and around the title and the dateline.
        for (int i = 0; i < Math.min(DEBRIS_HEAD_CHUNKS, kept.size()); i++) {
            List<String> chunk = kept.get(i);
            chunk.removeIf(PageDebris::isDebris);
            if (!chunk.isEmpty() && looksLikeBody(chunk)) {
                break;
            }
        }
        // The foot: copyright lines and buttons, up to the last line of text.
        for (int i = kept.size() - 1; i >= 0; i--) {
            List<String> chunk = kept.get(i);
            while (!chunk.isEmpty() && PageDebris.isDebris(chunk.get(chunk.size() - 1))) {
                chunk.remove(chunk.size() - 1);
            }
            if (!chunk.isEmpty()) {
                break;
            }
        }
        kept.removeIf(chunk -> chunk.isEmpty() || chunk.size() == 1 && PageDebris.isAdMarker(chunk.get(0)));
        return kept;
    }

    private static boolean looksLikeBody(List<String> chunk) {
        boolean hasDateline = chunk.stream().anyMatch(l -> DatelineParser.parseLine(l).isPresent());
        return !hasDateline && (chunk.size() > 1 && !isUnderlined(chunk) || chunk.get(0).length() > MAX_HEAD_LINE);
    }

    // ---------------------------------------------------------------- head

    private record Head(
            String title,
            Optional<String> summary,
            Optional<Published> published,
            Optional<String> author,
            Optional<String> source,
            Optional<String> link,
            Map<String, String> properties,
            List<List<String>> bodyChunks) {}

    /** Collects the head's metadata; what is left of the file is the body. */
    private static final class HeadReader {
        String title = "";
        final List<String> deck = new ArrayList<>();
        Published published;
        Published updated;
        String author;
        String source;
        String link;
        final Map<String, String> properties = new LinkedHashMap<>();

        void take(DatelineParser.Dateline line) {
            if (published == null) {
                published = line.published().orElse(null);
            }
            if (updated == null) {
                updated = line.updated().orElse(null);
            }
            if (author == null) {
                author = line.author().orElse(null);
            }
        }

        /** "Title: ..." header fields, as some scrapers write them; false when a line is not one. */
        boolean takeFields(List<String> lines) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : lines) {
                Matcher m = FIELD.matcher(line);
                if (!m.matches()) {
                    return false;
                }
                String key = m.group("key").strip().toLowerCase(Locale.ROOT);
                if (!FIELD_KEYS.contains(key)) {
                    return false;
                }
                fields.put(key, m.group("value").strip());
            }
            // One "Summary: ..." line may be a title; a lone field must say what it is plainly.
            if (fields.size() == 1 && !Set.of("title", "headline", "url", "link").containsAll(fields.keySet())) {
                return false;
            }
            for (Map.Entry<String, String> field : fields.entrySet()) {
                takeField(field.getKey(), field.getValue());
            }
            return true;
        }

        private void takeField(String key, String value) {
            switch (key) {
                case "title", "headline" -> title = value;
                case "subtitle", "summary", "description" -> deck.add(value);
                case "author", "authors", "by", "byline" -> author =
                        DatelineParser.parseNames(value.replaceFirst("(?i)^by\\s+", "")).orElse(value);
                case "date", "published" -> published = DatelineParser.parseDate(value).orElse(published);
                case "updated" -> updated = DatelineParser.parseDate(value).orElse(updated);
                case "source", "publisher" -> source = value;
                case "url", "link" -> link = value;
                case "tags" -> properties.put("tags", value);
                case "category", "categories" -> properties.put("categories", value);
                case "section" -> properties.put("section", value);
                default -> throw new IllegalStateException("unexpected field " + key);
            }
        }

        Head head(List<List<String>> body) {
            if (updated != null) {
                properties.put("modified", updated.toString());
            }
            // A page that prints only when it was last updated still dates the article best that way.
            Published date = published != null ? published : updated;
            return new Head(
                    title,
                    deck.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", deck)),
                    Optional.ofNullable(date),
                    Optional.ofNullable(author),
                    Optional.ofNullable(source),
                    Optional.ofNullable(link),
                    properties,
                    body);
        }
    }

    private static Head readHead(List<List<String>> chunks) {
        HeadReader head = new HeadReader();
        int start = 0;
        if (!chunks.isEmpty() && head.takeFields(chunks.get(0))) {
            start = 1;
        }
        int datelineChunk = findDateline(chunks, start);
        if (datelineChunk < 0) {
            List<List<String>> body = new ArrayList<>(chunks.subList(start, chunks.size()));
            if (head.title.isEmpty() && body.size() >= 2 && isTitle(body.get(0))) {
                head.title = titleText(body.remove(0));
            }
            return head.head(body);
        }
        // Everything above the dateline is the title and the deck.
        List<String> above = new ArrayList<>();
        for (int i = start; i < datelineChunk; i++) {
            above.add(titleText(chunks.get(i)));
        }
        List<String> chunk = chunks.get(datelineChunk);
        int line = 0;
        while (DatelineParser.parseLine(chunk.get(line)).isEmpty()) {
            above.add(chunk.get(line++));
        }
        while (line < chunk.size()) {
            Optional<DatelineParser.Dateline> dateline = DatelineParser.parseLine(chunk.get(line));
            if (dateline.isEmpty()) {
                break;
            }
            head.take(dateline.get());
            line++;
        }
        List<List<String>> body = new ArrayList<>();
        if (line < chunk.size()) {
            // A caption or the first paragraph printed right under the dateline.
            body.add(chunk.subList(line, chunk.size()));
        }
        int next = datelineChunk + 1;
        while (body.isEmpty() && next < chunks.size() && isAllDatelines(chunks.get(next))) {
            chunks.get(next).forEach(l -> head.take(DatelineParser.parseLine(l).orElseThrow()));
            next++;
        }
        body.addAll(chunks.subList(next, chunks.size()));
        if (above.size() >= 3 && isSectionLabel(above.get(0))) {
            // "North Korea" above headline and deck: the section the page filed the article under.
            head.properties.put("section", above.remove(0));
        }
        if (head.title.isEmpty() && !above.isEmpty()) {
            head.title = above.remove(0);
        }
        head.deck.addAll(above);
        if (head.title.isEmpty() && body.size() >= 2 && isTitle(body.get(0))) {
            // A dateline printed above the title.
            head.title = titleText(body.remove(0));
        }
        return head.head(body);
    }

    private static boolean isSectionLabel(String line) {
        return line.length() <= MAX_SECTION_LABEL && line.split("\\s+").length <= 3 && !endsSentence(line);
    }

    /**
     * The reporter's signature some papers print under the article ("By Ji Da-gyum
     * (dagyumji@heraldcorp.com)"): the author, not article text. Only a byline with an e-mail
     * address counts, so a last paragraph is never mistaken for one.
     */
    private static Optional<String> signature(List<List<String>> body) {
        if (body.size() < 2 || body.get(body.size() - 1).size() != 1) {
            return Optional.empty();
        }
        String line = body.get(body.size() - 1).get(0);
        if (!line.contains("@")) {
            return Optional.empty();
        }
        return DatelineParser.parseLine(line)
                .filter(d -> d.published().isEmpty() && d.updated().isEmpty())
                .flatMap(DatelineParser.Dateline::author);
    }

    /**
     * The chunk holding the dateline, when it comes right after a few short head lines (title,
     * deck); -1 when the file has none before its body.
     */
    private static int findDateline(List<List<String>> chunks, int start) {
        int sentences = 0;
        for (int i = start; i < Math.min(start + MAX_HEAD_CHUNKS, chunks.size()); i++) {
            List<String> chunk = chunks.get(i);
            for (String line : chunk) {
                if (DatelineParser.parseLine(line).isPresent()) {
                    // A byline closing a short article is a footer: nothing would be left for the body.
                    boolean footer = i == chunks.size() - 1 && isAllDatelines(chunk) && i - start >= 2;
                    return footer ? -1 : i;
                }
                if (line.length() > MAX_HEAD_LINE || line.length() > MAX_DECK_SENTENCE && endsSentence(line)) {
                    return -1;
                }
                // A headline may end with a full stop, and so may a deck; two more sentences are body.
                if (endsSentence(line) && ++sentences > 2) {
                    return -1;
                }
            }
            if (chunk.size() > 1 && !isUnderlined(chunk)) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isAllDatelines(List<String> chunk) {
        return chunk.stream().allMatch(l -> DatelineParser.parseLine(l).isPresent());
    }

    private static boolean isTitle(List<String> chunk) {
        if (isUnderlined(chunk)) {
            return true;
        }
        if (chunk.size() != 1) {
            return false;
        }
        String line = chunk.get(0);
        Matcher atx = ATX_HEADING.matcher(line);
        if (atx.matches()) {
            return true;
        }
        return line.length() <= MAX_TITLE
                && !line.matches(".*[.,;:][\"'”’)]*")
                && !startsBlock(line)
                && !CaptionCredits.isCaption(line);
    }

    private static String titleText(List<String> chunk) {
        if (isUnderlined(chunk)) {
            return chunk.get(0);
        }
        String joined = String.join(" ", chunk);
        Matcher atx = ATX_HEADING.matcher(joined);
        return atx.matches() ? atx.group(1) : joined;
    }

    private static boolean isUnderlined(List<String> chunk) {
        return chunk.size() == 2 && chunk.get(1).length() >= 3 && UNDERLINE.matcher(chunk.get(1)).matches();
    }

    // ---------------------------------------------------------------- body

    private record Unit(BlockKind kind, String text, boolean standalone) {}

    private static Body readBody(List<List<String>> chunks) {
        List<Unit> units = new ArrayList<>();
        for (List<String> chunk : chunks) {
            units.addAll(units(chunk));
        }
        BodyBuilder body = new BodyBuilder();
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            BlockKind kind = unit.kind();
            if (kind == BlockKind.PARAGRAPH) {
                kind = classify(unit, !body.isEmpty(), i + 1 < units.size());
            }
            body.add(kind, unit.text());
        }
        return body.build();
    }

    private static BlockKind classify(Unit unit, boolean afterText, boolean beforeText) {
        String text = unit.text();
        if (CaptionCredits.isCaption(text)) {
            // A wire story ends "... the ministry said. (Yonhap)": that credits the story, not a photo.
            boolean storyCredit = !beforeText && CaptionCredits.endsWithWireCredit(text);
            return storyCredit ? BlockKind.PARAGRAPH : BlockKind.CAPTION;
        }
        if (unit.standalone() && afterText && beforeText && isHeading(text)) {
            return BlockKind.HEADING;
        }
        return BlockKind.PARAGRAPH;
    }

    /** Splits one chunk into list items, quotes, headings, captions and paragraphs. */
    private static List<Unit> units(List<String> chunk) {
        List<Unit> units = new ArrayList<>();
        if (isUnderlined(chunk)) {
            units.add(new Unit(BlockKind.HEADING, chunk.get(0), true));
            return units;
        }
        BlockKind kind = null;
        StringBuilder text = new StringBuilder();
        for (String line : chunk) {
            Matcher list = LIST_ITEM.matcher(line);
            Matcher quote = QUOTE.matcher(line);
            Matcher heading = ATX_HEADING.matcher(line);
            if (list.matches()) {
                flush(units, kind, text, chunk.size() == 1);
                kind = BlockKind.LIST_ITEM;
                text.append(list.group(1));
            } else if (quote.matches()) {
                if (kind != BlockKind.QUOTE) {
                    flush(units, kind, text, chunk.size() == 1);
                    kind = BlockKind.QUOTE;
                }
                text.append(' ').append(quote.group(1));
            } else if (heading.matches()) {
                flush(units, kind, text, chunk.size() == 1);
                units.add(new Unit(BlockKind.HEADING, heading.group(1), true));
                kind = null;
            } else {
                if (kind == BlockKind.QUOTE) {
                    flush(units, kind, text, false);
                    kind = null;
                }
                if (kind == null) {
                    kind = BlockKind.PARAGRAPH;
                }
                text.append(' ').append(line);
                if (kind == BlockKind.PARAGRAPH && CaptionCredits.isCaption(line)) {
                    // A caption glued to the next paragraph without a blank line ends at its credit.
                    flush(units, kind, text, chunk.size() == 1);
                    kind = null;
                }
            }
        }
        flush(units, kind, text, chunk.size() == 1);
        return units;
    }

    private static void flush(List<Unit> units, BlockKind kind, StringBuilder text, boolean standalone) {
        if (kind != null && !text.toString().isBlank()) {
            units.add(new Unit(kind, text.toString().strip(), standalone));
        }
        text.setLength(0);
    }

    /**
     * A short line in capitals or Title Case without closing punctuation, standing alone between
     * paragraphs: a subheading. Korean has no case, so Korean subheadings stay paragraphs.
     */
    private static boolean isHeading(String line) {
        if (line.length() > MAX_HEADING || line.matches(".*[.,;:!?\"'”’…)\\]]")) {
            return false;
        }
        String[] words = line.split("\\s+");
        if (words.length > MAX_HEADING_WORDS) {
            return false;
        }
        long upper = line.chars().filter(Character::isUpperCase).count();
        long lower = line.chars().filter(Character::isLowerCase).count();
        if (upper >= 2 && lower == 0) {
            return true;
        }
        if (upper == 0 || line.contains(",")) {
            return false;
        }
        for (String word : words) {
            int first = word.codePointAt(0);
            if (Character.isLowerCase(first) && !SMALL_WORDS.contains(word)) {
                return false;
            }
            if (!Character.isLetterOrDigit(first) && word.length() > 1
                    && Character.isLowerCase(word.codePointAt(1))) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsBlock(String line) {
        return LIST_ITEM.matcher(line).matches() || QUOTE.matcher(line).matches();
    }

    private static boolean startsLowerCase(String line) {
        return Character.isLowerCase(line.codePointAt(0));
    }

    private static boolean endsSentence(String line) {
        return line.matches(".*[.!?\"'”’…:)]");
    }
}
