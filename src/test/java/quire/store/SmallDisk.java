package quire.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real, tiny file system (tmpfs) mounted on a test folder, for faults no wrapper imitates well:
 * ENOSPC from the kernel and a read-only mount. Mounting needs root and a container that allows it;
 * {@link #mount} is empty when it cannot, and the tests that need it are skipped (they say so).
 */
public final class SmallDisk implements AutoCloseable {
    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code kib} KiB on {@code dir} (created if missing), if this machine lets us. */
    public static Optional<SmallDisk> mount(Path dir, int kib) {
        try {
            Files.createDirectories(dir);
            if (run(List.of("mount", "-t", "tmpfs", "-o", "size=" + kib + "k,mode=0755", "tmpfs", dir.toString()))) {
                return Optional.of(new SmallDisk(dir));
            }
        } catch (IOException e) {
            // no mount(8), or not allowed: the caller skips
        }
        return Optional.empty();
    }

    public Path dir() {
        return dir;
    }

    /** Fills the disk with a file {@code filler} until the kernel says it is full; returns it. */
    public Path fill() throws IOException {
        return fill(0);
    }

    /** Fills the disk, then frees {@code leave} bytes again: room for a little, not for much. */
    public Path fill(long leave) throws IOException {
        Path filler = fillUp();
        if (leave > 0) {
            try (var channel = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(Math.max(0, channel.size() - leave));
            }
        }
        return filler;
    }

    private Path fillUp() throws IOException {
        Path filler = dir.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
        return filler;
    }

    /** Remounts read-only (fails while a file on it is open for writing) or read-write. */
    public boolean remount(boolean readOnly) throws IOException {
        return run(List.of("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), dir.toString()));
    }

    @Override
    public void close() throws IOException {
        run(List.of("umount", "-l", dir.toString()));
    }

    private static boolean run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
