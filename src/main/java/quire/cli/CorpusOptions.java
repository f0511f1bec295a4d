package quire.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import quire.service.AppDirs;
import quire.service.Workspace;

/** The options every corpus command takes. */
final class CorpusOptions {
    @Option(
            names = "--corpus",
            paramLabel = "DIR",
            description = "The corpus folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "corpus")
    Path corpus;

    @Option(
            names = "--workspace",
            paramLabel = "DIR",
            description = "Where to keep the index (default: <corpus>/.quire, or a folder in your data"
                    + " directory when the corpus cannot be written).")
    Path workspace;

    Workspace workspace(AppDirs dirs) {
        return Workspace.resolve(corpus, Optional.ofNullable(workspace), dirs);
    }
}
