package quire.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Quire keeps what it builds for a corpus: the index (a rebuildable cache) and, later, the
 * annotations database (the only copy of the analyst's work).
 *
 * @param corpus the corpus folder, absolute and normalised
 * @param dir the workspace folder
 */
public record Workspace(Path corpus, Path dir) {
    public static final String DEFAULT_NAME = ".quire";

    public Workspace {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(dir, "dir");
    }

    /**
     * The workspace of a corpus: {@code override} when given; else {@code <corpus>/.quire} when
     * that can be written; else a folder for this corpus under the user's data directory, so that
     * a read-only corpus (a CD, a shared drive) still gets an index.
     */
    public static Workspace resolve(Path corpus, Optional<Path> override, AppDirs dirs) {
        return resolve(corpus, override, dirs, Files::isWritable);
    }

    /** As {@link #resolve(Path, Optional, AppDirs)}, with the writability test replaceable for tests run as root. */
    static Workspace resolve(Path corpus, Optional<Path> override, AppDirs dirs, java.util.function.Predicate<Path> writable) {
        Path absolute = corpus.toAbsolutePath().normalize();
        if (override.isPresent()) {
            return new Workspace(absolute, override.get().toAbsolutePath().normalize());
        }
        Path inCorpus = absolute.resolve(DEFAULT_NAME);
        if (writable.test(Files.isDirectory(inCorpus) ? inCorpus : absolute)) {
            return new Workspace(absolute, inCorpus);
        }
        String name = absolute.getFileName() == null ? "root" : absolute.getFileName().toString();
        return new Workspace(absolute, dirs.dataDir().resolve("workspaces").resolve(safe(name) + "-" + shortHash(absolute)));
    }

    public Path indexDir() {
        return dir.resolve("index");
    }

    /** Creates the workspace folder if needed. */
    public void create() throws IOException {
        Files.createDirectories(dir);
    }

    private static String safe(String name) {
        String cleaned = name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }

    private static String shortHash(Path path) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(path.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
