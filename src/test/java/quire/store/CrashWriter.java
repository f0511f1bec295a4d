package quire.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import quire.model.Article;
import quire.model.Highlight;

/**
 * The child process of {@link CrashTest}: opens the store and creates highlights until it is
 * killed, printing each id only after the store acknowledged it.
 */
public final class CrashWriter {
    private CrashWriter() {}

    public static void main(String[] args) {
        Path workspace = Path.of(args[0]);
        String run = args[1];
        PrintStream out = System.out;
        Article article = Fixtures.treaty();
        int length = article.text().length();
        try (AnnotationStore store = AnnotationStore.open(workspace)) {
            out.println("ready");
            out.flush();
            for (int i = 0; ; i++) {
                int start = i % (length - 20);
                Highlight h = store.createHighlight(article, start, start + 1 + i % 19, null, note(run, i), tags(i));
                out.println(run + " " + i + " " + h.id());
                out.flush();
            }
        }
    }

    static String note(String run, int i) {
        return "note " + run + "-" + i;
    }

    static List<String> tags(int i) {
        return List.of("crash", "crash/" + (i % 7));
    }
}
