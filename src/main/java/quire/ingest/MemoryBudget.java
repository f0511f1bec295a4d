package quire.ingest;

/**
 * Bounds the memory that files being read at the same time may take. Reading a file costs many
 * times its size at the peak (its bytes, the decoded text, the cleaned copy and the article being
 * built are alive together: 9–13× measured, RELIABILITY.md "Hostile input"), so two 50 MB files
 * read at once on a small heap would end in an OutOfMemoryError that stops the whole run. A large
 * file waits for room instead, and one that could never fit is refused by name.
 */
public final class MemoryBudget {
    /** Peak memory of reading a file, as a multiple of its size, with room above the measured 13×. */
    static final int PEAK_FACTOR = 16;

    /** Files up to this size are read without asking: their peak is small next to any heap. */
    static final long SMALL_FILE_BYTES = 1L << 20;

    private final long capacity;
    private long inUse;

    /** A budget of {@code capacity} bytes of heap for files being read. */
    public MemoryBudget(long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
    }

    /** Half of the heap this JVM may grow to: the index, the window and the rest need the other half. */
    public static MemoryBudget ofHeap() {
        return new MemoryBudget(Runtime.getRuntime().maxMemory() / 2);
    }

    /** The largest file this budget can ever read. */
    public long largestFile() {
        return capacity / PEAK_FACTOR;
    }

    /** What reading a file of {@code size} bytes holds of the budget (0 for small files). */
    long need(long size) {
        return size <= SMALL_FILE_BYTES ? 0 : size * PEAK_FACTOR;
    }

    /** Whether a file of {@code size} bytes can ever be read within this budget. */
    boolean fits(long size) {
        return need(size) <= capacity;
    }

    /** Waits until {@code need} bytes are free, then holds them. */
    synchronized void acquire(long need) throws InterruptedException {
        if (need == 0) {
            return;
        }
        while (inUse > 0 && inUse + need > capacity) {
            wait();
        }
        inUse += need;
    }

    synchronized void release(long need) {
        if (need == 0) {
            return;
        }
        inUse -= need;
        notifyAll();
    }

    synchronized long inUse() {
        return inUse;
    }
}
