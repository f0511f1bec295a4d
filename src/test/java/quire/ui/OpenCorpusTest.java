package quire.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.ingest.CorpusScanner;
import quire.ingest.Ingester;
import quire.model.SearchRequest;
import quire.service.AppDirs;
import quire.service.CorpusIndexer;
import quire.service.CorpusService;
import quire.service.Progress;
import quire.service.Workspace;

/** The window's corpus, without the window: its opening check and watcher. */
class OpenCorpusTest {
    @TempDir
    Path corpus;

    @TempDir
    Path data;

    @Test
    void aPrimedSearchAnswersOnlyTheNextSearchAndOnlyIfItIsTheSame() throws Exception {
        Files.writeString(corpus.resolve("first.txt"), "First title\n\nAn article about the treaty.\n");
        CorpusService service = new CorpusService(new CorpusIndexer(new CorpusScanner(), new Ingester(), 1));
        Workspace workspace = Workspace.resolve(corpus, Optional.of(data.resolve("ws")), new AppDirs(Map.of(), "Linux", data));
        try (OpenCorpus open = OpenCorpus.open(service, workspace)) {
            open.index(Progress.NONE);
            SearchRequest everything = SearchRequest.of("");
            open.prime(everything);
            Files.writeString(corpus.resolve("second.txt"), "Second title\n\nAnother article.\n");
            open.indexChanged(Optional.of(Set.of("second.txt")));

            assertEquals(1, open.search(everything).total(), "the primed result, from before the new file");
            assertEquals(2, open.search(everything).total(), "once only: then the index as it is");

            open.prime(everything);
            Files.writeString(corpus.resolve("third.txt"), "Third title\n\nYet another article.\n");
            open.indexChanged(Optional.of(Set.of("third.txt")));
            assertEquals(1, open.search(SearchRequest.of("treaty")).total(), "another request is searched");
            assertEquals(3, open.search(everything).total(), "and the primed result is dropped, never served late");
        }
    }

    @Test
    void aFileSavedWhileTheOpeningCheckRunsIsReportedAndIndexed() throws Exception {
        Files.writeString(corpus.resolve("first.txt"), "First title\n\nAn article about the treaty.\n");
        CorpusService service = new CorpusService(new CorpusIndexer(new CorpusScanner(), new Ingester(), 1));
        Workspace workspace = Workspace.resolve(corpus, Optional.of(data.resolve("ws")), new AppDirs(Map.of(), "Linux", data));
        BlockingQueue<Optional<Set<String>>> reports = new LinkedBlockingQueue<>();
        // The check has listed the folder by the time it reports progress: a file saved then is
        // one that only a watcher can find.
        Progress savingMeanwhile = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                try {
                    if (!Files.exists(corpus.resolve("late.txt"))) {
                        Files.writeString(corpus.resolve("late.txt"), "Late title\n\nSaved while the corpus was being checked.\n");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };

        try (OpenCorpus open = OpenCorpus.open(service, workspace)) {
            assertEquals(1, open.indexAndWatch(savingMeanwhile, reports::add).orElseThrow().articles());

            Optional<Set<String>> report = reports.poll(10, TimeUnit.SECONDS);
            assertNotNull(report, "the file saved during the check was never reported");
            open.indexChanged(report);
            assertEquals(2, open.search(SearchRequest.of("")).total());
            assertEquals(1, open.search(SearchRequest.of("\"being checked\"")).total());
        }
    }
}
