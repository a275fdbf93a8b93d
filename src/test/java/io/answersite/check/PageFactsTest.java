package io.answersite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tag scanner behind the built-site check ({@link BuiltSiteCheck#facts}): every tag form, every
 * way to write an attribute, and the parts of a page whose text is not markup (comments, scripts,
 * styles).
 */
class PageFactsTest {

    private static final String HEAD = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>A page</title><meta name=\"description\" content=\"What it is.\">"
            + "<link rel=\"canonical\" href=\"https://example.com/a/\"></head>\n";

    private static PageFacts facts(String html) {
        return PageScanner.facts(html.getBytes(StandardCharsets.UTF_8));
    }

    private static PageFacts body(String body) {
        return facts(HEAD + "<body><h1>A page</h1>" + body + "</body></html>\n");
    }

    /** The links a body adds to those of the head (the canonical link). */
    private static List<String> bodyLinks(String body) {
        List<String> links = body(body).links();
        return links.subList(1, links.size());
    }

    @Test
    void aCompletePageHasNoProblemsAndItsCanonicalLinkIsALink() {
        PageFacts facts = body("<p id=\"intro\">Text <a href=\"/b/\">b</a></p>");
        assertEquals(List.of(), facts.problems());
        assertEquals(Set.of("intro"), facts.ids());
        assertEquals(List.of("https://example.com/a/", "/b/"), facts.links());
    }

    @Test
    void readsDoubleQuotedSingleQuotedUnquotedAndEmptyAttributes() {
        assertEquals(List.of("/double/", "/single/", "/bare/"),
                bodyLinks("<a href=\"/double/\">x</a><a href='/single/'>y</a><a href=/bare/>z</a>"));
        assertEquals(Set.of("empty-value-next", "x"),
                body("<input disabled id=\"empty-value-next\"><p hidden id=x></p>").ids());
    }

    @Test
    void anUnquotedValueEndsAtAnyWhiteSpaceOrTheEndOfTheTag() {
        assertEquals(List.of("/space/", "/tab/", "/newline/", "/end/"),
                bodyLinks("<a href=/space/ class=x>a</a><a href=/tab/\tclass=x>b</a><a href=/newline/\nclass=x>c</a>"
                        + "<a href=/end/>d</a>"));
    }

    @Test
    void aQuotedValueMayHoldAnAngleBracketAndTheOtherQuote() {
        assertEquals(List.of("/after/"), bodyLinks("<a title=\"a > b 'c'\" href=\"/after/\">x</a>"));
        assertEquals(List.of("/q\"uote/"), bodyLinks("<a href='/q\"uote/'>x</a>"));
    }

    @Test
    void attributeNamesAndTagNamesIgnoreCaseAndTheFirstOfTwoEqualAttributesCounts() {
        PageFacts facts = body("<H1 ID=\"second\">Two</H1><A HREF=\"/upper/\" href=\"/lower/\">x</A>");
        assertEquals(List.of("the page has 2 <h1> elements; it needs exactly one"), facts.problems());
        assertEquals(Set.of("second"), facts.ids());
        assertEquals(List.of("https://example.com/a/", "/upper/"), facts.links());
    }

    @Test
    void hrefWinsOverSrcOnOneTagAndSrcCountsAlone() {
        assertEquals(List.of("/img.png", "/page/"), bodyLinks("<img src=\"/img.png\" alt=\"\">"
                + "<a href=\"/page/\" src=\"/ignored.png\">x</a>"));
    }

    @Test
    void entitiesInValuesAreDecodedAndUtf8ValuesReadWhole() {
        assertEquals(List.of("/a?x=1&y=2", "/中文/größe/", "it's \"q\" <>"),
                bodyLinks("<a href=\"/a?x=1&amp;y=2\">x</a><a href=\"/中文/größe/\">y</a>"
                        + "<a href='it&#39;s &quot;q&quot; &lt;&gt;'>z</a>"));
        assertEquals(Set.of("größe"), body("<h2 id=\"größe\">G</h2>").ids());
    }

    @Test
    void selfClosingEndAndDoctypeTagsAreNotReadAsAttributes() {
        PageFacts facts = body("<br/><img src=\"/a.png\" alt=\"\"/><hr /></p><!DOCTYPE x>");
        assertEquals(List.of(), facts.problems());
        assertEquals(List.of("https://example.com/a/", "/a.png"), facts.links());
    }

    @Test
    void commentsAreSkippedWithTheTagsInThem() {
        PageFacts facts = body("<!-- <h1 id=\"c\">x</h1> <a href=\"/hidden/\"> -- still a comment -->"
                + "<a href=\"/shown/\">x</a><!---->");
        assertEquals(List.of(), facts.problems());
        assertEquals(Set.of(), facts.ids());
        assertEquals(List.of("https://example.com/a/", "/shown/"), facts.links());
    }

    @Test
    void anUnclosedCommentHidesTheRestOfThePage() {
        assertEquals(List.of("https://example.com/a/"), body("<!-- <a href=\"/never/\">").links());
    }

    @Test
    void scriptAndStyleContentsAreSkipped() {
        PageFacts facts = body("<script>if (a<b) { x = '<a href=\"/in-script/\">'; }</script>"
                + "<style>p<span { }</style><script type=\"application/ld+json\">{\"<h1>\": 1}</script>"
                + "<a href=\"/after/\">x</a>");
        assertEquals(List.of(), facts.problems());
        assertEquals(List.of("https://example.com/a/", "/after/"), facts.links());
    }

    @Test
    void anIdUsedTwiceIsAProblem() {
        assertEquals(List.of("the id 'x' is used twice"), body("<p id=\"x\"></p><p id='x'></p>").problems());
    }

    @Test
    void aPageWithoutTitleDescriptionH1OrCanonicalLinkSaysWhatItLacks() {
        assertEquals(List.of("the page has 0 <h1> elements; it needs exactly one", "the page has no <title>",
                "the page has no meta description", "the page has no canonical link"),
                facts("<html><head><title> </title><meta name=\"description\" content=\"\"></head>"
                        + "<body></body></html>").problems());
    }

    @Test
    void aRedirectPageNeedsOnlyItsCanonicalLink() {
        assertEquals(List.of(), facts("<html><head><meta http-equiv=\"Refresh\" content=\"0; url=/b/\">"
                + "<link rel=\"canonical\" href=\"/b/\"></head></html>").problems());
        assertEquals(List.of("the page has no canonical link"),
                facts("<meta http-equiv=refresh content=\"0; url=/b/\">").problems());
    }
}
