package io.answersite.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.SourcePos;
import io.answersite.source.SourceText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private MarkdownDoc render(String body) {
        String file = "---\ntitle: t\n---\n" + body;
        return renderer.render(new SourceText("content/guides/g.md", file), body, file.length() - body.length(),
                new Diagnostics()).orElseThrow();
    }

    @Test
    void rendersADocumentThatHoldsTheTextPlaceholderCharacterAsWritten() {
        assertEquals("<p>Plain words here.</p>\n<p>A private character \uE000 and \uE000 too, then more words.</p>\n",
                render("Plain words here.\n\nA private character \uE000 and &#xE000; too, then more words.\n").html());
    }

    @Test
    void internalLinksBecomeSlotsWithTheirFilePositions() {
        MarkdownDoc doc = render("Intro.\n\nSee [guide](../guides/x.md#dns) and [term](glossary:cors), not [web](https://example.com).\n");
        assertEquals(List.of("../guides/x.md#dns", "glossary:cors"), doc.links().stream().map(LinkRef::destination).toList());
        assertEquals("content/guides/g.md:6:5", doc.links().get(0).pos().toString());
        assertEquals("content/guides/g.md:6:37", doc.links().get(1).pos().toString());
        String html = doc.fill(slot -> "/resolved/" + slot + "/");
        assertTrue(html.contains("<a href=\"/resolved/0/\">guide</a>"), html);
        assertTrue(html.contains("<a href=\"/resolved/1/\">term</a>"), html);
        assertTrue(html.contains("<a href=\"https://example.com\">web</a>"), html);
    }

    @Test
    void markdownTwinHasAbsoluteLinksAndNoIdMarkers() {
        MarkdownDoc doc = render("## DNS {#dns}\n\nSee [guide](../guides/x.md#dns \"Title\") and [term](glossary:cors).\n\n"
                + "- [ ] Check {#check}\n");
        assertEquals("## DNS\n\nSee [guide](https://a.example/0/ \"Title\") and [term](https://a.example/1/).\n\n"
                + "- [ ] Check", doc.markdown(slot -> "https://a.example/" + slot + "/"));
    }

    @Test
    void slotMarkerNeverMatchesTextThatLooksLikeIt() {
        MarkdownDoc doc = render("The text answersite-slot0- stays. [a](answer:x)\n");
        String html = doc.fill(slot -> "/a/");
        assertTrue(html.contains("The text answersite-slot0- stays."), html);
        assertTrue(html.contains("href=\"/a/\""), html);
    }

    @Test
    void slotMarkerSpelledWithEntitiesStaysText() {
        MarkdownDoc doc = render("[a](answer:x) answersite&#45;slot-0- and &#97;nswersite-slot-9x-\n");
        assertEquals("<p><a href=\"/a/\">a</a> answersite-slot-0- and answersite-slot-9x-</p>\n",
                doc.fill(slot -> "/a/"));
    }

    @Test
    void fillLeavesTextThatOnlyLooksLikeASlot() {
        MarkdownDoc doc = new MarkdownDoc("<a href=\"s-0-\">a</a> s-x s-7- s-", "s-", List.of(), List.of(
                new LinkRef(0, "answer:x", new SourcePos("content/guides/g.md", 4, 1), LinkRef.Target.PAGE)),
                List.of(), List.of(), "", List.of(), List.of(), List.of());
        assertEquals("<a href=\"/a/\">a</a> s-x s-7- s-", doc.fill(slot -> "/a/"));
    }

    @Test
    void aBodyNestedTooDeeplyForTheParserIsReportedAtItsDeepestLine() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("> ".repeat(20_000) + "x\n", "content/guides/g.md:4:1");
        bodies.put("Intro.\n\n- a\n" + "1. ".repeat(5_000) + "x\n\nMore.\n", "content/guides/g.md:7:1");
        bodies.put("Intro.\n\n" + "- ".repeat(20_000) + "\n", "content/guides/g.md:6:1");
        bodies.put("*".repeat(30_000) + "\n", "content/guides/g.md:4:1");
        bodies.forEach((body, pos) -> {
            String file = "---\ntitle: t\n---\n" + body;
            Diagnostics diagnostics = new Diagnostics();
            assertTrue(renderer.render(new SourceText("content/guides/g.md", file), body, file.length() - body.length(),
                    diagnostics).isEmpty());
            assertEquals(List.of(pos + ": error: the Markdown is nested too deeply (or has a line of thousands of"
                    + " repeated marks) for the Markdown parser; keep block quotes and lists to a few levels and break"
                    + " up the long line [markdown-nesting]"), diagnostics.sorted().stream().map(d -> d.format()).toList());
        });
    }

    @Test
    void theDeepestLineIsTheOneOpeningTheMostQuotesAndLists() {
        assertEquals(0, DeepNesting.of("Plain.\n\nText.\n"));
        assertEquals(10, DeepNesting.of("- a\n  - b\n    - > 1. c\n- d\n"));
        assertEquals(8, DeepNesting.of("Intro.\n\n" + "* ".repeat(50) + "\n" + "> ".repeat(40) + "\n"));
    }

    @Test
    void headingsGetExplicitOrSluggedUniqueIds() {
        MarkdownDoc doc = render("## DNS 解析失败 {#dns}\n\n## CORS 跨域\n\n## CORS 跨域\n");
        assertEquals(List.of("dns", "cors-跨域", "cors-跨域-2"), doc.headings().stream().map(Heading::id).toList());
        assertEquals("DNS 解析失败", doc.headings().get(0).text());
        assertTrue(doc.html().contains("<h2 id=\"dns\">DNS 解析失败</h2>"), doc.html());
    }

    @Test
    void checklistItemsAreGroupedUnderTheirH2WithStableIds() {
        MarkdownDoc doc = render("## Browser {#browser}\n\n- [ ] Open the console {#console}\n- [x] Check the URL\n\n"
                + "## DNS\n\n- [ ] Resolve the host\n");
        assertEquals(2, doc.checklistGroups().size());
        assertEquals("browser", doc.checklistGroups().get(0).id());
        assertEquals(List.of("console", "browser-check-the-url"),
                doc.checklistGroups().get(0).items().stream().map(ChecklistGroup.ChecklistItem::id).toList());
        assertEquals("Open the console", doc.checklistGroups().get(0).items().get(0).text());
        assertEquals(List.of("dns-resolve-the-host"),
                doc.checklistGroups().get(1).items().stream().map(ChecklistGroup.ChecklistItem::id).toList());
        assertTrue(doc.html().contains("<li class=\"task-list-item\" id=\"console\">"), doc.html());
        assertFalse(doc.html().contains("{#console}"));
    }

    @Test
    void rawHtmlInMarkdownIsEscaped() {
        MarkdownDoc doc = render("<script>alert(1)</script>\n\nText <b>bold</b>\n");
        assertFalse(doc.html().contains("<script>"), doc.html());
        assertFalse(doc.html().contains("<b>"), doc.html());
        assertTrue(doc.html().contains("&lt;script&gt;"), doc.html());
    }

    @Test
    void referenceLinksTakeTheSlotOfTheirDefinitionAtItsPosition() {
        MarkdownDoc doc = render("See [the launch list][launch], [again][launch] and ![flow][img].\n\n"
                + "[launch]: ../checklists/launch.md#keys\n[img]: img/flow.svg \"Flow\"\n[web]: https://example.com\n"
                + "[unused]: guide:gone\n");
        assertEquals(List.of("../checklists/launch.md#keys PAGE content/guides/g.md:6:1",
                        "img/flow.svg FILE content/guides/g.md:7:1", "guide:gone PAGE content/guides/g.md:9:1"),
                doc.links().stream().map(l -> l.destination() + " " + l.target() + " " + l.pos()).toList());
        assertEquals(List.of("https://example.com content/guides/g.md:8:1"),
                doc.externalLinks().stream().map(l -> l.destination() + " " + l.pos()).toList());
        String html = doc.fill(slot -> "/resolved/" + slot + "/");
        assertTrue(html.contains("<a href=\"/resolved/0/\">the launch list</a>, <a href=\"/resolved/0/\">again</a>"),
                html);
        assertTrue(html.contains("<img src=\"/resolved/1/\" alt=\"flow\" title=\"Flow\" />"), html);
        assertFalse(html.contains("launch.md"), html);
    }

    @Test
    void markdownTwinRewritesReferenceDefinitionsAndEveryRepeatedLink() {
        MarkdownDoc doc = render("[a](x.md) and [b](x.md), [c][r].\n\n[r]: <x.md> \"T\"\n");
        assertEquals(List.of("content/guides/g.md:4:1", "content/guides/g.md:4:15", "content/guides/g.md:6:1"),
                doc.links().stream().map(l -> l.pos().toString()).toList());
        assertEquals("[a](https://a.example/0/) and [b](https://a.example/1/), [c][r].\n\n[r]: <https://a.example/2/> \"T\"",
                doc.markdown(slot -> "https://a.example/" + slot + "/"));
    }

    @Test
    void imagesWithoutAltAreFoundThroughReferencesToo() {
        MarkdownDoc doc = render("![](a.png) and ![][pic]\n\n[pic]: b.png\n");
        assertEquals(List.of("a.png content/guides/g.md:4:1", "b.png content/guides/g.md:4:16"),
                doc.imagesWithoutAlt().stream().map(l -> l.destination() + " " + l.pos()).toList());
    }

    @Test
    void pagesFilesAndSitePathsAreInternalButUrlsAndLocalAnchorsAreNot() {
        assertTrue(MarkdownRenderer.isInternal("../guides/x.md"));
        assertTrue(MarkdownRenderer.isInternal("x.md#anchor"));
        assertTrue(MarkdownRenderer.isInternal("hub:"));
        assertTrue(MarkdownRenderer.isInternal("/answers/x/#faq"));
        assertEquals(LinkRef.Target.SITE, MarkdownRenderer.target("/llms.txt"));
        assertFalse(MarkdownRenderer.isInternal("https://example.com/x.md"));
        assertFalse(MarkdownRenderer.isInternal("//example.com/x/"));
        assertFalse(MarkdownRenderer.isInternal("#local"));
        assertFalse(MarkdownRenderer.isInternal("mailto:a@example.com"));
    }

    @Test
    void aBodyWithAPipeGetsItsTablesAndOneWithoutKeepsTaskListsStrikethroughAndAutolinks() {
        String table = render("Codes:\n\n| code | meaning |\n| --- | --- |\n| 502 | bad gateway |\n").html();
        assertTrue(table.contains("<table class=\"table\">"), table);
        assertTrue(table.contains("<td>bad gateway</td>"), table);
        String other = render("- [ ] check DNS\n- [x] check ~~TLS~~ at https://status.example.com\n").html();
        assertTrue(other.contains("class=\"task-list-item-checkbox\">check DNS</li>"), other);
        assertTrue(other.contains("<del>TLS</del>"), other);
        assertTrue(other.contains("<a href=\"https://status.example.com\">https://status.example.com</a>"), other);
    }
}
