package quire.ui.search;

import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import quire.model.Snippet;
import quire.model.TextRange;

/** A snippet as a flow of plain and marked text nodes: no HTML, so nothing to escape or inject. */
final class Snippets {
    private Snippets() {}

    static TextFlow flow(Snippet snippet) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("snippet");
        String text = snippet.text();
        int at = 0;
        flow.getChildren().add(text("… ", "snippet-text"));
        for (TextRange mark : snippet.marks()) {
            int start = Math.max(at, Math.min(mark.start(), text.length()));
            int end = Math.max(start, Math.min(mark.end(), text.length()));
            if (start > at) {
                flow.getChildren().add(text(text.substring(at, start), "snippet-text"));
            }
            if (end > start) {
                flow.getChildren().add(text(text.substring(start, end), "snippet-mark"));
            }
            at = end;
        }
        if (at < text.length()) {
            flow.getChildren().add(text(text.substring(at), "snippet-text"));
        }
        flow.getChildren().add(text(" …", "snippet-text"));
        return flow;
    }

    private static Text text(String s, String styleClass) {
        Text t = new Text(s.replace('\n', ' '));
        t.getStyleClass().add(styleClass);
        return t;
    }
}
