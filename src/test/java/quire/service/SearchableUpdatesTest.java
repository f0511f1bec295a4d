package quire.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SearchableUpdatesTest {

    @Test
    void changesToOneArticleMadeWhileTheWriterIsBusyBecomeOneUpdate() throws InterruptedException {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Set<String>> batches = Collections.synchronizedList(new ArrayList<>());
        try (SearchableUpdates updates = new SearchableUpdates((keys, all) -> {
            batches.add(keys);
            busy.countDown();
            await(release);
        }, "test")) {
            updates.request("a");
            assertTrue(busy.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 5; i++) {
                updates.request("b");
            }
            updates.request("c");
            release.countDown();
            updates.await();

            assertEquals(List.of(Set.of("a"), Set.of("b", "c")), batches);
        }
    }

    @Test
    void awaitReturnsOnlyOnceEarlierRequestsAreApplied() {
        List<String> applied = Collections.synchronizedList(new ArrayList<>());
        try (SearchableUpdates updates = new SearchableUpdates((keys, all) -> {
            sleepBriefly();
            applied.addAll(keys);
        }, "test")) {
            updates.request("a");
            updates.await();

            assertEquals(List.of("a"), applied);
        }
    }

    @Test
    void aFailedUpdateDoesNotLeaveWaitersHanging() {
        try (SearchableUpdates updates = new SearchableUpdates((keys, all) -> {
            throw new IllegalStateException("index gone");
        }, "test")) {
            updates.request("a");
            updates.await();
            updates.requestAll();
            updates.await();
        }
    }

    @Test
    void closingAppliesWhatIsPending() {
        List<String> applied = Collections.synchronizedList(new ArrayList<>());
        SearchableUpdates updates = new SearchableUpdates((keys, all) -> {
            sleepBriefly();
            applied.addAll(keys);
        }, "test");
        updates.request("a");
        updates.request("b");

        updates.close();

        assertEquals(List.of("a", "b"), applied.stream().sorted().toList());
    }

    @Test
    void aBurstOfChangesWaitsForAPauseAndBecomesOneUpdate() {
        List<Set<String>> batches = Collections.synchronizedList(new ArrayList<>());
        // A pause longer than the test: only await() makes the thread start.
        try (SearchableUpdates updates = new SearchableUpdates((keys, all) -> batches.add(keys), "test",
                Duration.ofMinutes(10), Duration.ofMinutes(10))) {
            for (String key : List.of("a", "b", "a", "c")) {
                updates.request(key);
                sleepBriefly(); // time enough for an eager thread to start on each one
            }
            updates.await();

            assertEquals(List.of(Set.of("a", "b", "c")), batches);
        }
    }

    @Test
    @Timeout(30)
    void closingDoesNotWaitForThePause() {
        List<String> applied = Collections.synchronizedList(new ArrayList<>());
        SearchableUpdates updates = new SearchableUpdates((keys, all) -> applied.addAll(keys), "test",
                Duration.ofMinutes(10), Duration.ofMinutes(10));
        updates.request("a");

        updates.close();

        assertEquals(List.of("a"), applied);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
