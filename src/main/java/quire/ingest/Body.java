package quire.ingest;

import java.util.List;
import quire.model.Block;

/** Canonical clean text and its blocks, as built by {@link BodyBuilder}. */
public record Body(String text, List<Block> blocks) {
    public Body {
        blocks = List.copyOf(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }
}
