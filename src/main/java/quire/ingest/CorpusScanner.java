package quire.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** TEMPORARY: replaced by the helper's version on merge. */
public final class CorpusScanner {
    public Scan scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IngestException("The corpus folder '" + root + "' does not exist.");
        }
        List<CorpusFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> root.relativize(p).toString().chars().noneMatch(c -> false))
                    .filter(p -> !root.relativize(p).toString().startsWith("."))
                    .forEach(p -> {
                        try {
                            files.add(new CorpusFile(
                                    p,
                                    root.relativize(p).toString().replace('\\', '/'),
                                    Files.size(p),
                                    Files.getLastModifiedTime(p).toMillis()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(Comparator.comparing(CorpusFile::path));
        return new Scan(files, List.of());
    }
}
