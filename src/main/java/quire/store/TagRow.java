package quire.store;

import java.util.Objects;
import java.util.Optional;

/** A row of the tag table. */
record TagRow(long id, String name, Optional<String> color) {
    TagRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(color, "color");
    }

    TagRow withId(long newId) {
        return new TagRow(newId, name, color);
    }
}
