package io.answersite.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import io.answersite.content.LoadCache;
import io.answersite.diagnostic.Diagnostic;
import io.answersite.render.RenderCache;
import io.answersite.render.SiteRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links inside snippets ({@code content/_snippets/}, shown on every answer page) resolve like a
 * page's own links: a relative {@code .md} path from the snippet's file, a typed reference in the
 * language of the page that shows the snippet, anchors checked; a broken one is reported at the
 * snippet's file.
 */
class SnippetLinksTest {

    @TempDir
    Path root;

    private static final String ANSWER = """
            description: Why it fails.
            date: 2026-02-01
            topic: network
            answer: Because.
            ---
            """;

    private static final String GUIDES = """
            -- content/answers/a.md --
            ---
            title: Why?
            """ + ANSWER + """
            -- content/answers/b.zh-CN.md --
            ---
            title: 为什么?
            """ + ANSWER + """
            -- content/guides/network-troubleshooting.md --
            ---
            title: Network troubleshooting
            description: Step by step.
            date: 2026-02-01
            topic: network
            ---

            ## DNS {#dns}

            Look up the name.
            -- content/guides/network-troubleshooting.zh-CN.md --
            ---
            title: 网络排查
            description: 逐步排查。
            date: 2026-02-01
            topic: network
            ---

            ## 域名解析 {#dns}

            查询域名。
            """;

    private List<String> build(String files) {
        TestSites.write(root, TestSites.SITE_YML + files);
        return new Answersite().build(TestSites.request(root)).diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void snippetLinksByPathAndTypedReferenceGetTheTargetsUrls() {
        List<String> findings = build("""
                -- content/_snippets/handoff.md --
                Before you hand off, read [the guide](../guides/network-troubleshooting.md) and
                [its DNS steps](guide:network-troubleshooting#dns); the [list](/answers/) stays as written.
                """ + GUIDES);
        assertEquals(List.of(), findings);
        String html = TestSites.read(root.resolve("target/site/answers/a/index.html"));
        assertTrue(html.contains("<p>Before you hand off, read <a href=\"/guides/network-troubleshooting/\">the"
                + " guide</a> and\n<a href=\"/guides/network-troubleshooting/#dns\">its DNS steps</a>; the"
                + " <a href=\"/answers/\">list</a> stays as written.</p>"), html);
    }

    @Test
    void aSnippetShownInAnotherLanguageLinksTypedReferencesToThatLanguagesPage() {
        List<String> findings = build("""
                -- content/_snippets/handoff.md --
                Read [the guide](../guides/network-troubleshooting.md) and
                [its DNS steps](guide:network-troubleshooting#dns).
                """ + GUIDES);
        assertEquals(List.of(), findings);
        String html = TestSites.read(root.resolve("target/site/zh-cn/answers/b/index.html"));
        assertTrue(html.contains("<p>Read <a href=\"/guides/network-troubleshooting/\">the guide</a> and\n"
                + "<a href=\"/zh-cn/guides/network-troubleshooting/#dns\">its DNS steps</a>.</p>"), html);
    }

    @Test
    void reportsBrokenSnippetLinksOnceAtTheSnippetsFile() {
        assertEquals(List.of(
                        "content/_snippets/handoff.md:2:1: error: link target '../guides/missing.md' does not exist"
                                + " (no page at content/guides/missing.md); link to the .md file of an existing page,"
                                + " or use a typed reference such as guide:id [link-target]",
                        "content/_snippets/handoff.md:3:5: error: 'guide:network-troubleshooting#dsn' points to"
                                + " '#dsn', which content/guides/network-troubleshooting.md does not have; did you mean"
                                + " 'dns'? [link-anchor]",
                        "content/_snippets/handoff.md:4:1: error: 'guide:network-trouble' names no guide page; known"
                                + " guide ids: network-troubleshooting [link-target]",
                        "content/_snippets/review-safety.zh-CN.md:1:3: error: '../answers/a.md#faq' points to '#faq',"
                                + " which content/answers/a.md does not have (an answer shows #faq only when it has"
                                + " content for that section) [link-anchor]",
                        "content/_snippets/review-safety.zh-CN.md:2:1: error: 'https://example.com:port/' is not a"
                                + " valid URL (no host); encode spaces as %20 and check the host [link-external]"),
                build("""
                        -- content/_snippets/handoff.md --
                        Read the guide first.
                        [Gone](../guides/missing.md), and
                        see [the DNS steps](guide:network-troubleshooting#dsn).
                        [Network](guide:network-trouble)
                        -- content/_snippets/review-safety.zh-CN.md --
                        见 [常见问题](../answers/a.md#faq)。
                        [链接](https://example.com:port/)
                        """ + GUIDES));
    }

    @Test
    void theEditedAnswerShownAheadInThePreviewKeepsTheSnippetsLinks() {
        TestSites.write(root, TestSites.SITE_YML + """
                -- content/_snippets/handoff.md --
                Read [its DNS steps](guide:network-troubleshooting#dns).
                """ + GUIDES);
        Answersite answersite = new Answersite();
        LoadCache loads = new LoadCache();
        Answersite.Preview first = answersite.preview(TestSites.request(root), loads, new RenderCache());
        assertEquals(List.of(), first.result().diagnostics());
        TestSites.write(root, """
                -- content/answers/a.md --
                ---
                title: Why?
                """ + ANSWER.replace("answer: Because.", "answer: Because of DNS."));
        Optional<SiteRenderer.RenderedPage> ahead = answersite.editedPage(TestSites.request(root),
                first.sources().orElseThrow(), loads, root.resolve("content/answers/a.md"));
        String html = new String(ahead.orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertTrue(html.contains("Because of DNS."), html);
        assertTrue(html.contains("<p>Read <a href=\"/guides/network-troubleshooting/#dns\">its DNS steps</a>.</p>"),
                html);
    }
}
