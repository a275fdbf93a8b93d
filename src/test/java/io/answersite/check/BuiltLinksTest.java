package io.answersite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuiltLinksTest {

    private final BuiltLinks links = new BuiltLinks("/help", "https://example.com/help/",
            Set.of("index.html", "answers/a/index.html", "answers/b/index.html"),
            Map.of("answers/a/index.html", Set.of("faq-1"), "answers/b/index.html", Set.of("steps")));

    @Test
    void aLinkLeadsToTheSameFileAndIdFromEveryPageAndIsReportedOnEach() {
        for (String page : new String[] {"answers/a/index.html", "answers/b/index.html"}) {
            assertEquals("", links.problem(page, "/help/answers/a/#faq-1"));
            assertEquals("", links.problem(page, "https://example.com/help/answers/b/"));
            assertEquals("the link '/help/answers/c/' leads to no file of the site", links.problem(page, "/help/answers/c/"));
            assertEquals("the link '/help/answers/a/#nope' leads to no element with id 'nope' in answers/a/index.html",
                    links.problem(page, "/help/answers/a/#nope"));
            assertEquals("the link '/elsewhere/' leaves the site's base path", links.problem(page, "/elsewhere/"));
            assertEquals("", links.problem(page, "https://other.example.org/"));
        }
    }

    @Test
    void aFragmentAloneIsLookedUpOnThePageItIsOn() {
        assertEquals("", links.problem("answers/a/index.html", "#faq-1"));
        assertEquals("the link '#faq-1' leads to no element with id 'faq-1' in answers/b/index.html",
                links.problem("answers/b/index.html", "#faq-1"));
        assertEquals("", links.problem("answers/b/index.html", "#steps"));
    }
}
