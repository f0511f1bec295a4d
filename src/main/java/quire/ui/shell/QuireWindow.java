package quire.ui.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import quire.model.Article;
import quire.model.Highlight;
import quire.model.TagSummary;
import quire.model.TextRange;
import quire.service.AppDirs;
import quire.service.CorpusService;
import quire.service.IndexReport;
import quire.service.Workspace;
import quire.ui.Background;
import quire.ui.OpenCorpus;
import quire.ui.SampleCorpus;
import quire.ui.Settings;
import quire.ui.annotations.AnnotationsPane;
import quire.ui.annotations.Annotator;
import quire.ui.export.ExportDialog;
import quire.ui.problems.ProblemsView;
import quire.ui.reader.ReaderPane;
import quire.ui.search.SearchPane;
import quire.ui.tags.TagBrowser;

/**
 * The Quire window: search on the left, the reader in the middle, annotations and tags on the
 * right, a status bar with indexing progress. It owns the open corpus and wires the feature views
 * together; every service call goes through {@link Background}.
 */
public final class QuireWindow {
    private static final System.Logger LOG = System.getLogger(QuireWindow.class.getName());
    private final Stage stage;
    private final CorpusService service;
    private final AppDirs dirs;
    private final Settings settings;
    private final Consumer<String> linkOpener;
    private final Optional<SampleCorpus> sample;
    private final Background background;
    private final BorderPane root = new BorderPane();
    private final SplitPane split;
    private final SearchPane search;
    private final ReaderPane reader;
    private final Annotator annotator;
    private final AnnotationsPane annotations;
    private final TagBrowser tagBrowser;
    private final TabPane side = new TabPane();
    private final Label status = new Label();
    private final Hyperlink problemsLink = new Hyperlink();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button(null, new FontIcon("mdi2c-close"));
    private final Label dropHint = new Label("Drop a folder to open it as a corpus");
    private final Menu recentMenu = new Menu("Open Recent");
    private final ProblemsView problems;
    private OpenCorpus corpus;
    private Background.Job indexing;
    private Theme theme;
    private long articleGeneration;
    private boolean dividersMoved;
    private Runnable onClosed = () -> {};
    private Runnable onReady = () -> {};

    /**
     * What the window needs from outside: the services, where to remember its state, where to run
     * work, and the sample corpus shipped with the packaged app (absent under ./quire).
     */
    public record Services(CorpusService corpus, AppDirs dirs, Settings settings, Executor work, Executor indexing,
            Consumer<String> linkOpener, Optional<SampleCorpus> sample) {
        public Services {
            Objects.requireNonNull(corpus, "corpus");
            Objects.requireNonNull(dirs, "dirs");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(work, "work");
            Objects.requireNonNull(indexing, "indexing");
            Objects.requireNonNull(linkOpener, "linkOpener");
            Objects.requireNonNull(sample, "sample");
        }

        /** Services without a shipped sample corpus. */
        public Services(CorpusService corpus, AppDirs dirs, Settings settings, Executor work, Executor indexing,
                Consumer<String> linkOpener) {
            this(corpus, dirs, settings, work, indexing, linkOpener, Optional.empty());
        }
    }

    public QuireWindow(Stage stage, Services services) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.service = services.corpus();
        this.dirs = services.dirs();
        this.settings = services.settings();
        this.linkOpener = services.linkOpener();
        this.sample = services.sample();
        this.background = new Background(services.work(), services.indexing(), this::showFailure);
        this.search = new SearchPane(background, () -> corpus);
        this.reader = new ReaderPane(this::openLink);
        this.annotator = new Annotator(background, () -> corpus, () -> stage, () -> tagBrowserNames(),
                this::annotationsChanged, this::showStatus);
        this.annotations = new AnnotationsPane(annotator, reader::revealHighlight);
        this.tagBrowser = new TagBrowser(background, () -> corpus, annotator, () -> stage, this::openPassage);
        reader.setActions(annotator);
        reader.selectedHighlightProperty().bindBidirectional(annotations.selectedProperty());
        search.openedProperty().addListener((obs, old, hit) -> {
            if (hit != null) {
                openArticle(hit.key(), Optional.empty());
            }
        });

        Tab articleTab = new Tab("Annotations", annotations);
        Tab tagsTab = new Tab("Tags", tagBrowser);
        side.getTabs().addAll(articleTab, tagsTab);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.getStyleClass().add("side");
        search.setMinWidth(260);
        side.setMinWidth(260);
        split = new SplitPane(search, reader, side);
        split.getStyleClass().add("main-split");

        HBox toolbar = new HBox(8, search.toolbar());
        HBox.setHgrow(search.toolbar(), Priority.ALWAYS);
        Button themeButton = new Button(null, new FontIcon("mdi2t-theme-light-dark"));
        themeButton.getStyleClass().addAll("flat", "button-icon");
        themeButton.setTooltip(new Tooltip("Light or dark theme (Ctrl+Shift+L)"));
        themeButton.setAccessibleText("Switch theme");
        themeButton.setOnAction(e -> toggleTheme());
        themeButton.setFocusTraversable(false);
        toolbar.getChildren().add(themeButton);
        toolbar.getStyleClass().add("main-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);

        root.setTop(new VBox(menuBar(), toolbar));
        dropHint.getStyleClass().add("drop-hint");
        dropHint.setVisible(false);
        dropHint.setMouseTransparent(true);
        StackPane center = new StackPane(split, dropHint);
        root.setCenter(center);
        root.setBottom(statusBar());
        root.getStyleClass().add("quire");

        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(QuireWindow.class.getResource("/quire/ui/quire.css")).toExternalForm());
        stage.setScene(scene);
        theme = Theme.parse(settings.get("theme").orElse("light"));
        theme.apply(root);
        reader.fontSizeProperty().set(settings.getDouble("reader.fontSize", ReaderPane.DEFAULT_FONT_SIZE));
        reader.fontSizeProperty().addListener((obs, old, now) -> settings.putDouble("reader.fontSize", now.doubleValue()));
        restoreBounds();
        problems = new ProblemsView(stage);
        setUpDragAndDrop(scene);
        stage.setOnCloseRequest(e -> {
            e.consume();
            close();
        });
        updateTitle();
        rebuildRecentMenu();
    }

    /**
     * Sets the stylesheet of the theme {@code settings} remember. Called before the window is made,
     * so that its controls are styled once, with that theme, instead of first with JavaFX's default.
     */
    public static void useThemeStylesheet(Settings settings) {
        Theme.parse(settings.get("theme").orElse("light")).useStylesheet();
    }

    /** Shows the window. */
    public void show() {
        stage.setOnShown(e -> LOG.log(System.Logger.Level.INFO, "Window shown {0} ms after the JVM started",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()));
        // Interactive with the index open: the corpus's first results are on screen (searching works from then on).
        search.setOnResults(() -> {
            LOG.log(System.Logger.Level.INFO, "First results shown {0} ms after the JVM started",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            search.setOnResults(() -> {});
        });
        restoreDividers();
        stage.show();
        // Divider positions only stick once the split is laid out at its real width, which can take a
        // few pulses; keep applying them on resizes until the analyst drags a divider.
        javafx.application.Platform.runLater(() -> javafx.application.Platform.runLater(this::restoreDividers));
        split.widthProperty().addListener((obs, old, width) -> {
            if (!dividersMoved && width.doubleValue() >= 600) {
                restoreDividers();
            }
        });
        split.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() instanceof Node n && n.getStyleClass().contains("split-pane-divider")) {
                dividersMoved = true;
            }
        });
    }

    private void restoreDividers() {
        split.setDividerPositions(settings.getDouble("split.0", 0.27), settings.getDouble("split.1", 0.74));
    }

    /** Called once the window has closed and its corpus is closed. */
    public void setOnClosed(Runnable action) {
        onClosed = Objects.requireNonNull(action, "action");
    }

    /**
     * Runs {@code action} once, when the first corpus opened has been indexed (or has failed to open
     * or index): the window is then as ready as it gets. Used to time and train start-up.
     */
    public void setOnReady(Runnable action) {
        onReady = Objects.requireNonNull(action, "action");
    }

    private void ready() {
        Runnable action = onReady;
        onReady = () -> {};
        action.run();
    }

    /** Copies the shipped sample corpus into the data directory (the first time) and opens the copy. */
    public void openSample() {
        if (sample.isEmpty()) {
            showFailure("This Quire has no sample corpus; it comes with the installed app.");
            return;
        }
        showStatus("Opening the sample corpus …");
        background.run(sample.get()::install, this::open);
    }

    /** Opens a corpus folder: annotating if possible, read-only otherwise, then indexes it in the background. */
    public void open(Path folder) {
        open(folder, null);
    }

    /**
     * As {@link #open(Path)}, with the folder already being opened in the background by {@code
     * opening} (on the work executor, started before the window was built); null to open it here.
     */
    public void open(Path folder, java.util.concurrent.Future<OpenCorpus> opening) {
        Objects.requireNonNull(folder, "folder");
        if (!Files.isDirectory(folder)) {
            showFailure("There is no folder at " + folder.toAbsolutePath() + ". Open another with File > Open Folder"
                    + (sample.isPresent() ? ", or the sample with File > Open Sample Corpus." : "."));
            ready();
            return;
        }
        cancelIndexing();
        OpenCorpus previous = corpus;
        corpus = null;
        search.reset();
        reader.clear();
        annotations.show(null, List.of(), List.of(), "");
        tagBrowser.showTags(List.of());
        showStatus("Opening " + folder.toAbsolutePath().normalize() + " …");
        background.run(() -> {
            if (previous != null) {
                previous.close();
            }
            if (opening != null) {
                try {
                    return opening.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            Workspace workspace = Workspace.resolve(folder, Optional.empty(), dirs);
            return OpenCorpus.open(service, workspace);
        }, opened -> {
            corpus = opened;
            settings.addRecentCorpus(opened.workspace().corpus());
            settings.save();
            rebuildRecentMenu();
            updateTitle();
            annotations.setReadOnly(opened.readOnlyReason());
            search.searchNow();
            refreshTags();
            startIndexing();
        }, message -> {
            showFailure(message);
            ready();
        });
    }

    /** Closes the corpus (after pending work), remembers the layout, and closes the window. */
    public void close() {
        saveLayout();
        reader.requestFocus();
        cancelIndexing();
        OpenCorpus closing = corpus;
        corpus = null;
        background.run(() -> {
            if (closing != null) {
                closing.close();
            }
            return true;
        }, done -> {
            stage.hide();
            onClosed.run();
        }, message -> {
            stage.hide();
            onClosed.run();
        });
    }

    /** The open corpus's folder, if any. */
    public Optional<Path> corpusFolder() {
        return Optional.ofNullable(corpus).map(c -> c.workspace().corpus());
    }

    private void startIndexing() {
        OpenCorpus indexed = corpus;
        if (indexed == null || indexed.session().isEmpty()) {
            showStatus(indexed == null ? "" : "Opened read-only: " + indexed.readOnlyReason());
            ready();
            return;
        }
        progress.setProgress(-1);
        setIndexingVisible(true);
        indexing = background.index(progress -> indexed.indexAndWatch(progress, changed -> indexChanged(indexed, changed)), (fraction, message) -> {
            progress.setProgress(fraction);
            status.setText(message == null || message.isBlank() ? "Indexing…" : message);
        }, report -> {
            setIndexingVisible(false);
            indexing = null;
            if (indexed != corpus) {
                return;
            }
            report.ifPresent(this::showReport);
            LOG.log(System.Logger.Level.INFO, "Corpus indexed and searchable {0} ms after the JVM started",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            search.searchNow();
            refreshTags();
            ready();
        }, message -> {
            setIndexingVisible(false);
            indexing = null;
            showFailure(message);
            ready();
        });
    }

    /**
     * Indexes what the watcher reported (from the opening check on) on the same background writer
     * as the check, after it, and refreshes the results and facets when articles arrived.
     */
    private void indexChanged(OpenCorpus watched, Optional<Set<String>> changed) {
        background.index(progress -> watched.indexChanged(changed), (fraction, message) -> {}, report -> {
            if (watched != corpus || report.isEmpty()) {
                return;
            }
            IndexReport r = report.get();
            if (r.added() + r.updated() + r.removed() > 0) {
                showReport(r);
                search.searchNow();
                refreshTags();
            }
        }, this::showFailure);
    }

    private void showReport(IndexReport report) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.UK, "%,d articles", report.articles()));
        if (report.cancelled()) {
            s.append(" (indexing was cancelled; results cover what was read)");
        } else if (report.added() + report.updated() + report.removed() > 0) {
            s.append(String.format(Locale.UK, "; %d added, %d updated, %d removed", report.added(), report.updated(), report.removed()));
        }
        s.append(String.format(Locale.UK, "  ·  checked in %.1f s", report.tookMs() / 1000.0));
        // A skipped backup (full disk) must not stop the analyst, but must not go unnoticed either.
        Optional<String> backupProblem = corpus == null ? Optional.empty() : corpus.backupProblem();
        if (backupProblem.isPresent()) {
            showFailure(s + "  ·  " + backupProblem.get());
        } else {
            showStatus(s.toString());
        }
        problems.setProblems(report.problems());
        int n = report.problems().size();
        problemsLink.setText(n == 1 ? "1 file with problems" : n + " files with problems");
        problemsLink.setVisible(n > 0);
    }

    private void cancelIndexing() {
        if (indexing != null) {
            indexing.cancel();
            indexing = null;
        }
        setIndexingVisible(false);
    }

    private void setIndexingVisible(boolean visible) {
        progress.setVisible(visible);
        cancel.setVisible(visible);
    }

    private void openArticle(String key, Optional<String> highlightId) {
        OpenCorpus open = corpus;
        if (open == null) {
            return;
        }
        long mine = ++articleGeneration;
        String query = search.shownQuery();
        background.run(() -> Loaded.load(open, key, query), loaded -> {
            if (mine != articleGeneration) {
                return;
            }
            if (loaded.article().isEmpty()) {
                showFailure("The article is no longer in the index; the corpus may have changed. Search again.");
                return;
            }
            Article article = loaded.article().get();
            reader.show(article, loaded.hits(), loaded.highlights());
            annotations.show(article, loaded.highlights(), loaded.articleTags(), loaded.articleNote());
            highlightId.flatMap(id -> find(loaded.highlights(), id)).ifPresent(reader::revealHighlight);
        });
    }

    private void openPassage(Highlight h) {
        Optional<Article> current = reader.article();
        if (current.isPresent() && current.get().key().equals(h.articleKey())) {
            find(reader.highlights(), h.id()).ifPresent(reader::revealHighlight);
        } else {
            openArticle(h.articleKey(), Optional.of(h.id()));
        }
    }

    private static Optional<Highlight> find(List<Highlight> highlights, String id) {
        return highlights.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    /** After any annotation change: repaint the reader, refill the panel and the tag browser. */
    private void annotationsChanged(Optional<String> select) {
        OpenCorpus open = corpus;
        Optional<Article> article = reader.article();
        if (open == null) {
            return;
        }
        background.run(() -> Loaded.annotations(open, article.map(Article::key)), loaded -> {
            if (open != corpus) {
                return;
            }
            if (article.isPresent() && reader.article().filter(a -> a.key().equals(article.get().key())).isPresent()) {
                reader.setHighlights(loaded.highlights());
                annotations.show(article.get(), loaded.highlights(), loaded.articleTags(), loaded.articleNote());
                select.flatMap(id -> find(loaded.highlights(), id)).ifPresent(reader::selectHighlight);
            }
            tagBrowser.showTags(loaded.tags());
        });
    }

    private void refreshTags() {
        annotationsChanged(Optional.empty());
    }

    private List<String> tagBrowserNames() {
        return tagBrowser.tagNames();
    }

    /** What opening an article (or refreshing its annotations) loads in the background. */
    private record Loaded(Optional<Article> article, List<TextRange> hits, List<Highlight> highlights,
            List<String> articleTags, String articleNote, List<TagSummary> tags) {
        static Loaded load(OpenCorpus open, String key, String query) {
            Optional<Article> article = open.article(key);
            if (article.isEmpty()) {
                return new Loaded(article, List.of(), List.of(), List.of(), "", List.of());
            }
            List<TextRange> hits = open.hitRanges(key, query);
            Loaded a = annotations(open, Optional.of(key));
            return new Loaded(article, hits, a.highlights(), a.articleTags(), a.articleNote(), a.tags());
        }

        static Loaded annotations(OpenCorpus open, Optional<String> key) {
            if (open.session().isEmpty()) {
                return new Loaded(Optional.empty(), List.of(), List.of(), List.of(), "", List.of());
            }
            var session = open.session().get();
            List<Highlight> highlights = key.map(k -> session.highlights(Optional.of(k), Optional.empty(), Optional.empty(), Optional.empty()))
                    .orElse(List.of());
            List<String> tags = key.map(session::articleTags).orElse(List.of());
            String note = key.map(session::articleNote).orElse("");
            return new Loaded(Optional.empty(), List.of(), highlights, tags, note, session.tags());
        }
    }

    private MenuBar menuBar() {
        MenuItem openFolder = item("Open Folder…", "Shortcut+O", this::chooseFolder);
        MenuItem export = item("Export Annotations…", "Shortcut+E", this::export);
        MenuItem closeWindow = item("Quit", "Shortcut+Q", this::close);
        MenuItem openSample = item("Open Sample Corpus", null, this::openSample);
        openSample.setVisible(sample.isPresent());
        Menu file = new Menu("File", null, openFolder, recentMenu, openSample, new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), closeWindow);

        MenuItem undo = item("Undo", "Shortcut+Z", this::undo);
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", this::redo);
        MenuItem redoY = item("Redo (alternative)", "Shortcut+Y", this::redo);
        redoY.setVisible(false);
        MenuItem searchBox = item("Search the Corpus", "Shortcut+K", search::focusSearch);
        MenuItem find = item("Find in Article…", "Shortcut+F", reader::openFind);
        MenuItem next = item("Next Hit", "F3", reader::nextHit);
        MenuItem previous = item("Previous Hit", "Shift+F3", reader::previousHit);
        MenuItem nextResult = item("Next Result", "Alt+Down", () -> search.step(1));
        MenuItem previousResult = item("Previous Result", "Alt+Up", () -> search.step(-1));
        Menu edit = new Menu("Edit", null, undo, redo, redoY, new SeparatorMenuItem(), searchBox, find, next, previous,
                new SeparatorMenuItem(), nextResult, previousResult);

        MenuItem toggleTheme = item("Light or Dark Theme", "Shortcut+Shift+L", this::toggleTheme);
        MenuItem zoomIn = item("Larger Text", "Shortcut+EQUALS", reader::zoomIn);
        MenuItem zoomInPlus = item("Larger Text (plus)", "Shortcut+ADD", reader::zoomIn);
        zoomInPlus.setVisible(false);
        MenuItem zoomOut = item("Smaller Text", "Shortcut+MINUS", reader::zoomOut);
        MenuItem zoomReset = item("Normal Text Size", "Shortcut+0", reader::zoomReset);
        MenuItem showTags = item("Tag Browser", "Shortcut+Shift+T", () -> side.getSelectionModel().select(1));
        MenuItem showProblems = item("Problems…", null, () -> problems.show(stage));
        Menu view = new Menu("View", null, toggleTheme, new SeparatorMenuItem(), zoomIn, zoomInPlus, zoomOut, zoomReset,
                new SeparatorMenuItem(), showTags, showProblems);

        MenuItem sheet = item("Keyboard Shortcuts", "F1", () -> ShortcutSheet.show(stage));
        MenuItem about = item("About Quire", null, () -> showStatus("Quire: search, read and annotate a corpus of articles, offline."));
        // Main writes the log to <data dir>/logs.
        MenuItem logFolder = item("Show Log Folder", null, () -> LogFolder.show(stage, dirs.dataDir().resolve("logs")));
        Menu help = new Menu("Help", null, sheet, logFolder, new SeparatorMenuItem(), about);
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Ctrl+Z in a text field undoes typing there, not the last annotation. */
    private void undo() {
        if (stage.getScene().getFocusOwner() instanceof TextInputControl text) {
            text.undo();
        } else {
            annotator.undo();
        }
    }

    private void redo() {
        if (stage.getScene().getFocusOwner() instanceof TextInputControl text) {
            text.redo();
        } else {
            annotator.redo();
        }
    }

    private void toggleTheme() {
        theme = theme.other();
        theme.apply(root);
        settings.put("theme", theme.name().toLowerCase(Locale.ROOT));
        settings.save();
    }

    /** The theme in use, for tests and the status line. */
    public String themeName() {
        return theme.name().toLowerCase(Locale.ROOT);
    }

    private void export() {
        OpenCorpus open = corpus;
        if (open == null || open.session().isEmpty()) {
            showFailure(open == null ? "Open a corpus first." : "Exporting needs the annotations, which are not available: " + open.readOnlyReason());
            return;
        }
        Path folder = Optional.ofNullable(open.workspace().corpus().getParent()).orElse(open.workspace().corpus());
        ExportDialog.ask(stage, search.query(), tagBrowser.tagNames(), folder).ifPresent(request -> {
            showStatus("Exporting…");
            background.run(() -> open.requireSession().export(request, Instant.now()), done -> showStatus(String.format(Locale.UK,
                    "Exported %d %s from %d %s to %s", done.highlights(), done.highlights() == 1 ? "highlight" : "highlights",
                    done.articles(), done.articles() == 1 ? "article" : "articles", done.target())));
        });
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a corpus folder");
        corpusFolder().map(Path::getParent).map(Path::toFile).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showDialog(stage);
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    private void rebuildRecentMenu() {
        recentMenu.getItems().clear();
        for (Path recent : settings.recentCorpora()) {
            boolean exists = Files.isDirectory(recent);
            MenuItem item = new MenuItem(recent.toString() + (exists ? "" : "  (missing)"));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                if (Files.isDirectory(recent)) {
                    open(recent);
                } else {
                    settings.removeRecentCorpus(recent);
                    settings.save();
                    rebuildRecentMenu();
                    showFailure("The folder " + recent + " is gone; it was removed from the recent list.");
                }
            });
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void setUpDragAndDrop(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(File::isDirectory)) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                dropHint.setVisible(true);
            }
            e.consume();
        });
        scene.setOnDragExited(e -> dropHint.setVisible(false));
        scene.setOnDragDropped(e -> {
            Optional<File> folder = e.getDragboard().hasFiles()
                    ? e.getDragboard().getFiles().stream().filter(File::isDirectory).findFirst()
                    : Optional.empty();
            folder.ifPresent(f -> open(f.toPath()));
            e.setDropCompleted(folder.isPresent());
            dropHint.setVisible(false);
            e.consume();
        });
    }

    private Node statusBar() {
        status.getStyleClass().add("status-text");
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        problemsLink.getStyleClass().add("problems-link");
        problemsLink.setGraphic(new FontIcon("mdi2a-alert-outline"));
        problemsLink.setVisible(false);
        problemsLink.managedProperty().bind(problemsLink.visibleProperty());
        problemsLink.setOnAction(e -> problems.show(stage));
        progress.setPrefWidth(180);
        progress.managedProperty().bind(progress.visibleProperty());
        cancel.getStyleClass().addAll("flat", "button-icon");
        cancel.setTooltip(new Tooltip("Stop indexing; what was read so far stays searchable"));
        cancel.setAccessibleText("Stop indexing");
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> {
            if (indexing != null) {
                indexing.cancel();
                status.setText("Stopping…");
            }
        });
        setIndexingVisible(false);
        HBox bar = new HBox(10, status, problemsLink, progress, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void showStatus(String message) {
        status.getStyleClass().remove("failure");
        status.setText(message);
    }

    private void showFailure(String message) {
        if (!status.getStyleClass().contains("failure")) {
            status.getStyleClass().add("failure");
        }
        status.setText(message);
    }

    private void openLink(String link) {
        linkOpener.accept(link);
        showStatus("Opening " + link);
    }

    private void updateTitle() {
        stage.setTitle(corpusFolder().map(p -> (p.getFileName() == null ? p.toString() : p.getFileName().toString()) + " – Quire").orElse("Quire"));
    }

    private void restoreBounds() {
        double w = settings.getDouble("window.width", 1360);
        double h = settings.getDouble("window.height", 840);
        double x = settings.getDouble("window.x", Double.NaN);
        double y = settings.getDouble("window.y", Double.NaN);
        stage.setWidth(w);
        stage.setHeight(h);
        // A window remembered on a screen that is no longer attached would open out of reach.
        if (!Double.isNaN(x) && !Double.isNaN(y) && !Screen.getScreensForRectangle(new Rectangle2D(x, y, Math.min(w, 200), 50)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(Boolean.parseBoolean(settings.get("window.maximized").orElse("false")));
    }

    private void saveLayout() {
        settings.put("window.maximized", Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized()) {
            settings.putDouble("window.x", stage.getX());
            settings.putDouble("window.y", stage.getY());
            settings.putDouble("window.width", stage.getWidth());
            settings.putDouble("window.height", stage.getHeight());
        }
        double[] dividers = split.getDividerPositions();
        for (int i = 0; i < dividers.length; i++) {
            settings.putDouble("split." + i, dividers[i]);
        }
        settings.save();
    }
}
