package quire.ui.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import quire.model.TextRange;

/** The find-in-article bar: Enter and Shift+Enter step through matches, Escape closes. */
final class FindBar extends HBox {
    private final TextField field = new TextField();
    private final Label count = new Label();
    private Consumer<String> onSearch = q -> {};
    private Runnable onNext = () -> {};
    private Runnable onPrevious = () -> {};
    private Runnable onClose = () -> {};

    FindBar() {
        super(6);
        getStyleClass().add("find-bar");
        setAlignment(Pos.CENTER_LEFT);
        field.setPromptText("Find in article");
        field.setPrefColumnCount(24);
        field.getStyleClass().add("find-field");
        count.getStyleClass().add("find-count");
        field.textProperty().addListener((obs, old, now) -> onSearch.accept(now));
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                (e.isShiftDown() ? onPrevious : onNext).run();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        Button previous = ReaderPane.iconButton("mdi2c-chevron-up", "Previous match (Shift+Enter)", () -> onPrevious.run());
        Button next = ReaderPane.iconButton("mdi2c-chevron-down", "Next match (Enter)", () -> onNext.run());
        Button close = ReaderPane.iconButton("mdi2c-close", "Close (Escape)", this::close);
        getChildren().addAll(new FontIcon("mdi2t-text-search"), field, count, previous, next, close);
        setVisible(false);
        managedProperty().bind(visibleProperty());
    }

    void open(String initial) {
        setVisible(true);
        if (initial != null) {
            field.setText(initial);
        }
        field.requestFocus();
        field.selectAll();
        onSearch.accept(field.getText());
    }

    void close() {
        setVisible(false);
        onClose.run();
    }

    String query() {
        return field.getText();
    }

    void showCount(int current, int total, boolean empty) {
        count.setText(empty ? "" : total == 0 ? "No matches" : (current + 1) + " of " + total);
        count.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("none"), !empty && total == 0);
    }

    void setOnSearch(Consumer<String> action) {
        onSearch = action;
    }

    void setOnNext(Runnable action) {
        onNext = action;
    }

    void setOnPrevious(Runnable action) {
        onPrevious = action;
    }

    void setOnClose(Runnable action) {
        onClose = action;
    }

    /** Case-insensitive, non-overlapping occurrences of {@code query} in {@code text}. */
    static List<TextRange> matches(String text, String query) {
        if (query.isEmpty()) {
            return List.of();
        }
        // Lower-casing per char keeps String indices aligned (whole-string lower-casing can change lengths).
        String haystack = lowerPerChar(text);
        String needle = lowerPerChar(query);
        List<TextRange> found = new ArrayList<>();
        int at = haystack.indexOf(needle);
        while (at >= 0) {
            found.add(new TextRange(at, at + needle.length()));
            at = haystack.indexOf(needle, at + needle.length());
        }
        return found;
    }

    private static String lowerPerChar(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }
}
