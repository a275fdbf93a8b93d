package io.answersite.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.SourcePos;
import io.answersite.markdown.MarkdownRenderer;
import io.answersite.source.FrontMatter;
import io.answersite.source.SourceText;
import io.answersite.source.YamlDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageStructureTest {

    private static final String ANSWER = String.join("\n",
            "---",
            "title: \"Why does my API call fail with a 504?\"",
            "description: \"A gateway timed out waiting for the upstream.\"",
            "date: 2026-01-01",
            "topic: gateways",
            "tags: [timeouts]",
            "answer: >-",
            "  The gateway gave up waiting: raise its timeout.",
            "basis:",
            "  - \"A 504 comes from the proxy, not the API.\"",
            "next_steps:",
            "  - \"Check the **proxy's** read timeout.\"",
            "faq:",
            "  - q: \"Is a 504 my fault?\"",
            "    a: \"Usually not.\"",
            "related:",
            "  - ref: guide:timeouts#s1",
            "    note: \"Timeouts, step by step.\"",
            "---",
            "",
            "## What happened",
            "",
            "The call went through a gateway; see [the guide](../guides/timeouts.md#s1).",
            "");

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void anAnswerWhoseOwnTextsChangedKeepsItsStructure() {
        Page before = answer(ANSWER);

        assertTrue(same(before, edit("The gateway gave up waiting: raise its timeout.", "先看 Retry-After。再重试。")),
                "the short answer");
        assertTrue(same(before, edit("A 504 comes from the proxy, not the API.", "It is the proxy's 504.")), "a basis item");
        assertTrue(same(before, edit("Usually not.", "Usually not: retry later.")), "a FAQ answer");
        assertTrue(same(before, edit("Timeouts, step by step.", "Read this first.")), "a related note");
        assertTrue(same(before, edit("The call went through a gateway", "The call, it seems, went through a gateway")),
                "the body's text");
    }

    @Test
    void positionsThatMoveWithATextAboveThemDoNotCount() {
        Page before = answer(ANSWER);
        // a comment line more in the front matter: every key and link below it is a line further down
        Page after = answer(edit("basis:", "# reviewed in January\nbasis:"));

        assertFalse(before.equals(after));
        assertTrue(PageStructure.same(before, after));
    }

    @Test
    void whatTheGraphReadsIsStructure() {
        Page before = answer(ANSWER);

        assertFalse(same(before, edit("Why does my API call fail with a 504?", "Why a 504?")), "the title");
        assertFalse(same(before, edit("A gateway timed out waiting for the upstream.", "Timed out.")), "the description");
        assertFalse(same(before, edit("[timeouts]", "[timeouts, gateways]")), "the tags");
        assertFalse(same(before, edit("topic: gateways", "topic: networks")), "the topic");
        assertFalse(same(before, edit("2026-01-01", "2026-01-02")), "the date");
        assertFalse(same(before, edit("    a: \"Usually not.\"", "    a: \"Usually not.\"\n  - q: \"Why?\"\n    a: \"See.\"")),
                "how many FAQ items there are (each has an anchor)");
        assertFalse(same(before, edit("guide:timeouts#s1", "guide:timeouts#s2")), "a related item");
        assertFalse(same(before, edit("(../guides/timeouts.md#s1)", "(../guides/timeouts.md#s2)")), "a link's target");
        assertFalse(same(before, edit("## What happened", "## What happened {#cause}")), "an anchor");
        assertFalse(same(before, edit("basis:\n  - \"A 504 comes from the proxy, not the API.\"", "basis: []")),
                "the basis emptied (its section and anchor go)");
    }

    @Test
    void pagesOfAnotherKindOrFileOrNoPageAtAllAreNotTheSame() {
        Page before = answer(ANSWER);

        assertFalse(PageStructure.same(before, null));
        assertFalse(PageStructure.same(null, before));
        assertFalse(PageStructure.same(before, new Page.Guide(before.key(), before.sourcePath(), before.idPos(),
                before.common(), before.body())));
        assertTrue(PageStructure.same(before, answer(ANSWER)), "the same file read twice");
    }

    @Test
    void positionsAnywhereInARecordAreIgnoredAndNothingElse() {
        assertTrue(PageStructure.equalIgnoringPositions(new Located<>("x", SourcePos.startOf("a.md")),
                new Located<>("x", SourcePos.startOf("b.md"))));
        assertFalse(PageStructure.equalIgnoringPositions(new Located<>("x", null), new Located<>("y", null)));
        assertFalse(PageStructure.equalIgnoringPositions(List.of("a", "b"), List.of("a")));
        assertTrue(PageStructure.equalIgnoringPositions(List.of(), List.of()));
    }

    private boolean same(Page before, String afterText) {
        return PageStructure.same(before, answer(afterText));
    }

    private static String edit(String from, String to) {
        if (!ANSWER.contains(from)) {
            throw new IllegalArgumentException("not in the page: " + from);
        }
        return ANSWER.replace(from, to);
    }

    private Page answer(String text) {
        Diagnostics diagnostics = new Diagnostics();
        SourceText source = new SourceText("content/answers/gateway-504.md", text);
        Page page = FrontMatter.split(source, PageBuilder.needs(Kind.ANSWER), diagnostics).flatMap(split ->
                        YamlDocument.parse(new YAMLFactory(), source.path(), split.yaml(), split.yamlFirstLine(), diagnostics)
                                .flatMap(document -> new PageBuilder(markdown).build(source, split, document, Kind.ANSWER,
                                        "gateway-504", "en", diagnostics)))
                .orElseThrow(() -> new AssertionError(diagnostics.sorted().toString()));
        assertEquals(List.of(), diagnostics.sorted().stream().filter(d -> d.severity().name().equals("ERROR")).toList());
        return page;
    }
}
