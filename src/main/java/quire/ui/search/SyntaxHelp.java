package quire.ui.search;

import atlantafx.base.controls.Popover;
import java.util.function.Consumer;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The query language on one card; clicking an example puts it in the search box. */
final class SyntaxHelp {
    private static final String[][] EXAMPLES = {
        {"military treaty", "both words (AND is the default)"},
        {"\"military assistance\"", "the exact phrase"},
        {"treaty OR pact", "either word"},
        {"Russia -Ukraine", "without a word (or NOT Ukraine)"},
        {"(Putin OR Kremlin) AND Kim", "grouping"},
        {"sanction*", "words starting with sanction"},
        {"Pyongyang~", "similar spellings"},
        {"\"military treaty\"~5", "words at most 5 apart"},
        {"title:Putin", "in titles only (also author:, source:)"},
        {"date:2024-06", "a year, month or day"},
        {"date:[2024-06-01 TO 2024-06-30]", "a date range"},
        {"date:>=2024-06-20", "on or after a date"},
        {"tag:treaty", "articles you tagged (with sub-tags)"},
        {"note:verify", "words in your notes"},
    };

    private SyntaxHelp() {}

    static Popover popover(Consumer<String> useExample) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        for (int i = 0; i < EXAMPLES.length; i++) {
            String example = EXAMPLES[i][0];
            Hyperlink link = new Hyperlink(example);
            link.getStyleClass().add("syntax-example");
            link.setOnAction(e -> useExample.accept(example));
            Label what = new Label(EXAMPLES[i][1]);
            what.getStyleClass().add("syntax-description");
            grid.addRow(i, link, what);
        }
        Label title = new Label("Search syntax");
        title.getStyleClass().add("syntax-title");
        Label footer = new Label("A query with a mistake still runs; the mistake is explained under the box.");
        footer.getStyleClass().add("syntax-description");
        footer.setWrapText(true);
        footer.setMaxWidth(460);
        VBox box = new VBox(8, title, grid, footer);
        box.getStyleClass().add("syntax-help");
        Popover popover = new Popover(box);
        popover.setHeaderAlwaysVisible(false);
        popover.setDetachable(false);
        popover.setArrowLocation(Popover.ArrowLocation.TOP_LEFT);
        return popover;
    }
}
