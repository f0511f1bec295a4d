package quire.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.model.Problem;
import quire.service.AppDirs;
import quire.service.CorpusService;
import quire.service.IndexReport;
import quire.service.Progress;

@Command(
        name = "index",
        description = {
            "Bring the index up to date with the corpus folder: read new and changed files, drop"
                    + " removed ones, and report every file with a problem."
        })
final class IndexCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final CorpusService service;
    private final AppDirs dirs;

    IndexCommand(CorpusService service, AppDirs dirs) {
        this.service = service;
        this.dirs = dirs;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        IndexReport report = service.index(corpus.workspace(dirs), new TerminalProgress(err));
        if (json) {
            Output.json(out, j -> Output.indexReport(j, report));
            return 0;
        }
        report.rebuilt().ifPresent(why -> out.printf("The index was rebuilt because %s.%n", why));
        out.printf("Indexed %s in %d ms%s%n", report.corpus(), report.tookMs(), report.cancelled() ? " (cancelled)" : "");
        out.printf(
                "  %d files: %d added, %d updated, %d removed, %d unchanged%n",
                report.files(), report.added(), report.updated(), report.removed(), report.unchanged());
        out.printf("  %d articles, %d duplicate copies%n", report.articles(), report.duplicates());
        if (!report.problems().isEmpty()) {
            out.printf("%d problems:%n", report.problems().size());
            for (Problem p : report.problems()) {
                out.printf("  %-7s %s: %s%n", p.severity().label(), Output.name(p.path()), Output.oneLine(p.message()));
            }
        }
        out.flush();
        return 0;
    }

    /** Progress on the terminal's error stream, only when a person is watching. */
    private static final class TerminalProgress implements Progress {
        private final PrintWriter err;
        private final boolean interactive = System.console() != null;
        private long lastPrinted;

        TerminalProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(long done, long total, String message) {
            long now = System.nanoTime();
            if (!interactive || now - lastPrinted < 200_000_000L && done < total) {
                return;
            }
            lastPrinted = now;
            err.printf("\rReading files: %d of %d%s", done, total, done == total ? "\n" : "");
            err.flush();
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
