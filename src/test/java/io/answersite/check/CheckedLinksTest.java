package io.answersite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.Severity;
import io.answersite.diagnostic.SourcePos;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The preview's memory of the last link check: a page's findings are reused only for the same facts in the same site. */
class CheckedLinksTest {

    private static final Diagnostic BROKEN = new Diagnostic(Severity.ERROR, Rules.BUILT_SITE,
            "the link '/gone/' leads to no file of the site", SourcePos.fileOnly("target/site/a/index.html"));
    private final PageFacts a = new PageFacts(Set.of("top"), List.of("/gone/", "/b/#part"), List.of());
    private final PageFacts b = new PageFacts(Set.of("part"), List.of("/a/"), List.of());
    private final Set<String> files = Set.of("a/index.html", "b/index.html");
    private final Map<String, String> templates = Map.of("a/index.html", "answer", "b/index.html", "guide");

    private CheckedLinks checkedOnce() {
        CheckedLinks links = new CheckedLinks();
        links.remember("site", files, Set.of(), templates, Map.of("a/index.html", a, "b/index.html", b),
                Map.of("a/index.html", List.of(BROKEN), "b/index.html", List.of()));
        return links;
    }

    @Test
    void aPageWithTheSameFactsInTheSameSiteKeepsItsFindingsAndAChangedPageIsCheckedAgain() {
        PageFacts bEdited = new PageFacts(Set.of("part"), List.of("/a/", "/a/#top"), List.of());
        CheckedLinks.Known known = checkedOnce().known("site", files, Set.of(), templates,
                Map.of("a/index.html", a, "b/index.html", bEdited));
        assertEquals(List.of(BROKEN), known.findings("a/index.html", a));
        assertNull(known.findings("b/index.html", bEdited));
    }

    @Test
    void anIdThatCameOrWentOrAFileMoreOrLessMeansEveryPageIsCheckedAgain() {
        PageFacts bWithoutPart = new PageFacts(Set.of(), List.of("/a/"), List.of());
        assertNull(checkedOnce().known("site", files, Set.of(), templates,
                Map.of("a/index.html", a, "b/index.html", bWithoutPart)).findings("a/index.html", a));
        assertNull(checkedOnce().known("site", Set.of("a/index.html", "b/index.html", "gone/index.html"), Set.of(),
                templates, Map.of("a/index.html", a, "b/index.html", b)).findings("a/index.html", a));
        assertNull(checkedOnce().known("other base", files, Set.of(), templates,
                Map.of("a/index.html", a, "b/index.html", b)).findings("a/index.html", a));
    }
}
