package quire.ui.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import quire.model.TagSummary;

/**
 * Tags arranged by their {@code /} levels, each node counting its own uses and its sub-tags'.
 * A level that exists only as a prefix ({@code treaty} when only {@code treaty/article-4} was made)
 * still gets a node, so the hierarchy reads as the analyst thinks of it.
 */
record TagTree(String name, String label, int uses, List<TagTree> children) {
    TagTree {
        children = List.copyOf(children);
    }

    static List<TagTree> of(List<TagSummary> tags) {
        Node root = new Node("", "");
        for (TagSummary tag : tags) {
            Node at = root;
            String[] parts = tag.name().split("/");
            StringBuilder path = new StringBuilder();
            for (String part : parts) {
                if (path.length() > 0) {
                    path.append('/');
                }
                path.append(part);
                String full = path.toString();
                at = at.children.computeIfAbsent(part.toLowerCase(Locale.ROOT), k -> new Node(full, part));
            }
            at.own += tag.highlights() + tag.articles();
            at.name = tag.name();
        }
        return root.freeze().children();
    }

    private static final class Node {
        String name;
        final String label;
        int own;
        final Map<String, Node> children = new TreeMap<>();

        Node(String name, String label) {
            this.name = name;
            this.label = label;
        }

        TagTree freeze() {
            List<TagTree> kids = new ArrayList<>();
            int total = own;
            for (Node child : children.values()) {
                TagTree t = child.freeze();
                kids.add(t);
                total += t.uses();
            }
            return new TagTree(name, label, total, kids);
        }
    }
}
