package io.answersite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.answersite.TestSites;
import io.answersite.content.Kind;
import io.answersite.content.PageKey;
import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.site.Answersite;
import io.answersite.site.StageTimes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One smallest site per rule of the link graph, the editorial limits and freshness, each asserting
 * the exact report line. Every site starts from the shared test site.yml, with only the rule under
 * test switched on among the warnings that are off there.
 */
class CheckRulesTest {

    @TempDir
    Path root;

    /** A glossary term with no topic, which the tests of glossary rules link or leave unlinked. */
    private static final String DNS_TERM = """
            -- content/glossary/dns.md --
            ---
            title: DNS
            description: Names to addresses.
            date: 2026-02-01
            definition: The system that turns names into addresses.
            ---
            """;

    private static final String ANSWER = """
            description: Why it fails.
            date: 2026-02-01
            topic: network
            answer: Because.
            basis: [It is so.]
            next_steps: [Retry.]
            """;

    private List<String> check(String siteYml, String files) {
        TestSites.write(root, siteYml + files);
        return new Answersite().check(TestSites.request(root)).diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void reportsLinkToAMissingAnchor() {
        assertEquals(List.of("content/answers/a.md:11:5: error: '../guides/g.md#dsn' points to '#dsn', which"
                        + " content/guides/g.md does not have; did you mean 'dns'? [link-anchor]"),
                check(TestSites.SITE_YML, """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        ---

                        See [DNS](../guides/g.md#dsn).
                        -- content/guides/g.md --
                        ---
                        title: Guide
                        description: Long.
                        date: 2026-02-01
                        topic: network
                        ---

                        ## DNS {#dns}
                        """));
    }

    @Test
    void checksLinksInFrontMatterTextLikeBodyLinksAtWhereTheyAreWritten() {
        assertEquals(List.of(
                        "content/answers/a.md:6:49: error: link target '../guides/missing.md#dns' does not exist (no page"
                                + " at content/guides/missing.md); link to the .md file of an existing page, or use a typed"
                                + " reference such as guide:id [link-target]",
                        "content/answers/a.md:8:10: error: '../guides/g.md#dsn' points to '#dsn', which"
                                + " content/guides/g.md does not have; did you mean 'dns'? [link-anchor]",
                        "content/answers/a.md:12:13: error: link target '/answers/nothing/' does not exist (no page, list"
                                + " or alias has the URL /answers/nothing/); link to the .md file of an existing page, or"
                                + " use a typed reference such as answer:id [link-target]",
                        "content/answers/a.md:15:16: error: link target 'c.md' does not exist (no page at"
                                + " content/answers/c.md); link to the .md file of an existing page, or use a typed"
                                + " reference such as guide:id [link-target]",
                        "content/glossary/t.md:5:15: error: 'guide:nope' names no guide page; known guide ids: g"
                                + " [link-target]"),
                check(TestSites.SITE_YML, """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        description: Why it fails.
                        date: 2026-02-01
                        topic: network
                        answer: Read [the key answer](b.md) first, then [the guide](../guides/missing.md#dns).
                        basis:
                          - "See [DNS](../guides/g.md#dsn)."
                        next_steps: [Run `env`.]
                        faq:
                          - q: What about [b](answer:b)?
                            a: Read [nothing](/answers/nothing/).
                        related:
                          - ref: answer:b
                            note: Also [gone](c.md).
                        ---
                        -- content/answers/b.md --
                        ---
                        title: Why b?
                        """ + ANSWER + """
                        ---
                        -- content/guides/g.md --
                        ---
                        title: Guide
                        description: Long.
                        date: 2026-02-01
                        topic: network
                        ---

                        ## DNS {#dns}
                        -- content/glossary/t.md --
                        ---
                        title: Term
                        description: A term.
                        date: 2026-02-01
                        definition: A [term](guide:nope) in [DNS](../guides/g.md#dns).
                        ---
                        """));
    }

    @Test
    void checksTheLinksOfFrontMatterTextsAsInlineMarkdownReadsThem() {
        // a link in a code span is code, a reference definition is block syntax (text in these fields),
        // and a link after block syntax is still a link
        assertEquals(List.of("content/answers/a.md:8:8: error: link target 'gone.md' does not exist (no page at"
                        + " content/answers/gone.md); link to the .md file of an existing page, or use a typed"
                        + " reference such as guide:id [link-target]"),
                check(TestSites.SITE_YML, """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        description: Why it fails.
                        date: 2026-02-01
                        topic: network
                        answer: Write `[the key](missing.md)` as code.
                        basis:
                          - "- [Gone](gone.md) is written after a list marker."
                        next_steps:
                          - "[key]: nowhere.md"
                        ---
                        """));
    }

    @Test
    void reportsTypedReferenceOfTheWrongKind() {
        assertEquals(List.of("content/answers/a.md:10:5: error: 'guide:cors' names no guide, but a glossary term has"
                        + " the id 'cors'; write glossary:cors [link-type]"),
                check(TestSites.SITE_YML, """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        related:
                          - guide:cors
                        ---
                        -- content/glossary/cors.md --
                        ---
                        title: CORS
                        description: Cross-origin resource sharing.
                        date: 2026-02-01
                        definition: A browser rule.
                        ---
                        """));
    }

    @Test
    void reportsUnknownKindInATypedReference() {
        assertEquals(List.of("content/answers/a.md:10:5: error: 'guid' in 'guid:g' is not a kind of page; use one of"
                        + " answer, guide, checklist, glossary, topic, hub (did you mean 'guide'?) [front-matter-enum]"),
                check(TestSites.SITE_YML, """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        related:
                          - guid:g
                        ---
                        """));
    }

    @Test
    void reportsLinksThatLeaveTheContentFolderOrNameNoFile() {
        assertEquals(List.of(
                        "content/answers/a.md:11:1: error: link '../../site/site.yml' leaves the content folder; put the"
                                + " file under content/ and link to it relatively [link-file]",
                        "content/answers/a.md:12:1: error: link 'img/missing.png' names no file (nothing at"
                                + " content/answers/img/missing.png); fix the path or add the file [link-file]",
                        "content/answers/a.md:13:1: error: link '../../README.md' leaves the content folder; link to"
                                + " pages by their .md file inside it, or use a typed reference such as guide:id [link-file]"),
                check(TestSites.SITE_YML, """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        ---

                        [config](../../site/site.yml)
                        ![diagram](img/missing.png)
                        [readme](../../README.md)
                        """));
    }

    @Test
    void copiesLinkedContentFilesAndRewritesTheirLinks() throws Exception {
        TestSites.write(root, TestSites.SITE_YML + """
                -- content/answers/a.md --
                ---
                title: Why?
                """ + ANSWER + """
                ---

                ![diagram](img/flow.svg)
                -- content/answers/img/flow.svg --
                <svg xmlns="http://www.w3.org/2000/svg"/>
                """);
        assertEquals(List.of(), new Answersite().build(TestSites.request(root)).diagnostics());
        String html = TestSites.read(root.resolve("target/site/answers/a/index.html"));
        assertEquals(true, html.contains("<img src=\"/assets/content/answers/img/flow.svg\" alt=\"diagram\""), html);
        assertEquals("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
                TestSites.read(root.resolve("target/site/assets/content/answers/img/flow.svg")));
    }

    @Test
    void reportsExternalLinkThatIsNotAUrl() {
        assertEquals(List.of("content/answers/a.md:11:1: error: 'https://example.com:port/' is not a valid URL (no"
                        + " host); encode spaces as %20 and check the host [link-external]"),
                check(TestSites.SITE_YML, """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        ---

                        [site](https://example.com:port/)
                        """));
    }

    @Test
    void reportsAliasOnAPageAListMayGrowInto() {
        assertEquals(List.of(
                        "content/answers/a.md:9:11: error: alias '/answers/page/7/' is the URL /answers/page/7/ that the"
                                + " list of answers (one of its pages) already has; remove the alias or change it"
                                + " [url-collision]"),
                check(TestSites.SITE_YML, """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        aliases: [/answers/page/7/, /answers/page/old/]
                        ---
                        """));
    }

    @Test
    void reportsAliasThatCollidesWithAPageOrAListPage() {
        assertEquals(List.of(
                        "content/answers/a.md:9:11: error: alias '/answers/b/' is the URL /answers/b/ that"
                                + " content/answers/b.md already has; remove the alias or change it [url-collision]",
                        "content/answers/a.md:9:24: error: alias '/guides/' is the URL /guides/ that the list of guides"
                                + " already has; remove the alias or change it [url-collision]"),
                check(TestSites.SITE_YML, """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        aliases: [/answers/b/, /guides/]
                        ---
                        -- content/answers/b.md --
                        ---
                        title: Why b?
                        """ + ANSWER + """
                        ---
                        """));
    }

    @Test
    void warnsAboutAGlossaryTermNoPageOrTopicLinksTo() {
        assertEquals(List.of("content/glossary/dns.md:1:1: warning: no other page, topic or the hub links to this"
                        + " glossary; link to it from a related page or give it a topic [orphan]"),
                check(TestSites.siteYmlWith("orphan"), DNS_TERM + """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        ---
                        """));
    }

    @Test
    void warnsAboutAnAnswerWithoutGuideOrChecklist() {
        assertEquals(List.of("content/answers/a.md:1:1: warning: this answer links to no guide or checklist; add one to"
                        + " 'related' (guide:id or checklist:id) so readers can go deeper [answer-unbacked]"),
                check(TestSites.siteYmlWith("answer-unbacked"), """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        ---
                        """));
    }

    @Test
    void warnsAboutATermNoPageLinks() {
        assertEquals(List.of("content/glossary/dns.md:1:1: warning: no page links to the term 'DNS'; link it where it"
                        + " is used ([DNS](glossary:dns)) or remove the term [term-unused]"),
                check(TestSites.siteYmlWith("term-unused"), """
                        -- content/glossary/dns.md --
                        ---
                        title: DNS
                        description: Names to addresses.
                        date: 2026-02-01
                        topic: network
                        definition: The system that turns names into addresses.
                        ---
                        """));
    }

    @Test
    void warnsAboutAnAnswerThatUsesATermWithoutLinkingIt() {
        assertEquals(List.of("content/answers/a.md:11:26: warning: the answer uses the glossary term 'DNS' but does not"
                        + " link it; link one use ([DNS](glossary:dns)), add glossary:dns to related, or set"
                        + " glossary_autolink: true in site.yml [term-unlinked]",
                        "content/answers/b.md:2:11: warning: the answer uses the glossary term 'TLS 证书' but does not"
                                + " link it; link one use ([TLS 证书](glossary:tls)), add glossary:tls to related, or set"
                                + " glossary_autolink: true in site.yml [term-unlinked]"),
                check(TestSites.siteYmlWith("term-unlinked"), DNS_TERM + """
                        -- content/glossary/tls.md --
                        ---
                        title: TLS 证书
                        description: Certificates.
                        date: 2026-02-01
                        definition: 证书。
                        ---
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        ---

                        The dnsmasq cache is not DNS itself; `DNS` in code does not count.
                        -- content/answers/b.md --
                        ---
                        title: 为什么TLS 证书会过期?
                        """ + ANSWER + """
                        ---
                        """));
    }

    @Test
    void findsWhichTermsAnAnswerLeavesUnlinkedForTheRendererOnlyWhenTheyAreLinked() {
        String files = DNS_TERM + """
                -- content/answers/a.md --
                ---
                title: Why?
                """ + ANSWER + """
                ---

                Check DNS first.
                """;
        PageKey answer = new PageKey(Kind.ANSWER, "a", "en");
        List<PageKey> dns = List.of(new PageKey(Kind.GLOSSARY, "dns", "en"));
        TestSites.write(root, TestSites.withConfig(TestSites.SITE_YML, "glossary_autolink: true") + files);
        assertEquals(Map.of(answer, dns), new Answersite().load(TestSites.request(root), new Diagnostics(),
                new StageTimes()).unlinkedTerms());
        TestSites.write(root, TestSites.siteYmlWith("term-unlinked") + files);
        Diagnostics reported = new Diagnostics();
        assertEquals(Map.of(), new Answersite().load(TestSites.request(root), reported, new StageTimes())
                .unlinkedTerms(), "reported, not linked: the renderer needs no terms");
        assertEquals(List.of("term-unlinked"), reported.sorted().stream().map(Diagnostic::ruleId)
                .filter("term-unlinked"::equals).toList());
        TestSites.write(root, TestSites.SITE_YML + files);
        assertEquals(Map.of(), new Answersite().load(TestSites.request(root), new Diagnostics(), new StageTimes())
                .unlinkedTerms(), "term-unlinked off and no autolinks: nobody asks which terms are unlinked");
    }

    @Test
    void linksTheFirstUseOfEachTermWhenSiteYmlAsksForIt() {
        TestSites.write(root, TestSites.withConfig(TestSites.siteYmlWith("term-unlinked"), "glossary_autolink: true") + DNS_TERM + """
                -- content/answers/a.md --
                ---
                title: Why?
                description: Why it fails.
                date: 2026-02-01
                topic: network
                answer: Check DNS first, then DNS again.
                basis: [It is so.]
                next_steps: [Retry.]
                ---
                """);
        assertEquals(List.of(), new Answersite().build(TestSites.request(root)).diagnostics());
        String html = TestSites.read(root.resolve("target/site/answers/a/index.html"));
        assertEquals(true, html.contains("Check <a class=\"term-link\" href=\"/glossary/dns/\">DNS</a> first, then DNS"
                + " again."), html);
    }

    @Test
    void linksATermThatEndsTheBodysFirstParagraph() {
        // the jsoup path threw here before session 17 (splitting a text at its end), failing the whole build
        TestSites.write(root, TestSites.withConfig(TestSites.siteYmlWith("term-unlinked"), "glossary_autolink: true") + DNS_TERM + """
                -- content/answers/a.md --
                ---
                title: Why?
                description: Why it fails.
                date: 2026-02-01
                topic: network
                answer: It fails.
                basis: [It is so.]
                next_steps: [Retry.]
                ---
                Check the DNS

                Then DNS again.
                """);
        assertEquals(List.of(), new Answersite().build(TestSites.request(root)).diagnostics());
        String html = TestSites.read(root.resolve("target/site/answers/a/index.html"));
        assertEquals(true, html.contains("<p>Check the <a class=\"term-link\" href=\"/glossary/dns/\">DNS</a></p>"), html);
    }

    @Test
    void warnsAboutALinkToAnotherLanguageWhenATranslationExists() {
        assertEquals(List.of("content/answers/a.zh-CN.md:11:3: warning: 'b.md' is in en, but this page is in zh-CN and"
                        + " content/answers/b.zh-CN.md translates it; link to the translation [link-language]"),
                check(TestSites.SITE_YML, """
                        -- content/answers/a.zh-CN.md --
                        ---
                        title: 为什么?
                        """ + ANSWER + """
                        ---

                        见 [b](b.md)。
                        -- content/answers/b.md --
                        ---
                        title: Why b?
                        """ + ANSWER + """
                        ---
                        -- content/answers/b.zh-CN.md --
                        ---
                        title: 为什么 b?
                        """ + ANSWER + """
                        ---
                        """));
    }

    @Test
    void warnsAboutARelatedPageThatDoesNotLinkBackWhenSiteYmlAsks() {
        assertEquals(List.of("content/answers/a.md:10:5: warning: content/answers/b.md does not link back to this"
                        + " answer; add answer:a to its related list or body [related-oneway]"),
                check(TestSites.withConfig(TestSites.SITE_YML, "related_reciprocal: true"), """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        related:
                          - answer:b
                        ---
                        -- content/answers/b.md --
                        ---
                        title: Why b?
                        """ + ANSWER + """
                        ---
                        """));
    }

    @Test
    void warnsAboutEditorialLimitsAtTheirKeys() {
        assertEquals(List.of(
                        "content/answers/a.md:2:1: warning: the title of an answer should be the question it answers,"
                                + " ending with '?': 'Connection errors' [title-question]",
                        "content/answers/a.md:3:1: warning: the description is 37 characters; search engines show about"
                                + " 30 (limits.description_max_chars): shorten it [description-length]",
                        "content/answers/a.md:6:1: warning: the short answer is 8 long (CJK characters plus Latin"
                                + " words), over 5 (limits.answer_max_length); keep it to what an answer engine can"
                                + " quote, move the rest to basis, next_steps or the body [answer-length]",
                        "content/answers/a.md:7:1: warning: the answer has no 'basis'; list the grounds for it and where"
                                + " it applies [basis-empty]",
                        "content/answers/b.md:1:1: warning: the answer has no 'next_steps'; list what the reader should"
                                + " do next [next-steps-empty]"),
                check(TestSites.withConfig(TestSites.siteYmlWith("basis-empty", "next-steps-empty"), """
                        limits:
                          description_max_chars: 30
                          answer_max_length: 5
                        """), """
                        -- content/answers/a.md --
                        ---
                        title: Connection errors
                        description: Why connections fail, and what to do.
                        date: 2026-02-01
                        topic: network
                        answer: 先查 DNS, then TLS, then the proxy.
                        basis: []
                        next_steps: [Retry.]
                        ---
                        -- content/answers/b.md --
                        ---
                        title: 为什么?
                        description: Short.
                        date: 2026-02-01
                        topic: network
                        answer: Because.
                        basis: [It is so.]
                        ---
                        """));
    }

    @Test
    void warnsAboutTitlesWiderThanResultPagesShowInLatinAndCjkScripts() {
        String site = """
                -- content/answers/a.md --
                ---
                title: Why does the connection fail after the proxy settings change?
                """ + ANSWER + """
                ---
                -- content/answers/b.md --
                ---
                title: Why does the connection fail after a proxy setting changes?
                """ + ANSWER + """
                ---
                -- content/answers/c.zh-CN.md --
                ---
                title: 为什么更改代理设置之后连接会失败，重新启动应用以后仍然无法连接？
                """ + ANSWER + """
                ---
                -- content/answers/d.zh-CN.md --
                ---
                title: 为什么更改代理设置之后连接会失败，重新启动以后仍然无法连接？
                """ + ANSWER + """
                ---
                -- content/answers/e.zh-CN.md --
                ---
                title: 为什么更改代理设置之后 VPN 连接会失败？
                """ + ANSWER + """
                ---
                """;
        assertEquals(List.of(
                        "content/answers/a.md:2:1: warning: the title is 61 characters long; result pages show about 60"
                                + " (limits.title_max_chars): shorten it [title-length]",
                        "content/answers/c.zh-CN.md:2:1: warning: the title is 64 characters long, counting full-width"
                                + " characters as two; result pages show about 30 full-width characters (60 counted"
                                + " this way; limits.title_max_chars_cjk): shorten it [title-length]"),
                check(TestSites.siteYmlWith("title-length"), site));
        assertEquals(List.of(
                        "content/answers/a.md:2:1: warning: the title is 61 characters long; result pages show about 58"
                                + " (limits.title_max_chars): shorten it [title-length]",
                        "content/answers/b.md:2:1: warning: the title is 59 characters long; result pages show about 58"
                                + " (limits.title_max_chars): shorten it [title-length]",
                        "content/answers/c.zh-CN.md:2:1: warning: the title is 64 characters long, counting full-width"
                                + " characters as two; result pages show about 18 full-width characters (36 counted"
                                + " this way; limits.title_max_chars_cjk): shorten it [title-length]",
                        "content/answers/d.zh-CN.md:2:1: warning: the title is 60 characters long, counting full-width"
                                + " characters as two; result pages show about 18 full-width characters (36 counted"
                                + " this way; limits.title_max_chars_cjk): shorten it [title-length]",
                        "content/answers/e.zh-CN.md:2:1: warning: the title is 39 characters long, counting full-width"
                                + " characters as two; result pages show about 18 full-width characters (36 counted"
                                + " this way; limits.title_max_chars_cjk): shorten it [title-length]"),
                check(TestSites.withConfig(TestSites.siteYmlWith("title-length"), """
                        limits:
                          title_max_chars: 58
                          title_max_chars_cjk: 18
                        """), site));
    }

    @Test
    void warnsOnceAboutEachPairOfNearDuplicateQuestionsInOneLanguage() {
        String site = """
                -- content/answers/a.md --
                ---
                title: How do I set the base_url of the OpenAI SDK?
                """ + ANSWER + """
                ---
                -- content/answers/b.md --
                ---
                title: How do I set the OpenAI SDK base_url?
                """ + ANSWER + """
                ---
                -- content/answers/c.md --
                ---
                title: How do I rotate an API key?
                """ + ANSWER + """
                ---
                -- content/answers/d.md --
                ---
                title: How do I revoke an API key?
                """ + ANSWER + """
                ---
                -- content/answers/e.md --
                ---
                title: Key rotation?
                question: How do I rotate API keys?
                """ + ANSWER + """
                ---
                -- content/answers/f.zh-CN.md --
                ---
                title: OpenAI SDK 的 base_url 应该怎么配置?
                """ + ANSWER + """
                ---
                -- content/answers/g.zh-CN.md --
                ---
                title: OpenAI SDK 的 base_url 该怎么配置？
                """ + ANSWER + """
                ---
                -- content/answers/h.zh-CN.md --
                ---
                title: API Key 泄露了怎么办?
                """ + ANSWER + """
                ---
                -- content/answers/i.zh-CN.md --
                ---
                title: API Key 丢失了怎么办?
                """ + ANSWER + """
                ---
                -- content/answers/j.zh-CN.md --
                ---
                title: How do I set the OpenAI SDK base_url?
                """ + ANSWER + """
                ---
                """;
        String advice = "; answer engines see one question: merge the two answers, or make each question say what"
                + " sets it apart [question-duplicate]";
        assertEquals(List.of(
                        "content/answers/a.md:2:1: warning: the question 'How do I set the base_url of the OpenAI SDK?'"
                                + " is 90% like the question of content/answers/b.md:2:1, 'How do I set the OpenAI SDK"
                                + " base_url?' (limits.question_similarity_percent: 80)" + advice,
                        "content/answers/c.md:2:1: warning: the question 'How do I rotate an API key?' is 85% like the"
                                + " question of content/answers/e.md:2:1, 'How do I rotate API keys?'"
                                + " (limits.question_similarity_percent: 80)" + advice,
                        "content/answers/f.zh-CN.md:2:1: warning: the question 'OpenAI SDK 的 base_url 应该怎么配置?' is"
                                + " 90% like the question of content/answers/g.zh-CN.md:2:1, 'OpenAI SDK 的 base_url"
                                + " 该怎么配置？' (limits.question_similarity_percent: 80)" + advice),
                check(TestSites.siteYmlWith("question-duplicate"), site));
        assertEquals(List.of(
                        "content/answers/a.md:2:1: warning: the question 'How do I set the base_url of the OpenAI SDK?'"
                                + " is 90% like the question of content/answers/b.md:2:1, 'How do I set the OpenAI SDK"
                                + " base_url?' (limits.question_similarity_percent: 70)" + advice,
                        "content/answers/c.md:2:1: warning: the question 'How do I rotate an API key?' is 75% like the"
                                + " question of content/answers/d.md:2:1, 'How do I revoke an API key?'"
                                + " (limits.question_similarity_percent: 70)" + advice,
                        "content/answers/c.md:2:1: warning: the question 'How do I rotate an API key?' is 85% like the"
                                + " question of content/answers/e.md:2:1, 'How do I rotate API keys?'"
                                + " (limits.question_similarity_percent: 70)" + advice,
                        "content/answers/f.zh-CN.md:2:1: warning: the question 'OpenAI SDK 的 base_url 应该怎么配置?' is"
                                + " 90% like the question of content/answers/g.zh-CN.md:2:1, 'OpenAI SDK 的 base_url"
                                + " 该怎么配置？' (limits.question_similarity_percent: 70)" + advice),
                check(TestSites.withConfig(TestSites.siteYmlWith("question-duplicate"), """
                        limits:
                          question_similarity_percent: 70
                        """), site));
    }

    @Test
    void warnsAboutOverdueReviewsAndErrsPastTheSetDays() {
        assertEquals(List.of(
                        "content/answers/a.md:9:1: warning: review was due on 2026-11-20 (6 days ago); review the page,"
                                + " then set review.reviewed and a new review.next [review-overdue]",
                        "content/answers/b.md:9:1: error: review was due on 2026-09-01 (86 days ago); review the page,"
                                + " then set review.reviewed and a new review.next (over 30 days late:"
                                + " limits.review_overdue_error_days) [review-overdue]"),
                check(TestSites.withConfig(TestSites.SITE_YML, """
                        limits:
                          review_overdue_error_days: 30
                        """), """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        review: {owner: ops, reviewed: 2026-05-20, next: 2026-11-20}
                        ---
                        -- content/answers/b.md --
                        ---
                        title: Why b?
                        """ + ANSWER + """
                        review: {owner: ops, reviewed: 2026-03-01, next: 2026-09-01}
                        ---
                        """));
    }

    @Test
    void siteYmlCanRaiseSwitchOffAndRejectRules() {
        assertEquals(List.of("content/answers/a.md:1:1: error: this answer links to no guide or checklist; add one to"
                        + " 'related' (guide:id or checklist:id) so readers can go deeper [answer-unbacked]"),
                check(TestSites.SITE_YML.replace("answer-unbacked: off", "answer-unbacked: error"), """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        ---
                        """));
        assertEquals(List.of(
                        "site/site.yml:15:3: error: unknown rule id 'orphans'; did you mean 'orphan'? [config]",
                        "site/site.yml:16:3: error: rule 'secret' is always an error and cannot be changed in site.yml"
                                + " [config]",
                        "site/site.yml:17:16: error: rule 'term-unused' must be set to error, warning or off, not 'loud'"
                                + " [config]"),
                check(TestSites.SITE_YML.replaceFirst("(?s)rules:\n.*?-- content", """
                        rules:
                          orphans: off
                          secret: warning
                          term-unused: loud
                        -- content"""), ""));
    }

    @Test
    void builtSiteCheckReportsTemplateBugsWithPageAndTemplate() {
        assertEquals(List.of(
                        "target/site/topics/network/index.html: error: the id 'x' is used twice (written by template"
                                + " 'topic'; this is a bug in the theme or the generator, not in the content) [built-site]",
                        "target/site/topics/network/index.html: error: the link '/nowhere/' leads to no file of the site"
                                + " (written by template 'topic'; this is a bug in the theme or the generator, not in the"
                                + " content) [built-site]",
                        "target/site/topics/network/index.html: error: the page has 2 <h1> elements; it needs exactly one"
                                + " (written by template 'topic'; this is a bug in the theme or the generator, not in the"
                                + " content) [built-site]",
                        "target/site/topics/network/index.html: error: the page has no meta description (written by"
                                + " template 'topic'; this is a bug in the theme or the generator, not in the content)"
                                + " [built-site]"),
                check(TestSites.SITE_YML, """
                        -- templates/topic.peb --
                        <!DOCTYPE html>
                        <html lang="en"><head><title>{{ page.title }}</title>
                        <link rel="canonical" href="{{ layout.canonical }}"></head>
                        <body><h1 id="x">{{ page.title }}</h1><h1 id="x">Again</h1><a href="/nowhere/">gone</a></body></html>
                        """));
    }

    @Test
    void reportsFrontMatterThatIsNotAMapping() {
        assertEquals(List.of("content/answers/a.md:2:1: error: the front matter must be 'key: value' lines, not a list"
                        + " [yaml-not-a-mapping]"),
                check(TestSites.SITE_YML, """
                        -- content/answers/a.md --
                        ---
                        - title: Why?
                        ---
                        """));
    }

    @Test
    void reportsUpdatedBeforeDateAtTheUpdatedKey() {
        assertEquals(List.of("content/answers/a.md:9:1: error: 'updated' (2026-01-01) is before 'date' (2026-02-01); a"
                        + " page cannot change before it is published [date-order]"),
                check(TestSites.SITE_YML, """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        updated: 2026-01-01
                        ---
                        """));
    }

    @Test
    void reportsALanguageSuffixSiteYmlDoesNotList() {
        assertEquals(List.of("content/answers/a.fr.md:1:1: error: 'a.fr.md' ends in '.fr.md', but 'fr' is not a"
                        + " translation language in site.yml; use one of .zh-CN.md (files in the default language en"
                        + " have no suffix) [language-unknown]"),
                check(TestSites.SITE_YML, """
                        -- content/answers/a.fr.md --
                        ---
                        title: Pourquoi?
                        """ + ANSWER + """
                        ---
                        """));
    }

    @Test
    void reportsMarkdownOutsideTheContentFolders() {
        assertEquals(List.of(
                        "content/answers/old/a.md:1:1: error: 'answers/old/a.md' is in a subfolder; pages sit directly in"
                                + " answers/ (the id, not the folder, makes the URL) [content-location]",
                        "content/notes/a.md:1:1: error: unknown content folder 'notes'; pages belong in answers/,"
                                + " guides/, checklists/, glossary/ or topics/ [content-location]",
                        "content/readme.md:1:1: error: 'readme.md' is not in a content folder; move it to answers/,"
                                + " guides/, checklists/, glossary/ or topics/ (or name it _index.md for the hub)"
                                + " [content-location]"),
                check(TestSites.SITE_YML, """
                        -- content/notes/a.md --
                        # Notes
                        -- content/answers/old/a.md --
                        # Old
                        -- content/readme.md --
                        # Readme
                        """));
    }

    @Test
    void reportsAnAuthorSiteYmlDoesNotList() {
        assertEquals(List.of("content/answers/a.md:9:9: error: unknown author 'tem'; did you mean 'team'?"
                        + " [author-unknown]"),
                check(TestSites.SITE_YML, """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        author: tem
                        ---
                        """));
    }

    @Test
    void reportsAMissingContentFolder() {
        TestSites.write(root, TestSites.SITE_YML);
        TestSites.write(root, "-- other/x.md --\n");
        List<String> lines = new Answersite().check(TestSites.request(root).withContentDir(root.resolve("pages")))
                .diagnostics().stream().map(Diagnostic::format).toList();
        assertEquals(List.of("pages: error: the content folder does not exist; create it, or point site.contentDir at"
                + " it [content-missing]"), lines);
    }

    @Test
    void reportsAnEmptyUiString() {
        assertEquals(List.of("templates/i18n/en.yml:1:16: error: UI string 'answer_direct' is empty; give it a text or"
                        + " remove the key [ui-strings]"),
                check(TestSites.SITE_YML, """
                        -- templates/i18n/en.yml --
                        answer_direct: ""
                        """));
    }

    @Test
    void reportsAFrontEndVariableThatCarriesASecret() {
        String value = "Lm4q" + "Xz81Rt6vBn2cWp9s";
        assertEquals(List.of("content/answers/a.md:11:21: error: possible front-end environment variable with a secret"
                        + " 'Lm4q…'; variables with this prefix are bundled into browser code: keep the secret on the"
                        + " server and call your own backend instead (fingerprint "
                        + SecretScanner.fingerprint("front-end environment variable with a secret", value)
                        + "; to publish it anyway, add the fingerprint to safety.allow in site.yml) [secret-frontend-env]"),
                check(TestSites.SITE_YML, """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        ---

                        VITE_PAYMENT_SECRET=%s
                        """.formatted(value)));
    }

    @Test
    void reportsAnImageWithoutAltText() {
        assertEquals(List.of("content/answers/a.md:11:1: error: the image 'img/flow.svg' has no alt text; say what it"
                        + " shows between the brackets: ![what it shows](img/flow.svg) [image-alt]"),
                check(TestSites.SITE_YML, """
                        -- content/answers/a.md --
                        ---
                        title: Why?
                        """ + ANSWER + """
                        ---

                        ![](img/flow.svg)
                        -- content/answers/img/flow.svg --
                        <svg xmlns="http://www.w3.org/2000/svg"/>
                        """));
    }
}
