package quire.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.model.Article;
import quire.model.Block;
import quire.service.AppDirs;
import quire.service.CorpusService;

@Command(name = "show", description = "Show one article's metadata, blocks and clean text.")
final class ShowCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Parameters(index = "0", paramLabel = "KEY", description = "The article's key, or a unique prefix of at least 4 characters.")
    String key;

    @Option(names = "--json", description = "Print the article as JSON, with block offsets into the text.")
    boolean json;

    @Option(names = "--query", paramLabel = "QUERY", description = "Mark where this search query matches in the text (JSON: \"hits\" offsets).")
    String query;

    @Spec
    CommandSpec spec;

    private final CorpusService service;
    private final AppDirs dirs;

    ShowCommand(CorpusService service, AppDirs dirs) {
        this.service = service;
        this.dirs = dirs;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Article article;
        java.util.Optional<java.util.List<quire.model.TextRange>> hits = java.util.Optional.empty();
        // One view for the lookup and the hits: opening the index is the costly part.
        try (quire.service.CorpusView view = service.view(corpus.workspace(dirs))) {
            article = view.article(key).orElse(null);
            if (article == null) {
                return Output.noSuchArticle(spec.commandLine().getErr(), key);
            }
            if (query != null) {
                hits = java.util.Optional.of(view.hitRanges(article.key(), query));
            }
        }
        java.util.Optional<java.util.List<quire.model.TextRange>> found = hits;
        if (json) {
            Output.json(out, j -> Output.article(j, article, found));
            return 0;
        }
        out.println(article.title());
        article.summary().ifPresent(s -> out.println(s));
        out.println();
        out.printf("Key:       %s%n", article.key());
        article.published().ifPresent(p -> out.printf("Published: %s%n", p));
        article.author().ifPresent(a -> out.printf("Author:    %s%n", a));
        article.source().ifPresent(s -> out.printf("Source:    %s%n", s));
        article.link().ifPresent(l -> out.printf("Link:      %s%n", l));
        out.printf("Path:      %s%n", Output.name(article.path()));
        for (String warning : article.warnings()) {
            out.printf("Warning:   %s%n", warning);
        }
        found.ifPresent(h -> out.printf("Matches:   %d%n", h.size()));
        String marked = found.map(h -> mark(article.text(), h)).orElse(article.text());
        java.util.List<quire.model.TextRange> ranges = found.orElse(java.util.List.of());
        for (Block block : article.blocks()) {
            out.println();
            int start = block.start() + 2 * (int) ranges.stream().filter(r -> r.end() <= block.start()).count();
            int end = block.end() + 2 * (int) ranges.stream().filter(r -> r.start() < block.end()).count();
            String text = marked.substring(start, end);
            switch (block.kind()) {
                case HEADING -> out.println("## " + text);
                case QUOTE -> out.println("> " + text);
                case LIST_ITEM -> out.println("  • " + text);
                case CAPTION -> out.println("[Caption] " + text);
                case PARAGRAPH -> out.println(text);
            }
        }
        out.flush();
        return 0;
    }

    /** The text with «guillemets» around each hit (two characters per hit, which block offsets account for). */
    private static String mark(String text, java.util.List<quire.model.TextRange> hits) {
        StringBuilder out = new StringBuilder(text);
        for (int i = hits.size() - 1; i >= 0; i--) {
            out.insert(hits.get(i).end(), '»').insert(hits.get(i).start(), '«');
        }
        return out.toString();
    }
}
