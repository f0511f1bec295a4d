package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.model.Severity;

class MemoryBudgetTest {
    private static final long MB = 1L << 20;

    @TempDir
    Path temp;

    @Test
    void aFileThatCouldNeverFitIsRefusedByNameWithTheSizes() throws IOException {
        Path big = Files.writeString(temp.resolve("big.txt"), "Title\n\n" + "word ".repeat(600_000));
        Ingester ingester = new Ingester(Ingester.DEFAULT_MAX_FILE_BYTES, new MemoryBudget(16 * MB));

        FileIngest result = ingester.ingest(big, "big.txt");

        assertTrue(result.articles().isEmpty());
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertEquals(Severity.ERROR, result.problems().get(0).severity());
        assertEquals("big.txt", result.problems().get(0).path());
        String message = result.problems().get(0).message();
        assertTrue(message.contains("too large to read with the memory Quire has") && message.contains("1.0 MB")
                && message.contains("-Xmx"), message);
    }

    @Test
    void theSameFileIsReadWhenTheBudgetAllowsIt() throws IOException {
        Path big = Files.writeString(temp.resolve("big.txt"), "Title\n\n" + "word ".repeat(600_000));
        Ingester ingester = new Ingester(Ingester.DEFAULT_MAX_FILE_BYTES, new MemoryBudget(64 * MB));

        FileIngest result = ingester.ingest(big, "big.txt");

        assertEquals(1, result.articles().size(), result.problems().toString());
    }

    @Test
    void aLargeFileWaitsUntilAnotherHasBeenRead() throws Exception {
        MemoryBudget budget = new MemoryBudget(100 * MB);
        long need = budget.need(4 * MB);
        budget.acquire(need);
        CountDownLatch acquired = new CountDownLatch(1);
        Thread second = new Thread(() -> {
            try {
                budget.acquire(need);
                acquired.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        second.start();

        assertFalse(acquired.await(200, TimeUnit.MILLISECONDS), "two 64 MB reads do not fit in 100 MB together");
        budget.release(need);
        assertTrue(acquired.await(10, TimeUnit.SECONDS), "the second read goes on once the first is done");
        second.join();
        assertEquals(need, budget.inUse());
    }

    @Test
    void smallFilesNeedNothingAndTheLargestReadableFileFollowsTheBudget() throws Exception {
        MemoryBudget budget = new MemoryBudget(100 * MB);
        assertEquals(0, budget.need(MB));
        assertTrue(budget.fits(6 * MB));
        assertFalse(budget.fits(7 * MB));
        assertEquals(6_553_600, budget.largestFile());
    }
}
