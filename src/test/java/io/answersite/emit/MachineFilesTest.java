package io.answersite.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.answersite.BuiltSites;
import io.answersite.TestSites;
import io.answersite.site.Answersite;
import io.answersite.site.BuildRequest;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The machine-readable files of the fixture site (src/test/resources/sites/golden: English at the
 * root, a Simplified Chinese translation under zh-cn/), parsed back and checked by real validators.
 * A fixture, not this repository's content/, so that editing an answer never breaks these tests.
 */
class MachineFilesTest {

    private static final Path FIXTURE = TestSites.repositoryRoot().resolve("src/test/resources/sites/golden");
    private static final String BASE = "https://answers.example.com/";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @TempDir
    static Path output;

    static Path site;

    @BeforeAll
    static void build() {
        site = output.resolve("site");
        BuildRequest request = BuildRequest.forSite(FIXTURE, TestSites.TODAY).withOutputDir(site);
        assertEquals(List.of(), new Answersite().build(request).diagnostics(), "the fixture site builds cleanly");
    }

    /** The twins of content pages: every index.md but those of the list pages, which llms files do not list. */
    private static List<String> pageTwins() {
        return BuiltSites.files(site, "index.md").stream()
                .filter(p -> !p.matches("(zh-cn/)?(answers|guides|checklists|glossary|topics)/index\\.md")).toList();
    }

    /** The twins of pages in the default language, English, which is at the site's root. */
    private static List<String> englishTwins() {
        return pageTwins().stream().filter(p -> !p.startsWith("zh-cn/")).toList();
    }

    @Test
    void llmsTxtFollowsTheLlmstxtOrgGrammarAndLinksToMarkdownTwins() {
        for (String file : List.of("llms.txt", "zh-cn/llms.txt")) {
            LlmsTxt parsed = LlmsTxt.parse(TestSites.read(site.resolve(file)));
            assertFalse(parsed.title.isEmpty(), file);
            assertFalse(parsed.summary.isEmpty(), file);
            assertEquals("Optional", parsed.sections.keySet().stream().reduce((a, b) -> b).orElseThrow(), file);
            for (Map.Entry<String, List<String[]>> section : parsed.sections.entrySet()) {
                assertFalse(section.getValue().isEmpty(), file + " section " + section.getKey());
                for (String[] item : section.getValue()) {
                    assertTrue(item[1].startsWith(BASE), item[1]);
                    assertTrue(Files.isRegularFile(site.resolve(item[1].substring(BASE.length()))), item[1]);
                }
            }
        }
        LlmsTxt en = LlmsTxt.parse(TestSites.read(site.resolve("llms.txt")));
        assertEquals("Example Answers", en.title);
        assertEquals(List.of("API basics", "Checklists", "Glossary", "Optional"), List.copyOf(en.sections.keySet()));
        List<String[]> basics = en.sections.get("API basics");
        assertEquals("Where should I keep my API key?", basics.get(0)[0]);
        assertEquals(BASE + "answers/api-key-storage/index.md", basics.get(0)[1]);
        assertTrue(basics.get(0)[2].startsWith("Keep the key on your server"), basics.get(0)[2]);
        long items = en.sections.values().stream().mapToLong(List::size).sum();
        assertEquals(englishTwins().size() + 1, items, "every English page and llms-full.txt");
    }

    @Test
    void llmsFullHoldsEveryPublishedPageOfItsLanguage() {
        String full = TestSites.read(site.resolve("llms-full.txt"));
        assertEquals(englishTwins().size(), full.split("\n---\n", -1).length - 1);
        assertTrue(full.contains("\n## Keys\n"), "the checklist's heading, without its id marker");
        assertTrue(full.contains("(https://answers.example.com/answers/api-key-storage/)"), "a body link, absolute");
        assertFalse(Pattern.compile("</?(p|div|a|span|script|ul|li|h[1-6]|section)[ >]").matcher(full).find(),
                "no HTML in llms-full.txt");
    }

    @Test
    void llmsFullIsTheTitleThenEveryTwinWholeAfterARuleEndingWithOneLineBreak() {
        String full = TestSites.read(site.resolve("llms-full.txt"));
        List<String> parts = List.of(full.split("\n---\n\n", -1));
        assertEquals("# Example Answers\n\n> ", parts.get(0).substring(0, parts.get(0).indexOf("> ") + 2));
        assertTrue(parts.get(0).endsWith("\n") && !parts.get(0).endsWith("\n\n"), "a blank line before the first rule");
        List<String> twins = englishTwins().stream().map(p -> TestSites.read(site.resolve(p))).sorted().toList();
        // a twin ends with a line break; a blank line separates it from the next rule
        assertEquals(twins, parts.subList(1, parts.size()).stream().sorted().toList(), "each twin byte for byte");
        assertTrue(full.endsWith("\n") && !full.endsWith("\n\n"));
    }

    @Test
    void markdownTwinsAreCleanWithAbsoluteLinks() {
        for (String twin : BuiltSites.files(site, "index.md")) {
            String text = TestSites.read(site.resolve(twin));
            assertTrue(text.startsWith("# "), twin);
            assertFalse(Pattern.compile("</?(p|div|a|span|script|ul|li|h[1-6]|section)[ >]").matcher(text).find(),
                    twin + " holds HTML");
            assertFalse(text.contains("](../"), twin + " holds a relative link");
            assertFalse(text.contains(".md)"), twin + " links to a source file");
            assertFalse(Pattern.compile("(?m)\\{#[A-Za-z0-9][A-Za-z0-9_-]*}\\s*$").matcher(text).find(),
                    twin + " holds an id marker");
        }
    }

    @Test
    void llmsJsonValidatesAgainstItsPublishedSchemaAndListsEveryPage() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode index = mapper.readTree(site.resolve("llms.json").toFile());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                Files.readString(site.resolve("schemas/llms.schema.json")),
                SchemaValidatorsConfig.builder().locale(Locale.ENGLISH).formatAssertionsEnabled(true).build());
        Set<ValidationMessage> errors = schema.validate(index);
        assertEquals(Set.of(), errors);
        assertEquals(pageTwins().size(), index.path("pages").size());
        for (JsonNode page : index.path("pages")) {
            assertTrue(Files.isRegularFile(site.resolve(page.path("markdown_url").asText().substring(BASE.length()))));
            assertTrue(Files.isRegularFile(site.resolve(page.path("url").asText().substring(BASE.length()) + "index.html")));
        }
        JsonNode seed = null;
        for (JsonNode page : index.path("pages")) {
            if (page.path("id").asText().equals("rate-limits") && page.path("lang").asText().equals("en")) {
                seed = page;
            }
        }
        assertEquals("answer", seed.path("type").asText());
        assertEquals(List.of("zh-CN"), seed.path("translations").findValuesAsText("lang"));
        assertEquals(3, seed.path("related").size());
        assertEquals("glossary", seed.path("related").get(0).path("type").asText());
    }

    @Test
    void schemaRejectsAnIndexThatBreaksIt() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                Files.readString(site.resolve("schemas/llms.schema.json")),
                SchemaValidatorsConfig.builder().locale(Locale.ENGLISH).build());
        JsonNode broken = new ObjectMapper().readTree("{\"schema_version\": \"1.0\", \"site\": {\"name\": \"x\","
                + " \"base_url\": \"https://x.example/\", \"default_language\": \"en\", \"languages\": []},"
                + " \"pages\": [{\"id\": \"Bad Id\", \"type\": \"answer\"}]}");
        List<String> messages = schema.validate(broken).stream().map(ValidationMessage::getMessage).sorted().toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("/pages/0/id")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("required property 'question'")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("/site/languages")), messages.toString());
    }

    @Test
    void sitemapValidatesAgainstTheSitemapsOrgSchemaAndListsCanonicalPagesOnly() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(MachineFilesTest.class.getResource("/xsd/sitemap.xsd")).newValidator()
                .validate(new StreamSource(site.resolve("sitemap.xml").toFile()));
        Document sitemap = xml(site.resolve("sitemap.xml"));
        NodeList locs = sitemap.getElementsByTagNameNS(SITEMAP, "loc");
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < locs.getLength(); i++) {
            listed.add(locs.item(i).getTextContent());
        }
        Set<String> expected = new HashSet<>();
        for (String page : BuiltSites.files(site, "index.html")) {
            String html = TestSites.read(site.resolve(page));
            if (!html.contains("http-equiv=\"refresh\"") && !html.contains("<meta name=\"robots\" content=\"noindex\">")) {
                expected.add(BASE + page.replaceFirst("index\\.html$", ""));
            }
        }
        assertEquals(expected, listed);
        assertFalse(listed.contains(BASE + "404.html"));
        NodeList lastmods = sitemap.getElementsByTagNameNS(SITEMAP, "lastmod");
        for (int i = 0; i < lastmods.getLength(); i++) {
            assertTrue(lastmods.item(i).getTextContent().matches("\\d{4}-\\d{2}-\\d{2}"));
        }
        assertTrue(sitemap.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link").getLength() > 0);
    }

    @Test
    void everyListedPageButAHubWithoutIntroLinksToItsMarkdownTwinAndHasALastmod() throws Exception {
        Document sitemap = xml(site.resolve("sitemap.xml"));
        NodeList urls = sitemap.getElementsByTagNameNS(SITEMAP, "url");
        List<String> withoutTwin = new ArrayList<>();
        List<String> withoutLastmod = new ArrayList<>();
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            String loc = url.getElementsByTagNameNS(SITEMAP, "loc").item(0).getTextContent();
            if (url.getElementsByTagNameNS(SITEMAP, "lastmod").getLength() != 1) {
                withoutLastmod.add(loc);
            }
            String folder = loc.substring(BASE.length());
            org.jsoup.nodes.Element link = org.jsoup.Jsoup.parse(TestSites.read(site.resolve(folder + "index.html")))
                    .selectFirst("link[rel=alternate][type=text/markdown]");
            if (link == null || !link.attr("href").equals(loc + "index.md")
                    || !Files.exists(site.resolve(folder + "index.md"))) {
                withoutTwin.add(loc);
            }
        }
        // a hub has a twin only when its language has an intro page (content/_index.<lang>.md); the
        // fixture has one for English only
        assertEquals(List.of(BASE + "zh-cn/"), withoutTwin, "pages without a Markdown twin and the link to it");
        assertEquals(List.of(), withoutLastmod, "sitemap URLs without lastmod");
        assertEquals("""
                # Checklists

                > Step-by-step checklists to tick off.

                - URL: https://answers.example.com/checklists/

                - [Launch checklist](https://answers.example.com/checklists/launch/): What to check before an integration goes live.
                """, TestSites.read(site.resolve("checklists/index.md")));
    }

    @Test
    void feedsParseAsAtomWithTheNewestAnswersFirst() throws Exception {
        for (String file : List.of("feed.xml", "zh-cn/feed.xml")) {
            Document feed = xml(site.resolve(file));
            Element root = feed.getDocumentElement();
            assertEquals(ATOM, root.getNamespaceURI());
            assertEquals("feed", root.getLocalName());
            for (String required : List.of("id", "title", "updated", "link", "author")) {
                assertTrue(root.getElementsByTagNameNS(ATOM, required).getLength() > 0, file + " " + required);
            }
            NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
            assertTrue(entries.getLength() > 0, file);
            String previous = "9999";
            for (int i = 0; i < entries.getLength(); i++) {
                Element entry = (Element) entries.item(i);
                for (String required : List.of("id", "title", "updated", "link", "summary")) {
                    assertEquals(1, entry.getElementsByTagNameNS(ATOM, required).getLength(), file + " entry " + required);
                }
                String updated = entry.getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent();
                assertTrue(updated.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})"), updated);
                assertTrue(updated.compareTo(previous) <= 0, "newest first");
                previous = updated;
            }
        }
        assertEquals(2, xml(site.resolve("feed.xml")).getElementsByTagNameNS(ATOM, "entry").getLength(),
                "the two published English answers; the draft is not listed");
    }

    @Test
    void defaultRobotsTxtAllowsEveryoneIncludingAiCrawlersAndNamesTheSitemap() {
        Robots parsed = Robots.parse(TestSites.read(site.resolve("robots.txt")));
        for (String agent : List.of("Googlebot", "GPTBot", "OAI-SearchBot", "ChatGPT-User", "ClaudeBot",
                "Claude-SearchBot", "Claude-User", "PerplexityBot", "Perplexity-User", "Google-Extended",
                "Applebot-Extended", "CCBot", "Bytespider", "meta-externalagent")) {
            assertTrue(parsed.allowed(agent, "/answers/rate-limits/"), agent);
        }
        assertEquals(List.of(BASE + "sitemap.xml"), parsed.sitemaps);
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(TestSites.read(file))));
    }

    /** The llmstxt.org reference grammar: H1, blockquote, prose, then sections split on '^##'. */
    static final class LlmsTxt {
        private static final Pattern ITEM = Pattern.compile("^- \\[(?<name>[^\\]]+)\\]\\((?<url>[^)]+)\\)(?::\\s*(?<notes>.*))?$");

        String title;
        String summary;
        final Map<String, List<String[]>> sections = new LinkedHashMap<>();

        static LlmsTxt parse(String text) {
            LlmsTxt parsed = new LlmsTxt();
            String[] parts = text.split("(?m)^## ");
            String head = parts[0];
            Matcher title = Pattern.compile("(?m)^# (.+)$").matcher(head);
            assertTrue(title.find(), "an H1 title");
            parsed.title = title.group(1).strip();
            Matcher summary = Pattern.compile("(?m)^> (.+)$").matcher(head);
            assertTrue(summary.find(), "a blockquote summary");
            parsed.summary = summary.group(1).strip();
            for (int i = 1; i < parts.length; i++) {
                String[] lines = parts[i].split("\n");
                List<String[]> items = new ArrayList<>();
                for (int j = 1; j < lines.length; j++) {
                    if (lines[j].isBlank()) {
                        continue;
                    }
                    Matcher item = ITEM.matcher(lines[j]);
                    assertTrue(item.matches(), "not a file-list item: " + lines[j]);
                    items.add(new String[] {item.group("name"), item.group("url"), item.group("notes")});
                }
                parsed.sections.put(lines[0].strip(), items);
            }
            return parsed;
        }
    }

    /** Enough of the robots.txt standard (RFC 9309) to check what a file allows. */
    static final class Robots {
        final List<Map.Entry<List<String>, List<String[]>>> groups = new ArrayList<>();
        final List<String> sitemaps = new ArrayList<>();

        static Robots parse(String text) {
            Robots robots = new Robots();
            List<String> agents = null;
            List<String[]> rules = null;
            boolean inRules = false;
            for (String raw : text.split("\n")) {
                String line = raw.replaceFirst("#.*$", "").strip();
                if (line.isEmpty()) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                if (field.equals("user-agent")) {
                    if (agents == null || inRules) {
                        agents = new ArrayList<>();
                        rules = new ArrayList<>();
                        robots.groups.add(Map.entry(agents, rules));
                        inRules = false;
                    }
                    agents.add(value.toLowerCase(Locale.ROOT));
                } else if (field.equals("allow") || field.equals("disallow")) {
                    rules.add(new String[] {field, value});
                    inRules = true;
                } else if (field.equals("sitemap")) {
                    robots.sitemaps.add(value);
                }
            }
            return robots;
        }

        /** The most specific matching rule of the agent's group (or '*') wins; allow wins ties. */
        boolean allowed(String agent, String path) {
            List<String[]> rules = null;
            for (Map.Entry<List<String>, List<String[]>> group : groups) {
                if (group.getKey().contains(agent.toLowerCase(Locale.ROOT))) {
                    rules = group.getValue();
                }
            }
            if (rules == null) {
                for (Map.Entry<List<String>, List<String[]>> group : groups) {
                    if (group.getKey().contains("*")) {
                        rules = group.getValue();
                    }
                }
            }
            if (rules == null) {
                return true;
            }
            String best = null;
            int length = -1;
            for (String[] rule : rules) {
                if (!rule[1].isEmpty() && path.startsWith(rule[1])
                        && (rule[1].length() > length || (rule[1].length() == length && rule[0].equals("allow")))) {
                    best = rule[0];
                    length = rule[1].length();
                }
            }
            return best == null || best.equals("allow");
        }
    }
}
