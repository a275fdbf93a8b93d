package io.answersite.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import io.answersite.content.Kind;
import io.answersite.content.PageKey;
import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.site.Answersite;
import io.answersite.site.LoadedSite;
import io.answersite.site.StageTimes;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content graph of small inline sites: what each pass of {@link GraphBuilder} fills in. */
class GraphBuilderTest {

    @TempDir
    Path root;

    private Diagnostics diagnostics;

    private static String page(String path, String frontMatter, String body) {
        return "-- content/" + path + " --\n---\n" + frontMatter.strip() + "\n---\n\n" + body + "\n";
    }

    private static String answer(String id, String title, String extra, String body) {
        return page("answers/" + id + ".md", """
                title: %s
                description: About %s.
                date: 2026-01-01
                topic: network
                answer: Because.
                %s
                """.formatted(title, id, extra), body);
    }

    /** The answer {@code a} translated into the site's second language. */
    private static final String A_IN_CHINESE = page("answers/a.zh-CN.md", "title: 为什么 a?\ndescription: 关于 a。\n"
            + "date: 2026-01-01\ntopic: network\nanswer: 因为。", "正文。");

    private ContentGraph graph(String... files) {
        TestSites.write(root, TestSites.SITE_YML + String.join("", files));
        diagnostics = new Diagnostics();
        LoadedSite loaded = new Answersite().load(TestSites.request(root), diagnostics, new StageTimes());
        return loaded.graph().orElseThrow(() -> new AssertionError(diagnostics.sorted()));
    }

    private List<String> findings() {
        return diagnostics.sorted().stream().map(Diagnostic::format).toList();
    }

    private static PageKey answerKey(String id) {
        return new PageKey(Kind.ANSWER, id, "en");
    }

    @Test
    void bodyLinksResolveToPagesAnchorsListPagesAndContentFiles() {
        ContentGraph graph = graph(
                answer("a", "Why a?", "", "See [b](b.md), [its reason](b.md#why), [all answers](/answers/) and"
                        + " [the notes](notes.txt)."),
                answer("b", "Why b?", "", "## Why {#why}\n\nText."),
                "-- content/answers/notes.txt --\nnotes\n");
        assertEquals(List.of(), findings());
        assertEquals(List.of(LinkTarget.page(answerKey("b"), null), LinkTarget.page(answerKey("b"), "why"),
                LinkTarget.sitePath("answers/", null), LinkTarget.asset("assets/content/answers/notes.txt")),
                graph.linkTargets().get(answerKey("a")));
        assertEquals(List.of("/answers/b/", "/answers/b/#why", "/answers/", "/assets/content/answers/notes.txt"),
                graph.linkTargets().get(answerKey("a")).stream().map(t -> t.url(graph.urls(), false)).toList());
    }

    @Test
    void aLinkToAMissingPageIsAnErrorAtTheLink() {
        TestSites.write(root, TestSites.SITE_YML + answer("a", "Why a?", "", "See [gone](gone.md)."));
        diagnostics = new Diagnostics();
        new Answersite().load(TestSites.request(root), diagnostics, new StageTimes());
        assertEquals(List.of("content/answers/a.md:9:5: error: link target 'gone.md' does not exist (no page at"
                + " content/answers/gone.md); link to the .md file of an existing page, or use a typed reference such"
                + " as guide:id [link-target]"), findings());
    }

    @Test
    void relatedItemsKeepTheOrderWrittenWithTheirNotesAndAnchors() {
        ContentGraph graph = graph(
                answer("a", "Why a?", """
                        related:
                          - answer:c
                          - ref: answer:b#why
                            note: The reason.
                        """, "Text."),
                answer("b", "Why b?", "", "## Why {#why}\n\nText."),
                answer("c", "Why c?", "", "Text."));
        List<ResolvedRelated> related = graph.related().get(answerKey("a"));
        assertEquals(List.of(answerKey("c"), answerKey("b")), related.stream().map(ResolvedRelated::target).toList());
        assertEquals(List.of("", "why"), related.stream().map(r -> r.anchor() == null ? "" : r.anchor()).toList());
        assertEquals(List.of("", "The reason."), related.stream().map(r -> r.note() == null ? "" : r.note()).toList());
    }

    @Test
    void aTopicsMembersAreThePagesOfItsLanguageThatNameItSortedByKindThenId() {
        ContentGraph graph = graph(
                answer("b", "Why b?", "", "Text."),
                answer("a", "Why a?", "", "Text."),
                page("checklists/launch.md", "title: Launch\ndescription: Before launch.\ndate: 2026-01-01\n"
                        + "topic: network", "- [ ] One"),
                A_IN_CHINESE);
        PageKey topic = new PageKey(Kind.TOPIC, "network", "en");
        assertEquals(List.of(answerKey("a"), answerKey("b"), new PageKey(Kind.CHECKLIST, "launch", "en")),
                graph.topicMembers().get(topic));
        assertEquals(Map.of("network", List.of(answerKey("a"), answerKey("b"))), graph.answersByTopic("en"));
    }

    @Test
    void aTranslationIsPreferredInItsLanguageAndTheDefaultLanguagePageElsewhere() {
        ContentGraph graph = graph(
                answer("a", "Why a?", "", "Text."),
                answer("b", "Why b?", "", "Text."),
                A_IN_CHINESE);
        assertEquals(Optional.of(new PageKey(Kind.ANSWER, "a", "zh-CN")), graph.preferred(Kind.ANSWER, "a", "zh-CN"));
        assertEquals(Optional.of(answerKey("b")), graph.preferred(Kind.ANSWER, "b", "zh-CN"));
        assertEquals(Optional.empty(), graph.preferred(Kind.ANSWER, "c", "zh-CN"));
        assertEquals(List.of("en", "zh-CN"), graph.languagesOf(answerKey("a")));
        assertEquals(List.of("en"), graph.languagesOf(answerKey("b")));
    }

    @Test
    void moreAnswersAreOtherAnswersOfTheSiteNeverThePageItself() {
        ContentGraph graph = graph(
                answer("a", "Why a?", "tags: [limits]", "Text."),
                answer("b", "Why b?", "tags: [limits]", "Text."),
                answer("c", "Why c?", "", "Text."));
        for (String id : List.of("a", "b", "c")) {
            List<PageKey> more = graph.moreAnswers().getOrDefault(answerKey(id), List.of());
            assertEquals(false, more.contains(answerKey(id)), id);
            assertEquals(more.stream().distinct().toList(), more, id);
        }
        assertEquals(answerKey("b"), graph.moreAnswers().get(answerKey("a")).get(0), "the answer sharing a tag first");
    }

    @Test
    void draftsAndFutureDatedPagesAreHeldBackWithTheReason() {
        ContentGraph graph = graph(
                answer("a", "Why a?", "", "Text."),
                answer("draft", "Why draft?", "draft: true", "Text."),
                page("answers/later.md", "title: Why later?\ndescription: Later.\ndate: 2027-01-01\ntopic: network\n"
                        + "answer: Because.", "Text."));
        assertEquals(List.of(new HeldBack(answerKey("draft"), "content/answers/draft.md", "draft"),
                new HeldBack(answerKey("later"), "content/answers/later.md", "scheduled for 2027-01-01")),
                graph.heldBack());
        assertEquals(List.of(answerKey("a")), graph.pagesOf(Kind.ANSWER, "en").map(p -> p.key()).toList());
    }

    /**
     * A site with every kind of edge the build cache keeps: two links to one anchor, a list page, a content
     * file, a related item with {@code note}, shared tags, a draft and a translation.
     */
    private ContentGraph edgesSite(String note) {
        return graph(
                answer("a", "Why a?", "tags: [limits]\nrelated:\n  - ref: answer:b#why\n    note: " + note,
                        "See [b](b.md#why), [again](b.md#why), [all answers](/answers/) and [the notes](notes.txt)."),
                answer("b", "Why b?", "tags: [limits]", "## Why {#why}\n\nText."),
                answer("draft", "Why draft?", "draft: true", "Text."),
                A_IN_CHINESE,
                "-- content/answers/notes.txt --\nnotes\n");
    }

    @Test
    void theEdgesTheBuildCacheKeepsReadBackEqualAndTheSameGraphGivesTheSameBytes() {
        ContentGraph graph = edgesSite("The reason.");
        assertEquals(List.of(), findings());
        GraphEdges edges = GraphEdges.of(graph);
        byte[] bytes = edges.bytes(graph.pages());

        GraphEdges read = GraphEdges.decode(bytes, graph.pages());
        assertEquals(edges, read);
        PageKey b = read.linkTargets().get(answerKey("a")).get(0).page();
        assertSame(graph.pages().get(answerKey("b")).key(), b, "a key is the instance the pages hold");
        assertSame(read.linkTargets().get(answerKey("a")).get(0), read.linkTargets().get(answerKey("a")).get(1),
                "one object for the links to one target");
        assertEquals(graph.linkTargets(), read.linkTargets());
        assertEquals(graph.related(), read.related());
        assertEquals(graph.moreAnswers(), read.moreAnswers());
        assertEquals(graph.topicMembers(), read.topicMembers());
        assertEquals(graph.heldBack(), read.heldBack());
        assertEquals(java.util.Set.of("assets/content/answers/notes.txt"), read.linkedFiles());
        ContentGraph second = edgesSite("The reason.");
        assertArrayEquals(bytes, GraphEdges.of(second).bytes(second.pages()), "a second graph of the same files");

        ContentGraph renoted = edgesSite("Another reason.");
        assertEquals(List.of("Another reason."), GraphEdges.decode(bytes, renoted.pages()).related()
                .get(answerKey("a")).stream().map(ResolvedRelated::note).toList(), "a note is the answer's as it is now");

        assertTrue(read.linkedFilesExist(root.resolve("content")));
        assertTrue(read.linkedFilesExist(null), "no folder: nothing to check, as the resolver");
        assertEquals(false, read.linkedFilesExist(root.resolve("elsewhere")));
        assertThrows(IllegalArgumentException.class,
                () -> GraphEdges.decode(Arrays.copyOf(bytes, bytes.length - 1), graph.pages()));
        assertThrows(IllegalArgumentException.class, () -> GraphEdges.decode(new byte[] {1, 2, 3}, graph.pages()));
        java.util.Map<PageKey, io.answersite.content.Page> withoutA = new java.util.HashMap<>(graph.pages());
        withoutA.remove(answerKey("a"));
        assertThrows(IllegalArgumentException.class, () -> GraphEdges.decode(bytes, withoutA),
                "a related item is read from its answer as it is now: no answer, no edges");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(IllegalArgumentException.class, () -> GraphEdges.decode(longer, graph.pages()));
    }

    @Test
    void aliasesAreSafeFoldersInsideTheSite() {
        assertEquals(Optional.of("old/path/"), UrlScheme.aliasFolder("/old/path/"));
        assertEquals(Optional.of("old/path/"), UrlScheme.aliasFolder("/old/path"));
        assertEquals(Optional.of("旧/页面/"), UrlScheme.aliasFolder("/旧/页面/"));
        for (String bad : new String[] {"/", "relative", "//host/x", "/a/../b", "/a/./b", "/a//b", "/a?b", "/a#b",
                "/a\\b", "/a b"}) {
            assertEquals(Optional.empty(), UrlScheme.aliasFolder(bad), bad);
        }
    }
}
