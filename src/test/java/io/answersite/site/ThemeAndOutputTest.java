package io.answersite.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import io.answersite.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example site (examples/minimal-site: no templates of its own) built with the built-in theme,
 * overrides of templates, strings and static files, template errors, and what a failed build keeps.
 */
class ThemeAndOutputTest {

    @TempDir
    Path root;

    private Path copyOfExampleSite() {
        return TestSites.exampleSite(root);
    }

    private BuildResult build() {
        return new Answersite().build(TestSites.request(root));
    }

    @Test
    void exampleSiteWithoutTemplatesBuildsWithTheBuiltInTheme() throws IOException {
        copyOfExampleSite();
        assertFalse(Files.exists(root.resolve("templates")));
        BuildResult result = build();
        assertEquals(List.of(), result.diagnostics());
        Path site = root.resolve("target/site");
        Document answer = Jsoup.parse(TestSites.read(site.resolve("answers/rate-limits/index.html")));
        assertEquals("What does HTTP 429 mean?", answer.selectFirst("h1").text());
        assertEquals("The short answer", answer.selectFirst("#answer h2").text());
        assertEquals("/answers/api-key-storage/", answer.selectFirst(".body a").attr("href"));
        assertEquals(List.of("/glossary/api-key/", "/answers/api-key-storage/", "/checklists/launch/"),
                answer.select("#related a.card-title").eachAttr("href"));
        assertTrue(Files.isRegularFile(site.resolve("assets/answersite.css")), "built-in static files are copied");
        assertEquals(5, result.pages().count("list", "en"));
        assertEquals(1, result.pages().count("hub", "en"));
    }

    @Test
    void siteTemplatesStringsAndStaticFilesOverrideTheBuiltInOnes() throws IOException {
        copyOfExampleSite();
        TestSites.write(root, """
                -- templates/partials/byline.peb --
                <p class="byline custom">Written by {{ byline.authorName }}</p>
                -- templates/i18n/en.yml --
                answer_direct: In one paragraph
                -- site/static/assets/answersite.css --
                body { color: teal; }
                -- site/static/robots-extra.txt --
                extra
                """);
        BuildResult result = build();
        assertEquals(List.of(), result.diagnostics());
        Path site = root.resolve("target/site");
        Document answer = Jsoup.parse(TestSites.read(site.resolve("answers/rate-limits/index.html")));
        assertEquals("Written by Example Docs Team", answer.selectFirst("p.byline.custom").text());
        assertEquals("In one paragraph", answer.selectFirst("#answer h2").text());
        assertEquals("What to do next", answer.selectFirst("#next-steps h2").text(), "other strings stay built-in");
        assertEquals("body { color: teal; }\n", TestSites.read(site.resolve("assets/answersite.css")));
        assertEquals("extra\n", TestSites.read(site.resolve("robots-extra.txt")));
    }

    @Test
    void templateErrorNamesTheTemplateFileAndLine() throws IOException {
        copyOfExampleSite();
        TestSites.write(root, """
                -- templates/partials/topic.peb --
                <p>
                {{ topic.nmae }}
                </p>
                """);
        BuildResult result = build();
        assertEquals(List.of("templates/partials/topic.peb:2: error: Attribute [nmae] of [Card] does not exist or can"
                + " not be accessed and strict variables is set to true. [template]"),
                result.diagnostics().stream().map(Diagnostic::format).toList());
        assertFalse(result.written());
    }

    @Test
    void templateSyntaxErrorIsReportedNotThrown() throws IOException {
        copyOfExampleSite();
        TestSites.write(root, """
                -- templates/list.peb --
                {% extends "layout" %}
                {% block content %}
                {% for item in page.items %}
                {% endblock %}
                """);
        BuildResult result = build();
        assertTrue(result.failed());
        Diagnostic first = result.diagnostics().get(0);
        assertEquals("templates/list.peb", first.pos().path());
        assertEquals("template", first.ruleId());
    }

    @Test
    void failedBuildLeavesThePreviousOutputUntouched() throws IOException {
        copyOfExampleSite();
        assertFalse(build().failed());
        Map<String, byte[]> before = TestSites.snapshot(root.resolve("target/site"));
        assertFalse(before.isEmpty());

        TestSites.write(root, """
                -- content/answers/rate-limits.md --
                ---
                title: What does HTTP 429 mean?
                date: not-a-date
                ---
                """);
        BuildResult failed = build();
        assertTrue(failed.failed());
        assertFalse(failed.written());

        Map<String, byte[]> after = TestSites.snapshot(root.resolve("target/site"));
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
        try (Stream<Path> leftovers = Files.list(root.resolve("target"))) {
            assertEquals(List.of(".site.lock", "site"), leftovers.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging folder is left behind (the lock file stays)");
        }
    }

    @Test
    void aSecondBuildWithNoChangeWritesNoFileAndAChangeWritesOnlyWhatChanged() throws IOException {
        copyOfExampleSite();
        BuildResult first = build();
        assertTrue(first.changedFiles() > 20, "the first build writes everything: " + first.changedFiles());
        Path css = root.resolve("target/site/assets/answersite.css");
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(css);

        BuildResult again = build();
        assertEquals(0, again.changedFiles(), "nothing changed, nothing written");
        assertEquals(before, Files.getLastModifiedTime(css));

        Path glossary = root.resolve("content/glossary/api-key.md");
        Files.writeString(glossary, Files.readString(glossary).replace("identifies the caller", "names the caller"));
        BuildResult changed = build();
        assertTrue(changed.changedFiles() > 0 && changed.changedFiles() < 20, "changed " + changed.changedFiles());
        assertTrue(TestSites.read(root.resolve("target/site/glossary/api-key/index.html")).contains("names the caller"));
        assertEquals(before, Files.getLastModifiedTime(css), "an unchanged file is not rewritten");
    }

    @Test
    void successfulBuildReplacesTheOutputAndDropsStaleFiles() throws IOException {
        copyOfExampleSite();
        Files.createDirectories(root.resolve("target/site/old"));
        Files.writeString(root.resolve("target/site/old/stale.html"), "stale");
        assertFalse(build().failed());
        assertFalse(Files.exists(root.resolve("target/site/old/stale.html")));
        assertTrue(Files.exists(root.resolve("target/site/index.html")));
    }

    @Test
    void draftsAndFuturePagesAreHeldBackAndLinksToThemAreErrors() throws IOException {
        copyOfExampleSite();
        TestSites.write(root, """
                -- content/answers/draft-answer.md --
                ---
                title: Not yet?
                description: Draft.
                date: 2026-01-01
                topic: api-basics
                draft: true
                answer: Soon.
                ---
                -- content/answers/scheduled.md --
                ---
                title: Later?
                description: Scheduled.
                date: 2027-01-01
                topic: api-basics
                answer: Later.
                ---
                """);
        BuildResult result = build();
        assertEquals(List.of(), result.diagnostics());
        assertEquals(List.of("content/answers/draft-answer.md: draft", "content/answers/scheduled.md: scheduled for 2027-01-01"),
                result.heldBack().stream().map(h -> h.sourcePath() + ": " + h.reason()).toList());
        assertFalse(Files.exists(root.resolve("target/site/answers/draft-answer/index.html")));

        TestSites.write(root, """
                -- content/answers/api-key-storage.md --
                ---
                title: Where should I keep my API key?
                description: Keep API keys on the server.
                date: 2026-01-11
                topic: api-basics
                answer: On the server.
                related: [answer:draft-answer, checklist:launch, glossary:api-key]
                basis: [Browsers show everything they run.]
                next_steps: [Move the key to the server.]
                ---
                """);
        assertEquals(List.of("content/answers/api-key-storage.md:7:11: error: 'answer:draft-answer' is a draft or"
                        + " scheduled page and will not be published; publish it or remove the link [link-draft]"),
                build().diagnostics().stream().map(Diagnostic::format).toList());

        BuildResult withDrafts = new Answersite().build(TestSites.request(root).withIncludeDrafts(true));
        assertEquals(0, withDrafts.errorCount(), () -> withDrafts.diagnostics().toString());
        assertTrue(Files.exists(root.resolve("target/site/answers/draft-answer/index.html")));
    }

    @Test
    void aliasesWriteRedirectsInsideTheSite() throws IOException {
        copyOfExampleSite();
        TestSites.write(root, """
                -- content/glossary/api-key.md --
                ---
                title: API key
                description: A secret string.
                date: 2026-01-10
                aliases: [/terms/key/, /old/api-key]
                definition: A secret string sent with each request.
                ---
                """);
        assertEquals(List.of(), build().diagnostics());
        Document redirect = Jsoup.parse(TestSites.read(root.resolve("target/site/terms/key/index.html")));
        assertEquals("https://answers.example.com/glossary/api-key/", redirect.selectFirst("link[rel=canonical]").attr("href"));
        assertTrue(Files.exists(root.resolve("target/site/old/api-key/index.html")));
    }
}
