package quire.ui.annotations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import quire.ui.Dialogs;

/**
 * Asks for tags, comma-separated, completing the word being typed from the tags that exist; a name
 * that does not exist yet creates the tag. Down moves into the suggestions, Enter or Tab takes one.
 */
public final class TagDialog {
    private TagDialog() {}

    /** The tags entered, or empty when cancelled. */
    public static Optional<List<String>> ask(Window owner, String header, List<String> current, List<String> existing) {
        Dialog<List<String>> dialog = new Dialog<>();
        dialog.setTitle("Tags");
        dialog.setHeaderText(header);
        TextField field = new TextField(current.isEmpty() ? "" : String.join(", ", current) + ", ");
        field.setPromptText("treaty, treaty/article-4");
        field.getStyleClass().add("tag-field");
        field.setPrefColumnCount(32);
        ListView<String> suggestions = new ListView<>();
        suggestions.getStyleClass().add("tag-suggestions");
        suggestions.setPrefHeight(150);
        suggestions.setFocusTraversable(false);
        Label hint = new Label("Separate tags with commas; use / for sub-tags (treaty/article-4).");
        hint.getStyleClass().add("dialog-hint");
        field.textProperty().addListener((obs, old, now) -> suggestions.getItems().setAll(matching(existing, lastToken(now), parse(now))));
        suggestions.getItems().setAll(matching(existing, lastToken(field.getText()), parse(field.getText())));
        field.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !suggestions.getItems().isEmpty()) {
                int next = Math.min(suggestions.getSelectionModel().getSelectedIndex() + 1, suggestions.getItems().size() - 1);
                suggestions.getSelectionModel().select(next);
                e.consume();
            } else if (e.getCode() == KeyCode.UP && suggestions.getSelectionModel().getSelectedIndex() >= 0) {
                suggestions.getSelectionModel().select(suggestions.getSelectionModel().getSelectedIndex() - 1);
                e.consume();
            } else if ((e.getCode() == KeyCode.TAB || e.getCode() == KeyCode.ENTER)
                    && suggestions.getSelectionModel().getSelectedItem() != null) {
                complete(field, suggestions.getSelectionModel().getSelectedItem());
                suggestions.getSelectionModel().clearSelection();
                e.consume();
            } else if (e.getCode() == KeyCode.TAB && !lastToken(field.getText()).isBlank() && !suggestions.getItems().isEmpty()) {
                complete(field, suggestions.getItems().get(0));
                e.consume();
            }
        });
        suggestions.setOnMouseClicked(e -> {
            String picked = suggestions.getSelectionModel().getSelectedItem();
            if (picked != null) {
                complete(field, picked);
                suggestions.getSelectionModel().clearSelection();
                field.requestFocus();
            }
        });
        VBox content = new VBox(8, field, suggestions, hint);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().getStyleClass().add("tag-dialog");
        Dialogs.dress(dialog, owner);
        dialog.setResultConverter(button -> button == ButtonType.OK ? parse(field.getText()) : null);
        dialog.setOnShown(e -> {
            field.requestFocus();
            field.end();
        });
        return dialog.showAndWait();
    }

    /** Tag names from comma-separated input: trimmed, blanks dropped, duplicates (ignoring case) once. */
    static List<String> parse(String input) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String part : input.split(",")) {
            String tag = part.strip().replaceAll("\\s*/\\s*", "/");
            if (!tag.isEmpty() && seen.add(tag.toLowerCase(Locale.ROOT))) {
                out.add(tag);
            }
        }
        return out;
    }

    static String lastToken(String input) {
        int comma = input.lastIndexOf(',');
        return input.substring(comma + 1).strip();
    }

    /** Existing tags containing the typed word (those starting with it first), minus those already entered. */
    static List<String> matching(List<String> existing, String typed, List<String> entered) {
        String t = typed.toLowerCase(Locale.ROOT);
        Set<String> already = new LinkedHashSet<>();
        entered.forEach(e -> already.add(e.toLowerCase(Locale.ROOT)));
        List<String> starts = new ArrayList<>();
        List<String> contains = new ArrayList<>();
        for (String tag : existing) {
            String lower = tag.toLowerCase(Locale.ROOT);
            if (already.contains(lower) && !lower.equals(t)) {
                continue;
            }
            if (lower.startsWith(t) || Arrays.stream(lower.split("/")).anyMatch(s -> s.startsWith(t))) {
                starts.add(tag);
            } else if (lower.contains(t)) {
                contains.add(tag);
            }
        }
        starts.addAll(contains);
        return starts;
    }

    private static void complete(TextField field, String tag) {
        String text = field.getText();
        int comma = text.lastIndexOf(',');
        String head = comma < 0 ? "" : text.substring(0, comma + 1) + " ";
        field.setText(head + tag + ", ");
        field.end();
    }
}
