package quire.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.model.Highlight;
import quire.model.HighlightState;
import quire.service.AppDirs;
import quire.service.CorpusService;
import quire.service.Session;

@Command(name = "annotations", description = "List highlights, filtered by article, tag, note text or a search query.")
final class AnnotationsCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Option(names = "--article", paramLabel = "KEY", description = "Only this article's highlights.")
    String article;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only highlights with this tag or one of its sub-tags.")
    String tag;

    @Option(names = "--note", paramLabel = "TEXT", description = "Only highlights whose note contains this text.")
    String note;

    @Option(names = "--query", paramLabel = "QUERY", description = "Only highlights in articles matching this search.")
    String query;

    @Option(names = "--json", description = "Print the highlights as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final CorpusService service;
    private final AppDirs dirs;

    AnnotationsCommand(CorpusService service, AppDirs dirs) {
        this.service = service;
        this.dirs = dirs;
    }

    @Override
    public Integer call() {
        List<Highlight> highlights;
        try (Session session = service.readySession(corpus.workspace(dirs))) {
            highlights = session.highlights(
                    Optional.ofNullable(article), Optional.ofNullable(tag), Optional.ofNullable(note), Optional.ofNullable(query));
        }
        var out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, j -> Output.highlights(j, highlights));
            return 0;
        }
        for (Highlight h : highlights) {
            out.printf("%s  %s %d–%d  %s%s%n", h.id(), h.articleKey(), h.start(), h.end(), h.color(),
                    h.state() == HighlightState.ORPHANED ? "  ORPHANED" : "");
            out.printf("    \"%s\"%n", h.quote());
            if (!h.tags().isEmpty()) {
                out.printf("    tags: %s%n", String.join(", ", h.tags()));
            }
            if (!h.note().isEmpty()) {
                out.printf("    note: %s%n", h.note());
            }
        }
        out.printf("%d highlights%n", highlights.size());
        out.flush();
        return 0;
    }
}
