package quire.cli;

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
import quire.service.WorkspaceCheck;

@Command(name = "check", description = "Verify the workspace: database integrity, backups and orphaned highlights.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final CorpusService service;
    private final AppDirs dirs;

    CheckCommand(CorpusService service, AppDirs dirs) {
        this.service = service;
        this.dirs = dirs;
    }

    @Override
    public Integer call() {
        WorkspaceCheck report;
        try (Session session = service.readySession(corpus.workspace(dirs))) {
            report = session.check();
        }
        var out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, j -> {
                j.writeStartObject();
                j.writeBooleanField("integrityOk", report.integrityOk());
                j.writeArrayFieldStart("integrityMessages");
                for (String m : report.integrityMessages()) {
                    j.writeString(m);
                }
                j.writeEndArray();
                j.writeNumberField("highlights", report.highlights());
                j.writeNumberField("tags", report.tags());
                j.writeArrayFieldStart("orphans");
                for (Highlight h : report.orphans()) {
                    Output.highlight(j, h);
                }
                j.writeEndArray();
                j.writeArrayFieldStart("backups");
                for (var b : report.backups()) {
                    j.writeString(b.toString());
                }
                j.writeEndArray();
                j.writeStringField("backupProblem", report.backupProblem().orElse(null));
                j.writeEndObject();
            });
        } else {
            out.println(report.integrityOk() ? "Database: OK" : "Database: DAMAGED");
            if (!report.integrityOk()) {
                report.integrityMessages().forEach(m -> out.println("  " + m));
            }
            out.printf("%d highlights, %d tags, %d backups%n", report.highlights(), report.tags(), report.backups().size());
            report.backupProblem().ifPresent(problem -> out.println("Backup skipped: " + problem));
            out.printf("%d orphaned highlights%n", report.orphans().size());
            for (Highlight h : report.orphans()) {
                out.printf("  %s  %s  \"%s\"%n", h.id(), h.articleKey(), Output.oneLine(h.quote()));
            }
            out.flush();
        }
        return report.integrityOk() ? 0 : 2;
    }
}
