package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlPageReaderTest {
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head>
            <meta charset="utf-8">
            <title>Seoul warns Moscow over arms deal | The Korea Herald</title>
            <meta name="author" content="Ji Da-gyum">
            <meta property="article:published_time" content="2024-06-23T15:35:00+09:00">
            <meta property="og:site_name" content="The Korea Herald">
            <meta property="og:url" content="https://www.koreaherald.com/view.php?ud=20240623000123">
            <meta name="description" content="South Korea&#8217;s security adviser warns Russia.">
            <script>window.dataLayer = [{"page": "<p>not text</p>"}];</script>
            <style>.x { color: red }</style>
            </head><body>
            <header class="site-header"><a href="/">The Korea Herald</a><nav><a href="/n">National</a></nav></header>
            <nav class="menu"><ul><li>Politics</li><li>Business</li></ul></nav>
            <article class="post">
              <h1 class="entry-title">Seoul warns Moscow over arms deal</h1>
              <div class="byline">By Ji Da-gyum</div>
              <div class="entry-content">
                <p>South Korea&#8217;s adviser issued a &#8220;stark warning&#8221; on Sunday.</p>
                <figure><img src="p.jpg" alt="photo"><figcaption>Chang Ho-jin at the briefing. (Yonhap)</figcaption></figure>
                <h2>Red lines</h2>
                <p>&quot;Russia&#39;s recent actions&quot; were discussed.<br>Nothing more.</p>
                <div class="share-buttons"><a>Share on X</a></div>
              </div>
              <section id="comments"><p>Great article!</p></section>
            </article>
            <aside class="sidebar"><p>Most read</p></aside>
            <footer><p>© The Korea Herald</p></footer>
            </body></html>
            """;

    private static ArticleDraft read(String html) {
        ReadResult result = new HtmlPageReader().read(html, "page.html");
        assertEquals(1, result.drafts().size());
        return result.drafts().get(0);
    }

    @Test
    void savedPageGivesItsMetadata() {
        ArticleDraft draft = read(PAGE);

        assertEquals("Seoul warns Moscow over arms deal", draft.title());
        assertEquals("2024-06-23T15:35+09:00", draft.published().orElseThrow().toString());
        assertEquals(Optional.of("Ji Da-gyum"), draft.author());
        assertEquals(Optional.of("The Korea Herald"), draft.source());
        assertEquals(Optional.of("https://www.koreaherald.com/view.php?ud=20240623000123"), draft.link());
        assertEquals(Optional.of("South Korea’s security adviser warns Russia."), draft.summary());
    }

    @Test
    void savedPageTextIsTheArticleWithoutPageFurnitureOrItsOwnHeadline() {
        ArticleDraft draft = read(PAGE);

        assertEquals(
                List.of("paragraph: South Korea’s adviser issued a “stark warning” on Sunday.",
                        "caption: Chang Ho-jin at the briefing. (Yonhap)",
                        "heading: Red lines",
                        "paragraph: \"Russia's recent actions\" were discussed. Nothing more."),
                WordPressReaderTest.blocks(draft.body()));
        assertEquals(List.of(), draft.warnings());
    }

    @Test
    void largestArticleIsTheOneRead() {
        String html = "<html><body><article><p>Teaser of another story.</p></article>"
                + "<article><h1>Main</h1><p>The main story is much longer than the teaser beside it.</p></article>"
                + "</body></html>";

        assertEquals(
                List.of("paragraph: The main story is much longer than the teaser beside it."),
                WordPressReaderTest.blocks(read(html).body()));
    }

    @Test
    void pageWithoutArticleUsesItsContentContainer() {
        String html = "<html><head><title>Just a title</title></head><body><div id=\"menu\"><p>Home</p></div>"
                + "<div class=\"entry-content\"><p>Body text.</p></div><footer>Foot</footer></body></html>";

        assertEquals(List.of("paragraph: Body text."), WordPressReaderTest.blocks(read(html).body()));
    }

    @Test
    void pageWithNothingButABodyUsesTheBody() {
        String html = "<html><body><header><p>Site name</p></header><p>Only text.</p><script>x()</script></body></html>";

        assertEquals(List.of("paragraph: Only text."), WordPressReaderTest.blocks(read(html).body()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`Seoul warns Moscow over arms deal | The Korea Herald`  | `Seoul warns Moscow over arms deal`",
        "`Seoul warns Moscow over arms deal - Yonhap`            | `Seoul warns Moscow over arms deal`",
        "`Seoul warns Moscow over arms deal – NK News`           | `Seoul warns Moscow over arms deal`",
        "`Seoul warns Moscow over arms deal — NK Pro`            | `Seoul warns Moscow over arms deal`",
        "`Seoul warns Moscow over arms deal :: 38 North`         | `Seoul warns Moscow over arms deal`",
        "`Korea | Site`                                          | `Korea | Site`",
        "`Kim Jong Un - Putin summit`                            | `Kim Jong Un - Putin summit`",
        "`No separator in this title`                            | `No separator in this title`",
    })
    void titleLosesTheSiteSuffix(String titleTag, String title) {
        assertEquals(title, HtmlPageReader.withoutSiteName(titleTag, Optional.empty(), true));
    }

    @Test
    void titleLosesTheNamedSiteEvenAfterAShortTitle() {
        assertEquals("Summit", HtmlPageReader.withoutSiteName("Summit | The Korea Herald", Optional.of("The Korea Herald"), true));
    }

    @Test
    void ogTitleLosesOnlyTheSitesOwnName() {
        String head = "<meta property=\"og:site_name\" content=\"NK News\">";

        assertEquals("Talks resume", read("<html><head>" + head + "<meta property=\"og:title\" content=\"Talks resume - NK News\">"
                + "</head><body><p>x</p></body></html>").title());
        assertEquals("Seoul and Tokyo hold talks - Analysis", read("<html><head>" + head
                + "<meta property=\"og:title\" content=\"Seoul and Tokyo hold talks - Analysis\"></head><body><p>x</p></body></html>").title());
    }

    @Test
    void titleFallsBackToTheFirstHeading() {
        ArticleDraft draft = read("<html><body><article><h1>Heading title</h1><p>Text.</p></article></body></html>");

        assertEquals("Heading title", draft.title());
        assertEquals(List.of("paragraph: Text."), WordPressReaderTest.blocks(draft.body()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`<meta name=\"pubdate\" content=\"2024-06-20\">`                                    | `2024-06-20`",
        "`<meta name=\"DC.date.issued\" content=\"2024-06-20T09:05:15Z\">`                   | `2024-06-20T09:05:15Z`",
        "`<meta name=\"sailthru.date\" content=\"2024-06-20 18:05:15\">`                     | `2024-06-20T18:05:15`",
        "`<meta name=\"parsely-pub-date\" content=\"2024-06-20T18:05:15.000+0900\">`          | `2024-06-20T18:05:15+09:00`",
        "`<meta property=\"og:article:published_time\" content=\"2024-06-20T18:05+09:00\">`   | `2024-06-20T18:05+09:00`",
    })
    void dateComesFromMetaTags(String meta, String expected) {
        ArticleDraft draft = read("<html><head>" + meta + "</head><body><p>Text.</p></body></html>");

        assertEquals(expected, draft.published().orElseThrow().toString());
    }

    @Test
    void dateComesFromTheArticlesTimeElement() {
        ArticleDraft draft = read("<html><body><time datetime=\"2020-01-01\">old</time><article><p>Text.</p>"
                + "<time datetime=\"2024-06-20T18:05:15+09:00\">June 20</time></article></body></html>");

        assertEquals("2024-06-20T18:05:15+09:00", draft.published().orElseThrow().toString());
    }

    @Test
    void jsonLdGivesDateAuthorAndPublisher() {
        String html = """
                <html><head><title>A title that is long enough</title>
                <script type="application/ld+json">{ this is not json </script>
                <script type="application/ld+json">
                {"@context":"https://schema.org","@graph":[
                  {"@type":"WebSite","name":"Site"},
                  {"@type":"NewsArticle","headline":"Headline","datePublished":"2024-06-20T09:05:15Z",
                   "author":[{"@type":"Person","name":"Kim Min-ji"},{"@type":"Person","name":"Lee Jun"}],
                   "publisher":{"@type":"Organization","name":"Korea Pro"}}]}
                </script></head><body><article><p>Text.</p></article></body></html>
                """;

        ArticleDraft draft = read(html);

        assertEquals("2024-06-20T09:05:15Z", draft.published().orElseThrow().toString());
        assertEquals(Optional.of("Kim Min-ji, Lee Jun"), draft.author());
        assertEquals(Optional.of("Korea Pro"), draft.source());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`<meta property=\"article:author\" content=\"https://facebook.com/someone\"><a rel=\"author\" href=\"/a\">Park Ji-won</a>` | `Park Ji-won`",
        "`<meta property=\"article:author\" content=\"Choi Yoon\">`                                                             | `Choi Yoon`",
        "`<p class=\"byline\">By Han Seo-yeon</p>`                                                                              | `Han Seo-yeon`",
        "`<article><div class=\"byline\">by Jung Da-eun</div></article>`                                                      | `Jung Da-eun`",
    })
    void authorComesFromTheBestSourceAvailable(String markup, String author) {
        assertEquals(Optional.of(author), read("<html><body>" + markup + "<article><p>Text.</p></article></body></html>").author());
    }

    @Test
    void pageWithoutTextSaysSo() {
        ArticleDraft draft = read("<html><head><title>Empty</title></head><body><nav>Menu</nav></body></html>");

        assertEquals(List.of(), WordPressReaderTest.blocks(draft.body()));
        assertEquals(List.of("The page has no article text."), draft.warnings());
    }
}
