package quire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's quick mode of the benchmark suite: every phase runs once, in its own JVM, on 5,000 articles
 * (the 10k suite's code at half the size, to keep CI within its time), and reports. Only completion
 * is checked, never timings: CI machines are too noisy for that.
 */
class BenchQuickTest {
    @Test
    void everyPhaseOfTheSuiteCompletesAndIsReported(@TempDir Path work) throws Exception {
        String report = new Bench(5_000, 1, 2, work, false, Bench.classpath(), List.of("-Xmx1g")).run();

        for (String row : List.of("first full ingest and index", "re-check of the unchanged corpus", "100 new files until searchable",
                "search: top 10, snippets, facet counts (p50)", "open an article with 100 highlights", "save one annotation, durable",
                "export 10,000 highlights to Markdown", "peak heap in use in any phase")) {
            assertTrue(report.contains("| " + row), () -> "no row '" + row + "' in:\n" + report);
        }
        assertTrue(report.contains("### 5,000 articles"), report);
        assertEquals(-1, report.indexOf("NaN"), report);
    }
}
