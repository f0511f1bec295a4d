package quire.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import quire.model.QuireException;

/**
 * The sample corpus shipped inside the packaged app, and the analyst's own copy of it. The shipped
 * one is read-only (it lives under /opt or Program Files), so it is copied into the data directory
 * once, where it can be indexed and annotated like any other corpus. Thread-safe: it holds no state.
 */
public final class SampleCorpus {
    /** Set by the packaged launcher to the shipped sample ({@code $APPDIR/sample-corpus}); absent under ./quire. */
    public static final String PROPERTY = "quire.sampleCorpus";
    private static final System.Logger LOG = System.getLogger(SampleCorpus.class.getName());

    private final Path shipped;
    private final Path copy;

    /**
     * @param shipped the sample as shipped with the app
     * @param dataDir the user's data directory; the copy goes to {@code <dataDir>/sample-corpus}
     */
    public SampleCorpus(Path shipped, Path dataDir) {
        this.shipped = Objects.requireNonNull(shipped, "shipped");
        this.copy = Objects.requireNonNull(dataDir, "dataDir").resolve("sample-corpus");
    }

    /** The sample the packaged launcher points to, if this process was started by it and the sample is there. */
    public static Optional<SampleCorpus> shipped(Path dataDir) {
        String value = System.getProperty(PROPERTY, "");
        if (value.isBlank() || !Files.isDirectory(Path.of(value))) {
            return Optional.empty();
        }
        return Optional.of(new SampleCorpus(Path.of(value), dataDir));
    }

    /** Where the analyst's copy is (or will be). */
    public Path copy() {
        return copy;
    }

    /**
     * The analyst's copy, made from the shipped sample first if there is none yet. An existing copy is
     * never overwritten: it may hold the analyst's annotations and index.
     *
     * @throws QuireException when the copy cannot be made
     */
    public Path install() {
        if (Files.isDirectory(copy)) {
            return copy;
        }
        Path partial = copy.resolveSibling("sample-corpus.partial-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(copy.getParent());
            deleteTree(partial);
            copyTree(shipped, partial);
            // Copy to a side folder, then rename, so a copy cut short by a crash is never taken for the sample.
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
            LOG.log(System.Logger.Level.INFO, "Copied the sample corpus to {0}", copy);
            return copy;
        } catch (IOException e) {
            if (Files.isDirectory(copy)) {
                // Another Quire made the copy at the same time; theirs is as good as ours.
                deleteQuietly(partial);
                return copy;
            }
            deleteQuietly(partial);
            throw new QuireException("The sample corpus could not be copied to " + copy + ": " + e.getMessage(), e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                // Copied as a stream, so the copy gets the user's default permissions: Files.copy(Path, Path)
                // would carry over the shipped files' read-only mode.
                try (InputStream in = Files.newInputStream(file)) {
                    Files.copy(in, to.resolve(from.relativize(file).toString()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot remove " + dir, e);
        }
    }
}
