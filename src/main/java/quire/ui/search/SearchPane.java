package quire.ui.search;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Popover;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import quire.model.SearchHit;
import quire.model.SearchRequest;
import quire.model.SearchResult;
import quire.model.SortOrder;
import quire.ui.Background;
import quire.ui.OpenCorpus;

/**
 * Search as you type: the box (in the window's toolbar), the result list with marked snippets and
 * the facet filters. Each search carries a generation number and only the latest one's result is
 * shown, so a slow early search never overwrites a later one.
 */
public final class SearchPane extends VBox {
    private static final int PAGE = 100;
    private static final Duration DEBOUNCE = Duration.millis(150);

    private final Background background;
    private final Supplier<OpenCorpus> corpus;
    private final CustomTextField field = new CustomTextField();
    private final ComboBox<SortOrder> sort = new ComboBox<>();
    private final Label error = new Label();
    private final Label summary = new Label();
    private final ListView<SearchHit> results = new ListView<>();
    private final Button more = new Button();
    private final FacetsPane facets = new FacetsPane();
    private final PauseTransition debounce = new PauseTransition(DEBOUNCE);
    private final HBox toolbar;
    private final ReadOnlyObjectWrapper<SearchHit> opened = new ReadOnlyObjectWrapper<>(this, "opened");
    private final Popover help;
    private long generation;
    private Runnable onResults = () -> {};
    private String shownQuery = "";
    private long total;
    private boolean openFirst;

    /** @param corpus the open corpus, or null while none is open */
    public SearchPane(Background background, Supplier<OpenCorpus> corpus) {
        this.background = Objects.requireNonNull(background, "background");
        this.corpus = Objects.requireNonNull(corpus, "corpus");
        getStyleClass().add("search-pane");

        field.setPromptText("Search the corpus");
        field.getStyleClass().add("search-field");
        field.setLeft(new FontIcon("mdi2m-magnify"));
        Button helpButton = new Button(null, new FontIcon("mdi2h-help-circle-outline"));
        helpButton.getStyleClass().addAll("flat", "button-icon", "syntax-button");
        helpButton.setTooltip(new Tooltip("Search syntax"));
        helpButton.setAccessibleText("Search syntax");
        helpButton.setFocusTraversable(false);
        field.setRight(helpButton);
        field.setAccessibleText("Search the corpus");
        help = SyntaxHelp.popover(example -> {
            field.setText(example);
            field.requestFocus();
            field.end();
        });
        helpButton.setOnAction(e -> {
            if (help.isShowing()) {
                help.hide();
            } else {
                help.show(helpButton);
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setMaxWidth(Double.MAX_VALUE);

        sort.getItems().setAll(SortOrder.values());
        sort.setValue(SortOrder.RELEVANCE);
        sort.setConverter(new StringConverter<>() {
            @Override
            public String toString(SortOrder order) {
                if (order == null) {
                    return "";
                }
                return switch (order) {
                    case RELEVANCE -> "Best match";
                    case DATE -> "Newest first";
                    case DATE_ASCENDING -> "Oldest first";
                };
            }

            @Override
            public SortOrder fromString(String s) {
                return SortOrder.RELEVANCE;
            }
        });
        sort.setTooltip(new Tooltip("Order of results"));
        sort.valueProperty().addListener((obs, old, now) -> searchNow());
        toolbar = new HBox(8, field, sort);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("search-toolbar");

        debounce.setOnFinished(e -> searchNow());
        field.textProperty().addListener((obs, old, now) -> debounce.playFromStart());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                // Enter means "take me to the best result", once this query's results are in.
                openFirst = true;
                searchNow();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN && !results.getItems().isEmpty()) {
                results.requestFocus();
                if (results.getSelectionModel().isEmpty()) {
                    results.getSelectionModel().selectFirst();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && !field.getText().isEmpty()) {
                field.clear();
                e.consume();
            }
        });

        error.getStyleClass().add("search-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
        summary.getStyleClass().add("search-summary");

        results.setCellFactory(list -> new HitCell());
        results.getStyleClass().add("results");
        results.setPlaceholder(placeholder("No articles match."));
        results.getSelectionModel().selectedItemProperty().addListener((obs, old, hit) -> {
            if (hit != null) {
                opened.set(hit);
            }
        });
        more.getStyleClass().addAll("flat", "more-button");
        more.setMaxWidth(Double.MAX_VALUE);
        more.managedProperty().bind(more.visibleProperty());
        more.setVisible(false);
        more.setOnAction(e -> loadMore());

        facets.setOnChange(this::searchNow);
        VBox resultsBox = new VBox(results, more);
        VBox.setVgrow(results, Priority.ALWAYS);
        SplitPane split = new SplitPane(resultsBox, facets);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        SplitPane.setResizableWithParent(facets, false);
        VBox head = new VBox(2, summary, error);
        head.getStyleClass().add("search-head");
        getChildren().addAll(head, split);
        VBox.setVgrow(split, Priority.ALWAYS);
    }

    /** The search box and sort order, for the window's toolbar. */
    public Node toolbar() {
        return toolbar;
    }

    public void focusSearch() {
        field.requestFocus();
        field.selectAll();
    }

    /** The hit the analyst opened (selected) last. */
    public ReadOnlyObjectProperty<SearchHit> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    /** The query whose results are shown, for marking hits in the reader. */
    public String shownQuery() {
        return shownQuery;
    }

    public String query() {
        return field.getText();
    }

    public void setQuery(String query) {
        field.setText(query);
        searchNow();
    }

    /** Moves to the next (+1) or previous (-1) result and opens it. */
    public void step(int direction) {
        int size = results.getItems().size();
        if (size == 0) {
            return;
        }
        int at = results.getSelectionModel().getSelectedIndex();
        int next = at < 0 ? 0 : Math.max(0, Math.min(size - 1, at + direction));
        results.getSelectionModel().select(next);
        results.scrollTo(Math.max(0, next - 2));
    }

    /** Runs the search now, without waiting for typing to pause. */
    /** What the pane asks first for a corpus just opened: everything, by relevance, no filters. */
    public static SearchRequest openingRequest() {
        return new SearchRequest("", SortOrder.RELEVANCE, 0, PAGE, java.util.Map.of());
    }

    public void searchNow() {
        debounce.stop();
        OpenCorpus open = corpus.get();
        if (open == null) {
            return;
        }
        long mine = ++generation;
        SearchRequest request = new SearchRequest(field.getText(), sort.getValue(), 0, PAGE, facets.filters());
        background.run(() -> open.search(request), result -> {
            if (mine == generation) {
                show(request, result);
            }
        }, message -> {
            if (mine == generation) {
                showError(message);
            }
        });
    }

    /** Forgets results and filters: another corpus was opened. */
    public void reset() {
        generation++;
        facets.clearFilters();
        results.getItems().clear();
        facets.show(java.util.Map.of());
        summary.setText("");
        error.setVisible(false);
        more.setVisible(false);
    }

    private void show(SearchRequest request, SearchResult result) {
        shownQuery = request.query();
        total = result.total();
        SearchHit selected = results.getSelectionModel().getSelectedItem();
        results.getItems().setAll(result.hits());
        results.scrollTo(0);
        if (selected != null) {
            // Keep the open article selected when it is still a result, without reopening it.
            int index = indexOf(selected.key());
            if (index >= 0) {
                opened.set(results.getItems().get(index));
                results.getSelectionModel().select(index);
            }
        }
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
        String count = total == 1 ? "1 article" : n.format(total) + " articles";
        summary.setText(count + "  ·  " + result.tookMs() + " ms");
        if (result.error().isPresent()) {
            error.setText(result.error().get());
            error.setVisible(true);
        } else {
            error.setVisible(false);
        }
        facets.show(result.facets());
        updateMore();
        if (openFirst && !results.getItems().isEmpty()) {
            results.requestFocus();
            results.getSelectionModel().selectFirst();
        }
        openFirst = false;
        onResults.run();
    }

    /** Runs {@code action} on the JavaFX thread each time results have been shown (the window times its start-up with it). */
    public void setOnResults(Runnable action) {
        onResults = java.util.Objects.requireNonNull(action, "action");
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void loadMore() {
        OpenCorpus open = corpus.get();
        if (open == null) {
            return;
        }
        long mine = generation;
        int offset = results.getItems().size();
        SearchRequest request = new SearchRequest(shownQuery, sort.getValue(), offset, PAGE, facets.filters());
        background.run(() -> open.search(request), result -> {
            if (mine == generation) {
                results.getItems().addAll(result.hits());
                updateMore();
            }
        });
    }

    private void updateMore() {
        long left = total - results.getItems().size();
        more.setVisible(left > 0);
        more.setText("Show " + Math.min(PAGE, left) + " more of " + left);
    }

    private int indexOf(String key) {
        List<SearchHit> items = new ArrayList<>(results.getItems());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static Node placeholder(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("placeholder");
        Region spacer = new Region();
        return new VBox(spacer, label);
    }
}
