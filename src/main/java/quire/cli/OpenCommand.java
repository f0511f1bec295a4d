package quire.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "open", description = "Open the Quire window on a corpus folder.")
final class OpenCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "corpus", description = "The corpus folder (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        err.println("The Quire window is not built yet. Until it is, use the command line:");
        err.println("  ./quire index       read the corpus into the index");
        err.println("  ./quire articles    list the articles");
        err.println("  ./quire show KEY    read one article");
        err.println("  ./quire --help      everything else");
        err.flush();
        return 0;
    }
}
