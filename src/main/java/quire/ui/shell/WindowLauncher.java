package quire.ui.shell;

import java.awt.Desktop;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import quire.model.QuireException;
import quire.service.AppDirs;
import quire.service.CorpusService;
import quire.service.Workspace;
import quire.ui.OpenCorpus;
import quire.ui.SampleCorpus;
import quire.ui.Settings;

/**
 * Starts JavaFX without an {@code Application} subclass, so the window gets its services by
 * constructor, and blocks until the window is closed.
 */
public final class WindowLauncher {
    private static final System.Logger LOG = System.getLogger(WindowLauncher.class.getName());
    /** System property: close the window once start-up is complete (see {@link #exitAfterStartup}). */
    public static final String EXIT_AFTER_STARTUP = "quire.exitAfterStartup";

    private WindowLauncher() {}

    /**
     * Opens the window on {@code corpus} and returns when it is closed.
     *
     * @throws QuireException when there is no display to open a window on
     */
    public static void run(Path corpus, CorpusService service, AppDirs dirs) {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(dirs, "dirs");
        ExecutorService work = Executors.newSingleThreadExecutor(workThreads());
        ExecutorService indexing = Executors.newSingleThreadExecutor(indexingThreads());
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        // The corpus (database, index) opens while JavaFX starts and the window is built: opened
        // after the window was shown, it put the first results 0.9 s after it (BENCHMARKS.md, fix 18).
        Future<OpenCorpus> opening = Files.isDirectory(corpus)
                ? work.submit(() -> withFirstSearch(OpenCorpus.open(service, Workspace.resolve(corpus, Optional.empty(), dirs))))
                : null;
        try {
            Platform.startup(() -> {
                try {
                    Platform.setImplicitExit(false);
                    nameWindowsForTheDesktop();
                    Settings settings = Settings.load(dirs.dataDir().resolve("window.properties"));
                    QuireWindow.useThemeStylesheet(settings);
                    QuireWindow window = new QuireWindow(new Stage(), new QuireWindow.Services(service, dirs, settings,
                            work, indexing, WindowLauncher::openLink, SampleCorpus.shipped(dirs.dataDir())));
                    window.setOnClosed(() -> {
                        Platform.exit();
                        closed.countDown();
                    });
                    if (Boolean.getBoolean(EXIT_AFTER_STARTUP)) {
                        exitAfterStartup(window);
                    }
                    window.show();
                    if (opening != null) {
                        window.open(corpus, opening);
                    } else {
                        window.open(corpus);
                    }
                } catch (RuntimeException e) {
                    failed.set(e);
                    Platform.exit();
                    closed.countDown();
                }
            });
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.log(System.Logger.Level.ERROR, "JavaFX could not start", e);
            closeQuietly(opening);
            throw new QuireException("The Quire window cannot open here (" + e.getMessage()
                    + "). Is there a display? The command line works without one: ./quire --help", e);
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        indexing.shutdownNow();
        work.shutdown();
        try {
            // Pending annotation writes finish before the process ends; the queue is short.
            work.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failed.get() != null) {
            LOG.log(System.Logger.Level.ERROR, "The window failed to open", failed.get());
            throw new QuireException("The Quire window failed to open: " + failed.get().getMessage(), failed.get());
        }
    }

    /**
     * Runs the window's first search while the window is still being built, for the window to take
     * (see {@link OpenCorpus#prime}): the first search of a process ran for most of a second of
     * cold code (query, facets), after the window was shown.
     */
    private static OpenCorpus withFirstSearch(OpenCorpus open) {
        try {
            open.prime(quire.ui.search.SearchPane.openingRequest());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "The first search failed here; the window's own will say why", e);
        }
        return open;
    }

    /** Closes a corpus opened for a window that could not start, so its workspace is free at once. */
    private static void closeQuietly(Future<OpenCorpus> opening) {
        if (opening == null) {
            return;
        }
        try {
            opening.get().close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "The corpus opened for the window did not open or close", e);
        }
    }

    /**
     * Linux docks and task bars match a window to its menu entry by the window's WM_CLASS
     * (StartupWMClass=Quire in the .deb's desktop entry); JavaFX takes it from its internal
     * application name, which only Application.launch sets ("java" otherwise). Internal API, reached
     * reflectively: if it is gone, the window is still fine, only grouped under a generic icon.
     */
    private static void nameWindowsForTheDesktop() {
        try {
            Class<?> glass = Class.forName("com.sun.glass.ui.Application");
            Object application = glass.getMethod("GetApplication").invoke(null);
            glass.getMethod("setName", String.class).invoke(application, "Quire");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "Cannot name the window class for the desktop", e);
        }
    }

    /**
     * For timing start-up and for the class-data-sharing training run of the packaged app: close the
     * window as soon as its corpus is open and indexed, or after a minute whatever happens.
     */
    private static void exitAfterStartup(QuireWindow window) {
        window.setOnReady(window::close);
        Thread guard = new Thread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "Start-up did not finish within a minute; closing anyway");
            Platform.runLater(window::close);
        }, "quire-exit-after-startup");
        guard.setDaemon(true);
        guard.start();
    }

    /** Saves, searches and reads: what the analyst waits for, at normal priority. */
    static java.util.concurrent.ThreadFactory workThreads() {
        return daemon("quire-work", Thread.NORM_PRIORITY);
    }

    /**
     * Indexing, below normal priority so that the JavaFX thread gets a CPU first (its stalls during
     * indexing were mostly waiting for one: RELIABILITY.md, Load). Threads it starts inherit this.
     */
    static java.util.concurrent.ThreadFactory indexingThreads() {
        return daemon("quire-indexing", Thread.MIN_PRIORITY);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name, int priority) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.setPriority(priority);
            return t;
        };
    }

    /** Opens a link in the browser; where that is impossible, copies it so it can be pasted. */
    static void openLink(String link) {
        Thread t = new Thread(() -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(URI.create(link));
                    return;
                }
            } catch (Exception e) {
                LOG.log(System.Logger.Level.INFO, "Cannot open " + link + " in a browser", e);
            }
            Platform.runLater(() -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(link);
                Clipboard.getSystemClipboard().setContent(content);
            });
        }, "quire-open-link");
        t.setDaemon(true);
        t.start();
    }
}
