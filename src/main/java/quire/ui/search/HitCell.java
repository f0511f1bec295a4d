package quire.ui.search;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import quire.model.SearchHit;

/** One search result: title, date and source, and up to two snippets with the matches marked. */
final class HitCell extends ListCell<SearchHit> {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.UK);
    private static final int MAX_SNIPPETS = 2;

    private final Label title = new Label();
    private final Label meta = new Label();
    private final VBox snippets = new VBox(2);
    private final VBox box = new VBox(3, title, meta, snippets);

    HitCell() {
        getStyleClass().add("hit-cell");
        title.getStyleClass().add("hit-title");
        title.setWrapText(true);
        // Without these a wrapped label in a list cell is cut to one line with an ellipsis.
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.setMaxWidth(Double.MAX_VALUE);
        meta.getStyleClass().add("hit-meta");
        // A zero preferred width lets the cell follow the list's width, so snippets wrap instead of scrolling sideways.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(SearchHit hit, boolean empty) {
        super.updateItem(hit, empty);
        if (empty || hit == null) {
            setGraphic(null);
            setText(null);
            snippets.getChildren().clear();
            return;
        }
        title.setText(hit.title());
        List<String> parts = new ArrayList<>();
        hit.published().map(p -> DATE.format(p.date())).ifPresent(parts::add);
        hit.source().ifPresent(parts::add);
        hit.author().ifPresent(parts::add);
        meta.setText(parts.isEmpty() ? hit.path() : String.join("  ·  ", parts));
        snippets.getChildren().clear();
        hit.snippets().stream().limit(MAX_SNIPPETS).map(Snippets::flow).forEach(snippets.getChildren()::add);
        setText(null);
        setGraphic(box);
    }
}
