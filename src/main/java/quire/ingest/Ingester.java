package quire.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import quire.model.Article;
import quire.model.Block;
import quire.model.Problem;

/**
 * Turns one corpus file into articles. Never throws for a bad file: whatever goes wrong becomes a
 * {@link Problem} naming the file, and the run goes on. Thread-safe; files read at the same time
 * share one {@link MemoryBudget}.
 */
public final class Ingester {
    /** Files larger than this are rejected: no real article is 50 MB, and reading it would cost memory. */
    public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(Ingester.class.getName());
    private static final int TITLE_FROM_TEXT_MAX = 100;

    private final long maxFileBytes;
    private final MemoryBudget memory;
    /**
     * Made on first use: they set up Jackson and jsoup (a fifth of a second of CPU), which the
     * window, built with this ingester, does not need before it is shown.
     */
    private volatile Readers readers;

    private record Readers(FormatReader wordPress, FormatReader htmlPage, FormatReader markdown, FormatReader plainText) {}

    public Ingester() {
        this(DEFAULT_MAX_FILE_BYTES);
    }

    public Ingester(long maxFileBytes) {
        this(maxFileBytes, MemoryBudget.ofHeap());
    }

    public Ingester(long maxFileBytes, MemoryBudget memory) {
        this.maxFileBytes = maxFileBytes;
        this.memory = memory;
    }

    /** Memory held while one file is read; close it when the file's articles are built. */
    public interface Reservation extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Holds the memory reading {@code file} will need, waiting while other large files are being
     * read; refuses a file that could never fit in this JVM's heap.
     *
     * @throws IngestException naming the sizes, when the file can never be read here
     */
    public Reservation reserve(Path file) throws IOException {
        long size = Files.size(file);
        if (size > maxFileBytes) {
            throw tooLarge(size);
        }
        if (!memory.fits(size)) {
            throw new IngestException(String.format(
                    "The file is too large to read with the memory Quire has (%s; with this memory Quire reads files"
                            + " up to %s). Start Quire with more memory, for example QUIRE_JAVA_OPTS=-Xmx4g, to read it.",
                    megabytes(size), megabytes(memory.largestFile())));
        }
        long need = memory.need(size);
        try {
            memory.acquire(need);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Stopped while waiting for memory to read " + file);
        }
        return () -> memory.release(need);
    }

    /**
     * Reads one file.
     *
     * @param path the file's path relative to the corpus folder, {@code /}-separated, for messages
     */
    public FileIngest ingest(Path file, String path) {
        try (Reservation held = reserve(file)) {
            byte[] bytes = readBounded(file);
            return ingest(bytes, path);
        } catch (NoSuchFileException e) {
            return failed(path, "The file disappeared while it was being read.");
        } catch (IngestException e) {
            return failed(path, e.getMessage());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot read " + path, e);
            return failed(path, "The file cannot be read: " + describe(e) + ".");
        }
    }

    /** Reads a file's content that is already in memory. */
    public FileIngest ingest(byte[] bytes, String path) {
        try {
            if (bytes.length == 0) {
                throw new IngestException("The file is empty.");
            }
            DecodedText decoded = skipJunkBeforeJson(TextDecoder.decode(bytes));
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            Format format = Format.sniff(decoded.text(), fileName);
            ReadResult result = readerFor(format).read(decoded.text(), fileName);
            return toArticles(path, fileName, decoded, result);
        } catch (IngestException e) {
            return failed(path, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // A reader bug or a pathological input must cost one file, not the run.
            LOG.log(System.Logger.Level.ERROR, "Unexpected failure reading " + path, e);
            return failed(path, "The file could not be read (" + e.getClass().getSimpleName() + "); see the log.");
        }
    }

    private static DecodedText skipJunkBeforeJson(DecodedText decoded) {
        int junk = Format.junkBeforeJson(decoded.text());
        if (junk == 0) {
            return decoded;
        }
        List<String> warnings = new ArrayList<>(decoded.warnings());
        warnings.add(junk + " characters before the JSON were not part of it and were skipped.");
        return new DecodedText(decoded.text().substring(junk), warnings);
    }

    private FileIngest toArticles(String path, String fileName, DecodedText decoded, ReadResult result) {
        List<Problem> problems = new ArrayList<>();
        for (String warning : decoded.warnings()) {
            problems.add(Problem.warning(path, warning));
        }
        for (String skipped : result.skipped()) {
            problems.add(Problem.warning(path, skipped));
        }
        List<Article> articles = new ArrayList<>();
        for (ArticleDraft draft : result.drafts()) {
            Optional<Article> article = toArticle(path, fileName, decoded, draft, problems);
            article.ifPresent(articles::add);
        }
        if (articles.isEmpty() && problems.stream().noneMatch(p -> p.severity() == quire.model.Severity.ERROR)) {
            problems.add(Problem.error(path, "No article text could be found in the file."));
        }
        return new FileIngest(path, articles, problems);
    }

    private Optional<Article> toArticle(
            String path, String fileName, DecodedText decoded, ArticleDraft draft, List<Problem> problems) {
        Body body = draft.body();
        String label = draft.title().isBlank() ? "" : " (\"" + abbreviate(draft.title(), 60) + "\")";
        if (body.isEmpty()) {
            String why = draft.warnings().isEmpty() ? "it has no text" : String.join(" ", draft.warnings());
            problems.add(Problem.error(path, "An article" + label + " was skipped: " + lowerFirst(why)));
            return Optional.empty();
        }
        for (String warning : draft.warnings()) {
            problems.add(Problem.warning(path, warning));
        }
        String title = BodyBuilder.clean(draft.title());
        if (title.isEmpty()) {
            title = titleFromText(body, fileName);
        }
        Optional<String> source = draft.source().or(() -> draft.link().flatMap(ArticleKeys::hostOf));
        List<String> warnings = new ArrayList<>(decoded.warnings());
        warnings.addAll(draft.warnings());
        String key = ArticleKeys.keyOf(draft, title, body.text());
        return Optional.of(new Article(
                key,
                path,
                title,
                draft.published(),
                draft.author().map(BodyBuilder::clean).filter(s -> !s.isEmpty()),
                source.map(BodyBuilder::clean).filter(s -> !s.isEmpty()),
                draft.link().map(String::strip).filter(s -> !s.isEmpty()),
                draft.summary().map(BodyBuilder::clean).filter(s -> !s.isEmpty()),
                withGuid(draft),
                warnings,
                body.text(),
                body.blocks()));
    }

    private static java.util.Map<String, String> withGuid(ArticleDraft draft) {
        java.util.Map<String, String> properties = new java.util.TreeMap<>(draft.properties());
        draft.guid().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(g -> properties.put("guid", g));
        return properties;
    }

    private FormatReader readerFor(Format format) {
        Readers r = readers();
        return switch (format) {
            case WORDPRESS_JSON -> r.wordPress();
            case HTML_PAGE -> r.htmlPage();
            case MARKDOWN -> r.markdown();
            case PLAIN_TEXT -> r.plainText();
        };
    }

    private Readers readers() {
        Readers r = readers;
        if (r == null) {
            synchronized (this) {
                r = readers;
                if (r == null) {
                    r = new Readers(new WordPressReader(), new HtmlPageReader(), new MarkdownReader(), new PlainTextReader());
                    readers = r;
                }
            }
        }
        return r;
    }

    /**
     * Reads a file's bytes, refusing files over the size limit.
     *
     * @throws IngestException when the file is too large
     */
    private IngestException tooLarge(long size) {
        return new IngestException(String.format(
                "The file is too large to be an article (%s; the limit is %s).", megabytes(size), megabytes(maxFileBytes)));
    }

    public byte[] readBounded(Path file) throws IOException {
        long size = Files.size(file);
        if (size > maxFileBytes) {
            throw tooLarge(size);
        }
        try (InputStream in = Files.newInputStream(file)) {
            // Straight into an array of the measured size: reading to the end of the stream instead
            // filled and copied 8 KB buffers, a good part of a first index's allocation.
            byte[] bytes = new byte[(int) size];
            int read = in.readNBytes(bytes, 0, bytes.length);
            if (read < bytes.length) {
                return java.util.Arrays.copyOf(bytes, read); // shrunk since it was measured
            }
            if (in.read() < 0) {
                return bytes;
            }
        }
        // Grown since it was measured: read again to the end, but never past the limit.
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(maxFileBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxFileBytes) {
                throw new IngestException("The file is too large to be an article (over " + megabytes(maxFileBytes) + ").");
            }
            return bytes;
        }
    }

    private static String titleFromText(Body body, String fileName) {
        Block first = body.blocks().get(0);
        String text = body.text().substring(first.start(), first.end());
        String title = abbreviate(text, TITLE_FROM_TEXT_MAX);
        if (title.isBlank()) {
            int dot = fileName.lastIndexOf('.');
            return dot > 0 ? fileName.substring(0, dot) : fileName;
        }
        return title;
    }

    /** Cuts at a word boundary and marks the cut with an ellipsis. */
    static String abbreviate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        return text.substring(0, cut).strip() + "…";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String megabytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%d KB", (bytes + 1023) / 1024);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static FileIngest failed(String path, String message) {
        return new FileIngest(path, List.of(), List.of(Problem.error(path, message)));
    }
}
