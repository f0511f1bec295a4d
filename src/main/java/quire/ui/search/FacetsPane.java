package quire.ui.search;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/**
 * Facet filters as check boxes with counts. Checked values stay listed even when the current
 * search no longer counts them, so a filter can always be taken off where it was put on.
 */
final class FacetsPane extends ScrollPane {
    static final List<String> FACETS = List.of("source", "author", "year", "month", "tag");
    private static final Map<String, String> TITLES = Map.of(
            "source", "Source", "author", "Author", "year", "Year", "month", "Month", "tag", "Tag");
    private static final int MAX_VALUES = 12;

    private final VBox content = new VBox();
    private final Map<String, Set<String>> selected = new HashMap<>();
    private final Map<String, Boolean> expanded = new HashMap<>();
    private Runnable onChange = () -> {};

    FacetsPane() {
        getStyleClass().add("facets");
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        content.getStyleClass().add("facets-content");
    }

    void setOnChange(Runnable action) {
        onChange = action;
    }

    /** The checked values by facet; facets with nothing checked are left out. */
    Map<String, Set<String>> filters() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        selected.forEach((facet, values) -> {
            if (!values.isEmpty()) {
                out.put(facet, Set.copyOf(values));
            }
        });
        return out;
    }

    void clearFilters() {
        selected.clear();
    }

    void show(Map<String, Map<String, Long>> facets) {
        content.getChildren().clear();
        for (String facet : FACETS) {
            Map<String, Long> counts = facets.getOrDefault(facet, Map.of());
            Set<String> checked = selected.getOrDefault(facet, Set.of());
            if (counts.isEmpty() && checked.isEmpty()) {
                continue;
            }
            VBox values = new VBox(2);
            values.getStyleClass().add("facet-values");
            int shown = 0;
            Set<String> listed = new TreeSet<>();
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                if (shown++ >= MAX_VALUES && !checked.contains(e.getKey())) {
                    continue;
                }
                values.getChildren().add(box(facet, e.getKey(), e.getValue()));
                listed.add(e.getKey());
            }
            for (String value : checked) {
                if (!listed.contains(value)) {
                    values.getChildren().add(box(facet, value, 0));
                }
            }
            if (counts.size() > MAX_VALUES) {
                Label more = new Label((counts.size() - MAX_VALUES) + " more; narrow the search to see them");
                more.getStyleClass().add("facet-more");
                values.getChildren().add(more);
            }
            TitledPane pane = new TitledPane(TITLES.get(facet), values);
            pane.setExpanded(expanded.getOrDefault(facet, !facet.equals("month") && !facet.equals("author")));
            pane.expandedProperty().addListener((obs, old, now) -> expanded.put(facet, now));
            pane.getStyleClass().add("facet");
            content.getChildren().add(pane);
        }
        if (content.getChildren().isEmpty()) {
            Label none = new Label("No filters for this search.");
            none.getStyleClass().add("facet-more");
            content.getChildren().add(none);
        }
    }

    private CheckBox box(String facet, String value, long count) {
        CheckBox box = new CheckBox(value + "  (" + count + ")");
        box.getStyleClass().add("facet-value");
        box.setSelected(selected.getOrDefault(facet, Set.of()).contains(value));
        box.setMnemonicParsing(false);
        box.selectedProperty().addListener((obs, old, now) -> {
            Set<String> values = selected.computeIfAbsent(facet, f -> new TreeSet<>());
            if (now) {
                values.add(value);
            } else {
                values.remove(value);
            }
            onChange.run();
        });
        return box;
    }
}
