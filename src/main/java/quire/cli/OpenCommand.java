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
        // The launcher (quire.Main) opens the window itself; reaching here means no window can be shown.
        var err = spec.commandLine().getErr();
        err.println("The window could not be opened from here. Run ./quire open DIR in a desktop session,");
        err.println("or use the command line: ./quire --help lists the commands.");
        err.flush();
        return 2;
    }
}
