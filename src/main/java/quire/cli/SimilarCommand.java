package quire.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.model.Article;
import quire.model.SearchHit;
import quire.model.SearchResult;
import quire.service.AppDirs;
import quire.service.CorpusService;
import quire.service.CorpusView;

@Command(name = "similar", description = "List the articles most like one article (more like this).")
final class SimilarCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Parameters(index = "0", paramLabel = "KEY", description = "The article's key, or a unique prefix of at least 4 characters.")
    String key;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many articles (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the list as JSON, in the shape of search results.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final CorpusService service;
    private final AppDirs dirs;

    SimilarCommand(CorpusService service, AppDirs dirs) {
        this.service = service;
        this.dirs = dirs;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Article article;
        long started;
        List<SearchHit> hits;
        try (CorpusView view = service.view(corpus.workspace(dirs))) {
            article = view.article(key).orElse(null);
            if (article == null) {
                return Output.noSuchArticle(spec.commandLine().getErr(), key);
            }
            started = System.nanoTime();
            hits = view.moreLikeThis(article.key(), Math.max(1, Math.min(limit, 1000)));
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        if (json) {
            SearchResult result = new SearchResult("similar:" + article.key(), hits.size(), tookMs, hits,
                    java.util.Map.of(), java.util.Optional.empty(), java.util.Optional.empty());
            Output.json(out, j -> Output.searchResult(j, result, tookMs, -1));
            return 0;
        }
        out.printf("Articles like \"%s\":%n", article.title());
        int n = 0;
        for (SearchHit hit : hits) {
            out.printf("%3d. %s  [%s]%n", ++n, hit.title(), hit.key());
        }
        if (hits.isEmpty()) {
            out.println("  none");
        }
        out.flush();
        return 0;
    }
}
