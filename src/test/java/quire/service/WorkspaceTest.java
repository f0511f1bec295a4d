package quire.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    @TempDir
    Path temp;

    @Test
    void aWritableCorpusKeepsItsWorkspaceInside() throws IOException {
        Path corpus = Files.createDirectories(temp.resolve("news"));

        Workspace ws = Workspace.resolve(corpus, Optional.empty(), linux(Map.of()));

        assertEquals(corpus.resolve(".quire"), ws.dir());
        assertEquals(corpus.resolve(".quire").resolve("index"), ws.indexDir());
    }

    @Test
    void anExplicitWorkspaceWins() throws IOException {
        Path corpus = Files.createDirectories(temp.resolve("news"));

        Workspace ws = Workspace.resolve(corpus, Optional.of(temp.resolve("elsewhere")), linux(Map.of()));

        assertEquals(temp.resolve("elsewhere"), ws.dir());
    }

    @Test
    void aReadOnlyCorpusGetsAWorkspaceInTheUserDataDirectory() throws IOException {
        Path corpus = Files.createDirectories(temp.resolve("read only news"));
        Path xdg = temp.resolve("xdg");

        // CI runs as root, who can write anywhere: the writability test is injected.
        Workspace ws = Workspace.resolve(
                corpus, Optional.empty(), linux(Map.of("XDG_DATA_HOME", xdg.toString())), path -> false);

        assertTrue(ws.dir().startsWith(xdg.resolve("quire").resolve("workspaces")), ws.dir().toString());
        assertTrue(ws.dir().getFileName().toString().startsWith("read_only_news-"), ws.dir().toString());
    }

    @Test
    void twoReadOnlyCorporaWithTheSameNameGetDifferentWorkspaces() throws IOException {
        Path one = Files.createDirectories(temp.resolve("a/news"));
        Path two = Files.createDirectories(temp.resolve("b/news"));

        Path first = Workspace.resolve(one, Optional.empty(), linux(Map.of()), path -> false).dir();
        Path second = Workspace.resolve(two, Optional.empty(), linux(Map.of()), path -> false).dir();

        assertTrue(!first.equals(second), first + " vs " + second);
    }

    @Test
    void xdgDataHomeIsUsedOnlyWhenAbsolute() {
        Path home = temp.resolve("home");

        assertEquals(temp.resolve("x").resolve("quire"), linux(Map.of("XDG_DATA_HOME", temp.resolve("x").toString())).dataDir());
        assertEquals(home.resolve(".local/share/quire"), new AppDirs(Map.of("XDG_DATA_HOME", "relative/path"), "Linux", home).dataDir());
        assertEquals(home.resolve(".local/share/quire"), new AppDirs(Map.of("XDG_DATA_HOME", ""), "Linux", home).dataDir());
    }

    @Test
    void otherPlatformsUseTheirUsualPlaces() {
        Path home = temp.resolve("home");

        assertEquals(home.resolve("Library/Application Support/Quire"), new AppDirs(Map.of(), "Mac OS X", home).dataDir());
        assertEquals(temp.resolve("local").resolve("Quire"),
                new AppDirs(Map.of("LOCALAPPDATA", temp.resolve("local").toString()), "Windows 11", home).dataDir());
    }

    private AppDirs linux(Map<String, String> env) {
        return new AppDirs(env, "Linux", temp.resolve("home"));
    }
}
