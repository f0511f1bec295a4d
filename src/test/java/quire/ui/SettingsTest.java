package quire.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void recentCorporaAreMostRecentFirstWithoutDuplicatesAndAtMostTen() {
        Settings settings = Settings.load(dir.resolve("window.properties"));
        IntStream.range(0, 12).forEach(i -> settings.addRecentCorpus(dir.resolve("c" + i)));
        settings.addRecentCorpus(dir.resolve("c5"));
        settings.save();

        List<Path> recent = Settings.load(dir.resolve("window.properties")).recentCorpora();
        assertEquals(Settings.MAX_RECENT, recent.size());
        assertEquals(List.of(dir.resolve("c5"), dir.resolve("c11"), dir.resolve("c10")), recent.subList(0, 3));
    }

    @Test
    void anUnreadableSettingsFileGivesDefaults() throws Exception {
        java.nio.file.Files.write(dir.resolve("window.properties"), new byte[] {'a', '=', '\\', 'u', '1'});
        Settings settings = Settings.load(dir.resolve("window.properties"));
        assertEquals(16.0, settings.getDouble("reader.fontSize", 16.0));
    }
}
