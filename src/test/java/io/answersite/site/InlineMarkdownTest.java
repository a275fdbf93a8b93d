package io.answersite.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.answersite.TestSites;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Front matter texts written with inline Markdown (src/test/resources/sites/inline-markdown): what
 * the page, its JSON-LD, its Markdown twin, llms.json, llms.txt, the feed and the search index get.
 */
class InlineMarkdownTest {

    private static final Path FIXTURE = TestSites.repositoryRoot().resolve("src/test/resources/sites/inline-markdown");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path output;
    static Path site;

    @BeforeAll
    static void build() {
        site = output.resolve("site");
        BuildRequest request = BuildRequest.forSite(FIXTURE, TestSites.TODAY).withOutputDir(site);
        assertEquals(List.of(), new Answersite().build(request).diagnostics());
    }

    @Test
    void pagesRenderFrontMatterTextsAsInlineMarkdownWithResolvedLinks() {
        String page = TestSites.read(site.resolve("answers/key-leak/index.html"));
        assertEquals("<p class=\"short-answer\">Read <a href=\"/answers/key-storage/\">the storage answer</a> first,"
                + " then run <code>env</code> to see <em>every</em> variable.</p>", line(page, "class=\"short-answer\""));
        assertEquals(List.of(
                        "<li>See <a href=\"/guides/dns-guide/#resolvers\">the resolvers</a> and <strong>never</strong>"
                                + " commit keys.</li>",
                        "<li>Keys in browser code are public.</li>"),
                lines(section(page, "basis"), "<li>"));
        assertEquals("<dt id=\"faq-1\">What if the key is in <a href=\"https://git-scm.com/\">Git</a>?</dt>",
                line(page, "<dt id=\"faq-1\">"));
        assertEquals("<dd>Rotate it first; see <a href=\"/answers/key-storage/#where\">the storage answer</a>. Rewriting"
                + " history with <code>git filter-repo</code> is not enough.</dd>", line(section(page, "faq"), "<dd>"));
        assertEquals("<p class=\"card-text\">Where the key <em>belongs</em>, and <a href=\"/guides/dns-guide/#rotate\">"
                + "why</a>.</p>", line(section(page, "related"), "card-text"));
        String term = TestSites.read(site.resolve("glossary/dns/index.html"));
        assertEquals("<dd>The <code>DNS</code> turns names into addresses; see <a href=\"/guides/dns-guide/\">the"
                + " guide</a> <em>first</em>.</dd>", line(term, "<dd>"));
    }

    @Test
    void blockSyntaxStaysTextAndRawHtmlIsEscaped() {
        String page = TestSites.read(site.resolve("answers/key-leak/index.html"));
        assertEquals("<li># Not a heading, &lt;b&gt;not bold&lt;/b&gt; &amp; <del>struck</del></li>",
                lines(section(page, "next-steps"), "<li>").get(1));
    }

    @Test
    void glossaryAutolinksSkipTheTextsOwnLinksAndCodeSpans() {
        // "DNS" is first written in a link's text (basis), then in prose and in a code span (next_steps):
        // the prose use is linked, never the link's text nor the code
        String page = TestSites.read(site.resolve("answers/key-leak/index.html"));
        assertEquals("<li>Check the <a class=\"term-link\" href=\"/glossary/dns/\">DNS</a> record with"
                + " <code>dig DNS</code>.</li>", lines(section(page, "next-steps"), "<li>").get(0));
        assertFalse(page.contains("<a class=\"term-link\" href=\"/glossary/dns/\"><a")
                || Jsoup.parse(page).select("a a").size() > 0, "no link inside a link");
    }

    @Test
    void jsonLdAnswersUseOnlyTheTagsGoogleAllowsAndAbsoluteLinks() throws Exception {
        JsonNode graph = jsonLd("answers/key-leak/index.html");
        JsonNode questions = node(graph, "FAQPage").path("mainEntity");
        assertEquals("What do I do when a key leaks?", questions.get(0).path("name").asText());
        assertEquals("Read <a href=\"https://answers.example.com/answers/key-storage/\">the storage answer</a> first,"
                + " then run env to see <em>every</em> variable.",
                questions.get(0).path("acceptedAnswer").path("text").asText());
        assertEquals("What if the key is in Git?", questions.get(1).path("name").asText());
        assertEquals("Rotate it first; see <a href=\"https://answers.example.com/answers/key-storage/#where\">the storage"
                + " answer</a>. Rewriting history with git filter-repo is not enough.",
                questions.get(1).path("acceptedAnswer").path("text").asText());
        assertEquals("The DNS turns names into addresses; see the guide first.",
                node(jsonLd("glossary/dns/index.html"), "DefinedTerm").path("description").asText());
        String script = Jsoup.parse(TestSites.read(site.resolve("answers/key-leak/index.html")))
                .selectFirst("script[type=application/ld+json]").data();
        assertFalse(script.contains("<"), "markup in JSON-LD text is written as \\u003c");
    }

    @Test
    void twinsAndLlmsJsonGetTheMarkdownWithAbsoluteLinks() throws Exception {
        String twin = TestSites.read(site.resolve("answers/key-leak/index.md"));
        assertTrue(twin.contains("""
                Read [the storage answer](https://answers.example.com/answers/key-storage/) first, then run `env` to see *every* variable.

                ## Grounds and where it applies

                - See [the resolvers](https://answers.example.com/guides/dns-guide/#resolvers) and **never** commit keys.
                - Keys in browser code are public.

                ## What to do next

                - Check the DNS record with `dig DNS`.
                - # Not a heading, <b>not bold</b> & ~~struck~~

                ## Follow-up questions

                ### What if the key is in [Git](https://git-scm.com/)?

                Rotate it first; see [the storage answer](https://answers.example.com/answers/key-storage/#where). Rewriting history with `git filter-repo` is not enough.

                ## Related pages

                - [Where should I keep an API key?](https://answers.example.com/answers/key-storage/): Where the key _belongs_, and [why](https://answers.example.com/guides/dns-guide/#rotate).
                """), twin);
        assertTrue(TestSites.read(site.resolve("glossary/dns/index.md")).contains("**DNS**: The `DNS` turns names into"
                + " addresses; see [the guide](https://answers.example.com/guides/dns-guide/) *first*.\n"));
        assertTrue(TestSites.read(site.resolve("llms-full.txt")).contains(twin.strip()));

        JsonNode pages = JSON.readTree(TestSites.read(site.resolve("llms.json"))).path("pages");
        JsonNode answer = page(pages, "key-leak");
        assertEquals("Read [the storage answer](https://answers.example.com/answers/key-storage/) first, then run `env`"
                + " to see *every* variable.", answer.path("answer").asText());
        assertEquals("[\"See [the resolvers](https://answers.example.com/guides/dns-guide/#resolvers) and **never**"
                + " commit keys.\",\"Keys in browser code are public.\"]", answer.path("basis").toString());
        assertEquals("[\"Check the DNS record with `dig DNS`.\",\"# Not a heading, <b>not bold</b> & ~~struck~~\"]",
                answer.path("next_steps").toString());
        assertEquals("{\"q\":\"What if the key is in [Git](https://git-scm.com/)?\",\"a\":\"Rotate it first; see [the"
                + " storage answer](https://answers.example.com/answers/key-storage/#where). Rewriting history with"
                + " `git filter-repo` is not enough.\"}", answer.path("faq").get(0).toString());
        assertEquals("Where the key _belongs_, and [why](https://answers.example.com/guides/dns-guide/#rotate).",
                answer.path("related").get(0).path("note").asText());
        assertEquals("The `DNS` turns names into addresses; see [the guide](https://answers.example.com/guides/dns-guide/)"
                + " *first*.", page(pages, "dns").path("definition").asText());
    }

    @Test
    void searchListsAndFeedsGetPlainText() throws Exception {
        JsonNode docs = JSON.readTree(TestSites.read(site.resolve("search/en/d-0.json")));
        assertEquals("[\"/answers/key-leak/\",\"What do I do when a key leaks?\",\"Answer\",\"Read the storage answer"
                + " first, then run env to see every variable.\"]", docs.get(0).toString());
        assertEquals("[\"/glossary/dns/\",\"DNS\",\"Term\",\"The DNS turns names into addresses; see the guide first.\"]",
                docs.get(3).toString());
        List<String> vocabulary = new ArrayList<>();
        JSON.readTree(TestSites.read(site.resolve("search/en/vocab.json"))).forEach(t -> vocabulary.add(t.asText()));
        assertTrue(vocabulary.containsAll(List.of("storage", "resolvers", "filter", "repo", "struck")), vocabulary.toString());
        // link targets are not words: git-scm.com and key-storage.md are written only as targets
        assertFalse(vocabulary.contains("scm") || vocabulary.contains("md"), vocabulary.toString());

        assertTrue(TestSites.read(site.resolve("llms.txt")).contains("- [What do I do when a key leaks?]"
                + "(https://answers.example.com/answers/key-leak/index.md): Read the storage answer first, then run env"
                + " to see every variable.\n"));
        assertTrue(TestSites.read(site.resolve("feed.xml")).contains("<summary>Read the storage answer first, then run"
                + " env to see every variable.</summary>"));
        assertEquals("<p class=\"card-text\">Read the storage answer first, then run env to see every variable.</p>",
                lines(section(TestSites.read(site.resolve("topics/keys/index.html")), "answers"), "card-text").get(0));
    }

    /** The stripped line of {@code html} that contains {@code marker}. */
    private static String line(String html, String marker) {
        List<String> found = lines(html, marker);
        assertEquals(1, found.size(), marker + " in " + html);
        return found.get(0);
    }

    private static List<String> lines(String html, String marker) {
        return html.lines().map(String::strip).filter(l -> l.contains(marker)).toList();
    }

    /** The text of the {@code <section id="…">} of a page, as written. */
    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        assertTrue(start >= 0, "section " + id);
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static JsonNode jsonLd(String page) throws Exception {
        return JSON.readTree(Jsoup.parse(TestSites.read(site.resolve(page)))
                .selectFirst("script[type=application/ld+json]").data()).path("@graph");
    }

    private static JsonNode node(JsonNode graph, String type) {
        for (JsonNode node : graph) {
            if (node.path("@type").asText().equals(type)) {
                return node;
            }
        }
        throw new AssertionError("no " + type);
    }

    private static JsonNode page(JsonNode pages, String id) {
        for (JsonNode page : pages) {
            if (page.path("id").asText().equals(id)) {
                return page;
            }
        }
        throw new AssertionError("no page " + id);
    }
}
