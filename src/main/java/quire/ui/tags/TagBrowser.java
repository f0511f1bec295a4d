package quire.ui.tags;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import quire.model.Article;
import quire.model.Highlight;
import quire.model.TagSummary;
import quire.ui.Background;
import quire.ui.Dialogs;
import quire.ui.OpenCorpus;
import quire.ui.annotations.Annotator;
import quire.ui.annotations.HighlightCell;

/**
 * Every tag in a tree with counts; picking one lists every passage under it (with its sub-tags)
 * across the corpus, and a click opens the article at that passage. Tags are renamed, merged and
 * deleted here.
 */
public final class TagBrowser extends VBox {
    private final Background background;
    private final Supplier<OpenCorpus> corpus;
    private final Annotator annotator;
    private final Supplier<Window> owner;
    private final TreeView<TagTree> tree = new TreeView<>();
    private final ListView<Highlight> passages = new ListView<>();
    private final Label passagesTitle = new Label("Passages");
    private final Map<String, String> titles = new HashMap<>();
    private final Button rename = new Button("Rename…");
    private final Button merge = new Button("Merge into…");
    private final Button delete = new Button("Delete…");
    private List<TagSummary> tags = List.of();
    private long generation;

    /** @param open asked to open a passage's article at the passage */
    public TagBrowser(Background background, Supplier<OpenCorpus> corpus, Annotator annotator, Supplier<Window> owner,
            Consumer<Highlight> open) {
        this.background = Objects.requireNonNull(background, "background");
        this.corpus = Objects.requireNonNull(corpus, "corpus");
        this.annotator = Objects.requireNonNull(annotator, "annotator");
        this.owner = Objects.requireNonNull(owner, "owner");
        getStyleClass().add("tag-browser");
        setSpacing(6);
        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>());
        tree.getStyleClass().add("tag-tree");
        tree.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(TagTree item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label() + "  (" + item.uses() + ")");
            }
        });
        Label none = new Label("No tags yet. Tag a passage with T.");
        none.getStyleClass().add("placeholder");
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            loadPassages();
            boolean picked = item != null && item.getValue() != null;
            rename.setDisable(!picked);
            merge.setDisable(!picked);
            delete.setDisable(!picked);
        });
        passages.setCellFactory(l -> new HighlightCell(h -> titles.getOrDefault(h.articleKey(), h.articleKey())));
        passages.getStyleClass().add("passages");
        Label noPassages = new Label("Pick a tag to see its passages.");
        noPassages.getStyleClass().add("placeholder");
        passages.setPlaceholder(noPassages);
        passages.setOnMouseClicked(e -> Optional.ofNullable(passages.getSelectionModel().getSelectedItem()).ifPresent(open));
        passages.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                Optional.ofNullable(passages.getSelectionModel().getSelectedItem()).ifPresent(open);
            }
        });
        rename.setOnAction(e -> selectedTag().ifPresent(this::rename));
        merge.setOnAction(e -> selectedTag().ifPresent(this::merge));
        delete.setOnAction(e -> selectedTag().ifPresent(this::delete));
        for (Button b : List.of(rename, merge, delete)) {
            b.getStyleClass().addAll("small", "flat");
            b.setDisable(true);
        }
        delete.getStyleClass().add("danger");
        HBox actions = new HBox(4, rename, merge, delete);
        passagesTitle.getStyleClass().add("section-title");
        VBox lower = new VBox(4, passagesTitle, passages);
        VBox.setVgrow(passages, Priority.ALWAYS);
        VBox upper = new VBox(4, tree, actions);
        VBox.setVgrow(tree, Priority.ALWAYS);
        SplitPane split = new SplitPane(upper, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().add(split);
    }

    /** The tag names that exist, for completion. */
    public List<String> tagNames() {
        return tags.stream().map(TagSummary::name).toList();
    }

    /** Shows the current tags, keeping the selected one selected, and reloads its passages. */
    public void showTags(List<TagSummary> now) {
        tags = List.copyOf(now);
        String keep = selectedTag().orElse(null);
        TreeItem<TagTree> root = new TreeItem<>();
        for (TagTree t : TagTree.of(now)) {
            root.getChildren().add(item(t));
        }
        tree.setRoot(root);
        if (keep != null) {
            find(root, keep).ifPresent(item -> tree.getSelectionModel().select(item));
        }
        loadPassages();
    }

    /** Selects a tag by name, as if the analyst clicked it. */
    public void select(String tag) {
        find(tree.getRoot(), tag).ifPresent(item -> tree.getSelectionModel().select(item));
    }

    private Optional<String> selectedTag() {
        TreeItem<TagTree> item = tree.getSelectionModel().getSelectedItem();
        return item == null || item.getValue() == null ? Optional.empty() : Optional.of(item.getValue().name());
    }

    private static TreeItem<TagTree> item(TagTree t) {
        TreeItem<TagTree> item = new TreeItem<>(t);
        item.setExpanded(true);
        t.children().forEach(c -> item.getChildren().add(item(c)));
        return item;
    }

    private static Optional<TreeItem<TagTree>> find(TreeItem<TagTree> at, String name) {
        if (at.getValue() != null && at.getValue().name().equalsIgnoreCase(name)) {
            return Optional.of(at);
        }
        for (TreeItem<TagTree> child : at.getChildren()) {
            Optional<TreeItem<TagTree>> found = find(child, name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private void loadPassages() {
        long mine = ++generation;
        Optional<String> tag = selectedTag();
        OpenCorpus open = corpus.get();
        if (tag.isEmpty() || open == null || open.session().isEmpty()) {
            passages.getItems().clear();
            passagesTitle.setText("Passages");
            return;
        }
        background.run(() -> {
            List<Highlight> found = open.requireSession().highlights(Optional.empty(), tag, Optional.empty(), Optional.empty());
            Map<String, String> names = new HashMap<>();
            for (Highlight h : found) {
                names.computeIfAbsent(h.articleKey(), k -> open.article(k).map(Article::title).orElse(k));
            }
            return new Passages(found, names);
        }, result -> {
            if (mine == generation) {
                titles.putAll(result.titles());
                passages.getItems().setAll(result.highlights());
                passagesTitle.setText("Passages tagged " + tag.get() + " (" + result.highlights().size() + ")");
            }
        });
    }

    private record Passages(List<Highlight> highlights, Map<String, String> titles) {}

    private void rename(String tag) {
        TextInputDialog dialog = new TextInputDialog(tag);
        dialog.setTitle("Rename tag");
        dialog.setHeaderText("Rename the tag " + tag + " (its sub-tags follow)");
        Dialogs.dress(dialog, owner.get());
        dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty() && !s.equals(tag))
                .ifPresent(name -> annotator.renameTag(tag, name));
    }

    private void merge(String tag) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle("Merge tag");
        dialog.setHeaderText("Merge " + tag + " into another tag: its passages get that tag instead");
        dialog.setContentText("Into:");
        Dialogs.dress(dialog, owner.get());
        dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty() && !s.equalsIgnoreCase(tag))
                .ifPresent(into -> annotator.mergeTag(tag, into));
    }

    private void delete(String tag) {
        if (Dialogs.confirm(owner.get(), "Delete the tag " + tag + "?",
                "The tag is removed from every passage and article; the highlights stay. Ctrl+Z undoes this.", "Delete tag")) {
            annotator.deleteTag(tag);
        }
    }
}
