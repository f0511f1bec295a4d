package quire.ui.annotations;

import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import quire.ui.Dialogs;

/** Asks for a note on a passage; Shortcut+Enter saves, Escape cancels. */
public final class NoteDialog {
    private NoteDialog() {}

    /** The note written (possibly empty, which removes it), or empty when cancelled. */
    public static Optional<String> ask(Window owner, String quote, String current) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle("Note");
        dialog.setHeaderText("Note on the passage");
        Label passage = new Label("“" + shorten(quote, 280) + "”");
        passage.setWrapText(true);
        passage.setMaxWidth(460);
        passage.getStyleClass().add("dialog-quote");
        TextArea area = new TextArea(current);
        area.setWrapText(true);
        area.setPrefRowCount(6);
        area.setPrefColumnCount(40);
        area.setPromptText("Why this passage matters…");
        area.getStyleClass().add("note-area");
        Label hint = new Label("Ctrl+Enter saves.");
        hint.getStyleClass().add("dialog-hint");
        dialog.getDialogPane().setContent(new VBox(8, passage, area, hint));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().getStyleClass().add("note-dialog");
        Dialogs.dress(dialog, owner);
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).fire();
                e.consume();
            }
        });
        dialog.setResultConverter(button -> button == ButtonType.OK ? area.getText().strip() : null);
        dialog.setOnShown(e -> {
            area.requestFocus();
            area.end();
        });
        return dialog.showAndWait();
    }

    private static String shorten(String s, int max) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
