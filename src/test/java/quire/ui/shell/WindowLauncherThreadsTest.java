package quire.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WindowLauncherThreadsTest {
    @Test
    void indexingRunsBelowNormalPrioritySoTheWindowGetsTheCpuFirst() {
        Thread indexing = WindowLauncher.indexingThreads().newThread(() -> { });
        assertEquals(Thread.MIN_PRIORITY, indexing.getPriority());
        assertTrue(indexing.isDaemon());
    }

    @Test
    void savesAndSearchesRunAtNormalPriority() {
        assertEquals(Thread.NORM_PRIORITY, WindowLauncher.workThreads().newThread(() -> { }).getPriority());
    }
}
