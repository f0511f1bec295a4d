package quire.ui.reader;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.kordamp.ikonli.javafx.FontIcon;
import quire.model.Article;
import quire.model.Block;
import quire.model.BlockKind;
import quire.model.Highlight;
import quire.model.HighlightState;
import quire.model.Published;
import quire.model.TextRange;

/**
 * The article reader: metadata on top, the canonical text as is (so text offsets are highlight
 * offsets), blocks styled by kind, highlights, search hits and find matches painted as style
 * classes, and the single-letter annotation keys (they act only while the reader has focus).
 */
public final class ReaderPane extends BorderPane {
    public static final double DEFAULT_FONT_SIZE = 16;
    private static final double MIN_FONT_SIZE = 10;
    private static final double MAX_FONT_SIZE = 32;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.UK);

    private final StyleClassedTextArea area = new StyleClassedTextArea();
    private final VBox header = new VBox();
    private final Label placeholder = new Label("Open a search result to read it here.");
    private final HBox hitBar = new HBox();
    private final Label hitLabel = new Label();
    private final FindBar findBar = new FindBar();
    private final Popup selectionToolbar = new Popup();
    private final ObjectProperty<Highlight> selectedHighlight = new SimpleObjectProperty<>(this, "selectedHighlight");
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", DEFAULT_FONT_SIZE);
    private final Consumer<String> linkOpener;

    private Article article;
    private List<TextRange> hits = List.of();
    private List<Highlight> highlights = List.of();
    private List<TextRange> findMatches = List.of();
    private int currentHit = -1;
    private int currentFind = -1;
    private BlockKind[] paragraphKinds = new BlockKind[0];
    private ReaderActions actions = ReaderActions.NONE;
    private String lastColor = Highlight.DEFAULT_COLOR;

    /** @param linkOpener opens an article's link (in a browser, or by copying it) */
    public ReaderPane(Consumer<String> linkOpener) {
        this.linkOpener = Objects.requireNonNull(linkOpener, "linkOpener");
        getStyleClass().add("reader-pane");
        area.getStyleClass().add("reader");
        area.setEditable(false);
        area.setWrapText(true);
        area.setParagraphGraphicFactory(this::paragraphGraphic);
        area.setContextMenu(new ContextMenu());
        area.getContextMenu().setOnShowing(e -> fillContextMenu(area.getContextMenu()));
        area.setAccessibleText("Article text");
        fontSize.addListener((obs, old, size) -> applyFontSize());
        applyFontSize();

        header.getStyleClass().add("reader-header");
        placeholder.getStyleClass().add("placeholder");
        placeholder.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VirtualizedScrollPane<StyleClassedTextArea> scroll = new VirtualizedScrollPane<>(area);
        StackPane body = new StackPane(scroll, placeholder);
        scroll.visibleProperty().bind(placeholder.visibleProperty().not());
        header.visibleProperty().bind(placeholder.visibleProperty().not());
        header.managedProperty().bind(header.visibleProperty());
        setTop(header);
        setCenter(body);
        setBottom(new VBox(hitBar, findBar));
        buildHitBar();
        buildSelectionToolbar();

        findBar.setOnSearch(this::find);
        findBar.setOnNext(() -> stepFind(1));
        findBar.setOnPrevious(() -> stepFind(-1));
        findBar.setOnClose(() -> {
            findMatches = List.of();
            currentFind = -1;
            repaint();
            area.requestFocus();
        });

        area.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        area.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClick);
        area.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> showSelectionToolbarSoon());
        area.selectionProperty().addListener((obs, old, now) -> {
            if (now.getLength() == 0) {
                selectionToolbar.hide();
            }
        });
        selectedHighlight.addListener((obs, old, now) -> repaint());
        clear();
    }

    /** Shows an article with its search hits and highlights, scrolled to the top or to the first hit. */
    public void show(Article article, List<TextRange> hits, List<Highlight> highlights) {
        this.article = Objects.requireNonNull(article, "article");
        this.hits = List.copyOf(hits);
        this.highlights = List.copyOf(highlights);
        this.findMatches = List.of();
        this.currentFind = -1;
        this.currentHit = hits.isEmpty() ? -1 : 0;
        selectedHighlight.set(null);
        placeholder.setVisible(false);
        fillHeader(article);
        area.replaceText(article.text());
        paragraphKinds = paragraphKinds(article);
        for (int i = 0; i < paragraphKinds.length; i++) {
            area.setParagraphStyle(i, Set.of(paragraphKinds[i] == null ? "gap" : paragraphKinds[i].label()));
        }
        repaint();
        updateHitBar();
        if (findBar.isVisible()) {
            find(findBar.query());
        }
        // A first hit near the top is seen anyway; starting at the top keeps the opening paragraph whole.
        if (currentHit >= 0 && hits.get(0).start() > 600) {
            reveal(hits.get(0).start());
        } else {
            area.moveTo(0);
            area.showParagraphAtTop(0);
        }
    }

    /** Shows nothing: no article is open. */
    public void clear() {
        article = null;
        hits = List.of();
        highlights = List.of();
        findMatches = List.of();
        selectedHighlight.set(null);
        area.replaceText("");
        placeholder.setVisible(true);
        updateHitBar();
    }

    /** Replaces the highlights painted over the open article (after any annotation change). */
    public void setHighlights(List<Highlight> now) {
        highlights = List.copyOf(now);
        Highlight selected = selectedHighlight.get();
        if (selected != null) {
            selectedHighlight.set(highlights.stream().filter(h -> h.id().equals(selected.id())).findFirst().orElse(null));
        }
        repaint();
    }

    public Optional<Article> article() {
        return Optional.ofNullable(article);
    }

    public List<Highlight> highlights() {
        return highlights;
    }

    public ObjectProperty<Highlight> selectedHighlightProperty() {
        return selectedHighlight;
    }

    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    public void setActions(ReaderActions actions) {
        this.actions = Objects.requireNonNull(actions, "actions");
    }

    /**
     * Selects a highlight just made or changed, dropping the text selection, so that the next key
     * (T, N, a colour) acts on the highlight rather than making another one.
     */
    public void selectHighlight(Highlight h) {
        area.deselect();
        selectedHighlight.set(h);
    }

    /** Scrolls a highlight into view and selects it. */
    public void revealHighlight(Highlight h) {
        selectedHighlight.set(h);
        if (h.state() == HighlightState.ANCHORED && article != null && h.end() <= article.text().length()) {
            reveal(h.start());
        }
    }

    /** Scrolls so that the text at {@code offset} is visible. */
    public void reveal(int offset) {
        if (article == null) {
            return;
        }
        int at = Math.max(0, Math.min(offset, area.getLength()));
        area.moveTo(at);
        int paragraph = area.offsetToPosition(at, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
        area.showParagraphAtCenter(paragraph);
        area.requestFollowCaret();
    }

    public void nextHit() {
        if (findBar.isVisible() && !findMatches.isEmpty()) {
            stepFind(1);
        } else {
            stepHit(1);
        }
    }

    public void previousHit() {
        if (findBar.isVisible() && !findMatches.isEmpty()) {
            stepFind(-1);
        } else {
            stepHit(-1);
        }
    }

    /** Opens the find bar with the current selection, if short, as the text to find. */
    public void openFind() {
        if (article == null) {
            return;
        }
        String selected = area.getSelectedText();
        findBar.open(selected.length() > 0 && selected.length() < 80 && !selected.contains("\n") ? selected : null);
    }

    public void zoomIn() {
        fontSize.set(Math.min(MAX_FONT_SIZE, fontSize.get() + 1));
    }

    public void zoomOut() {
        fontSize.set(Math.max(MIN_FONT_SIZE, fontSize.get() - 1));
    }

    public void zoomReset() {
        fontSize.set(DEFAULT_FONT_SIZE);
    }

    /** Gives the text keyboard focus, so the annotation keys work. */
    public void focusText() {
        area.requestFocus();
    }

    private void applyFontSize() {
        area.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", fontSize.get()));
    }

    private void onKey(KeyEvent e) {
        if (article == null || e.isControlDown() || e.isMetaDown() || e.isAltDown()) {
            return;
        }
        KeyCode code = e.getCode();
        if (code == KeyCode.H) {
            target().ifPresent(t -> actions.highlight(t, lastColor));
        } else if (code.isDigitKey() && digit(code) >= 1 && digit(code) <= Highlight.COLORS.size()) {
            lastColor = Highlight.COLORS.get(digit(code) - 1);
            target().ifPresent(t -> actions.highlight(t, lastColor));
        } else if (code == KeyCode.T) {
            target().ifPresent(actions::tag);
        } else if (code == KeyCode.N) {
            target().ifPresent(actions::note);
        } else if ((code == KeyCode.DELETE || code == KeyCode.BACK_SPACE) && selectedHighlight.get() != null) {
            actions.delete(selectedHighlight.get());
        } else if (code == KeyCode.ESCAPE) {
            selectedHighlight.set(null);
            area.deselect();
        } else {
            return;
        }
        e.consume();
    }

    private static int digit(KeyCode code) {
        return code.getName().charAt(code.getName().length() - 1) - '0';
    }

    /** The passage selected in the text, else the selected highlight. */
    private Optional<Target> target() {
        if (article == null) {
            return Optional.empty();
        }
        var selection = area.getSelection();
        if (selection.getLength() > 0) {
            int start = selection.getStart();
            int end = selection.getEnd();
            // Whitespace at the edges of a drag selection is noise in a quote.
            String text = article.text();
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (start < end) {
                return Optional.of(new Target.Passage(article.key(), new TextRange(start, end), text.substring(start, end)));
            }
        }
        return Optional.ofNullable(selectedHighlight.get()).map(Target.Existing::new);
    }

    private void onClick(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress() || area.getSelection().getLength() > 0) {
            return;
        }
        int at = area.getCaretPosition();
        selectedHighlight.set(highlightAt(at).orElse(null));
    }

    /** The shortest highlight covering {@code offset}: with nested highlights a click means the inner one. */
    Optional<Highlight> highlightAt(int offset) {
        return highlights.stream()
                .filter(h -> h.state() == HighlightState.ANCHORED && h.start() <= offset && offset < h.end())
                .min(Comparator.comparingInt(h -> h.end() - h.start()));
    }

    private void repaint() {
        if (article == null) {
            return;
        }
        List<StyledRange> ranges = new ArrayList<>();
        Highlight selected = selectedHighlight.get();
        for (Highlight h : highlights) {
            if (h.state() == HighlightState.ANCHORED) {
                ranges.add(new StyledRange(h.start(), h.end(), "hl-" + h.color()));
                if (!h.note().isBlank()) {
                    ranges.add(new StyledRange(h.start(), h.end(), "hl-noted"));
                }
                if (selected != null && selected.id().equals(h.id())) {
                    ranges.add(new StyledRange(h.start(), h.end(), "hl-selected"));
                }
            }
        }
        for (int i = 0; i < hits.size(); i++) {
            TextRange hit = hits.get(i);
            ranges.add(new StyledRange(hit.start(), hit.end(), i == currentHit ? "hit-current" : "hit"));
        }
        for (int i = 0; i < findMatches.size(); i++) {
            TextRange m = findMatches.get(i);
            ranges.add(new StyledRange(m.start(), m.end(), i == currentFind ? "find-current" : "find"));
        }
        area.setStyleSpans(0, ReaderStyles.spans(area.getLength(), ranges));
    }

    private void stepHit(int direction) {
        if (hits.isEmpty()) {
            return;
        }
        currentHit = Math.floorMod(currentHit + direction, hits.size());
        updateHitBar();
        repaint();
        reveal(hits.get(currentHit).start());
    }

    private void find(String query) {
        findMatches = article == null ? List.of() : FindBar.matches(article.text(), query);
        currentFind = findMatches.isEmpty() ? -1 : firstMatchFrom(area.getCaretPosition());
        findBar.showCount(currentFind, findMatches.size(), query.isEmpty());
        repaint();
        if (currentFind >= 0) {
            reveal(findMatches.get(currentFind).start());
        }
    }

    private int firstMatchFrom(int caret) {
        for (int i = 0; i < findMatches.size(); i++) {
            if (findMatches.get(i).start() >= caret) {
                return i;
            }
        }
        return 0;
    }

    private void stepFind(int direction) {
        if (findMatches.isEmpty()) {
            return;
        }
        currentFind = Math.floorMod(currentFind + direction, findMatches.size());
        findBar.showCount(currentFind, findMatches.size(), false);
        repaint();
        reveal(findMatches.get(currentFind).start());
    }

    private void buildHitBar() {
        Button previous = iconButton("mdi2c-chevron-up", "Previous hit (Shift+F3)", () -> stepHit(-1));
        Button next = iconButton("mdi2c-chevron-down", "Next hit (F3)", () -> stepHit(1));
        hitBar.getChildren().addAll(new FontIcon("mdi2m-magnify"), hitLabel, previous, next);
        hitBar.getStyleClass().add("hit-bar");
        hitBar.setAlignment(Pos.CENTER_LEFT);
        hitBar.managedProperty().bind(hitBar.visibleProperty());
    }

    private void updateHitBar() {
        hitBar.setVisible(!hits.isEmpty());
        if (!hits.isEmpty()) {
            hitLabel.setText("Search hit " + (currentHit + 1) + " of " + hits.size());
        }
    }

    static Button iconButton(String icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll("flat", "button-icon");
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void fillHeader(Article a) {
        Label title = new Label(a.title());
        title.getStyleClass().add("article-title");
        title.setWrapText(true);
        List<String> meta = new ArrayList<>();
        a.published().map(ReaderPane::formatDate).ifPresent(meta::add);
        a.author().ifPresent(meta::add);
        a.source().ifPresent(meta::add);
        meta.add(a.path());
        Label metaLine = new Label(String.join("  ·  ", meta));
        metaLine.getStyleClass().add("article-meta");
        metaLine.setWrapText(true);
        header.getChildren().setAll(title, metaLine);
        HBox links = new HBox(8);
        links.setAlignment(Pos.CENTER_LEFT);
        a.link().ifPresent(link -> {
            Hyperlink h = new Hyperlink(shorten(link, 110), new FontIcon("mdi2o-open-in-new"));
            h.setTooltip(new Tooltip(link));
            h.setOnAction(e -> linkOpener.accept(link));
            links.getChildren().add(h);
        });
        if (!links.getChildren().isEmpty()) {
            header.getChildren().add(links);
        }
        for (String warning : a.warnings()) {
            Label w = new Label(warning, new FontIcon("mdi2a-alert-outline"));
            w.getStyleClass().add("article-warning");
            w.setWrapText(true);
            header.getChildren().add(w);
        }
    }

    static String formatDate(Published p) {
        String date = DATE.format(p.date());
        return p.time().map(t -> date + ", " + t.toString().substring(0, 5)).orElse(date);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The block kind of each line of the area; null for the blank lines between blocks. */
    private static BlockKind[] paragraphKinds(Article a) {
        String text = a.text();
        List<Block> blocks = a.blocks();
        List<BlockKind> kinds = new ArrayList<>();
        int lineStart = 0;
        int b = 0;
        while (true) {
            int lineEnd = text.indexOf('\n', lineStart);
            int end = lineEnd < 0 ? text.length() : lineEnd;
            while (b < blocks.size() && blocks.get(b).end() <= lineStart) {
                b++;
            }
            BlockKind kind = null;
            if (end > lineStart) {
                kind = b < blocks.size() && blocks.get(b).start() <= lineStart ? blocks.get(b).kind() : BlockKind.PARAGRAPH;
            }
            kinds.add(kind);
            if (lineEnd < 0) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        return kinds.toArray(BlockKind[]::new);
    }

    private Node paragraphGraphic(int paragraph) {
        if (paragraph < paragraphKinds.length && paragraphKinds[paragraph] == BlockKind.LIST_ITEM) {
            Label bullet = new Label("•");
            bullet.getStyleClass().add("list-bullet");
            return bullet;
        }
        return null;
    }

    private void fillContextMenu(ContextMenu menu) {
        menu.getItems().clear();
        Optional<Target> target = target();
        Menu colors = new Menu(target.filter(t -> t instanceof Target.Existing).isPresent() ? "Colour" : "Highlight");
        for (int i = 0; i < Highlight.COLORS.size(); i++) {
            String color = Highlight.COLORS.get(i);
            MenuItem item = new MenuItem(capitalize(color) + "   " + (i + 1), swatch(color));
            item.setOnAction(e -> target.ifPresent(t -> {
                lastColor = color;
                actions.highlight(t, color);
            }));
            colors.getItems().add(item);
        }
        MenuItem tag = new MenuItem("Tag…   T");
        tag.setOnAction(e -> target.ifPresent(actions::tag));
        MenuItem note = new MenuItem("Note…   N");
        note.setOnAction(e -> target.ifPresent(actions::note));
        MenuItem delete = new MenuItem("Delete highlight");
        delete.setOnAction(e -> Optional.ofNullable(selectedHighlight.get()).ifPresent(actions::delete));
        delete.setDisable(selectedHighlight.get() == null);
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> area.copy());
        copy.setDisable(area.getSelection().getLength() == 0);
        MenuItem find = new MenuItem("Find in article…");
        find.setOnAction(e -> openFind());
        colors.setDisable(target.isEmpty());
        tag.setDisable(target.isEmpty());
        note.setDisable(target.isEmpty());
        menu.getItems().addAll(colors, tag, note, delete, new SeparatorMenuItem(), copy, find);
    }

    private void buildSelectionToolbar() {
        HBox bar = new HBox(2);
        bar.getStyleClass().add("selection-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        for (String color : Highlight.COLORS) {
            Button b = new Button(null, swatch(color));
            b.getStyleClass().addAll("flat", "swatch-button");
            b.setTooltip(new Tooltip("Highlight " + color));
            b.setFocusTraversable(false);
            b.setOnAction(e -> {
                selectionToolbar.hide();
                lastColor = color;
                target().ifPresent(t -> actions.highlight(t, color));
            });
            bar.getChildren().add(b);
        }
        Button tag = iconButton("mdi2t-tag-outline", "Tag (T)", () -> {
            selectionToolbar.hide();
            target().ifPresent(actions::tag);
        });
        Button note = iconButton("mdi2n-note-edit-outline", "Note (N)", () -> {
            selectionToolbar.hide();
            target().ifPresent(actions::note);
        });
        bar.getChildren().addAll(new Region(), tag, note);
        selectionToolbar.getContent().add(bar);
        selectionToolbar.setAutoHide(true);
    }

    private void showSelectionToolbarSoon() {
        if (article == null || area.getSelection().getLength() == 0 || getScene() == null) {
            return;
        }
        Optional<Bounds> bounds = area.getSelectionBounds();
        bounds.ifPresent(b -> {
            if (!getScene().getStylesheets().isEmpty()) {
                selectionToolbar.getScene().getStylesheets().setAll(getScene().getStylesheets());
            }
            selectionToolbar.getScene().getRoot().getStyleClass().setAll(getScene().getRoot().getStyleClass());
            selectionToolbar.show(area, b.getMinX(), Math.max(0, b.getMinY() - 44));
        });
    }

    static Region swatch(String color) {
        Region r = new Region();
        r.getStyleClass().addAll("swatch", "swatch-" + color);
        r.setMinSize(14, 14);
        r.setPrefSize(14, 14);
        r.setMaxSize(14, 14);
        return r;
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Gives the panes that list highlights the same colour chips as the reader. */
    public static Region colorSwatch(String color) {
        return swatch(color);
    }

    /** Exposed for tests and the shell: whether the reader text currently has focus. */
    public boolean textHasFocus() {
        return area.isFocused();
    }
}
