package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlBlocksTest {
    private static List<String> blocks(String html) {
        BodyBuilder out = new BodyBuilder();
        HtmlBlocks.append(html, out);
        return WordPressReaderTest.blocks(out.build());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`<p>&#8220;Quoted&#8221; &amp; &#x2014; &nbsp;spaced&hellip;</p>`  | `“Quoted” & — spaced…`",
        "`<p>AT&amp;T &lt;b&gt; is text</p>`                                 | `AT&T <b> is text`",
        "`<p>Caf&eacute; &#233;t&#xE9;</p>`                                   | `Café été`",
    })
    void entitiesAndNumericReferencesAreDecoded(String html, String text) {
        assertEquals(List.of("paragraph: " + text), blocks(html));
    }

    @Test
    void strayClosingTagsLeaveWordsSpacedAsWritten() {
        assertEquals(
                List.of("paragraph: Putin’s visit to Pyongyang."),
                blocks("Putin’s </span>visit</span></a> to Pyongyang.</span></p>"));
    }

    @Test
    void eachStrayParagraphEndEndsAParagraph() {
        String html = "\nFirst line\nstill first.</span></p>\n Second.</p>\n Third</a> one.</p>\n";

        assertEquals(
                List.of("paragraph: First line still first.", "paragraph: Second.", "paragraph: Third one."),
                blocks(html));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`<p><b>bold</b>text</p>`        | `boldtext`",
        "`<p>a<br>b</p>`                 | `a b`",
        "`<p>x<em>y</em> z</p>`          | `xy z`",
        "`<pre>line one\n  line two</pre>` | `line one line two`",
    })
    void inlineMarkupAddsNoSpacesAndLineBreaksBecomeSpaces(String html, String text) {
        assertEquals(List.of("paragraph: " + text), blocks(html));
    }

    @Test
    void twoLineBreaksInARowSeparateParagraphsAsOldPostsUseThem() {
        assertEquals(
                List.of("paragraph: First paragraph, on two lines.", "paragraph: Second paragraph."),
                blocks("First paragraph,<br>on two lines.<br><br>\nSecond paragraph.<br />"));
        assertEquals(List.of("paragraph: One.", "paragraph: Two."), blocks("One.<br> <br/>Two."));
    }

    @Test
    void scriptsStylesEmbedsFormsAndNavigationAreDropped() {
        String html = "<p>Kept.</p><script>var x = '<p>no</p>';</script><style>p{}</style><noscript>no</noscript>"
                + "<iframe src=x>no</iframe><svg><text>no</text></svg><form><label>no</label><input value=no>"
                + "<button>no</button></form><nav>no</nav><aside>no</aside><footer>no</footer>"
                + "<p>Also <img src=a.jpg alt=\"no alt\">kept.</p>";

        assertEquals(List.of("paragraph: Kept.", "paragraph: Also kept."), blocks(html));
    }

    @Test
    void headingsAreHeadings() {
        assertEquals(
                List.of("heading: Title", "paragraph: Text.", "heading: Sub strong", "paragraph: More."),
                blocks("<h1>Title</h1><p>Text.</p><h3><strong>Sub</strong> strong</h3><p>More.</p>"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`<p><strong>Why It Matters</strong></p><p>Body.</p>`          | `Why It Matters`",
        "`<p><b>Why</b> <b>It Matters</b></p><p>Body.</p>`             | `Why It Matters`",
        "`<p><strong><a href=x>Linked head</a></strong></p><p>Body.</p>` | `Linked head`",
        "`<p>Intro.</p>\n Why It Matters</b></p>\n Body.</p>`           | `Why It Matters`",
        "`<p>Intro.</p>\n AMBIGUITY OF MUTUAL ASSISTANCE</b></span></p>\n Body.</p>` | `AMBIGUITY OF MUTUAL ASSISTANCE`",
        "`<p>Intro.</p>\n Half stripped strong</strong></p>\n Body.</p>` | `Half stripped strong`",
    })
    void boldOnlyShortParagraphIsAHeading(String html, String heading) {
        List<String> blocks = blocks(html);

        assertEquals("heading: " + heading, blocks.stream().filter(b -> b.startsWith("heading")).findFirst().orElse(""));
        assertEquals("paragraph: Body.", blocks.get(blocks.size() - 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // a bold lead-in is part of its paragraph
        "`<p><strong>Seoul:</strong> South Korea said on Sunday it would respond.</p>` | `Seoul: South Korea said on Sunday it would respond.`",
        "`Lead-in</b> and the rest of a sentence.</p>`                                 | `Lead-in and the rest of a sentence.`",
        // wholly bold, but a sentence
        "`<p><b>This is an emphasised sentence.</b></p>`                                | `This is an emphasised sentence.`",
        "`<p><b>Editor’s note:</b></p>`                                                 | `Editor’s note:`",
        "`The bold began mid-way, so this is <b>not</b> a heading</b></p>`                | `The bold began mid-way, so this is not a heading`",
    })
    void boldThatIsNotASubheadingStaysAParagraph(String html, String text) {
        assertEquals(List.of("paragraph: " + text), blocks(html));
    }

    @Test
    void longBoldParagraphIsNotAHeading() {
        String words = "word ".repeat(30).strip();

        assertEquals(List.of("paragraph: " + words), blocks("<p><b>" + words + "</b></p>"));
    }

    @Test
    void listItemsIncludingNestedOnes() {
        assertEquals(
                List.of("list-item: One", "list-item: Two", "list-item: Two a", "list-item: Two b", "list-item: Three",
                        "paragraph: After."),
                blocks("<ul><li>One</li><li>Two<ol><li>Two a</li><li><p>Two b</p></li></ol></li><li>Three</ul><p>After.</p>"));
    }

    @Test
    void blockquoteParagraphsAreQuotes() {
        assertEquals(
                List.of("paragraph: Before.", "quote: First quoted.", "quote: Second quoted. — Someone", "paragraph: After."),
                blocks("<p>Before.</p><blockquote class=\"wp-block-quote\"><p>First quoted.</p>"
                        + "<p>Second quoted. <cite>— Someone</cite></p></blockquote><p>After.</p>"));
    }

    @Test
    void figuresAndCaptionsGiveCaptionsWithoutImages() {
        String html = "<figure class=\"wp-block-image\"><img src=\"a.jpg\" alt=\"Alt text\">"
                + "<figcaption>Putin and Kim in Pyongyang. (Yonhap)</figcaption></figure>"
                + "<div class=\"wp-caption\"><img src=\"b.jpg\"><p class=\"wp-caption-text\">Old-style caption</p></div>"
                + "<table><caption>Table caption</caption><tr><td>a</td><td>b</td></tr></table>";

        assertEquals(
                List.of("caption: Putin and Kim in Pyongyang. (Yonhap)", "caption: Old-style caption",
                        "caption: Table caption", "paragraph: a b"),
                blocks(html));
    }

    @Test
    void textGivesOneLine() {
        assertEquals("Treaty “signed” & sealed. Second part", HtmlBlocks.text("<p>Treaty &#8220;signed&#8221; &amp; sealed.</p>\n<p>Second <em>part</em></p>"));
    }

    @Test
    void restoringBoldOpenersTouchesOnlyStrippedParagraphEnds() {
        assertEquals(
                "<p>x</p><b> Why It Matters</b></p> mid</b> text</p><p><b>ok</b></p>",
                HtmlBlocks.restoreStrippedBoldOpeners("<p>x</p> Why It Matters</b></p> mid</b> text</p><p><b>ok</b></p>"));
    }

    @Test
    void thousandsOfStrayClosersCostLinearTime() {
        String html = "<p>" + "</b>".repeat(200_000) + "text</p>" + "x</strong>".repeat(100_000) + "</p>";

        List<String> blocks = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> blocks(html));

        assertEquals(List.of("paragraph: text", "paragraph: " + "x".repeat(100_000)), blocks);
    }
}
