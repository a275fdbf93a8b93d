package io.answersite.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.answersite.diagnostic.Diagnostics;
import io.answersite.graph.TermAutomaton;
import io.answersite.markdown.MarkdownRenderer;
import io.answersite.source.SourceText;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Linking terms in rendered Markdown: the scan from tag to tag links what parsing the fragment with
 * jsoup and walking its text nodes links (the reference), in the same places.
 */
class TermLinkerTest {

    private static final TermAutomaton TERMS = TermAutomaton.of(List.of(
            List.of("DNS"), List.of("TLS", "SSL"), List.of("rate limit"), List.of("AT&T"), List.of("\"quoted\""),
            List.of("超时"), List.of("a<b")));
    private static final Map<Integer, String> URLS = Map.of(0, "/glossary/dns/", 1, "/glossary/tls/",
            2, "/glossary/rate-limit/", 3, "/glossary/at&t/", 4, "/glossary/quoted/", 5, "/zh/glossary/timeout/",
            6, "/glossary/a-b/");
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    private String rendered(String body) {
        String file = "---\ntitle: t\n---\n" + body;
        return markdown.render(new SourceText("content/guides/g.md", file), body, file.length() - body.length(),
                new Diagnostics()).orElseThrow().html();
    }

    /** The two ways agree when their results are the same HTML once jsoup has read both. */
    private static void assertLinksLikeJsoup(String html) {
        String scanned = new TermLinker(TERMS, URLS).html(html);
        String reference = new TermLinker(TERMS, URLS).htmlThroughJsoup(html);
        assertEquals(normalized(reference), normalized(scanned), html);
    }

    private static String normalized(String html) {
        var document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        return document.body().html();
    }

    @Test
    void linksTheFirstUseOfEachTermOutsideLinksCodeAndHeadings() {
        String html = rendered("""
                ## DNS first

                Check `DNS` and [the DNS record](https://example.com/dns "DNS > TLS") before DNS, then SSL.

                ```
                TLS in code
                ```

                A *rate* limit is not a rate limit; DNS again, TLS once.
                """);
        String linked = new TermLinker(TERMS, URLS).html(html);
        assertEquals(1, linked.split("href=\"/glossary/dns/\"", -1).length - 1, linked);
        assertEquals(true, linked.contains("before <a class=\"term-link\" href=\"/glossary/dns/\">DNS</a>, then"
                + " <a class=\"term-link\" href=\"/glossary/tls/\">SSL</a>."), linked);
        assertEquals(true, linked.contains("not a <a class=\"term-link\" href=\"/glossary/rate-limit/\">rate limit</a>;"),
                linked);
        assertLinksLikeJsoup(html);
    }

    @Test
    void matchesTermsInDecodedTextAndLinksTheTextAsWritten() {
        String html = rendered("Ask \"quoted\" people at AT&T whether a<b, then DNS.\n");
        String linked = new TermLinker(TERMS, URLS).html(html);
        assertEquals(true, linked.contains("<a class=\"term-link\" href=\"/glossary/at&amp;t/\">AT&amp;T</a>"), linked);
        assertEquals(true, linked.contains("<a class=\"term-link\" href=\"/glossary/a-b/\">a&lt;b</a>"), linked);
        assertLinksLikeJsoup(html);
    }

    @Test
    void agreesWithJsoupOnListsTablesQuotesAndChineseText() {
        assertLinksLikeJsoup(rendered("""
                - 检查超时与 DNS
                - [x] TLS done

                > A quote about the rate limit and `TLS`.

                | DNS | TLS |
                | --- | --- |
                | rate limit | 超时 |

                Line one  
                DNS after a hard break.
                """));
    }

    @Test
    void linksATermThatEndsItsText() {
        // jsoup's splitText refuses to split at the end of a text: the jsoup path threw here (sessions before 17)
        String html = rendered("Check DNS and TLS\n\n- DNS\n");
        assertEquals("<p>Check <a class=\"term-link\" href=\"/glossary/dns/\">DNS</a> and"
                + " <a class=\"term-link\" href=\"/glossary/tls/\">TLS</a></p>\n<ul>\n<li>DNS</li>\n</ul>\n",
                new TermLinker(TERMS, URLS).html(html));
        assertLinksLikeJsoup(html);
        assertLinksLikeJsoup("<p>DNS <!-- x --> and TLS</p>");
    }

    @Test
    void leavesHtmlItDoesNotExpectToJsoup() {
        String html = "<p>DNS <!-- DNS --> and &copy; TLS</p>";
        assertEquals(new TermLinker(TERMS, URLS).htmlThroughJsoup(html), new TermLinker(TERMS, URLS).html(html));
    }
}
