package quire.index;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.flexible.core.QueryNodeException;
import org.apache.lucene.queryparser.flexible.standard.StandardQueryParser;
import org.apache.lucene.queryparser.flexible.standard.config.StandardQueryConfigHandler;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Reads the analyst's query language: Lucene's standard syntax (terms, "phrases", AND/OR/NOT,
 * +/-, parentheses, {@code treat*}, {@code Pyongyang~}, {@code "a b"~5}, {@code field:}) with AND as
 * the default operator, plus dates: {@code date:2024}, {@code date:2024-06}, {@code
 * date:2024-06-20}, {@code date:[2024-06-01 TO 2024-06-30]}, {@code date:>=2024-06-20}.
 *
 * <p>A query that cannot be read as written is never refused: it is run leniently (its words,
 * with quotes and {@code +}/{@code -} still honoured) and the result carries a plain sentence
 * saying what was wrong. Thread-safe.
 */
final class QueryReader {
    private static final Pattern FIELD_COMPARISON = Pattern.compile("(?<![\\w\\\\])([A-Za-z_]+):\\s*(>=|<=|>|<)");
    private static final Pattern DATE_CLAUSE = Pattern.compile(
            "(?i)(?<![\\w\\\\])date\\s*(?::\\s*(?:>=|<=|>|<)?|>=|<=|>|<)\\s*(?:\\[[^\\]]*\\]?|\\{[^}]*\\}?|[^\\s()]+)");
    private static final Pattern DANGLING_OPERATOR =
            Pattern.compile("(^\\s*(AND|OR)\\b)|(\\b(AND|OR|NOT)\\s*$)");

    private final Analyzer analyzer;

    QueryReader(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Thrown inside parsing for mistakes we can name in plain words. */
    private static final class QueryMistake extends Exception {
        QueryMistake(String message) {
            super(message, null, false, false);
        }
    }

    ParsedQuery read(String text) {
        if (text.isBlank()) {
            return new ParsedQuery(new MatchAllDocsQuery(), Optional.empty(), Optional.empty());
        }
        try {
            Query parsed = standardParser().parse(normalizeSyntax(text), null);
            checkFields(parsed);
            return new ParsedQuery(rewriteDates(parsed), Optional.empty(), Optional.empty());
        } catch (QueryMistake e) {
            // A bad date is dropped and an unknown field read as words; the rest still counts.
            return lenient(text, e.getMessage());
        } catch (QueryNodeException | RuntimeException e) {
            return lenient(text, describe(text));
        }
    }

    private StandardQueryParser standardParser() {
        StandardQueryParser parser = new StandardQueryParser(analyzer);
        parser.setDefaultOperator(StandardQueryConfigHandler.Operator.AND);
        parser.setMultiFields(Schema.DEFAULT_FIELDS.keySet().toArray(String[]::new));
        parser.setFieldsBoost(Schema.DEFAULT_FIELDS);
        parser.setAllowLeadingWildcard(false);
        return parser;
    }

    private static final Pattern TAG_WITH_SLASH = Pattern.compile("(?<![\\w\\\\])([Tt][Aa][Gg]):([^\\s\"()]*/[^\\s\"()]*)");

    /**
     * Users of Elasticsearch write {@code date:>=2024-06-20}; Lucene's syntax is {@code date>=2024-06-20}.
     * And {@code tag:treaty/article-4} would read the slash as the start of a regular expression, so
     * such tags are quoted.
     */
    private static String normalizeSyntax(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inQuotes = false;
        int segmentStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length();
            if (end || (text.charAt(i) == '"' && (i == 0 || text.charAt(i - 1) != '\\'))) {
                String segment = text.substring(segmentStart, i);
                out.append(inQuotes
                        ? segment
                        : TAG_WITH_SLASH.matcher(FIELD_COMPARISON.matcher(segment).replaceAll("$1$2")).replaceAll("$1:\"$2\""));
                if (!end) {
                    out.append('"');
                }
                inQuotes = !inQuotes;
                segmentStart = i + 1;
            }
        }
        return out.toString();
    }

    private static void checkFields(Query query) throws QueryMistake {
        Set<String> fields = new TreeSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        for (String field : fields) {
            if (!Schema.QUERY_FIELDS.contains(field) && !Schema.DEFAULT_FIELDS.containsKey(field)) {
                throw new QueryMistake("Quire has no field '" + field + ":'; the fields are "
                        + String.join(", ", Schema.QUERY_FIELDS) + ".");
            }
        }
    }

    private static Query rewriteDates(Query query) throws QueryMistake {
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                builder.add(rewriteDates(clause.getQuery()), clause.getOccur());
            }
            return builder.build();
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(rewriteDates(boost.getQuery()), boost.getBoost());
        }
        if (query instanceof TermQuery term && term.getTerm().field().equals(Schema.DATE)) {
            DateSpan span = DateSpan.parse(term.getTerm().text());
            return LongPoint.newRangeQuery(Schema.DATE, span.first().toEpochDay(), span.last().toEpochDay());
        }
        if (query instanceof PrefixQuery prefix && prefix.getField().equals(Schema.DATE)) {
            // date:2024* reads as date:2024; anything finer than a year or month is not a prefix of one.
            DateSpan span = DateSpan.parse(prefix.getPrefix().text().replaceAll("-$", ""));
            return LongPoint.newRangeQuery(Schema.DATE, span.first().toEpochDay(), span.last().toEpochDay());
        }
        if (query instanceof TermRangeQuery range && range.getField().equals(Schema.DATE)) {
            long lower = Long.MIN_VALUE;
            long upper = Long.MAX_VALUE;
            if (range.getLowerTerm() != null && !isOpen(range.getLowerTerm())) {
                DateSpan span = DateSpan.parse(range.getLowerTerm().utf8ToString());
                lower = range.includesLower() ? span.first().toEpochDay() : span.last().toEpochDay() + 1;
            }
            if (range.getUpperTerm() != null && !isOpen(range.getUpperTerm())) {
                DateSpan span = DateSpan.parse(range.getUpperTerm().utf8ToString());
                upper = range.includesUpper() ? span.last().toEpochDay() : span.first().toEpochDay() - 1;
            }
            return lower > upper ? new MatchNoDocsQuery("empty date range") : LongPoint.newRangeQuery(Schema.DATE, lower, upper);
        }
        if (queryMentions(query, Schema.DATE)) {
            throw new QueryMistake("Dates are searched as date:2024, date:2024-06, date:2024-06-20,"
                    + " date:[2024-06-01 TO 2024-06-30] or date:>=2024-06-20.");
        }
        return query;
    }

    private static boolean isOpen(BytesRef bound) {
        return bound.length == 0 || bound.utf8ToString().equals("*");
    }

    private static boolean queryMentions(Query query, String field) {
        boolean[] found = {false};
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String f) {
                found[0] |= f.equals(field);
                return false;
            }
        });
        return found[0];
    }

    /** A date as written: a year, a month or a day, and the days it covers. */
    private record DateSpan(LocalDate first, LocalDate last) {
        static DateSpan parse(String text) throws QueryMistake {
            String t = text.strip();
            try {
                if (t.matches("\\d{4}")) {
                    int year = Integer.parseInt(t);
                    return new DateSpan(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
                }
                if (t.matches("\\d{4}-\\d{1,2}")) {
                    String[] parts = t.split("-");
                    YearMonth month = YearMonth.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                    return new DateSpan(month.atDay(1), month.atEndOfMonth());
                }
                if (t.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
                    String[] parts = t.split("-");
                    LocalDate day = LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
                    return new DateSpan(day, day);
                }
            } catch (java.time.DateTimeException e) {
                // fall through to the message
            }
            throw new QueryMistake("'" + text + "' is not a date; write dates as 2024, 2024-06 or 2024-06-20.");
        }
    }

    /**
     * The query read leniently when the standard syntax failed: its words (quotes, OR, NOT, + and -
     * still honoured), and every date clause that is right in itself as a filter.
     */
    private ParsedQuery lenient(String text, String problem) {
        List<Query> dateFilters = new ArrayList<>();
        List<String> dateClauses = new ArrayList<>();
        Matcher clause = DATE_CLAUSE.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (clause.find()) {
            Optional<Query> date = dateQuery(clause.group());
            if (date.isPresent()) {
                dateFilters.add(date.get());
                dateClauses.add(clause.group().strip());
            }
            clause.appendReplacement(rest, " ");
        }
        clause.appendTail(rest);
        // Field names cannot be honoured here; their colons would glue words into one token.
        String words = balanced(rest.toString().replaceAll("(?<=\\w):", " "))
                .replaceAll("\\s+", " ")
                .replaceAll("^\\s*(AND|OR)\\b|\\b(AND|OR|NOT)\\s*$", "")
                .strip();
        Query query = words.isEmpty()
                ? (dateFilters.isEmpty() ? new MatchNoDocsQuery("nothing searchable in the query") : new MatchAllDocsQuery())
                : simpleQuery(words);
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
        dateFilters.forEach(filter -> builder.add(filter, BooleanClause.Occur.FILTER));
        String shown = (words + " " + String.join(" ", dateClauses)).strip();
        return new ParsedQuery(builder.build(), Optional.of(problem + " Showing results for: " + shown), Optional.of(shown));
    }

    /** Words in the simple syntax, which never fails: OR is {@code |}, AND is {@code +}, NOT is {@code -}. */
    private Query simpleQuery(String words) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, Map.copyOf(Schema.DEFAULT_FIELDS));
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        Query query = parser.parse(words.replaceAll("\\bOR\\b", "|").replaceAll("\\bAND\\b", "+").replaceAll("\\bNOT\\s+", "-"));
        return query == null ? new MatchNoDocsQuery("nothing searchable in the query") : query;
    }

    /** One date clause on its own, if it is right in itself. */
    private Optional<Query> dateQuery(String clause) {
        try {
            Query date = rewriteDates(standardParser().parse(normalizeSyntax(clause.strip()), null));
            return queryMentions(date, Schema.DATE) ? Optional.of(date) : Optional.empty();
        } catch (QueryNodeException | QueryMistake | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Drops the quotation marks and parentheses that have no partner, keeping the words they held. */
    private static String balanced(String text) {
        StringBuilder out = new StringBuilder(text);
        int quotes = 0;
        int lastQuote = -1;
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == '"') {
                quotes++;
                lastQuote = i;
            }
        }
        if (quotes % 2 != 0) {
            out.setCharAt(lastQuote, ' ');
        }
        java.util.Deque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c == '(') {
                open.push(i);
            } else if (c == ')') {
                if (open.isEmpty()) {
                    out.setCharAt(i, ' ');
                } else {
                    open.pop();
                }
            }
        }
        open.forEach(i -> out.setCharAt(i, ' '));
        return out.toString();
    }

    /** A plain sentence for the usual syntax mistakes. */
    static String describe(String text) {
        long quotes = text.chars().filter(c -> c == '"').count() - countEscapedQuotes(text);
        if (quotes % 2 != 0) {
            return "The query has a quotation mark (\") that is not closed.";
        }
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return "The query has a closing parenthesis without an opening one.";
            }
        }
        if (depth > 0) {
            return "The query has a parenthesis that is not closed.";
        }
        Matcher dangling = DANGLING_OPERATOR.matcher(text);
        if (dangling.find()) {
            String op = dangling.group(2) != null ? dangling.group(2) : dangling.group(4);
            return "The query has '" + op + "' with nothing on one side of it.";
        }
        if (text.matches(".*\\b\\w+:\\s*($|\\)).*")) {
            return "The query names a field with nothing after the colon.";
        }
        if (text.strip().startsWith("*") || text.contains(" *") || text.contains(" ?")) {
            return "A word cannot start with * or ?.";
        }
        return "The query could not be read as written.";
    }

    private static long countEscapedQuotes(String text) {
        return text.split("\\\\\"", -1).length - 1;
    }
}
