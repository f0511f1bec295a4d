package quire.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.model.Highlight;
import quire.service.AppDirs;
import quire.service.CorpusService;
import quire.service.Session;

@Command(name = "annotate", description = {
    "Highlight a passage of an article, with tags, a note and a colour.",
    "Without --quote, --note sets the note of the whole article and --tag adds tags to it."})
final class AnnotateCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Option(names = "--article", required = true, paramLabel = "KEY", description = "The article's key (or a unique prefix).")
    String article;

    @Option(names = "--quote", paramLabel = "TEXT", description = "The passage, as it reads in the article.")
    String quote;

    @Option(names = "--occurrence", paramLabel = "N", defaultValue = "1", description = "Which occurrence of the passage (default: the first).")
    int occurrence;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag; repeatable; '/' makes a hierarchy (treaty/article-4).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--note", paramLabel = "TEXT", defaultValue = "", description = "A note on the passage.")
    String note;

    @Option(names = "--color", paramLabel = "NAME", defaultValue = Highlight.DEFAULT_COLOR,
            description = "yellow, green, blue, pink, purple or orange (default: ${DEFAULT-VALUE}).")
    String color;

    @Option(names = "--json", description = "Print the highlight as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final CorpusService service;
    private final AppDirs dirs;

    AnnotateCommand(CorpusService service, AppDirs dirs) {
        this.service = service;
        this.dirs = dirs;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (quote == null) {
            return annotateArticle(out);
        }
        Highlight h;
        try (Session session = service.readySession(corpus.workspace(dirs))) {
            h = session.annotate(article, quote, occurrence, color, note, tags);
        }
        if (json) {
            Output.json(out, j -> Output.highlight(j, h));
        } else {
            out.printf("Highlighted %d–%d of %s: \"%s\"%n", h.start(), h.end(), h.articleKey(), h.quote());
            out.printf("  id %s, %s%s%s%n", h.id(), h.color(),
                    h.tags().isEmpty() ? "" : ", tags " + String.join(", ", h.tags()),
                    h.note().isEmpty() ? "" : ", note: " + h.note());
            out.flush();
        }
        return 0;
    }

    private int annotateArticle(java.io.PrintWriter out) {
        if (note.isEmpty() && tags.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Give --quote to highlight a passage, or --note and/or --tag to annotate the whole article.");
        }
        String key;
        List<String> articleTags;
        String articleNote;
        try (Session session = service.readySession(corpus.workspace(dirs))) {
            key = session.article(article).orElseThrow(() -> new quire.model.QuireException(
                    "No article has the key '" + article + "'. 'quire articles' lists them.")).key();
            if (!note.isEmpty()) {
                session.setArticleNote(key, note);
            }
            for (String tag : tags) {
                session.addArticleTag(key, tag);
            }
            articleTags = session.articleTags(key);
            articleNote = session.articleNote(key);
        }
        if (json) {
            Output.json(out, j -> {
                j.writeStartObject();
                j.writeStringField("article", key);
                j.writeStringField("note", articleNote);
                j.writeArrayFieldStart("tags");
                for (String t : articleTags) {
                    j.writeString(t);
                }
                j.writeEndArray();
                j.writeEndObject();
            });
        } else {
            out.printf("Article %s: tags %s%s%n", key, articleTags.isEmpty() ? "none" : String.join(", ", articleTags),
                    articleNote.isEmpty() ? "" : "; note: " + articleNote);
            out.flush();
        }
        return 0;
    }
}
