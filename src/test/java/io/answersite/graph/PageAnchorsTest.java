package io.answersite.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.answersite.TestSites;
import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.site.Answersite;
import io.answersite.site.BuildResult;
import io.answersite.site.StageTimes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The anchors the graph accepts in links are exactly the ids the built-in theme writes: for every
 * page of a site whose pages show every mix of sections, {@link PageAnchors} is compared with the
 * ids of the page as rendered. Ids that only label something for assistive technology (the
 * headings that {@code aria-labelledby} names) and the ids of form controls are not anchors.
 */
class PageAnchorsTest {

    @TempDir
    Path root;

    private static final String SITE = TestSites.SITE_YML + """
            -- content/_index.md --
            ---
            title: Answers
            description: All answers.
            date: 2026-01-01
            ---

            ## Start here {#start}
            -- content/_snippets/handoff.md --
            Hand it over.
            -- content/_snippets/review-safety.zh-CN.md --
            审核说明。
            -- content/topics/empty.md --
            ---
            title: Empty
            description: A topic with no pages yet.
            date: 2026-01-01
            ---
            -- content/answers/full.md --
            ---
            title: Why full?
            description: Every section.
            date: 2026-02-01
            topic: network
            answer: Because.
            basis: [It is so.]
            next_steps: [Retry.]
            summary_en: |
              It is so.
            faq:
              - q: One?
                a: Yes.
              - q: Two?
                a: Yes.
            related:
              - guide:g
            ---

            ## Details {#details}

            - [ ] Check it
            -- content/answers/bare.md --
            ---
            title: Why bare?
            description: No optional section.
            date: 2026-02-01
            topic: network
            answer: Because.
            summary_en: "  "
            ---
            -- content/answers/bare.zh-CN.md --
            ---
            title: 为什么?
            description: 没有可选部分。
            date: 2026-02-01
            topic: network
            answer: 因为。
            ---
            -- content/guides/g.md --
            ---
            title: Guide
            description: Long.
            date: 2026-02-01
            topic: network
            ---

            ## DNS {#dns}
            -- content/checklists/c.md --
            ---
            title: Checklist
            description: Steps.
            date: 2026-02-01
            topic: network
            ---

            ## Before {#before}

            - [ ] Back up {#backup}
            -- content/glossary/dns.md --
            ---
            title: DNS
            description: Names.
            date: 2026-02-01
            definition: The name system.
            ---
            """;

    @Test
    void anchorsOfEveryPageAreTheIdsItsRenderedHtmlHas() {
        TestSites.write(root, SITE);
        assertEquals(Map.of(), mismatches(root));
    }

    @Test
    void anchorsOfEveryPageOfTheGoldenSiteAreTheIdsItsRenderedHtmlHas() {
        TestSites.copySite(TestSites.repositoryRoot().resolve("src/test/resources/sites/golden"), root);
        assertEquals(Map.of(), mismatches(root));
    }

    @Test
    void anchorsOfEveryPageOfTheRepositorySiteAreTheIdsItsRenderedHtmlHas() {
        Path site = io.answersite.BuiltSites.repositorySite();
        assertEquals(Map.of(), mismatches(load(TestSites.repositoryRoot()), site));
    }

    @Test
    void anAnswerShowsOnlyTheSectionsItHasContentFor() {
        TestSites.write(root, SITE);
        ContentGraph graph = load(root);
        assertEquals(Set.of("answer", "basis", "next-steps", "summary-en", "faq", "related", "handoff", "more-answers",
                        "faq-1", "faq-2", "details", "details-check-it", "main"),
                PageAnchors.of(graph, graph.require(new PageKey(Kind.ANSWER, "full", "en"))));
        assertEquals(Set.of("answer", "handoff", "more-answers", "main"),
                PageAnchors.of(graph, graph.require(new PageKey(Kind.ANSWER, "bare", "en"))));
        assertEquals(Set.of("answer", "handoff", "review-safety", "main"),
                PageAnchors.of(graph, graph.require(new PageKey(Kind.ANSWER, "bare", "zh-CN"))));
        assertEquals(Set.of("main"), PageAnchors.of(graph, graph.require(new PageKey(Kind.TOPIC, "empty", "en"))));
    }

    @Test
    void rejectsALinkToASectionTheTargetDoesNotShow() {
        TestSites.write(root, SITE + """
                -- content/answers/links.md --
                ---
                title: Why links?
                description: Links to sections.
                date: 2026-02-01
                topic: network
                answer: Because.
                related:
                  - answer:bare#faq
                  - answer:full#faq
                  - topic:empty#answers
                ---

                See [the basis](bare.md#basis) and [the review](answer:bare#review-safety).
                """);
        BuildResult result = new Answersite().build(TestSites.request(root));
        assertEquals(List.of(
                        "content/answers/links.md:8:5: error: 'answer:bare#faq' points to '#faq', which"
                                + " content/answers/bare.md does not have (an answer shows #faq only when it has content"
                                + " for that section) [link-anchor]",
                        "content/answers/links.md:10:5: error: 'topic:empty#answers' points to '#answers', which"
                                + " content/topics/empty.md does not have (a topic shows #answers only when it has pages"
                                + " of that kind) [link-anchor]",
                        "content/answers/links.md:13:5: error: 'bare.md#basis' points to '#basis', which"
                                + " content/answers/bare.md does not have (an answer shows #basis only when it has"
                                + " content for that section) [link-anchor]",
                        "content/answers/links.md:13:36: error: 'answer:bare#review-safety' points to '#review-safety',"
                                + " which content/answers/bare.md does not have (an answer shows #review-safety only when"
                                + " it has content for that section) [link-anchor]"),
                result.diagnostics().stream().map(Diagnostic::format).toList());
    }

    private static ContentGraph load(Path site) {
        Diagnostics diagnostics = new Diagnostics();
        ContentGraph graph = new Answersite().load(TestSites.request(site), diagnostics, new StageTimes())
                .graph().orElseThrow();
        assertEquals(List.of(), diagnostics.sorted().stream().map(Diagnostic::format).toList());
        return graph;
    }

    /** {@link #mismatches(ContentGraph, Path)} of the site in {@code site}, built into its target/site. */
    private static Map<String, String> mismatches(Path site) {
        ContentGraph graph = load(site);
        BuildResult result = new Answersite().build(TestSites.request(site));
        assertEquals(List.of(), result.diagnostics().stream().map(Diagnostic::format).toList());
        return mismatches(graph, site.resolve("target/site"));
    }

    /** For each page of {@code output} whose anchors and ids differ, what each side has that the other has not. */
    private static Map<String, String> mismatches(ContentGraph graph, Path output) {
        Map<String, String> mismatches = new TreeMap<>();
        for (Page page : graph.pages().values()) {
            compare(mismatches, output, graph.urls().pageFolder(page.key()), PageAnchors.of(graph, page));
        }
        for (io.answersite.config.Language language : graph.config().languages()) {
            String hub = graph.urls().hubFolder(language.code());
            if (graph.page(new PageKey(Kind.HUB, PageKey.HUB_ID, language.code())).isEmpty()) {
                compare(mismatches, output, hub, PageAnchors.ofHubWithoutIntro());
            }
            for (Kind kind : Kind.values()) {
                if (kind != Kind.HUB) {
                    compare(mismatches, output, graph.urls().listFolder(kind, language.code()), PageAnchors.ofList());
                }
            }
        }
        return mismatches;
    }

    private static void compare(Map<String, String> mismatches, Path output, String folder, Set<String> anchors) {
        Set<String> ids = anchorIds(Jsoup.parse(TestSites.read(output.resolve(folder + "index.html"))));
        Set<String> onlyAnchors = new TreeSet<>(anchors);
        onlyAnchors.removeAll(ids);
        Set<String> onlyIds = new TreeSet<>(ids);
        onlyIds.removeAll(anchors);
        if (!onlyAnchors.isEmpty() || !onlyIds.isEmpty()) {
            mismatches.put(folder, "PageAnchors only: " + onlyAnchors + "; HTML only: " + onlyIds);
        }
    }

    /** The ids a link can aim at: all, less labels named by aria-labelledby and form controls. */
    private static Set<String> anchorIds(Document html) {
        Set<String> labels = new TreeSet<>();
        for (Element labelled : html.select("[aria-labelledby]:not(input)")) {
            labels.addAll(List.of(labelled.attr("aria-labelledby").split("\\s+")));
        }
        Set<String> ids = new TreeSet<>();
        for (Element element : html.select("[id]:not(input)")) {
            if (!labels.contains(element.id())) {
                ids.add(element.id());
            }
        }
        return ids;
    }
}
