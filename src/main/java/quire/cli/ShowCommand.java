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
        Article article = service.article(corpus.workspace(dirs), key).orElse(null);
        if (article == null) {
            spec.commandLine().getErr().printf("No article has the key '%s'. 'quire articles' lists them.%n", key);
            return 2;
        }
        if (json) {
            Output.json(out, j -> Output.article(j, article));
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
        out.printf("Path:      %s%n", article.path());
        for (String warning : article.warnings()) {
            out.printf("Warning:   %s%n", warning);
        }
        for (Block block : article.blocks()) {
            out.println();
            String text = article.textOf(block);
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
}
