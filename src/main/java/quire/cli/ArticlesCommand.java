package quire.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.model.ArticleSummary;
import quire.service.AppDirs;
import quire.service.CorpusService;

@Command(
        name = "articles",
        description = "List the articles: key, published, source, title, path and warnings.")
final class ArticlesCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final CorpusService service;
    private final AppDirs dirs;

    ArticlesCommand(CorpusService service, AppDirs dirs) {
        this.service = service;
        this.dirs = dirs;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ArticleSummary> articles = service.articles(corpus.workspace(dirs));
        if (json) {
            Output.json(out, j -> Output.summaries(j, articles));
            return 0;
        }
        int sourceWidth = Math.max(6, articles.stream().mapToInt(a -> a.source().orElse("").length()).max().orElse(0));
        out.printf("%-16s  %-16s  %-" + sourceWidth + "s  %s%n", "KEY", "PUBLISHED", "SOURCE", "TITLE");
        for (ArticleSummary a : articles) {
            String published = a.published().map(p -> p.date() + p.time().map(t -> " " + t.toString().substring(0, 5)).orElse("")).orElse("-");
            out.printf(
                    "%-16s  %-16s  %-" + sourceWidth + "s  %s%n",
                    a.key(), published, a.source().orElse("-"), a.title());
            String details = "path: " + Output.name(a.path()) + a.author().map(x -> "; by " + x).orElse("");
            out.printf("%-16s  %s%n", "", details);
            for (String warning : a.warnings()) {
                out.printf("%-16s  warning: %s%n", "", Output.oneLine(warning));
            }
        }
        out.printf("%d articles%n", articles.size());
        out.flush();
        return 0;
    }
}
