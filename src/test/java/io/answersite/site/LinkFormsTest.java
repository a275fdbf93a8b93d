package io.answersite.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import io.answersite.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link forms an editor can write besides inline {@code .md} links and typed references:
 * reference-style links ({@code [text][label]} with {@code [label]: target}) and paths from the
 * site's root ({@code /answers/x/#faq}). Each resolves like an inline link, in the page and in its
 * Markdown twin, and each broken one is a content finding at its position.
 */
class LinkFormsTest {

    @TempDir
    Path root;

    private static final String ANSWER = """
            description: Why it fails.
            date: 2026-02-01
            topic: network
            answer: Because.
            """;

    private static final String PAGES = """
            -- content/answers/b.md --
            ---
            title: Why b?
            """ + ANSWER + """
            faq:
              - q: Again?
                a: Yes.
            ---
            -- content/checklists/launch.md --
            ---
            title: Launch
            description: Before launch.
            date: 2026-02-01
            topic: network
            ---

            ## Keys {#keys}

            - [ ] Rotate the keys
            """;

    private List<String> build(String siteYml, String files) {
        TestSites.write(root, siteYml + files);
        return new Answersite().build(TestSites.request(root)).diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void referenceLinksResolveInThePageAndItsTwinAtEveryUse() {
        List<String> findings = build(TestSites.SITE_YML, """
                -- content/answers/a.md --
                ---
                title: Why?
                """ + ANSWER + """
                ---

                See [the launch list][launch], then [the keys][launch] and ![the flow][flow].
                Read [the FAQ of b][b].

                [launch]: ../checklists/launch.md#keys
                [flow]: img/flow.svg
                [b]: answer:b#faq
                -- content/answers/img/flow.svg --
                <svg xmlns="http://www.w3.org/2000/svg"/>
                """ + PAGES);
        assertEquals(List.of(), findings);
        String html = TestSites.read(root.resolve("target/site/answers/a/index.html"));
        assertTrue(html.contains("See <a href=\"/checklists/launch/#keys\">the launch list</a>, then"
                + " <a href=\"/checklists/launch/#keys\">the keys</a> and"
                + " <img src=\"/assets/content/answers/img/flow.svg\" alt=\"the flow\" />.\n"
                + "Read <a href=\"/answers/b/#faq\">the FAQ of b</a>."), html);
        String twin = TestSites.read(root.resolve("target/site/answers/a/index.md"));
        assertTrue(twin.contains("See [the launch list][launch], then [the keys][launch] and ![the flow][flow].\n"
                + "Read [the FAQ of b][b].\n\n"
                + "[launch]: https://answers.example.com/checklists/launch/#keys\n"
                + "[flow]: https://answers.example.com/assets/content/answers/img/flow.svg\n"
                + "[b]: https://answers.example.com/answers/b/#faq"), twin);
    }

    @Test
    void reportsBrokenReferenceLinksAtTheirDefinitions() {
        assertEquals(List.of(
                        "content/answers/a.md:11:1: error: '../checklists/launch.md#kyes' points to '#kyes', which"
                                + " content/checklists/launch.md does not have; did you mean 'keys'? [link-anchor]",
                        "content/answers/a.md:12:1: error: link target '../guides/does-not-exist.md' does not exist (no"
                                + " page at content/guides/does-not-exist.md); link to the .md file of an existing page,"
                                + " or use a typed reference such as guide:id [link-target]",
                        "content/answers/a.md:13:1: error: 'guide:gone' names no guide page; there are no known guide"
                                + " ids [link-target]"),
                build(TestSites.SITE_YML, """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        ---

                        See [the launch list][launch] and [gone][gone], twice: [gone][].

                        [launch]: ../checklists/launch.md#kyes
                        [gone]: ../guides/does-not-exist.md
                        [unused]: guide:gone
                        """ + PAGES));
    }

    @Test
    void sitePathsResolveToThePagesTheyNameUnderTheBasePath() {
        List<String> findings = build(TestSites.SITE_YML.replace("https://answers.example.com/",
                "https://example.com/docs/"), """
                -- content/answers/a.md --
                ---
                title: Why?
                """ + ANSWER + """
                ---

                See [the FAQ](/answers/b/#faq), [b](/answers/b), [old b](/old/b/), [the list](/answers/),
                [the hub](/#by-topic), [llms.txt](/llms.txt), [search](/search/?q=dns) and [keys][keys].
                The [Markdown of b](/answers/b/index.md).

                [keys]: /checklists/launch/index.html#keys
                """ + PAGES.replace("""
                faq:""", """
                aliases: [/old/b/]
                faq:"""));
        assertEquals(List.of(), findings);
        String html = TestSites.read(root.resolve("target/site/answers/a/index.html"));
        assertTrue(html.contains("See <a href=\"/docs/answers/b/#faq\">the FAQ</a>, <a href=\"/docs/answers/b/\">b</a>,"
                + " <a href=\"/docs/answers/b/\">old b</a>, <a href=\"/docs/answers/\">the list</a>,\n"
                + "<a href=\"/docs/#by-topic\">the hub</a>, <a href=\"/docs/llms.txt\">llms.txt</a>,"
                + " <a href=\"/docs/search/?q=dns\">search</a> and <a href=\"/docs/checklists/launch/#keys\">keys</a>.\n"
                + "The <a href=\"/docs/answers/b/index.md\">Markdown of b</a>."), html);
        String twin = TestSites.read(root.resolve("target/site/answers/a/index.md"));
        assertTrue(twin.contains("See [the FAQ](https://example.com/docs/answers/b/#faq),"
                + " [b](https://example.com/docs/answers/b/)"), twin);
        assertTrue(twin.contains("[keys]: https://example.com/docs/checklists/launch/#keys"), twin);
    }

    @Test
    void snippetsKeepSitePathsAsWritten() {
        List<String> findings = build(TestSites.SITE_YML, """
                -- content/_snippets/handoff.md --
                Ask in [the list of answers](/answers/).
                -- content/answers/a.md --
                ---
                title: Why?
                """ + ANSWER + """
                ---
                """);
        assertEquals(List.of(), findings);
        String html = TestSites.read(root.resolve("target/site/answers/a/index.html"));
        assertTrue(html.contains("<p>Ask in <a href=\"/answers/\">the list of answers</a>.</p>"), html);
    }

    @Test
    void reportsSitePathsToMissingPagesAndAnchorsAtTheLink() {
        assertEquals(List.of(
                        "content/answers/a.md:9:3: error: link target '/answers/nothing/' does not exist (no page, list"
                                + " or alias has the URL /answers/nothing/); link to the .md file of an existing page, or"
                                + " use a typed reference such as answer:id [link-target]",
                        "content/answers/a.md:10:3: error: '/answers/b/#faq-2' points to '#faq-2', which"
                                + " content/answers/b.md does not have (the answer has 1 FAQ item) [link-anchor]",
                        "content/answers/a.md:11:3: error: '/answers/#top' points to '#top', which the page /answers/"
                                + " does not have; it has #main [link-anchor]",
                        "content/answers/a.md:12:3: error: link '/docs/answers/b/' starts with the base path /docs;"
                                + " write paths from the site's root, without it: '/answers/b/' [link-target]",
                        "content/answers/a.md:13:3: error: link '/answers/../b/' is not a path of the site; write it"
                                + " like /answers/id/ (no '.', '..', '\\' or '//' segments) [link-target]",
                        "content/answers/a.md:15:1: error: link target '/guides/gone/#x' does not exist (no page,"
                                + " list or alias has the URL /guides/gone/); link to the .md file of an existing page,"
                                + " or use a typed reference such as guide:id [link-target]"),
                build(TestSites.SITE_YML.replace("https://answers.example.com/", "https://example.com/docs/"), """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        ---

                        - [nothing](/answers/nothing/)
                        - [y](/answers/b/#faq-2)
                        - [z](/answers/#top)
                        - [w](/docs/answers/b/)
                        - [v](/answers/../b/)

                        [gone]: /guides/gone/#x
                        """ + PAGES));
    }

    @Test
    void reportsSitePathsToDraftsAndMissingContentFilesLikeOtherLinks() {
        assertEquals(List.of(
                        "content/answers/a.md:9:5: error: '/answers/d/' is a draft or scheduled page and will not be"
                                + " published; publish it or remove the link [link-draft]",
                        "content/answers/a.md:9:26: error: link '/assets/content/answers/gone.png' names no file (nothing"
                                + " at content/answers/gone.png); fix the path or add the file [link-file]"),
                build(TestSites.SITE_YML, """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        ---

                        See [d](/answers/d/) and ![gone](/assets/content/answers/gone.png).
                        -- content/answers/d.md --
                        ---
                        title: Why d?
                        """ + ANSWER + """
                        draft: true
                        ---
                        """));
    }

    @Test
    void reportsSitePathsToFilesTheBuildDoesNotWriteAtTheLinkOnceWritten() {
        assertEquals(List.of(
                        "content/answers/a.md:9:5: error: link target '/nothing.txt' does not exist (the site has no"
                                + " file nothing.txt); link to a page by its .md file or a typed reference, or put the"
                                + " file under content/ and link to it relatively [link-target]",
                        "content/answers/a.md:9:27: error: '/search/#results' points to '#results', which the page"
                                + " search/index.html does not have [link-anchor]",
                        "content/answers/a.md:11:1: error: link target '/en/feed.xml' does not exist (the site has no"
                                + " file en/feed.xml); link to a page by its .md file or a typed reference, or put the"
                                + " file under content/ and link to it relatively [link-target]"),
                build(TestSites.SITE_YML, """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        ---

                        See [x](/nothing.txt) and [search](/search/#results) and [feed][feed].

                        [feed]: /en/feed.xml
                        """ + PAGES));
    }
}
