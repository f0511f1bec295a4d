package quire.ui.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import quire.model.TagSummary;

class TagTreeTest {
    private static TagSummary tag(String name, int highlights, int articles) {
        return new TagSummary(name, Optional.empty(), highlights, articles);
    }

    @Test
    void subTagsNestUnderTheirParentsWhichCountTheirUsesToo() {
        List<TagTree> tree = TagTree.of(List.of(tag("treaty/article-4", 2, 0), tag("sanctions", 1, 1), tag("treaty", 1, 0)));

        assertEquals(List.of(
                new TagTree("sanctions", "sanctions", 2, List.of()),
                new TagTree("treaty", "treaty", 3, List.of(new TagTree("treaty/article-4", "article-4", 2, List.of())))),
                tree);
    }

    @Test
    void aLevelThatIsOnlyAPrefixStillGetsANode() {
        assertEquals(List.of(new TagTree("a", "a", 1, List.of(new TagTree("a/b", "b", 1, List.of())))),
                TagTree.of(List.of(tag("a/b", 1, 0))));
    }
}
