package quire.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import quire.model.AnnotatedArticle;
import quire.model.Article;
import quire.model.Highlight;
import quire.model.HighlightState;
import quire.model.Published;

/** Small explicit articles and highlights for the export tests. */
final class Fixtures {
    private Fixtures() {}

    static final Instant EXPORTED_AT = Instant.parse("2026-11-23T13:40:00Z");
    static final Instant CREATED = Instant.parse("2026-11-20T09:15:30.123Z");
    static final Instant UPDATED = Instant.parse("2026-11-21T10:00:00Z");

    static Article article(String key, String title, String text) {
        return new Article(key, "news/" + key + ".json", title,
                Optional.of(Published.of(LocalDate.of(2024, 6, 20))), Optional.of("Ji Da-gyum"),
                Optional.of("The Korea Herald"), Optional.of("https://www.koreaherald.com/view.php?ud=" + key),
                Optional.empty(), Map.of(), List.of(), text, List.of());
    }

    static Article bareArticle(String key, String title) {
        return new Article(key, key + ".txt", title, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), List.of(), "text", List.of());
    }

    static Highlight highlight(String id, String articleKey, String quote, String note, List<String> tags) {
        return new Highlight(id, articleKey, 10, 10 + Math.max(1, quote.length()), quote, "before ", " after",
                "yellow", note, tags, CREATED, UPDATED, HighlightState.ANCHORED, "0123456789abcdef");
    }

    static Highlight withColor(Highlight h, String color) {
        return new Highlight(h.id(), h.articleKey(), h.start(), h.end(), h.quote(), h.prefix(), h.suffix(), color,
                h.note(), h.tags(), h.created(), h.updated(), h.state(), h.textHash());
    }

    static Highlight orphaned(Highlight h) {
        return new Highlight(h.id(), h.articleKey(), h.start(), h.end(), h.quote(), h.prefix(), h.suffix(), h.color(),
                h.note(), h.tags(), h.created(), h.updated(), HighlightState.ORPHANED, h.textHash());
    }

    /** Three articles on the Russia–North Korea treaty: the sample of the report. */
    static List<AnnotatedArticle> treatyArticles() {
        Article pact = new Article("7f3a9c2e11d04b5a", "news/2024/06/pact.json",
                "Putin, Kim sign mutual defence pact [full text]",
                Optional.of(Published.of(OffsetDateTime.parse("2024-06-20T18:05:15+09:00"))),
                Optional.of("Ji Da-gyum"), Optional.of("The Korea Herald"),
                Optional.of("https://www.koreaherald.com/view.php?ud=20240620000123"), Optional.empty(),
                Map.of(), List.of(), "text", List.of());
        Article seoul = new Article("a1b2c3d4e5f60718", "news/2024/06/seoul.html",
                "Seoul summons Russian ambassador over #treaty",
                Optional.of(Published.of(LocalDate.of(2024, 6, 21))), Optional.empty(),
                Optional.of("Yonhap"), Optional.of("https://en.yna.co.kr/view/AEN20240621001200315"),
                Optional.empty(), Map.of(), List.of(), "text", List.of());
        Article analysis = new Article("0badc0de0badc0de", "notes/analysis.md",
                "북러 조약 제4조 분석", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), List.of(), "text", List.of());
        Highlight article4 = new Highlight("5c1e7a90-3b4d-4e8f-9a2b-0c1d2e3f4a5b", pact.key(), 1203, 1371,
                "In case any one of the two sides is put in a state of war by an armed invasion, "
                        + "the other side shall provide military and other assistance with all means in its possession "
                        + "without delay.",
                "in accordance with Article 51 of the UN Charter", "In accordance with Article 51 — ",
                "pink", "Compare with the 1961 treaty, Article 1.\nVerify the Korean text.",
                List.of("treaty/article-4", "verify"), CREATED, UPDATED, HighlightState.ANCHORED, "9f86d081884c7d65");
        Highlight quoteBlock = new Highlight("e4d909c2-90d0-4b8c-a2f1-aa63b7c9d8e1", pact.key(), 2400, 2530,
                "The treaty is \"a truly fraternal\" alliance.\n\n"
                        + "*Kim* called it the \"highest\" level of ties — 1. a promise, 2. a warning.",
                "", "", "yellow", "", List.of("treaty"), CREATED, UPDATED, HighlightState.ANCHORED, "9f86d081884c7d65");
        Highlight seoulLine = new Highlight("19aa0c3e-77b2-4d21-8c1e-5f6e7d8c9b0a", seoul.key(), 88, 190,
                "Seoul will review supplying weapons to Ukraine = a \"red line\" for Moscow.",
                "", "", "orange", "Policy shift? Ask the MOFA desk.", List.of("treaty/reactions", "ukraine"),
                CREATED, UPDATED, HighlightState.ORPHANED, "3c59dc048e885024");
        Highlight korean = new Highlight("2b7f0d1c-aaaa-4bbb-8ccc-dddddddddddd", analysis.key(), 0, 24,
                "제4조는 자동 군사개입 조항으로 해석될 수 있다.", "", "", "green", "", List.of(),
                CREATED, UPDATED, HighlightState.ANCHORED, "c4ca4238a0b92382");
        return List.of(
                new AnnotatedArticle(pact, "The core text of the pact. Everything else is commentary.",
                        List.of("treaty", "primary source"), List.of(article4, quoteBlock)),
                new AnnotatedArticle(seoul, "", List.of("reactions"), List.of(seoulLine)),
                new AnnotatedArticle(analysis, "", List.of(), List.of(korean)));
    }
}
