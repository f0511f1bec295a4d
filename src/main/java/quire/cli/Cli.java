package quire.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import quire.model.QuireException;
import quire.service.AppDirs;
import quire.service.CorpusService;

/**
 * The command line: the same services as the window. Exit code 0 on success (files with problems
 * are reported, not fatal), 1 for a usage error, 2 when the work could not be done.
 */
public final class Cli {
    private static final System.Logger LOG = System.getLogger(Cli.class.getName());

    @Command(
            name = "quire",
            mixinStandardHelpOptions = true,
            version = "Quire 0.1.0",
            description = {
                "Read, search and annotate a corpus of news articles.",
                "With no command, opens the window on ./corpus."
            },
            exitCodeOnInvalidInput = 1,
            exitCodeOnExecutionException = 2,
            commandListHeading = "%nCommands:%n")
    static final class Quire {}

    private final CorpusService service;
    private final AppDirs dirs;

    public Cli(CorpusService service, AppDirs dirs) {
        this.service = service;
        this.dirs = dirs;
    }

    /** Runs one command line; results go to {@code out}, messages to {@code err}. */
    public int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Quire())
                .addSubcommand("open", new OpenCommand())
                .addSubcommand("index", new IndexCommand(service, dirs))
                .addSubcommand("articles", new ArticlesCommand(service, dirs))
                .addSubcommand("search", new SearchCommand(service, dirs))
                .addSubcommand("similar", new SimilarCommand(service, dirs))
                .addSubcommand("show", new ShowCommand(service, dirs))
                .addSubcommand("annotate", new AnnotateCommand(service, dirs))
                .addSubcommand("annotations", new AnnotationsCommand(service, dirs))
                .addSubcommand("tags", new TagsCommand(service, dirs))
                .addSubcommand("undo", new UndoCommand.Undo(service, dirs))
                .addSubcommand("redo", new UndoCommand.Redo(service, dirs))
                .addSubcommand("export", new ExportCommand(service, dirs))
                .addSubcommand("import", new ImportCommand(service, dirs))
                .addSubcommand("check", new CheckCommand(service, dirs))
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    if (e instanceof QuireException) {
                        LOG.log(System.Logger.Level.WARNING, "Command failed", e);
                        commandLine.getErr().println(e.getMessage());
                    } else {
                        LOG.log(System.Logger.Level.ERROR, "Command failed unexpectedly", e);
                        commandLine.getErr().println("Quire failed unexpectedly (" + e.getClass().getSimpleName()
                                + "); the details are in the log.");
                    }
                    commandLine.getErr().flush();
                    return 2;
                });
        return cli.execute(args.length == 0 ? new String[] {"open"} : args);
    }
}
