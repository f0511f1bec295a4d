package quire;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import quire.cli.Cli;
import quire.ingest.CorpusScanner;
import quire.ingest.Ingester;
import quire.service.AppDirs;
import quire.service.CorpusIndexer;
import quire.service.CorpusService;
import quire.ui.SampleCorpus;
import quire.ui.shell.WindowLauncher;
import quire.model.QuireException;

/** Wiring only: builds every service with {@code new}, then opens the window or hands the command line to the CLI. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        AppDirs dirs = AppDirs.ofCurrentUser();
        logToFile(dirs.dataDir().resolve("logs"));
        // sqlite-jdbc unpacks its native library into a temporary folder; keep it in one Quire owns
        // (a shared /tmp can be mounted noexec, or cleaned while Quire runs).
        nativeLibraryFolder(dirs.dataDir().resolve("native"));
        CorpusIndexer indexer = new CorpusIndexer(
                new CorpusScanner(), new Ingester(), Runtime.getRuntime().availableProcessors());
        CorpusService corpus = new CorpusService(indexer);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Optional<Path> window = windowCorpus(args);
        if (window.isPresent()) {
            try {
                WindowLauncher.run(defaultToSample(window.get(), args, dirs), corpus, dirs);
                System.exit(0);
            } catch (QuireException e) {
                err.println(e.getMessage());
                err.flush();
                System.exit(2);
            }
        }
        int exit = new Cli(corpus, dirs).run(args, out, err);
        out.flush();
        err.flush();
        System.exit(exit);
    }

    /**
     * The corpus folder to open the window on: {@code quire} alone opens {@code ./corpus}, {@code
     * quire open [DIR]} opens DIR; anything else (including {@code open --help}) is for the CLI.
     */
    static Optional<Path> windowCorpus(String[] args) {
        if (args.length == 0) {
            return Optional.of(Path.of("corpus"));
        }
        if (!args[0].equals("open") || args.length > 2 || (args.length == 2 && args[1].startsWith("-"))) {
            return Optional.empty();
        }
        return Optional.of(Path.of(args.length == 2 ? args[1] : "corpus"));
    }

    /** Sets {@code org.sqlite.tmpdir} to {@code folder} (created) unless the user already chose one. */
    static void nativeLibraryFolder(Path folder) {
        if (System.getProperty("org.sqlite.tmpdir") != null) {
            return;
        }
        try {
            Files.createDirectories(folder);
            System.setProperty("org.sqlite.tmpdir", folder.toString());
        } catch (IOException | SecurityException e) {
            // The default temporary folder still works; nothing to tell the user.
        }
    }

    /**
     * The packaged app started from a desktop menu has no ./corpus to open: it opens the analyst's copy
     * of the sample corpus shipped with it instead. Under ./quire (no shipped sample) nothing changes.
     */
    private static Path defaultToSample(Path folder, String[] args, AppDirs dirs) {
        if (args.length > 0 || Files.isDirectory(folder)) {
            return folder;
        }
        return SampleCorpus.shipped(dirs.dataDir()).map(SampleCorpus::install).orElse(folder);
    }

    /**
     * Stack traces belong in a log file a user can send with a bug report, not on the terminal.
     * If the log folder cannot be written, log nothing rather than fail.
     */
    private static void logToFile(Path folder) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        try {
            Files.createDirectories(folder);
            Handler file = new FileHandler(folder.resolve("quire-%g.log").toString(), 2_000_000, 3, true);
            file.setFormatter(new SimpleFormatter());
            file.setEncoding(StandardCharsets.UTF_8.name());
            root.addHandler(file);
        } catch (IOException | SecurityException e) {
            root.setLevel(Level.OFF);
        }
    }
}
