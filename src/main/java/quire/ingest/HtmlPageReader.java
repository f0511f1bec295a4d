package quire.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import quire.model.Published;

/**
 * Reads a saved web page: the article's metadata from the page's meta tags and JSON-LD, and its
 * text from the article's main content, leaving out navigation, page furniture and widgets.
 */
final class HtmlPageReader implements FormatReader {
    private static final List<String> DATE_META = List.of(
            "meta[property=article:published_time]",
            "meta[property=og:article:published_time]",
            "meta[name=article:published_time]",
            "meta[name=date]",
            "meta[name=pubdate]",
            "meta[name=publish-date]",
            "meta[name=dc.date]",
            "meta[name=dc.date.issued]",
            "meta[name=sailthru.date]",
            "meta[name=parsely-pub-date]",
            "meta[itemprop=datePublished]");

    private static final List<String> CONTENT_ROOTS = List.of(
            "[itemprop=articleBody]", ".entry-content", ".post-content", ".article-body", "#content");

    /** Page furniture inside or around an article that is not its text. */
    private static final String NOT_TEXT = String.join(",",
            "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "iframe", "svg",
            "[role=navigation]", "[role=complementary]", "[aria-hidden=true]",
            ".byline", ".entry-meta", ".post-meta", ".breadcrumb", ".breadcrumbs",
            "[class~=(?i)(^|[-_ ])(share|sharing|social|comments?|related|newsletter|subscribe|advert|ads?|promo)([-_ ]|$)]",
            "[id~=(?i)(^|[-_ ])(share|sharing|social|comments?|related|newsletter|subscribe|advert|ads?|promo)([-_ ]|$)]");

    /** " | Site", " - Site", " – Site", " — Site", " :: Site" at the end of a {@code <title>}. */
    private static final Pattern TITLE_SEPARATOR = Pattern.compile(" (?:\\||-|–|—|::|·) ");

    private static final ObjectMapper JSON_LD = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                    .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
                    .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                    .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
                    .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(WordPressReader.MAX_DEPTH)
                            .maxStringLength(1_000_000)
                            .build())
                    .build())
            .build();

    @Override
    public ReadResult read(String content, String fileName) {
        Document page = Jsoup.parse(content);
        Optional<JsonNode> linkedData = linkedDataArticle(page);
        Optional<String> siteName = meta(page, "meta[property=og:site_name]");
        // Metadata first: bylines and time elements are removed with the page furniture below.
        Optional<Published> published = published(page, linkedData);
        Optional<String> author = author(page, linkedData);
        Optional<String> source = siteName.or(() -> linkedData
                .map(n -> n.path("publisher").path("name").asText(""))
                .filter(s -> !s.isBlank()));
        Optional<String> link = meta(page, "meta[property=og:url]").or(() -> attribute(page, "link[rel=canonical]", "href"));
        Optional<String> summary = meta(page, "meta[property=og:description]").or(() -> meta(page, "meta[name=description]"));

        Element root = contentRoot(page);
        String title = title(page, root, siteName, linkedData);
        BodyBuilder body = new BodyBuilder();
        appendText(root, title, body);
        if (body.isEmpty() && root != page.body()) {
            appendText(page.body(), title, body);
        }
        List<String> warnings = body.isEmpty() ? List.of("The page has no article text.") : List.of();
        return ReadResult.of(new ArticleDraft(
                title, published, author, source, link, Optional.empty(), summary, Map.of(), body.build(), warnings));
    }

    private static void appendText(Element root, String title, BodyBuilder body) {
        removeNonText(root);
        removeTitleHeading(root, title);
        HtmlBlocks.append(root, body);
    }

    /** The largest {@code <article>}, else {@code <main>}, else a usual content container, else the body. */
    private static Element contentRoot(Document page) {
        Optional<Element> article = page.select("article").stream()
                .max(Comparator.comparingInt(e -> e.text().length()));
        if (article.isPresent() && !article.get().text().isBlank()) {
            return article.get();
        }
        Element main = page.selectFirst("main, [role=main]");
        if (main != null && !main.text().isBlank()) {
            return main;
        }
        for (String selector : CONTENT_ROOTS) {
            Element candidate = page.selectFirst(selector);
            if (candidate != null && !candidate.text().isBlank()) {
                return candidate;
            }
        }
        // A page's header (site name, menus) is not the article; inside an article it may be.
        page.body().select("header").remove();
        return page.body();
    }

    private static String title(Document page, Element root, Optional<String> siteName, Optional<JsonNode> linkedData) {
        Optional<String> og = meta(page, "meta[property=og:title]").or(() -> meta(page, "meta[name=twitter:title]"));
        if (og.isPresent()) {
            // og:title is meant to be the bare title; only a suffix that is the site's own name goes.
            return withoutSiteName(og.get(), siteName, false);
        }
        Element titleTag = page.selectFirst("head title, title");
        if (titleTag != null && !titleTag.text().isBlank()) {
            return withoutSiteName(titleTag.text(), siteName, true);
        }
        Optional<String> headline = linkedData.map(n -> n.path("headline").asText("")).filter(s -> !s.isBlank());
        if (headline.isPresent()) {
            return BodyBuilder.clean(headline.get());
        }
        Element h1 = root.selectFirst("h1");
        if (h1 == null) {
            h1 = page.selectFirst("h1");
        }
        return h1 == null ? "" : BodyBuilder.clean(h1.text());
    }

    /**
     * A title without the site's name that pages append ("Seoul warns Moscow | The Korea Herald"):
     * the part after the last separator goes when it names the site, or, if {@code guess}, when
     * what remains is still a real title.
     */
    static String withoutSiteName(String title, Optional<String> siteName, boolean guess) {
        String clean = BodyBuilder.clean(title);
        var separators = TITLE_SEPARATOR.matcher(clean);
        int lastStart = -1;
        int lastEnd = -1;
        while (separators.find()) {
            lastStart = separators.start();
            lastEnd = separators.end();
        }
        if (lastStart < 0) {
            return clean;
        }
        String head = clean.substring(0, lastStart).strip();
        String tail = clean.substring(lastEnd).strip();
        boolean namesSite = siteName.map(s -> s.strip().equalsIgnoreCase(tail)).orElse(false);
        boolean substantial = head.split(" ").length >= 3 && head.length() >= 15 && tail.length() < head.length();
        return namesSite || guess && substantial ? head : clean;
    }

    private static void removeNonText(Element root) {
        for (Element furniture : root.select(NOT_TEXT)) {
            // A container's own class may look like furniture ("post-content has-social-links"); keep it.
            if (furniture != root) {
                furniture.remove();
            }
        }
    }

    /** Drops the article's own headline from its text, where it repeats the title. */
    private static void removeTitleHeading(Element root, String title) {
        if (title.isBlank()) {
            return;
        }
        String wanted = comparable(title);
        for (Element heading : root.select("h1, h2")) {
            if (comparable(heading.text()).equals(wanted)) {
                heading.remove();
                return;
            }
        }
    }

    private static String comparable(String text) {
        return BodyBuilder.clean(text).toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\s]+$", "");
    }

    private static Optional<Published> published(Document page, Optional<JsonNode> linkedData) {
        for (String selector : DATE_META) {
            Optional<Published> date = meta(page, selector).flatMap(IsoDates::parse);
            if (date.isPresent()) {
                return date;
            }
        }
        Element scope = page.selectFirst("article");
        for (Element time : (scope == null ? page : scope).select("time[datetime]")) {
            Optional<Published> date = IsoDates.parse(time.attr("datetime"));
            if (date.isPresent()) {
                return date;
            }
        }
        return linkedData.flatMap(n -> IsoDates.parse(n.path("datePublished").asText("")));
    }

    private static Optional<String> author(Document page, Optional<JsonNode> linkedData) {
        Optional<String> author = meta(page, "meta[name=author]")
                .or(() -> meta(page, "meta[property=article:author]").filter(a -> !isUrl(a)))
                .or(() -> linkedData.flatMap(HtmlPageReader::linkedDataAuthor));
        if (author.isPresent()) {
            return author;
        }
        for (String selector : List.of("[rel=author]", ".byline", ".author")) {
            Element element = page.selectFirst(selector);
            if (element != null) {
                String name = BodyBuilder.clean(element.text()).replaceFirst("(?i)^by\\s+", "");
                if (!name.isEmpty() && name.length() <= 100) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> linkedDataAuthor(JsonNode article) {
        JsonNode author = article.path("author");
        if (author.isArray()) {
            List<String> names = new ArrayList<>();
            author.forEach(a -> nameOf(a).ifPresent(names::add));
            return names.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", names));
        }
        return nameOf(author);
    }

    private static Optional<String> nameOf(JsonNode person) {
        String name = person.isTextual() ? person.asText() : person.path("name").asText("");
        return name.isBlank() || isUrl(name) ? Optional.empty() : Optional.of(name.strip());
    }

    /**
     * The article described by the page's JSON-LD: a node whose type names an article, found at
     * the top, in an array or in an {@code @graph}. Scripts that are not valid JSON are ignored.
     */
    private static Optional<JsonNode> linkedDataArticle(Document page) {
        JsonNode withDate = null;
        for (Element script : page.select("script[type=application/ld+json]")) {
            JsonNode tree;
            try {
                tree = JSON_LD.readTree(script.data());
            } catch (JsonProcessingException e) {
                continue;
            }
            List<JsonNode> nodes = new ArrayList<>();
            collectNodes(tree, nodes);
            for (JsonNode node : nodes) {
                if (isArticleType(node.path("@type"))) {
                    return Optional.of(node);
                }
                if (withDate == null && node.has("datePublished")) {
                    withDate = node;
                }
            }
        }
        return Optional.ofNullable(withDate);
    }

    private static void collectNodes(JsonNode tree, List<JsonNode> nodes) {
        if (tree == null) {
            return;
        }
        if (tree.isArray()) {
            tree.forEach(n -> collectNodes(n, nodes));
        } else if (tree.isObject()) {
            nodes.add(tree);
            collectNodes(tree.get("@graph"), nodes);
        }
    }

    private static boolean isArticleType(JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        String name = type.asText("");
        return name.endsWith("Article") || name.equals("BlogPosting") || name.equals("Report");
    }

    private static Optional<String> meta(Document page, String selector) {
        return attribute(page, selector, "content");
    }

    private static Optional<String> attribute(Document page, String selector, String attribute) {
        for (Element element : page.select(selector)) {
            String value = BodyBuilder.clean(element.attr(attribute));
            if (!value.isEmpty()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static boolean isUrl(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//");
    }
}
