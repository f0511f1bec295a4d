package quire.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import quire.ingest.CorpusScanner;
import quire.ingest.Ingester;
import quire.model.Highlight;
import quire.service.AppDirs;
import quire.service.CorpusIndexer;
import quire.service.CorpusService;
import quire.ui.shell.QuireWindow;

/**
 * The analyst's main flows through the real window, headless: background work runs at once on
 * the calling thread, and the settings live in a temporary folder.
 */
@ExtendWith(ApplicationExtension.class)
class QuireWindowTest {
    private static final String TREATY = """
            ---
            title: Putin and Kim sign a treaty
            date: 2024-06-19
            author: Ji Da-gyum
            source: The Korea Herald
            ---
            Russia and North Korea signed a comprehensive strategic partnership treaty in Pyongyang.

            The treaty obliges each side to provide military assistance if the other is attacked.
            """;
    private static final String SANCTIONS = """
            ---
            title: Seoul weighs new sanctions
            date: 2024-06-21
            source: Yonhap
            ---
            South Korea said it would consider sending weapons to Ukraine.
            """;

    @TempDir
    static Path home;

    private Path corpus;
    private AppDirs dirs;
    private CorpusService service;
    private QuireWindow window;

    @BeforeAll
    static void headless() {
        HeadlessFx.configure();
    }

    @Start
    void start(Stage stage) throws IOException {
        corpus = Files.createDirectories(home.resolve("corpus-" + System.nanoTime()));
        Files.writeString(corpus.resolve("treaty.md"), TREATY);
        Files.writeString(corpus.resolve("sanctions.md"), SANCTIONS);
        dirs = new AppDirs(Map.of("XDG_DATA_HOME", home.resolve("data").toString()), "Linux", home);
        service = new CorpusService(new CorpusIndexer(new CorpusScanner(), new Ingester(), 1));
        window = openWindow(stage);
    }

    private QuireWindow openWindow(Stage stage) {
        Settings settings = Settings.load(dirs.dataDir().resolve("window.properties"));
        QuireWindow w = new QuireWindow(stage, new QuireWindow.Services(
                service, dirs, settings, Background.direct(), Background.direct(), link -> {}));
        w.show();
        w.open(corpus);
        return w;
    }

    @Test
    void aCorpusOpenedWhileTheWindowWasBuiltIsTheOneItShowsAndAFailedOpeningIsSaidPlainly(FxRobot robot) throws Exception {
        Path other = Files.createDirectories(home.resolve("other-" + System.nanoTime()));
        Files.writeString(other.resolve("sanctions.md"), SANCTIONS);
        robot.interact(() -> window.close());
        OpenCorpus early = OpenCorpus.open(service, quire.service.Workspace.resolve(other, java.util.Optional.empty(), dirs));

        robot.interact(() -> {
            QuireWindow w = new QuireWindow(new Stage(), new QuireWindow.Services(service, dirs,
                    Settings.load(dirs.dataDir().resolve("window.properties")), Background.direct(), Background.direct(), link -> {}));
            w.show();
            w.open(other, java.util.concurrent.CompletableFuture.completedFuture(early));
            window = w;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, robot.lookup(".results").queryListView().getItems().size());
        assertEquals(java.util.Optional.of(other), window.corpusFolder());

        robot.interact(() -> window.open(corpus, java.util.concurrent.CompletableFuture.failedFuture(
                new quire.model.QuireException("Quire cannot open the corpus: the disk is gone."))));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".status-text").queryAs(Labeled.class).getText().contains("the disk is gone"),
                robot.lookup(".status-text").queryAs(Labeled.class).getText());
    }

    @Test
    void searchingAndOpeningAResultShowsTheArticleWithItsHitsMarked(FxRobot robot) {
        search(robot, "\"military assistance\"");

        ListView<?> results = robot.lookup(".results").queryListView();
        assertEquals(1, results.getItems().size());
        assertEquals("Putin and Kim sign a treaty", robot.lookup(".article-title").queryAs(Label.class).getText());
        assertEquals("Search hit 1 of 1", robot.lookup(".hit-bar .label").queryAs(Label.class).getText());
    }

    @Test
    void aPassageHighlightedTaggedAndNotedIsListedSurvivesARestartAndIsUndoable(FxRobot robot) throws Exception {
        search(robot, "treaty");
        select(robot, "military assistance");
        robot.press(KeyCode.H).release(KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("military assistance"), quotes(robot));

        robot.press(KeyCode.T).release(KeyCode.T);
        // Monocle does not focus a newly shown dialog as a desktop does; click into it.
        robot.clickOn(".tag-field").write("treaty/article-4");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        robot.press(KeyCode.N).release(KeyCode.N);
        robot.clickOn(".note-area").write("Check the Korean text");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Highlight h = highlights(robot).get(0);
        assertEquals(List.of("treaty/article-4"), h.tags());
        assertEquals("Check the Korean text", h.note());

        robot.clickOn("Tags");
        Set<String> cells = robot.lookup(".tag-tree .tree-cell").queryAll().stream()
                .map(cell -> ((Labeled) cell).getText()).filter(Objects::nonNull).collect(Collectors.toSet());
        assertEquals(Set.of("treaty  (1)", "article-4  (1)"), cells);

        restart(robot);
        search(robot, "treaty");
        assertEquals(List.of("military assistance"), quotes(robot));
        assertEquals(List.of("treaty/article-4"), highlights(robot).get(0).tags());

        robot.clickOn(".reader");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), quotes(robot));
    }

    @Test
    void switchingToTheDarkThemeKeepsTheArticleTextReadableAndIsRemembered(FxRobot robot) {
        search(robot, "treaty");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("dark", window.themeName());
        assertTrue(robot.lookup(".quire").query().getStyleClass().contains("theme-dark"));
        Text text = robot.lookup(".reader .text").queryAs(Text.class);
        assertNotEquals(Color.BLACK, text.getFill(), "RichTextFX's default black text would vanish on the dark background");
        assertTrue(((Color) text.getFill()).getBrightness() > 0.6);
        assertEquals("dark", Settings.load(dirs.dataDir().resolve("window.properties")).get("theme").orElseThrow());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals("light", window.themeName());
    }

    @Test
    void theRememberedThemesStylesheetCanBeSetBeforeTheWindowIsMade(FxRobot robot) {
        Settings settings = Settings.load(home.resolve("theme-" + System.nanoTime()).resolve("window.properties"));
        settings.put("theme", "dark");

        robot.interact(() -> QuireWindow.useThemeStylesheet(settings));
        String dark = javafx.application.Application.getUserAgentStylesheet();
        robot.interact(() -> QuireWindow.useThemeStylesheet(Settings.load(home.resolve("none-" + System.nanoTime()).resolve("window.properties"))));

        assertTrue(dark.contains("primer-dark"), dark);
        assertTrue(javafx.application.Application.getUserAgentStylesheet().contains("primer-light"));
    }

    @Test
    void openSampleCorpusCopiesTheShippedSampleAndOpensTheCopy(FxRobot robot) throws Exception {
        Path shipped = Files.createDirectories(home.resolve("app-" + System.nanoTime()).resolve("sample-corpus"));
        Files.writeString(shipped.resolve("sanctions.md"), SANCTIONS);
        Path data = home.resolve("data-" + System.nanoTime());
        robot.interact(() -> window.close());
        robot.interact(() -> {
            window = new QuireWindow(new Stage(), new QuireWindow.Services(service, dirs,
                    Settings.load(data.resolve("window.properties")), Background.direct(), Background.direct(), link -> {},
                    java.util.Optional.of(new SampleCorpus(shipped, data))));
            window.show();
            window.openSample();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(java.util.Optional.of(data.resolve("sample-corpus")), window.corpusFolder());
        assertEquals(SANCTIONS, Files.readString(data.resolve("sample-corpus/sanctions.md")));
        search(robot, "sanctions");
    }

    private static void search(FxRobot robot, String query) {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.write(query);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup(".results").queryListView().getItems().isEmpty(), "no results for " + query);
    }

    /** Selects the first occurrence of {@code quote} in the reader, and gives the reader focus. */
    private static void select(FxRobot robot, String quote) {
        StyleClassedTextArea area = robot.lookup(".reader").queryAs(StyleClassedTextArea.class);
        robot.interact(() -> {
            int at = area.getText().indexOf(quote);
            area.requestFocus();
            area.selectRange(at, at + quote.length());
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Highlight> highlights(FxRobot robot) {
        return List.copyOf(robot.lookup(".highlights").queryAs(ListView.class).getItems());
    }

    private static List<String> quotes(FxRobot robot) {
        return highlights(robot).stream().map(Highlight::quote).toList();
    }

    private void restart(FxRobot robot) throws Exception {
        AtomicReference<QuireWindow> again = new AtomicReference<>();
        robot.interact(() -> window.close());
        robot.interact(() -> again.set(openWindow(new Stage())));
        window = again.get();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
