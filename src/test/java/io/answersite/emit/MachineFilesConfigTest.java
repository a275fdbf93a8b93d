package io.answersite.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import io.answersite.cache.FragmentFile;
import io.answersite.cache.Fragments;
import io.answersite.cache.InputDigest;
import io.answersite.config.Language;
import io.answersite.config.Organization;
import io.answersite.config.RobotsPolicy;
import io.answersite.config.SiteConfig;
import io.answersite.content.Common;
import io.answersite.content.Kind;
import io.answersite.content.LoadedContent;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.SourcePos;
import io.answersite.graph.ContentGraph;
import io.answersite.graph.GraphBuilder;
import io.answersite.markdown.MarkdownDoc;
import io.answersite.output.OutputTree;
import io.answersite.sink.SiteOutput;
import io.answersite.site.Answersite;
import io.answersite.site.BuildResult;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Machine files under settings other than the defaults: robots policy, budgets, sitemap limits, escaping. */
class MachineFilesConfigTest {

    @TempDir
    Path root;

    @Test
    void robotsTxtDoesWhatSiteYmlSays() {
        TestSites.write(root, TestSites.SITE_YML.replace("default_author: team", """
                default_author: team
                robots:
                  default: allow
                  ai_crawlers: disallow
                  crawlers:
                    OAI-SearchBot: allow
                    ExampleBot: disallow
                  disallow: [/private/]
                """));
        assertEquals(List.of(), new Answersite().build(TestSites.request(root)).diagnostics());
        MachineFilesTest.Robots robots = MachineFilesTest.Robots.parse(TestSites.read(root.resolve("target/site/robots.txt")));
        assertTrue(robots.allowed("Googlebot", "/topics/network/"));
        assertFalse(robots.allowed("Googlebot", "/private/page/"));
        for (String ai : RobotsPolicy.AI_CRAWLERS) {
            assertEquals(ai.equals("OAI-SearchBot"), robots.allowed(ai, "/topics/network/"), ai);
        }
        assertFalse(robots.allowed("ExampleBot", "/"));
        assertEquals(List.of("https://answers.example.com/sitemap.xml"), robots.sitemaps);
    }

    @Test
    void llmsFileOverItsTokenCapIsAnErrorSayingByHowMuch() {
        TestSites.write(root, TestSites.SITE_YML.replace("default_author: team", """
                default_author: team
                llms:
                  max_tokens_llms_txt: 20
                """));
        BuildResult result = new Answersite().build(TestSites.request(root));
        List<String> lines = result.diagnostics().stream().map(Diagnostic::format).toList();
        assertEquals(2, lines.size(), lines.toString());
        Matcher matcher = Pattern.compile("site/site.yml: error: llms.txt is about (\\d+) tokens, (\\d+) over the cap"
                + " of 20 set by llms.max_tokens_llms_txt; raise the cap or shorten the content \\(nothing is cut"
                + " silently\\) \\[llms-budget]").matcher(lines.get(0));
        assertTrue(matcher.matches(), lines.get(0));
        assertEquals(Integer.parseInt(matcher.group(1)) - 20, Integer.parseInt(matcher.group(2)));
        assertTrue(lines.get(1).startsWith("site/site.yml: error: zh-cn/llms.txt is about "), lines.get(1));
        assertFalse(result.written());
    }

    @Test
    void contentCannotCloseTheJsonLdScript() {
        TestSites.write(root, TestSites.SITE_YML + """
                -- content/answers/a.md --
                ---
                title: "Why </script><script>alert(1)</script><!-- ?"
                description: "x & y </script>"
                date: 2026-02-01
                topic: network
                answer: "Because </script> closes scripts & <!-- opens comments."
                ---
                """);
        assertEquals(List.of(), new Answersite().build(TestSites.request(root)).diagnostics());
        String html = TestSites.read(root.resolve("target/site/answers/a/index.html"));
        String script = html.substring(html.indexOf("<script type=\"application/ld+json\">"));
        script = script.substring(0, script.indexOf("</script>") + "</script>".length());
        assertFalse(script.substring(1, script.length() - "</script>".length()).contains("<"), script);
        assertTrue(script.contains("Why \\u003c/script\\u003e\\u003cscript\\u003ealert(1)"), script);
        assertEquals(1, html.split(java.util.regex.Pattern.quote("<script type=\"application/ld+json\">"), -1).length - 1);
        assertEquals(2, html.split("<script", -1).length - 1, "the JSON-LD and the site's own script file, nothing else");
    }

    @Test
    void aSitemapAndItsPartsAreKeptAsPublishedOnlyWhileTheBuildTrustsTheSiteStructure() {
        SiteText site = new SiteText(glossaryOf(5), Map.of());
        InputDigest digests = new InputDigest(record -> null);
        Path published = root.resolve("site");
        List<String> calls = new ArrayList<>();
        Fragments first = Fragments.onDisk(digests, Map.of(), published, Set.of(), null);
        int files = new Sitemap(site, 2, Sitemap.MAX_BYTES, first).emit(recording(calls));
        List<String> written = List.copyOf(calls);
        assertEquals(files, written.size());
        assertTrue(files > 2, "an index and its parts: " + written);
        Map<String, FragmentFile.Stored> kept = first.stored().stream()
                .collect(Collectors.toMap(FragmentFile.Stored::key, stored -> stored));
        Set<String> untouched = written.stream().map(call -> call.substring("write ".length())).collect(Collectors.toSet());

        Fragments trusting = Fragments.onDisk(digests, kept, published, untouched, null);
        trusting.trustStructureWhen(() -> true);
        calls.clear();
        assertEquals(files, new Sitemap(site, 2, Sitemap.MAX_BYTES, trusting).emit(recording(calls)));
        assertEquals(written.stream().map(call -> call.replace("write ", "keep ")).toList(), calls);

        Fragments untrusting = Fragments.onDisk(digests, kept, published, untouched, null);
        untrusting.trustStructureWhen(() -> false);
        calls.clear();
        assertEquals(files, new Sitemap(site, 2, Sitemap.MAX_BYTES, untrusting).emit(recording(calls)));
        assertEquals(written, calls, "an edit may have touched the structure: made again");
    }

    /** An output that only notes what it is asked to do with each path. */
    private static SiteOutput recording(List<String> calls) {
        return new SiteOutput() {
            @Override
            public void write(String relativePath, byte[] bytes) {
                calls.add("write " + relativePath);
            }

            @Override
            public void keepPublished(String relativePath, byte[] hash, Supplier<byte[]> bytes) {
                calls.add("keep " + relativePath);
            }

            @Override
            public List<String> paths() {
                throw new UnsupportedOperationException();
            }

            @Override
            public byte[] read(String relativePath) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** A one-language site of {@code terms} glossary terms. */
    private static ContentGraph glossaryOf(int terms) {
        SiteConfig config = new SiteConfig("Big", "", URI.create("https://big.example/"),
                List.of(new Language("en", "English", "")), Map.of(), null, 4, Map.of(), ZoneId.of("UTC"), null,
                new Organization("Big", null, null), RobotsPolicy.ALLOW_EVERYTHING, 0, 0, 20,
                100, 10, io.answersite.config.CheckSettings.DEFAULTS);
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < terms; i++) {
            PageKey key = new PageKey(Kind.GLOSSARY, "term-" + i, "en");
            Common common = new Common("Term " + i, "d", LocalDate.of(2026, 1, 1), null, null, List.of(), null, false,
                    List.of(), null, Map.of());
            pages.add(new Page.GlossaryTerm(key, "content/glossary/term-" + i + ".md", SourcePos.startOf("x"), common,
                    MarkdownDoc.EMPTY, "Term " + i, List.of(), "A term.", Map.of()));
        }
        Diagnostics diagnostics = new Diagnostics();
        ContentGraph graph = new GraphBuilder(config, "content", null, false, TestSites.TODAY)
                .build(new LoadedContent(pages, List.of()), diagnostics);
        assertEquals(List.of(), diagnostics.sorted());
        return graph;
    }

    @Test
    void sitemapOfMoreThan50000PagesBecomesAnIndexOfValidSitemaps() throws Exception {
        ContentGraph graph = glossaryOf(50_001);
        Path out = root.resolve("site");
        try (OutputTree tree = OutputTree.open(out)) {
            assertEquals(3, new Sitemap(new SiteText(graph, Map.of())).emit(tree));
            tree.commit();
        }
        String index = TestSites.read(out.resolve("sitemap.xml"));
        assertTrue(index.contains("<sitemapindex"), index);
        assertTrue(index.contains("<loc>https://big.example/sitemap-1.xml</loc>"));
        assertTrue(index.contains("<loc>https://big.example/sitemap-2.xml</loc>"));
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(getClass().getResource("/xsd/siteindex.xsd")).newValidator()
                .validate(new StreamSource(out.resolve("sitemap.xml").toFile()));
        var sitemapSchema = factory.newSchema(getClass().getResource("/xsd/sitemap.xsd"));
        int total = 0;
        for (String part : List.of("sitemap-1.xml", "sitemap-2.xml")) {
            sitemapSchema.newValidator().validate(new StreamSource(out.resolve(part).toFile()));
            total += TestSites.read(out.resolve(part)).split("<url>", -1).length - 1;
        }
        assertEquals(50_001 + 6, total, "every term, the hub and five list pages");
        assertEquals(50_000, TestSites.read(out.resolve("sitemap-1.xml")).split("<url>", -1).length - 1);
        assertTrue(Files.size(out.resolve("sitemap-1.xml")) < Sitemap.MAX_BYTES);
    }
}
