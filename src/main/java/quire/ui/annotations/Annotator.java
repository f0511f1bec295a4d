package quire.ui.annotations;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;
import quire.model.Highlight;
import quire.service.Session;
import quire.ui.Background;
import quire.ui.OpenCorpus;
import quire.ui.reader.ReaderActions;
import quire.ui.reader.Target;

/**
 * Carries out what the analyst asks of annotations: asks in a dialog when words are needed (on the
 * JavaFX thread), then changes the store in the background and reports the change, naming the
 * highlight to select afterwards.
 */
public final class Annotator implements ReaderActions {
    private final Background background;
    private final Supplier<OpenCorpus> corpus;
    private final Supplier<Window> owner;
    private final Supplier<List<String>> tagNames;
    private final Consumer<Optional<String>> changed;
    private final Consumer<String> status;

    /**
     * @param tagNames the tags that exist, for completion
     * @param changed told, on the JavaFX thread, that annotations changed; carries the highlight to select
     * @param status shown short confirmations ("Undone: …")
     */
    public Annotator(Background background, Supplier<OpenCorpus> corpus, Supplier<Window> owner,
            Supplier<List<String>> tagNames, Consumer<Optional<String>> changed, Consumer<String> status) {
        this.background = Objects.requireNonNull(background, "background");
        this.corpus = Objects.requireNonNull(corpus, "corpus");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.tagNames = Objects.requireNonNull(tagNames, "tagNames");
        this.changed = Objects.requireNonNull(changed, "changed");
        this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public void highlight(Target target, String color) {
        if (target instanceof Target.Passage p) {
            change(s -> s.annotate(p.articleKey(), p.range().start(), p.range().end(), color, "", List.of()).id());
        } else if (target instanceof Target.Existing e) {
            change(s -> s.setColor(e.highlight().id(), color).id());
        }
    }

    @Override
    public void tag(Target target) {
        if (target instanceof Target.Passage p) {
            TagDialog.ask(owner.get(), "Tag “" + shorten(p.quote()) + "”", List.of(), tagNames.get())
                    .ifPresent(tags -> change(s -> s.annotate(p.articleKey(), p.range().start(), p.range().end(),
                            Highlight.DEFAULT_COLOR, "", tags).id()));
        } else if (target instanceof Target.Existing e) {
            Highlight h = e.highlight();
            TagDialog.ask(owner.get(), "Tag “" + shorten(h.quote()) + "”", h.tags(), tagNames.get())
                    .ifPresent(tags -> change(s -> s.setTags(h.id(), tags).id()));
        }
    }

    @Override
    public void note(Target target) {
        if (target instanceof Target.Passage p) {
            NoteDialog.ask(owner.get(), p.quote(), "")
                    .ifPresent(note -> change(s -> s.annotate(p.articleKey(), p.range().start(), p.range().end(),
                            Highlight.DEFAULT_COLOR, note, List.of()).id()));
        } else if (target instanceof Target.Existing e) {
            Highlight h = e.highlight();
            NoteDialog.ask(owner.get(), h.quote(), h.note()).ifPresent(note -> change(s -> s.setNote(h.id(), note).id()));
        }
    }

    @Override
    public void delete(Highlight highlight) {
        change(s -> {
            s.deleteHighlight(highlight.id());
            return null;
        });
        status.accept("Highlight deleted. Ctrl+Z brings it back.");
    }

    public void undo() {
        run(() -> session().undo(), done -> {
            status.accept(done.map(d -> "Undone: " + d).orElse("Nothing to undo."));
            changed.accept(Optional.empty());
        });
    }

    public void redo() {
        run(() -> session().redo(), done -> {
            status.accept(done.map(d -> "Redone: " + d).orElse("Nothing to redo."));
            changed.accept(Optional.empty());
        });
    }

    public void addArticleTags(String articleKey) {
        TagDialog.ask(owner.get(), "Tag the whole article", List.of(), tagNames.get()).ifPresent(tags -> change(s -> {
            for (String tag : tags) {
                s.addArticleTag(articleKey, tag);
            }
            return null;
        }));
    }

    public void removeArticleTag(String articleKey, String tag) {
        change(s -> {
            s.removeArticleTag(articleKey, tag);
            return null;
        });
    }

    public void setArticleNote(String articleKey, String note) {
        change(s -> {
            s.setArticleNote(articleKey, note);
            return null;
        });
    }

    public void renameTag(String from, String to) {
        change(s -> {
            s.renameTag(from, to);
            return null;
        });
    }

    public void mergeTag(String from, String into) {
        change(s -> {
            s.mergeTag(from, into);
            return null;
        });
    }

    public void deleteTag(String name) {
        change(s -> {
            s.deleteTag(name);
            return null;
        });
    }

    @FunctionalInterface
    private interface Change {
        /** Returns the id of the highlight to select afterwards, or null. */
        String apply(Session session);
    }

    private void change(Change change) {
        run(() -> Optional.ofNullable(change.apply(session())), changed);
    }

    private <T> void run(Callable<T> call, Consumer<T> then) {
        background.run(call, then);
    }

    private Session session() {
        OpenCorpus open = corpus.get();
        if (open == null) {
            throw new quire.model.QuireException("No corpus is open.");
        }
        return open.requireSession();
    }

    private static String shorten(String quote) {
        String flat = quote.replaceAll("\\s+", " ").strip();
        return flat.length() <= 60 ? flat : flat.substring(0, 59) + "…";
    }
}
