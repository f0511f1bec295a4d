package quire.ui.reader;

import quire.model.Highlight;

/** What the reader asks of whoever annotates; called on the JavaFX thread. */
public interface ReaderActions {
    /** Highlights a passage, or recolours a highlight. */
    void highlight(Target target, String color);

    /** Asks for tags for a passage (highlighting it) or a highlight. */
    void tag(Target target);

    /** Asks for a note for a passage (highlighting it) or a highlight. */
    void note(Target target);

    void delete(Highlight highlight);

    /** Nothing to annotate: the reader has no article, or annotating is unavailable. */
    ReaderActions NONE = new ReaderActions() {
        @Override
        public void highlight(Target target, String color) {}

        @Override
        public void tag(Target target) {}

        @Override
        public void note(Target target) {}

        @Override
        public void delete(Highlight highlight) {}
    };
}
