package quire.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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
