package quire.ui.shell;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import quire.ui.Dialogs;

/** The keyboard shortcuts on one sheet (F1). */
final class ShortcutSheet {
    static final String[][] SHORTCUTS = {
        {"Search", ""},
        {"Ctrl+K", "Go to the search box"},
        {"Enter / Down", "Go from the search box to the results"},
        {"Alt+Down / Alt+Up", "Next / previous result"},
        {"Annotating (in the article)", ""},
        {"H", "Highlight the selection (or recolour the selected highlight)"},
        {"1 … 6", "Highlight in yellow, green, blue, pink, purple, orange"},
        {"T", "Tag the selection or the selected highlight"},
        {"N", "Note on the selection or the selected highlight"},
        {"Delete", "Delete the selected highlight"},
        {"Escape", "Deselect"},
        {"Ctrl+Z / Ctrl+Shift+Z", "Undo / redo an annotation change"},
        {"Reading", ""},
        {"Ctrl+F", "Find in the article"},
        {"F3 / Shift+F3", "Next / previous hit or match"},
        {"Ctrl+= / Ctrl+- / Ctrl+0", "Larger / smaller / normal text"},
        {"Window", ""},
        {"Ctrl+O", "Open a corpus folder (or drop one on the window)"},
        {"Ctrl+E", "Export annotations"},
        {"Ctrl+Shift+L", "Light or dark theme"},
        {"F1", "This sheet"},
        {"Ctrl+Q", "Quit"},
    };

    private ShortcutSheet() {}

    static void show(Window owner) {
        GridPane left = new GridPane();
        GridPane right = new GridPane();
        int half = 12;
        for (int i = 0; i < SHORTCUTS.length; i++) {
            GridPane grid = i < half ? left : right;
            int row = i < half ? i : i - half;
            String[] s = SHORTCUTS[i];
            if (s[1].isEmpty()) {
                Label heading = new Label(s[0]);
                heading.getStyleClass().add("sheet-heading");
                grid.add(heading, 0, row, 2, 1);
            } else {
                Label key = new Label(s[0]);
                key.getStyleClass().add("sheet-key");
                key.setMinWidth(Region.USE_PREF_SIZE);
                Label what = new Label(s[1]);
                what.setMinWidth(Region.USE_PREF_SIZE);
                grid.addRow(row, key, what);
            }
        }
        for (GridPane g : new GridPane[] {left, right}) {
            g.setHgap(14);
            g.setVgap(6);
        }
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText(null);
        dialog.getDialogPane().setContent(new HBox(36, left, right));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().getStyleClass().add("shortcut-sheet");
        Dialogs.dress(dialog, owner);
        dialog.show();
    }
}
