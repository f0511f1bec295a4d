package quire.ui.annotations;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import quire.model.Article;
import quire.model.Highlight;
import quire.ui.reader.ReaderPane;
import quire.ui.reader.Target;

/**
 * The open article's annotations: its highlights (click to jump, edit the selected one), the
 * article's tags and its note. The note is saved when it loses focus or another article opens.
 */
public final class AnnotationsPane extends VBox {
    private final Annotator annotator;
    private final ListView<Highlight> list = new ListView<>();
    private final Label highlightsTitle = new Label("Highlights");
    private final HBox editBar = new HBox(2);
    private final FlowPane articleTags = new FlowPane(6, 6);
    private final TextArea articleNote = new TextArea();
    private final ObjectProperty<Highlight> selected = new SimpleObjectProperty<>(this, "selected");
    private final Label readOnly = new Label();
    private String articleKey;
    private String savedNote = "";
    private boolean updating;

    /** @param jump asked to scroll the reader to a highlight the analyst clicked */
    public AnnotationsPane(Annotator annotator, Consumer<Highlight> jump) {
        this.annotator = Objects.requireNonNull(annotator, "annotator");
        Objects.requireNonNull(jump, "jump");
        getStyleClass().add("annotations-pane");
        setSpacing(6);

        highlightsTitle.getStyleClass().add("section-title");
        list.setCellFactory(l -> new HighlightCell(null));
        list.getStyleClass().add("highlights");
        Label empty = new Label("Select text in the article, then press H to highlight, T to tag or N to add a note.");
        empty.setWrapText(true);
        empty.getStyleClass().add("placeholder");
        list.setPlaceholder(empty);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, h) -> {
            if (!updating) {
                selected.set(h);
                if (h != null) {
                    jump.accept(h);
                }
            }
        });
        selected.addListener((obs, old, h) -> {
            updating = true;
            try {
                if (h == null) {
                    list.getSelectionModel().clearSelection();
                } else {
                    list.getItems().stream().filter(x -> x.id().equals(h.id())).findFirst().ifPresent(x -> {
                        list.getSelectionModel().select(x);
                        list.scrollTo(x);
                    });
                }
            } finally {
                updating = false;
            }
            editBar.setDisable(h == null);
        });
        list.setOnKeyPressed(e -> {
            Highlight h = selected.get();
            if (h != null && (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE)) {
                annotator.delete(h);
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        buildEditBar();

        Label tagsTitle = new Label("Article tags");
        tagsTitle.getStyleClass().add("section-title");
        articleTags.getStyleClass().add("article-tags");
        Label noteTitle = new Label("Article note");
        noteTitle.getStyleClass().add("section-title");
        articleNote.setWrapText(true);
        articleNote.setPrefRowCount(4);
        articleNote.setPromptText("A note on the whole article");
        articleNote.getStyleClass().add("article-note");
        articleNote.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                saveNote();
            }
        });
        readOnly.getStyleClass().add("read-only-note");
        readOnly.setWrapText(true);
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        readOnly.setVisible(false);
        getChildren().addAll(readOnly, highlightsTitle, list, editBar, tagsTitle, articleTags, noteTitle, articleNote);
        show(null, List.of(), List.of(), "");
    }

    /** The highlight selected here or in the reader. */
    public ObjectProperty<Highlight> selectedProperty() {
        return selected;
    }

    /** Says why annotating is unavailable, or hides the notice when {@code reason} is empty. */
    public void setReadOnly(String reason) {
        readOnly.setText(reason.isEmpty() ? "" : "Read only: " + reason);
        readOnly.setVisible(!reason.isEmpty());
    }

    /** Shows the annotations of an article (null: none open). */
    public void show(Article article, List<Highlight> highlights, List<String> tags, String note) {
        String key = article == null ? null : article.key();
        if (!Objects.equals(key, articleKey)) {
            saveNote();
        }
        articleKey = key;
        Highlight keep = selected.get();
        updating = true;
        try {
            list.getItems().setAll(highlights);
        } finally {
            updating = false;
        }
        highlightsTitle.setText(highlights.isEmpty() ? "Highlights" : "Highlights (" + highlights.size() + ")");
        if (keep != null) {
            Optional<Highlight> again = highlights.stream().filter(h -> h.id().equals(keep.id())).findFirst();
            selected.set(again.orElse(null));
        }
        articleTags.getChildren().clear();
        for (String tag : tags) {
            articleTags.getChildren().add(chip(tag));
        }
        Button add = new Button("Tag article", new FontIcon("mdi2p-plus"));
        add.getStyleClass().addAll("flat", "small");
        add.setDisable(article == null);
        add.setOnAction(e -> annotator.addArticleTags(articleKey));
        articleTags.getChildren().add(add);
        if (!articleNote.isFocused() || !Objects.equals(key, articleKey)) {
            articleNote.setText(note);
        }
        savedNote = note;
        articleNote.setDisable(article == null);
        editBar.setDisable(selected.get() == null);
    }

    private void saveNote() {
        if (articleKey != null && !articleNote.getText().strip().equals(savedNote.strip())) {
            savedNote = articleNote.getText().strip();
            annotator.setArticleNote(articleKey, savedNote);
        }
    }

    private HBox chip(String tag) {
        Label name = new Label(tag);
        Button remove = new Button(null, new FontIcon("mdi2c-close"));
        remove.getStyleClass().addAll("flat", "chip-remove");
        remove.setTooltip(new Tooltip("Remove the tag " + tag + " from this article"));
        remove.setAccessibleText("Remove tag " + tag);
        remove.setOnAction(e -> annotator.removeArticleTag(articleKey, tag));
        HBox chip = new HBox(2, name, remove);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("chip");
        return chip;
    }

    private void buildEditBar() {
        editBar.getStyleClass().add("edit-bar");
        editBar.setAlignment(Pos.CENTER_LEFT);
        for (String color : Highlight.COLORS) {
            Button b = new Button(null, ReaderPane.colorSwatch(color));
            b.getStyleClass().addAll("flat", "swatch-button");
            b.setTooltip(new Tooltip("Colour: " + color));
            b.setAccessibleText("Colour " + color);
            b.setOnAction(e -> current().ifPresent(t -> annotator.highlight(t, color)));
            editBar.getChildren().add(b);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button tag = icon("mdi2t-tag-outline", "Tags (T)", () -> current().ifPresent(annotator::tag));
        Button note = icon("mdi2n-note-edit-outline", "Note (N)", () -> current().ifPresent(annotator::note));
        Button delete = icon("mdi2d-delete-outline", "Delete (Delete)", () -> Optional.ofNullable(selected.get()).ifPresent(annotator::delete));
        delete.getStyleClass().add("danger");
        editBar.getChildren().addAll(gap, tag, note, delete);
        editBar.setDisable(true);
    }

    private Optional<Target> current() {
        return Optional.ofNullable(selected.get()).map(Target.Existing::new);
    }

    private static Button icon(String icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll("flat", "button-icon");
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setOnAction(e -> action.run());
        return b;
    }
}
