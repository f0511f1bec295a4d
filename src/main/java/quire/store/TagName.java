package quire.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import quire.model.QuireException;

/**
 * A tag name in its canonical spelling: segments separated by {@code /}, each trimmed, inner
 * whitespace folded to one space, empty segments dropped ({@code " Treaty // article-4 "} is
 * {@code "Treaty/article-4"}).
 */
record TagName(String name) {
    /** Orders names case-insensitively, ties broken by spelling so the order is total. */
    static final Comparator<String> ORDER =
            Comparator.comparing((String name) -> key(name)).thenComparing(Comparator.naturalOrder());

    TagName {
        Objects.requireNonNull(name, "name");
    }

    /** Canonicalises what the analyst typed; QuireException when nothing is left. */
    static TagName of(String raw) {
        if (raw == null) {
            throw new QuireException("A tag needs a name.");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : raw.split("/", -1)) {
            // Control characters become spaces: they are invisible, and char 31 separates tags in queries.
            String folded = segment.replaceAll("[\\p{Cntrl}\\s\\u00A0\\u2007\\u202F]+", " ").strip();
            if (!folded.isEmpty()) {
                segments.add(folded);
            }
        }
        if (segments.isEmpty()) {
            throw new QuireException("A tag needs a name; '" + raw.strip() + "' has none.");
        }
        return new TagName(String.join("/", segments));
    }

    /** The case-insensitive identity of the name. */
    String key() {
        return key(name);
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
