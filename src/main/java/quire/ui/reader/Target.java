package quire.ui.reader;

import java.util.Objects;
import quire.model.Highlight;
import quire.model.TextRange;

/** What an annotation key in the reader acts on: a newly selected passage, or a highlight. */
public sealed interface Target {
    /** A passage selected in the open article, not yet highlighted. */
    record Passage(String articleKey, TextRange range, String quote) implements Target {
        public Passage {
            Objects.requireNonNull(articleKey, "articleKey");
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(quote, "quote");
        }
    }

    /** A highlight the analyst clicked or picked in the panel. */
    record Existing(Highlight highlight) implements Target {
        public Existing {
            Objects.requireNonNull(highlight, "highlight");
        }
    }
}
