package quire.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.model.SearchHit;
import quire.model.SearchRequest;
import quire.model.SearchResult;
import quire.model.Snippet;
import quire.model.SortOrder;
import quire.model.TextRange;
import quire.service.AppDirs;
import quire.service.CorpusService;
import quire.service.CorpusView;

@Command(
        name = "search",
        description = {
            "Search the corpus. Words must all match (AND) unless joined by OR; also \"phrases\", NOT, -word,"
                    + " (groups), treat*, Pyongyang~, \"military assistance\"~5, title:, author:, source:, tag:,"
                    + " note:, date:2024-06, date:[2024-06-01 TO 2024-06-30], date:>=2024-06-20.",
            "A query with a syntax error still runs, read leniently, with a message saying what was wrong."
        })
final class SearchCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query (several arguments are joined with spaces).")
    List<String> words = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many hits to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "How many hits to skip, for paging.")
    int offset;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance",
            description = "relevance, date (newest first) or oldest (default: ${DEFAULT-VALUE}).")
    String sort;

    @Option(names = "--filter", paramLabel = "FACET=VALUE",
            description = "Keep only articles with this facet value (source, author, year, month, tag); repeatable.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Run the query N times in this process; tookMs is then the median and firstMs the first run.")
    int repeat;

    @Option(names = "--json", description = "Print the results as JSON (snippets with <mark>…</mark>).")
    boolean json;

    @Spec
    CommandSpec spec;

    private final CorpusService service;
    private final AppDirs dirs;

    SearchCommand(CorpusService service, AppDirs dirs) {
        this.service = service;
        this.dirs = dirs;
    }

    @Override
    public Integer call() {
        SearchRequest request = request();
        PrintWriter out = spec.commandLine().getOut();
        List<Long> times = new ArrayList<>();
        SearchResult result = null;
        try (CorpusView view = service.view(corpus.workspace(dirs))) {
            for (int i = 0; i < Math.max(1, repeat); i++) {
                result = view.search(request);
                times.add(result.tookMs());
            }
        }
        SearchResult last = result;
        long median = median(times);
        if (json) {
            Output.json(out, j -> Output.searchResult(j, last, median, repeat > 1 ? times.get(0) : -1));
            return 0;
        }
        result.error().ifPresent(e -> spec.commandLine().getErr().println(e));
        spec.commandLine().getErr().flush();
        out.printf("%d %s for %s (%d ms)%n", result.total(), result.total() == 1 ? "article" : "articles",
                request.query().isBlank() ? "everything" : "'" + result.fallback().orElse(request.query()) + "'", median);
        int n = request.offset();
        for (SearchHit hit : result.hits()) {
            n++;
            String when = hit.published().map(p -> p.date().toString()).orElse("undated");
            out.printf("%n%3d. %s%n     %s, %s  [%s]%n", n, hit.title(), hit.source().orElseGet(() -> Output.name(hit.path())), when, hit.key());
            for (Snippet snippet : hit.snippets()) {
                out.printf("     … %s …%n", marked(snippet));
            }
        }
        if (result.total() > 0) {
            out.println();
            result.facets().forEach((facet, counts) -> {
                if (!counts.isEmpty()) {
                    List<String> values = new ArrayList<>();
                    counts.forEach((value, count) -> values.add(value + " (" + count + ")"));
                    out.printf("%-7s %s%n", facet + ":", String.join(", ", values.subList(0, Math.min(8, values.size()))));
                }
            });
        }
        out.flush();
        return 0;
    }

    private SearchRequest request() {
        if (limit < 0 || limit > SearchRequest.MAX_LIMIT || offset < 0 || repeat < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--limit must be 0 to " + SearchRequest.MAX_LIMIT + ", --offset 0 or more, --repeat 1 or more.");
        }
        SortOrder order = switch (sort.toLowerCase(Locale.ROOT)) {
            case "relevance" -> SortOrder.RELEVANCE;
            case "date", "newest" -> SortOrder.DATE;
            case "oldest" -> SortOrder.DATE_ASCENDING;
            default -> throw new ParameterException(spec.commandLine(), "--sort is relevance, date or oldest, not '" + sort + "'.");
        };
        Map<String, Set<String>> byFacet = new HashMap<>();
        for (String filter : filters) {
            int eq = filter.indexOf('=');
            if (eq <= 0 || eq == filter.length() - 1) {
                throw new ParameterException(spec.commandLine(), "--filter takes FACET=VALUE, e.g. source=koreapro.org; not '" + filter + "'.");
            }
            byFacet.computeIfAbsent(filter.substring(0, eq).strip().toLowerCase(Locale.ROOT), f -> new HashSet<>())
                    .add(filter.substring(eq + 1).strip());
        }
        return new SearchRequest(String.join(" ", words), order, offset, limit, byFacet);
    }

    /** Matches in «guillemets», which survive any terminal and any pipe. */
    private static String marked(Snippet snippet) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (TextRange mark : snippet.marks()) {
            out.append(snippet.text(), at, mark.start()).append('«').append(snippet.text(), mark.start(), mark.end()).append('»');
            at = mark.end();
        }
        return out.append(snippet.text().substring(at)).toString();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
