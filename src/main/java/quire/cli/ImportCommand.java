package quire.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.service.AppDirs;
import quire.service.CorpusService;
import quire.service.ImportSummary;
import quire.service.Session;

@Command(name = "import", description = "Add the highlights and notes of a JSON export (W3C Web Annotation) to this workspace, without duplicates.")
final class ImportCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Parameters(index = "0", paramLabel = "FILE", description = "A file written by 'quire export --format json'.")
    Path file;

    @Spec
    CommandSpec spec;

    private final CorpusService service;
    private final AppDirs dirs;

    ImportCommand(CorpusService service, AppDirs dirs) {
        this.service = service;
        this.dirs = dirs;
    }

    @Override
    public Integer call() {
        ImportSummary summary;
        try (Session session = service.readySession(corpus.workspace(dirs))) {
            summary = session.importAnnotations(file);
        }
        var out = spec.commandLine().getOut();
        out.printf("Read %d highlights: %d new, %d already here%s%n", summary.read(), summary.added(),
                summary.read() - summary.added() - summary.skipped(),
                summary.skipped() == 0 ? "" : ", " + summary.skipped() + " skipped (their articles are not in this corpus)");
        out.flush();
        return 0;
    }
}
