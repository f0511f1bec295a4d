package quire.service;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches a corpus folder and its sub-folders (including ones made later) and reports which paths
 * changed, so that the app indexes new and changed files as they arrive instead of re-checking the
 * whole corpus. Changes are gathered until the folder has been quiet for a moment (a copy of 100
 * files is one report, not 100). Hidden files and folders, and the workspace, are ignored.
 *
 * <p>The report is the set of changed paths, relative to the corpus with {@code /} separators (a
 * folder stands for everything in it), or empty when the system lost track of events (an
 * overflow) and only a full re-check can tell what changed. Reports are made on the watcher's own
 * thread, one at a time.
 */
public final class CorpusWatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CorpusWatcher.class.getName());
    /** However busy the folder stays, what arrived is reported at least this often. */
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Path corpus;
    private final Path workspace;
    private final long quietNanos;
    private final Consumer<Optional<Set<String>>> onChange;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    private CorpusWatcher(Path corpus, Path workspace, Duration quiet, Consumer<Optional<Set<String>>> onChange) throws IOException {
        this.corpus = corpus.toAbsolutePath().normalize();
        this.workspace = workspace.toAbsolutePath().normalize();
        this.quietNanos = quiet.toNanos();
        this.onChange = onChange;
        this.service = FileSystems.getDefault().newWatchService();
        this.thread = new Thread(this::run, "quire-watcher");
        thread.setDaemon(true);
    }

    /**
     * Starts watching {@code corpus}.
     *
     * @param workspace ignored, with everything in it, when it is inside the corpus
     * @param quiet how long the folder must be quiet before the changes are reported
     * @throws IOException when the folder cannot be watched
     */
    public static CorpusWatcher start(Path corpus, Path workspace, Duration quiet, Consumer<Optional<Set<String>>> onChange)
            throws IOException {
        CorpusWatcher watcher = new CorpusWatcher(corpus, workspace, quiet, onChange);
        try {
            watcher.registerTree(watcher.corpus);
        } catch (IOException e) {
            watcher.service.close();
            throw e;
        }
        watcher.thread.start();
        return watcher;
    }

    /** Stops watching; a report under way finishes first. */
    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not close the watch on " + corpus, e);
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            while (!closed) {
                WatchKey first = service.take();
                Set<String> changed = new TreeSet<>();
                boolean overflow = collect(first, changed);
                // Keep gathering until the folder is quiet, or for at most MAX_WAIT.
                long deadline = System.nanoTime() + MAX_WAIT_NANOS;
                for (WatchKey next = service.poll(quietNanos, TimeUnit.NANOSECONDS);
                        next != null;
                        next = System.nanoTime() < deadline ? service.poll(quietNanos, TimeUnit.NANOSECONDS) : null) {
                    overflow |= collect(next, changed);
                }
                if (closed) {
                    return;
                }
                if (overflow) {
                    onChange.accept(Optional.empty());
                } else if (!changed.isEmpty()) {
                    onChange.accept(Optional.of(changed));
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException stopped) {
            // close() was called.
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Watching " + corpus + " failed; changes are found at the next re-check", e);
        }
    }

    /** Adds the paths one key reports to {@code changed}; true if events were lost. */
    private boolean collect(WatchKey key, Set<String> changed) {
        Path folder = folders.get(key);
        boolean overflow = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                overflow = true;
                continue;
            }
            if (folder == null) {
                continue;
            }
            Path file = folder.resolve((Path) event.context());
            if (ignored(file)) {
                continue;
            }
            changed.add(relative(file));
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(file)) {
                // Files may land in a new folder before it is watched; the folder's path in the
                // report makes the indexer read all of it.
                try {
                    registerTree(file);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "Cannot watch the new folder " + file, e);
                    overflow = true;
                }
            }
        }
        if (!key.reset()) {
            folders.remove(key);
        }
        return overflow;
    }

    private void registerTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!dir.equals(corpus) && ignored(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                WatchKey key = dir.register(service,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
                folders.put(key, dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // An unreadable folder is reported by the re-check; the rest is still watched.
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private boolean ignored(Path file) {
        if (file.startsWith(workspace)) {
            return true;
        }
        for (Path name : corpus.relativize(file)) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private String relative(Path file) {
        return corpus.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
