package io.answersite.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.Severity;
import io.answersite.diagnostic.SourcePos;
import io.answersite.text.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The memory of the last link check: in the preview, a page's findings are reused only for the same
 * facts in the same site; with the build cache, a page kept as published is checked only when the
 * site around it changed (what the digest covers, when it is kept, which pages it lets pass).
 */
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

    private static final String CHECKER = "target/site\n\nhttps://example.com/";
    private static final PageFacts KEPT_A = new PageFacts(Set.of("top"), List.of("/b/"), List.of());
    private static final PageFacts KEPT_B = new PageFacts(Set.of("x", "y"), List.of("/a/#top"), List.of());

    private static byte[] digest(Set<String> files, Set<String> fromContent, Map<String, String> templates,
                                 Map<String, PageFacts> facts) {
        return CheckedLinks.digest(CHECKER, files, fromContent, templates, facts);
    }

    @Test
    void theDigestCoversFilesContentLinksTemplatesAndIdsButNotAPagesOwnLinks() {
        Set<String> files = Set.of("a/index.html", "b/index.html");
        Map<String, String> templates = Map.of("a/index.html", "answer", "b/index.html", "guide");
        Map<String, PageFacts> facts = Map.of("a/index.html", KEPT_A, "b/index.html", KEPT_B);
        byte[] base = digest(files, Set.of(), templates, facts);
        assertArrayEquals(base, digest(Set.of("b/index.html", "a/index.html"), Set.of(), Map.copyOf(templates),
                Map.of("b/index.html", KEPT_B, "a/index.html", new PageFacts(Set.of("top"), List.of("/other/"), List.of()))),
                "order and a page's own links do not count");
        for (byte[] other : List.of(
                digest(Set.of("a/index.html", "b/index.html", "c.txt"), Set.of(), templates, facts),
                digest(files, Set.of("/b/"), templates, facts),
                digest(Set.of("a/index.html"), Set.of("b/index.html"), templates, facts), // a member moved to another set
                digest(files, Set.of(), Map.of("a/index.html", "guide", "b/index.html", "guide"), facts),
                digest(files, Set.of(), templates, Map.of("a/index.html", KEPT_A,
                        "b/index.html", new PageFacts(Set.of("x"), KEPT_B.links(), List.of()))),
                CheckedLinks.digest("target/site\n/docs\nhttps://example.com/docs/", files, Set.of(), templates, facts))) {
            assertFalse(Arrays.equals(base, other));
        }
    }

    @Test
    void theDigestOfASiteOfManyBlocksIsTheSameInAnyOrderAndChangesWithAnyOnePath() {
        List<String> paths = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            paths.add("answers/a-" + i + "/index.html");
        }
        Set<String> inOrder = new java.util.LinkedHashSet<>(paths);
        List<String> shuffled = new java.util.ArrayList<>(paths);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        Set<String> reordered = new java.util.LinkedHashSet<>(shuffled);
        byte[] base = digest(inOrder, Set.of(), Map.of(), Map.of());
        assertArrayEquals(base, digest(reordered, Set.of(), Map.of(), Map.of()), "three blocks, in any order");
        for (int changed : new int[] {0, 2_047, 2_048, 4_999}) {
            Set<String> other = new java.util.LinkedHashSet<>(paths);
            other.remove(paths.get(changed));
            other.add(paths.get(changed) + ".moved");
            assertFalse(Arrays.equals(base, digest(other, Set.of(), Map.of(), Map.of())), "path " + changed);
        }
    }

    @Test
    void onlyPagesWithTheFactsReadFromTheCachePassUncheckedAndOnlyWhenTheDigestIsTheSame() {
        byte[] kept = Sha256.of("a site".getBytes(StandardCharsets.UTF_8));
        Map<String, PageFacts> restored = Map.of("a/index.html", KEPT_A, "b/index.html", KEPT_B);
        CheckedLinks.Known known = CheckedLinks.fromDisk(kept, kept.clone(), restored::get);
        assertEquals(List.of(), known.findings("a/index.html", KEPT_A));
        assertNull(known.findings("b/index.html", new PageFacts(KEPT_B.ids(), KEPT_B.links(), KEPT_B.problems())),
                "scanned again in this build: checked");
        assertNull(known.findings("c/index.html", KEPT_A), "not in the cache: checked");
        byte[] changed = Sha256.of("another site".getBytes(StandardCharsets.UTF_8));
        assertNull(CheckedLinks.fromDisk(kept, changed, restored::get).findings("a/index.html", KEPT_A));
        assertNull(CheckedLinks.fromDisk(null, kept, restored::get).findings("a/index.html", KEPT_A));
    }

    @Test
    void aBuildKeepsTheDigestWithTheFactsOnlyWhenNoPageHadAFinding() throws IOException {
        byte[] good = page("<a href=\"/b/\">b</a>");
        byte[] broken = page("<a href=\"/missing/\">m</a>");
        assertNotNull(keptAfter(good), "no finding: the next build may trust the kept pages");
        assertNull(keptAfter(broken), "a finding: the next build checks every page");
    }

    /** The digest the facts file keeps after a build of pages a (with {@code bytesOfA}) and b. */
    private static byte[] keptAfter(byte[] bytesOfA) throws IOException {
        BuiltSiteCheck.Memory memory = BuiltSiteCheck.Memory.published();
        BuiltSiteCheck.Pages pages = new BuiltSiteCheck.Pages(memory);
        byte[] bytesOfB = page("<p id=\"x\">b</p>");
        pages.written("a/index.html", bytesOfA);
        pages.written("b/index.html", bytesOfB);
        new BuiltSiteCheck("target/site", "", "https://example.com/").run(List.of("a/index.html", "b/index.html", "index.html"),
                Map.of("a/index.html", "answer", "b/index.html", "guide"), new Diagnostics(), pages, List.of());
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        PageFactsFiles.write(memory, PageFactsFilesTest.into(files), "key",
                path -> Optional.of(Sha256.of(path.equals("a/index.html") ? bytesOfA : bytesOfB)));
        assertEquals(new TreeSet<>(PageFactsFiles.names()), new TreeSet<>(files.keySet()), "every file of a first build");
        return PageFactsFilesTest.read(files).keptRun;
    }

    private static byte[] page(String body) {
        return ("<!DOCTYPE html><html><head><title>T</title><meta name=\"description\" content=\"D\">"
                + "<link rel=\"canonical\" href=\"https://example.com/\"></head><body><h1>H</h1>" + body
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }
}
