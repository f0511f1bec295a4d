package quire.ui.annotations;

import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import quire.model.Highlight;
import quire.model.HighlightState;
import quire.ui.reader.ReaderPane;

/** A highlight in a list: colour, quote, tags and note; a detached (orphaned) one says so. */
public final class HighlightCell extends ListCell<Highlight> {
    private final Function<Highlight, String> caption;

    /** @param caption a line above the quote (the article's title in the tag browser), or null for none */
    public HighlightCell(Function<Highlight, String> caption) {
        this.caption = caption;
        getStyleClass().add("highlight-cell");
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(Highlight h, boolean empty) {
        super.updateItem(h, empty);
        if (empty || h == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        VBox text = new VBox(2);
        String above = caption == null ? null : caption.apply(h);
        if (above != null) {
            Label title = wrapped(above);
            title.getStyleClass().add("highlight-article");
            text.getChildren().add(title);
        }
        Label quote = wrapped(shorten(flat(h.quote()), 240));
        quote.getStyleClass().add("highlight-quote");
        text.getChildren().add(quote);
        if (h.state() == HighlightState.ORPHANED) {
            Label orphan = wrapped("Detached: the article's text changed and this passage was not found again.");
            orphan.getStyleClass().add("highlight-orphan");
            text.getChildren().add(orphan);
        }
        if (!h.tags().isEmpty()) {
            Label tags = wrapped(String.join("   ", h.tags().stream().map(t -> "#" + t).toList()));
            tags.getStyleClass().add("highlight-tags");
            text.getChildren().add(tags);
        }
        if (!h.note().isBlank()) {
            Label note = wrapped(h.note());
            note.getStyleClass().add("highlight-note");
            text.getChildren().add(note);
        }
        HBox row = new HBox(8, ReaderPane.colorSwatch(h.color()), text);
        row.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        setText(null);
        setGraphic(row);
    }

    /** A label that wraps inside a list cell instead of being cut to one line with an ellipsis. */
    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String flat(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
