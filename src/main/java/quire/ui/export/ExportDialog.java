package quire.ui.export;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import quire.service.ExportRequest;
import quire.ui.Dialogs;

/** Asks what to export (format, which annotations) and where; the export itself runs in the background. */
public final class ExportDialog {
    private enum Choice {
        MARKDOWN("Markdown, one section per article", ExportRequest.Format.MARKDOWN, false, false, "md"),
        MARKDOWN_BY_TAG("Markdown, passages grouped by tag", ExportRequest.Format.MARKDOWN, true, false, "md"),
        MARKDOWN_FOLDER("Markdown folder, one file per article", ExportRequest.Format.MARKDOWN, false, true, ""),
        CSV("CSV for a spreadsheet", ExportRequest.Format.CSV, false, false, "csv"),
        JSON("JSON (W3C Web Annotation; quire import reads it)", ExportRequest.Format.JSON, false, false, "json");

        final String label;
        final ExportRequest.Format format;
        final boolean byTag;
        final boolean folder;
        final String extension;

        Choice(String label, ExportRequest.Format format, boolean byTag, boolean folder, String extension) {
            this.label = label;
            this.format = format;
            this.byTag = byTag;
            this.folder = folder;
            this.extension = extension;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private ExportDialog() {}

    /**
     * The export the analyst asked for, or empty when cancelled.
     *
     * @param query the current search, offered as a filter when not blank
     * @param tags the tags that exist, offered as a filter
     * @param folder where the file goes by default
     */
    public static Optional<ExportRequest> ask(Window owner, String query, List<String> tags, Path folder) {
        ComboBox<Choice> format = new ComboBox<>();
        format.getItems().setAll(Choice.values());
        format.setValue(Choice.MARKDOWN);
        format.setMaxWidth(Double.MAX_VALUE);

        ToggleGroup scope = new ToggleGroup();
        RadioButton all = new RadioButton("Every annotation");
        RadioButton matching = new RadioButton("Articles matching the search: " + (query.isBlank() ? "(no search)" : query));
        RadioButton tagged = new RadioButton("Passages tagged");
        ComboBox<String> tag = new ComboBox<>();
        tag.getItems().setAll(tags);
        tag.setEditable(true);
        tag.setPromptText("treaty");
        for (RadioButton b : List.of(all, matching, tagged)) {
            b.setToggleGroup(scope);
            b.setMnemonicParsing(false);
        }
        all.setSelected(true);
        matching.setDisable(query.isBlank());
        tag.disableProperty().bind(tagged.selectedProperty().not());
        HBox tagRow = new HBox(8, tagged, tag);
        tagRow.setAlignment(Pos.CENTER_LEFT);

        TextField target = new TextField(folder.resolve("quire-export-" + LocalDate.now() + ".md").toString());
        HBox.setHgrow(target, Priority.ALWAYS);
        format.valueProperty().addListener((obs, old, now) -> target.setText(retarget(target.getText(), now)));
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> chooseTarget(owner, format.getValue(), target));
        HBox targetRow = new HBox(8, target, choose);
        targetRow.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label("Format"), format);
        grid.addRow(1, new Label("What"), new VBox(6, all, matching, tagRow));
        grid.addRow(2, new Label("Save to"), targetRow);
        GridPane.setHgrow(targetRow, Priority.ALWAYS);
        grid.setPrefWidth(620);

        Dialog<ExportRequest> dialog = new Dialog<>();
        dialog.setTitle("Export annotations");
        dialog.setHeaderText("Export highlights, notes and tags");
        dialog.getDialogPane().setContent(grid);
        ButtonType export = new ButtonType("Export", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(export, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(export).disableProperty().bind(target.textProperty().isEmpty());
        Dialogs.dress(dialog, owner);
        dialog.setResultConverter(button -> {
            if (button != export) {
                return null;
            }
            Choice c = format.getValue();
            Optional<String> tagFilter = tagged.isSelected() && tag.getValue() != null && !tag.getValue().isBlank()
                    ? Optional.of(tag.getValue().strip())
                    : Optional.empty();
            Optional<String> queryFilter = matching.isSelected() ? Optional.of(query) : Optional.empty();
            return new ExportRequest(c.format, c.byTag, c.folder, Path.of(target.getText().strip()), queryFilter, tagFilter, Set.of());
        });
        return dialog.showAndWait();
    }

    private static String retarget(String current, Choice choice) {
        String base = current.replaceFirst("\\.(md|csv|json)$", "");
        return choice.folder ? base : base + "." + choice.extension;
    }

    private static void chooseTarget(Window owner, Choice choice, TextField target) {
        Path current = Path.of(target.getText().isBlank() ? "." : target.getText()).toAbsolutePath();
        File chosen;
        if (choice.folder) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Export into a folder");
            Optional.ofNullable(current.getParent()).map(Path::toFile).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
            chosen = chooser.showDialog(owner);
        } else {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export to a file");
            Optional.ofNullable(current.getParent()).map(Path::toFile).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
            chooser.setInitialFileName(current.getFileName().toString());
            chosen = chooser.showSaveDialog(owner);
        }
        if (chosen != null) {
            target.setText(chosen.getPath());
        }
    }
}
