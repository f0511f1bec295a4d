package quire.ui;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/** Dialogs that look like the window they belong to (same stylesheets, same theme classes). */
public final class Dialogs {
    private Dialogs() {}

    /** Gives a dialog its owner and the owner's look. */
    public static void dress(Dialog<?> dialog, Window owner) {
        if (owner == null) {
            return;
        }
        dialog.initOwner(owner);
        DialogPane pane = dialog.getDialogPane();
        // Without these, dialogs on Linux can open smaller than their content and cut it off.
        dialog.setResizable(true);
        pane.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        pane.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (owner.getScene() != null) {
            pane.getStylesheets().setAll(owner.getScene().getStylesheets());
            owner.getScene().getRoot().getStyleClass().stream()
                    .filter(c -> c.startsWith("theme-"))
                    .forEach(pane.getStyleClass()::add);
        }
    }

    /** Tells the analyst something went wrong, in a plain sentence. */
    public static void error(Window owner, String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.setHeaderText(header);
        alert.setTitle("Quire");
        dress(alert, owner);
        alert.showAndWait();
    }

    /** Asks a yes/no question; true when the analyst confirms. */
    public static boolean confirm(Window owner, String header, String message, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, ButtonType.CANCEL);
        alert.setHeaderText(header);
        alert.setTitle("Quire");
        dress(alert, owner);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == yes;
    }
}
