package quire.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.service.AppDirs;
import quire.service.CorpusService;
import quire.service.ExportRequest;
import quire.service.ExportSummary;
import quire.service.Session;

@Command(name = "export", description = "Export highlights, notes and tags to Markdown, CSV or JSON (W3C Web Annotation).")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown", description = "markdown, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--by", paramLabel = "GROUPING", defaultValue = "article",
            description = "Markdown grouping: article, or tag for an evidence list (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--folder", description = "Markdown: one file per article plus index.md, in the folder --out.")
    boolean folder;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "The file (or folder) to write.")
    Path out;

    @Option(names = "--query", paramLabel = "QUERY", description = "Only articles matching this search, e.g. 'date:2024-06'.")
    String query;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only passages with this tag or its sub-tags.")
    String tag;

    @Option(names = "--from", paramLabel = "DATE", description = "Only articles published on or after this date (2024, 2024-06, 2024-06-20).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only articles published on or before this date.")
    String to;

    @Spec
    CommandSpec spec;

    private final CorpusService service;
    private final AppDirs dirs;

    ExportCommand(CorpusService service, AppDirs dirs) {
        this.service = service;
        this.dirs = dirs;
    }

    @Override
    public Integer call() {
        ExportRequest.Format kind = switch (format.toLowerCase(Locale.ROOT)) {
            case "markdown", "md" -> ExportRequest.Format.MARKDOWN;
            case "csv" -> ExportRequest.Format.CSV;
            case "json" -> ExportRequest.Format.JSON;
            default -> throw new ParameterException(spec.commandLine(), "--format is markdown, csv or json, not '" + format + "'.");
        };
        boolean byTag = switch (by.toLowerCase(Locale.ROOT)) {
            case "article" -> false;
            case "tag" -> true;
            default -> throw new ParameterException(spec.commandLine(), "--by is article or tag, not '" + by + "'.");
        };
        ExportRequest request = new ExportRequest(kind, byTag, folder, out, combinedQuery(), Optional.ofNullable(tag), Set.of());
        ExportSummary summary;
        try (Session session = service.readySession(corpus.workspace(dirs))) {
            summary = session.export(request, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        spec.commandLine().getOut().printf("Exported %d highlights from %d articles to %s%n",
                summary.highlights(), summary.articles(), summary.target());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The query with the date range added, so that one search decides which articles go out. */
    private Optional<String> combinedQuery() {
        StringBuilder q = new StringBuilder(query == null ? "" : "(" + query + ")");
        if (from != null || to != null) {
            if (q.length() > 0) {
                q.append(" AND ");
            }
            q.append("date:[").append(from == null ? "*" : from).append(" TO ").append(to == null ? "*" : to).append(']');
        }
        return q.length() == 0 ? Optional.empty() : Optional.of(q.toString());
    }
}
