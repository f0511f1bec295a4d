package quire.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import quire.ingest.CorpusScanner;
import quire.ingest.Ingester;
import quire.model.Highlight;
import quire.model.SearchHit;
import quire.model.SearchRequest;
import quire.service.CorpusIndexer;
import quire.service.Progress;
import quire.service.Session;
import quire.service.Workspace;

/**
 * The child process of {@link IndexCrashTest}: re-indexes a corpus whose files it keeps changing,
 * and in mode {@code both} annotates at the same time through the same session (as the window does
 * while its background indexing runs), printing each highlight id once it was acknowledged.
 */
public final class IndexCrashChild {
    private IndexCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path workspace = Path.of(args[1]);
        String run = args[2];
        boolean annotate = args[3].equals("both");
        PrintStream out = System.out;
        Random random = new Random(run.hashCode());
        try (Session session = Session.open(new Workspace(corpus, workspace),
                new CorpusIndexer(new CorpusScanner(), new Ingester(), 2))) {
            // The parent indexed the corpus once before the first kill, so there is something to annotate at once.
            List<String> articles = session.search(SearchRequest.of("treaty")).hits().stream().map(SearchHit::key).toList();
            out.println("ready");
            out.flush();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread indexing = new Thread(() -> {
                try {
                    for (int pass = 0; ; pass++) {
                        // Change a few files so that every pass reads, deletes and writes documents.
                        List<Path> files;
                        try (var list = Files.list(corpus)) {
                            files = list.filter(p -> p.toString().endsWith(".md")).sorted().toList();
                        }
                        for (int i = 0; i < 20; i++) {
                            Path file = files.get(random.nextInt(files.size()));
                            // Written aside and moved in: a file cut short by the kill is not what this test is about.
                            Path aside = workspace.resolveSibling("next.md");
                            Files.writeString(aside, IndexCrashTest.article(file, run + "-" + pass));
                            Files.move(aside, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                        }
                        session.index(Progress.NONE);
                    }
                } catch (Throwable e) {
                    failed.set(e);
                }
            }, "indexing");
            indexing.setDaemon(true);
            indexing.start();
            if (!annotate) {
                indexing.join();
            } else {
                for (int i = 0; failed.get() == null; i++) {
                    Highlight h = session.annotate(articles.get(i % articles.size()), "treaty", 1, null, "note " + run + "-" + i, List.of("crash"));
                    out.println(run + " " + i + " " + h.id());
                    out.flush();
                }
            }
            if (failed.get() != null) {
                failed.get().printStackTrace();
                System.exit(3);
            }
        }
    }
}
