package quire.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import quire.model.Highlight;
import quire.model.HighlightState;

/** Highlights made the way the store makes them, and the article texts the anchoring tests use. */
final class AnchoringFixtures {
    private AnchoringFixtures() {}

    static final List<String> ARTICLES =
            List.of("red-lines.txt", "balancing-act.txt", "security-at-risk.txt", "ratification.txt");

    /** A highlight on text[start, end) with Hypothesis' 32 characters of context either side. */
    static Highlight highlight(String text, int start, int end) {
        String prefix = text.substring(Math.max(0, start - Highlight.CONTEXT_CHARS), start);
        String suffix = text.substring(end, Math.min(text.length(), end + Highlight.CONTEXT_CHARS));
        Instant when = Instant.parse("2024-06-24T09:00:00Z");
        return new Highlight("h-" + start + "-" + end, "article", start, end, text.substring(start, end), prefix,
                suffix, Highlight.DEFAULT_COLOR, "", List.of(), when, when, HighlightState.ANCHORED, "hash");
    }

    /** A highlight on the first occurrence of {@code quote}. */
    static Highlight highlight(String text, String quote) {
        int start = text.indexOf(quote);
        if (start < 0) {
            throw new IllegalArgumentException("not in the text: " + quote);
        }
        return highlight(text, start, start + quote.length());
    }

    static String article(String name) {
        try (InputStream in = AnchoringFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test article " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
