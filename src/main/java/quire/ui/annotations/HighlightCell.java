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
            Label title = new Label(above);
            title.getStyleClass().add("highlight-article");
            text.getChildren().add(title);
        }
        Label quote = new Label(flat(h.quote()));
        quote.setWrapText(true);
        quote.getStyleClass().add("highlight-quote");
        quote.setMaxHeight(4 * 18);
        text.getChildren().add(quote);
        if (h.state() == HighlightState.ORPHANED) {
            Label orphan = new Label("Detached: the article's text changed and this passage was not found again.");
            orphan.setWrapText(true);
            orphan.getStyleClass().add("highlight-orphan");
            text.getChildren().add(orphan);
        }
        if (!h.tags().isEmpty()) {
            Label tags = new Label(String.join("   ", h.tags().stream().map(t -> "#" + t).toList()));
            tags.setWrapText(true);
            tags.getStyleClass().add("highlight-tags");
            text.getChildren().add(tags);
        }
        if (!h.note().isBlank()) {
            Label note = new Label(h.note());
            note.setWrapText(true);
            note.getStyleClass().add("highlight-note");
            text.getChildren().add(note);
        }
        HBox row = new HBox(8, ReaderPane.colorSwatch(h.color()), text);
        row.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        setText(null);
        setGraphic(row);
    }

    private static String flat(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
