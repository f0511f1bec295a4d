package quire.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import quire.ingest.CorpusScanner;
import quire.ingest.Ingester;
import quire.model.Problem;
import quire.model.SearchHit;
import quire.model.SearchRequest;

/**
 * Hostile file names (RELIABILITY.md, File names): whatever a folder's names hold, each file is
 * indexed under its name, found by its text, named in its problems, and neither read again when
 * unchanged nor missed when edited, by a full check or a watched update.
 */
class FileNamesTest {
    /** 255 bytes in UTF-8, the longest name ext4 allows: 1 + 125 × 2 + 4. */
    private static final String LONGEST = "a" + "é".repeat(125) + ".txt";

    private static final Instant READ_AT = Instant.parse("2026-01-01T12:00:00Z");
    private static final FileTime MODIFIED = FileTime.from(READ_AT.minusSeconds(3600));

    @TempDir
    Path corpus;

    @TempDir
    Path data;

    private Session session;

    @BeforeEach
    void setUp() {
        CorpusService service = new CorpusService(new CorpusIndexer(new CorpusScanner(), new Ingester(), 2, () -> READ_AT));
        session = service.session(Workspace.resolve(corpus, Optional.of(data.resolve("ws")), new AppDirs(Map.of(), "Linux", data)));
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    static List<String> names() {
        return List.of(
                "line\nbreak.txt", "carriage\rreturn.txt", "back\\slash.txt", "'single' \"double\".txt",
                "[brackets] (round) {curly}.txt", "  spaces  around  .txt", "مقالة عربية.txt", "北京报道.txt", "emoji 📰🇺🇦.txt",
                "Cafe\u0301 combining.txt", "dir with\nnewline/inner.txt", LONGEST);
    }

    @ParameterizedTest
    @MethodSource("names")
    void aFileIsIndexedFoundAndTrackedUnderItsName(String name) throws IOException {
        Path file = write(name, "Zanzibar dispatch\n\nThe ferry reached Zanzibar at dawn.\n");

        IndexReport first = session.index(Progress.NONE);

        assertEquals(List.of(), first.problems());
        assertEquals(List.of(name), found("ferry"));

        // Same size and time, other bytes: a re-check that read the file again would see them.
        Files.writeString(file, "Zanzibar dispatch\n\nThe ferry reached Zanzibar at noon.\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, MODIFIED);
        IndexReport recheck = session.index(Progress.NONE);
        assertEquals(1, recheck.unchanged());
        assertEquals(List.of(name), found("dawn"));

        Files.writeString(file, "Zanzibar dispatch\n\nThe ship reached Pemba at dusk.\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(MODIFIED.toInstant().plusSeconds(60)));
        IndexReport watched = session.indexChanged(List.of(name));
        assertEquals(1, watched.updated());
        assertEquals(List.of(name), found("Pemba"));
        assertEquals(List.of(), found("ferry"));

        IndexReport full = session.index(Progress.NONE);
        assertEquals(0, full.added() + full.updated() + full.removed());
        assertEquals(List.of(name), found("Pemba"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\nbreak.txt", "back\\slash.txt", "مقالة عربية.txt", "emoji 📰.txt", "Cafe\u0301.txt"})
    void aBadFileIsReportedByItsName(String name) throws IOException {
        write(name, "");

        IndexReport report = session.index(Progress.NONE);

        assertEquals(List.of(Problem.error(name, "The file is empty.")), report.problems());
    }

    private Path write(String name, String content) throws IOException {
        Path file = corpus.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, MODIFIED);
        return file;
    }

    private List<String> found(String query) {
        session.awaitSearchable();
        return session.search(SearchRequest.of(query)).hits().stream().map(SearchHit::path).toList();
    }
}
