package quire.ui.shell;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import quire.ui.Dialogs;

/**
 * Help > Show Log Folder: opens the folder holding the log in the desktop's file manager, so the
 * analyst can attach the log to a bug report; where no file manager can be started (a bare X
 * session, a locked-down machine), shows the folder's path with a button that copies it.
 */
final class LogFolder {
    private static final System.Logger LOG = System.getLogger(LogFolder.class.getName());

    private LogFolder() {}

    static void show(Window owner, Path folder) {
        Thread t = new Thread(() -> {
            boolean opened = open(folder);
            if (!opened) {
                Platform.runLater(() -> showPath(owner, folder));
            }
        }, "quire-show-log-folder");
        t.setDaemon(true);
        t.start();
    }

    /** Off the FX thread: AWT's Desktop and xdg-open can both take a while. */
    private static boolean open(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot create " + folder, e);
            return false;
        }
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                Desktop.getDesktop().open(folder.toFile());
                return true;
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.INFO, "The desktop cannot open " + folder, e);
        }
        // AWT supports OPEN on Linux only with GNOME libraries; xdg-open works on any freedesktop desktop.
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            try {
                Process p = new ProcessBuilder("xdg-open", folder.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                // xdg-open returns at once when it found a file manager and fails fast when it did not.
                return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.INFO, "xdg-open is not available", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }

    private static void showPath(Window owner, Path folder) {
        TextField path = new TextField(folder.toString());
        path.setEditable(false);
        path.setPrefColumnCount(40);
        HBox.setHgrow(path, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(folder.toString());
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied");
        });
        VBox content = new VBox(8, new Label("The log (quire-0.log) is in this folder; attach it to a bug report."),
                new HBox(8, path, copy));
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.setTitle("Quire");
        alert.setHeaderText("Log folder");
        alert.getDialogPane().setContent(content);
        Dialogs.dress(alert, owner);
        alert.show();
    }
}
