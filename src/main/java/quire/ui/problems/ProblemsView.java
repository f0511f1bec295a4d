package quire.ui.problems;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import quire.model.Problem;
import quire.model.Severity;

/**
 * Every corpus file that could not be read, or was read with warnings, with the reason in plain
 * words. One window, refreshed after each indexing run.
 */
public final class ProblemsView {
    private final TableView<Problem> table = new TableView<>();
    private final Label summary = new Label();
    private final Stage stage = new Stage();
    private List<Problem> problems = List.of();

    public ProblemsView(Window owner) {
        Objects.requireNonNull(owner, "owner");
        stage.initOwner(owner);
        stage.setTitle("Problems – Quire");
        TableColumn<Problem, String> severity = new TableColumn<>("Severity");
        severity.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().severity() == Severity.ERROR ? "Not read" : "Warning"));
        severity.setPrefWidth(90);
        TableColumn<Problem, String> path = new TableColumn<>("File");
        path.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().path()));
        path.setPrefWidth(300);
        TableColumn<Problem, String> message = new TableColumn<>("What is wrong");
        message.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().message()));
        message.setPrefWidth(560);
        table.getColumns().setAll(List.of(severity, path, message));
        table.setPlaceholder(new Label("Every file was read without problems."));
        table.getStyleClass().add("problems");
        summary.getStyleClass().add("problems-summary");
        VBox root = new VBox(8, summary, table);
        root.getStyleClass().add("problems-root");
        VBox.setVgrow(table, Priority.ALWAYS);
        stage.setScene(new Scene(root, 980, 480));
    }

    /** Replaces the problems listed. */
    public void setProblems(List<Problem> now) {
        problems = List.copyOf(now);
        table.getItems().setAll(problems);
        long errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
        long warnings = problems.size() - errors;
        summary.setText(errors + (errors == 1 ? " file" : " files") + " could not be read; "
                + warnings + (warnings == 1 ? " file was" : " files were") + " read with warnings.");
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Shows the window, styled like its owner. */
    public void show(Window owner) {
        if (owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
            stage.getScene().getRoot().getStyleClass().removeIf(c -> c.startsWith("theme-"));
            owner.getScene().getRoot().getStyleClass().stream().filter(c -> c.startsWith("theme-"))
                    .forEach(stage.getScene().getRoot().getStyleClass()::add);
        }
        stage.show();
        stage.toFront();
    }
}
