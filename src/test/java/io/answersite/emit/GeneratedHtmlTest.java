package io.answersite.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.answersite.BuiltSites;
import io.answersite.TestSites;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nu.validator.validation.SimpleDocumentValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Every HTML page of this repository's site, checked by real validators: the Nu HTML Checker, the
 * JSON-LD rules (parses, no raw '<', references resolve, required properties per type, FAQ text
 * visible), and the head (canonical, lang, hreflang, Open Graph, discovery links).
 */
class GeneratedHtmlTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://answers.alltkn.com/";

    /** A built site and its HTML pages by path. */
    private record Built(Path site, Map<String, Document> pages) {
    }

    private static final Map<String, Built> BUILT = new HashMap<>();

    /** The repository's site as it is, and with its lists split into pages of two and its hub cut short. */
    static List<String> sites() {
        return List.of("repository", "paged");
    }

    private static synchronized Built built(String name) {
        return BUILT.computeIfAbsent(name, n -> {
            Path site = n.equals("paged") ? BuiltSites.pagedRepositorySite() : BuiltSites.repositorySite();
            Map<String, Document> pages = new HashMap<>();
            for (String path : BuiltSites.files(site, ".html")) {
                pages.put(path, Jsoup.parse(TestSites.read(site.resolve(path)), BASE + path));
            }
            assertTrue(pages.size() > 40);
            return new Built(site, pages);
        });
    }

    @ParameterizedTest
    @MethodSource("sites")
    void everyPagePassesTheNuHtmlChecker(String name) throws Exception {
        Path site = built(name).site();
        Map<String, Document> pages = built(name).pages();
        List<String> errors = new ArrayList<>();
        String[] current = {""};
        ErrorHandler collector = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings (such as "consider adding a lang attribute") are advice, not errors
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(current[0] + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collector);
        validator.setUpValidatorAndParsers(collector, true, false);
        for (String path : new TreeSet<>(pages.keySet())) {
            current[0] = path;
            validator.checkHtmlInputSource(new InputSource(new ByteArrayInputStream(
                    Files.readAllBytes(site.resolve(path)))));
        }
        assertEquals(List.of(), errors);
    }

    @ParameterizedTest
    @MethodSource("sites")
    void everyPageHasOneJsonLdGraphWhoseReferencesResolve(String name) throws Exception {
        Path site = built(name).site();
        Map<String, Document> pages = built(name).pages();
        for (Map.Entry<String, Document> entry : pages.entrySet()) {
            if (entry.getKey().equals("404.html") || isRedirect(entry.getValue())) {
                continue;
            }
            List<Element> scripts = entry.getValue().select("script[type=application/ld+json]");
            assertEquals(1, scripts.size(), entry.getKey());
            String raw = scripts.get(0).data();
            assertFalse(raw.contains("<"), entry.getKey() + ": raw '<' in JSON-LD");
            JsonNode root = JSON.readTree(raw);
            assertEquals("https://schema.org", root.path("@context").asText(), entry.getKey());
            assertTrue(root.path("@graph").isArray(), entry.getKey());
            Set<String> defined = new HashSet<>();
            List<String> references = new ArrayList<>();
            collectIds(root.path("@graph"), defined, references);
            for (JsonNode node : root.path("@graph")) {
                assertTrue(node.hasNonNull("@id"), entry.getKey() + ": top-level node without @id: " + node);
            }
            for (String reference : references) {
                assertTrue(defined.contains(reference), entry.getKey() + ": unresolved @id " + reference);
            }
            assertTrue(types(root).contains("BreadcrumbList"), entry.getKey() + " has a BreadcrumbList");
            String visible = entry.getValue().body().text();
            for (JsonNode node : root.path("@graph")) {
                String type = node.path("@type").asText();
                for (String property : REQUIRED.getOrDefault(type, List.of())) {
                    assertTrue(node.hasNonNull(property) && !(node.get(property).isTextual() && node.get(property).asText().isEmpty()),
                            entry.getKey() + ": " + type + " without " + property);
                }
                if (type.equals("Article")) {
                    assertTrue(node.path("author").hasNonNull("name") && node.path("author").hasNonNull("url"),
                            entry.getKey() + ": Article author needs name and url");
                    assertTrue(node.path("dateModified").asText().matches(".*T.*([+-]\\d{2}:\\d{2}|Z)"),
                            entry.getKey() + ": dateModified with a time zone");
                }
                if (type.equals("FAQPage")) {
                    for (JsonNode question : node.path("mainEntity")) {
                        assertTrue(visible.contains(question.path("name").asText()), entry.getKey() + ": "
                                + question.path("name").asText() + " is not visible");
                        assertTrue(visible.contains(textOf(question.path("acceptedAnswer").path("text").asText())),
                                entry.getKey() + ": an FAQ answer is not visible");
                    }
                }
                if (type.equals("BreadcrumbList")) {
                    JsonNode items = node.path("itemListElement");
                    for (int i = 0; i < items.size(); i++) {
                        assertEquals(i + 1, items.get(i).path("position").asInt(), entry.getKey());
                        assertTrue(items.get(i).path("item").asText().startsWith(BASE), entry.getKey());
                    }
                }
            }
        }
    }

    /** What a reader sees of an {@code acceptedAnswer.text}, which may be HTML (inline Markdown in the answer). */
    private static String textOf(String answerText) {
        return Jsoup.parseBodyFragment(answerText).text();
    }

    /**
     * Properties each type must carry: Google's documented required and recommended ones for Article
     * and BreadcrumbList, schema.org's expected ones for the rest.
     */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "Article", List.of("headline", "image", "datePublished", "dateModified", "author", "publisher",
                    "mainEntityOfPage", "description", "inLanguage"),
            "BreadcrumbList", List.of("itemListElement"),
            "FAQPage", List.of("mainEntity"),
            "HowTo", List.of("name", "step"),
            "DefinedTerm", List.of("name", "description", "inDefinedTermSet", "url"),
            "DefinedTermSet", List.of("name", "hasDefinedTerm", "url"),
            "CollectionPage", List.of("name", "url", "inLanguage", "isPartOf"),
            "WebPage", List.of("name", "url", "inLanguage", "isPartOf"),
            "ItemList", List.of("itemListElement", "numberOfItems"),
            "WebSite", List.of("name", "url", "publisher"));

    @ParameterizedTest
    @MethodSource("sites")
    void answerPagesCarryArticleAndFaqPageWhoseTextIsVisible(String name) throws Exception {
        Path site = built(name).site();
        Map<String, Document> pages = built(name).pages();
        Document page = pages.get("answers/network-connection-errors/index.html");
        JsonNode graph = graph(page);
        JsonNode article = node(graph, "Article");
        for (String property : List.of("headline", "image", "datePublished", "dateModified", "author", "publisher",
                "mainEntityOfPage", "description", "inLanguage", "isPartOf", "about")) {
            assertTrue(article.has(property), "Article." + property);
        }
        assertEquals("ALLTKN 编辑团队", article.path("author").path("name").asText());
        assertTrue(article.path("author").path("url").asText().startsWith("https://"));
        assertTrue(article.path("datePublished").asText().matches("\\d{4}-\\d{2}-\\d{2}T00:00:00\\+08:00"),
                article.path("datePublished").asText());
        JsonNode faq = node(graph, "FAQPage");
        JsonNode questions = faq.path("mainEntity");
        assertEquals(3, questions.size(), "the page's question and two follow-ups");
        assertEquals(page.selectFirst("h1").text(), questions.get(0).path("name").asText());
        String visible = page.body().text();
        for (JsonNode question : questions) {
            assertTrue(visible.contains(question.path("name").asText()), question.path("name").asText());
            assertTrue(visible.contains(textOf(question.path("acceptedAnswer").path("text").asText())),
                    question.path("acceptedAnswer").path("text").asText());
        }
        JsonNode crumbs = node(graph, "BreadcrumbList").path("itemListElement");
        for (int i = 0; i < crumbs.size(); i++) {
            assertEquals(i + 1, crumbs.get(i).path("position").asInt());
            assertTrue(crumbs.get(i).path("item").asText().startsWith(BASE));
            assertFalse(crumbs.get(i).path("name").asText().isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("sites")
    void otherKindsCarryTheirSchemaOrgTypes(String name) throws Exception {
        Path site = built(name).site();
        Map<String, Document> pages = built(name).pages();
        JsonNode checklist = graph(pages.get("checklists/network-troubleshooting/index.html"));
        JsonNode howTo = node(checklist, "HowTo");
        assertEquals(6, howTo.path("step").size());
        for (JsonNode section : howTo.path("step")) {
            assertEquals("HowToSection", section.path("@type").asText());
            assertFalse(section.path("itemListElement").isEmpty());
            section.path("itemListElement").forEach(step -> assertEquals("HowToStep", step.path("@type").asText()));
        }
        assertNotNull(node(checklist, "Article"));
        assertNotNull(node(graph(pages.get("guides/network-troubleshooting/index.html")), "Article"));
        JsonNode term = node(graph(pages.get("glossary/cors/index.html")), "DefinedTerm");
        assertEquals("DefinedTermSet", term.path("inDefinedTermSet").path("@type").asText());
        boolean paged = name.equals("paged"); // two entries a list page, one answer per topic on the hub
        assertEquals(paged ? 2 : 13, node(graph(pages.get("glossary/index.html")), "DefinedTermSet")
                .path("hasDefinedTerm").size());
        JsonNode topic = graph(pages.get("topics/network/index.html"));
        assertNotNull(node(topic, "CollectionPage"));
        assertFalse(node(topic, "ItemList").path("itemListElement").isEmpty());
        JsonNode home = graph(pages.get("index.html"));
        assertNotNull(node(home, "WebSite"));
        assertNotNull(node(home, "Organization"));
        assertEquals(paged ? pages.get("index.html").select("section.topic-group").size() : 6,
                node(home, "ItemList").path("itemListElement").size());
        JsonNode englishHome = graph(pages.get("en/index.html"));
        assertFalse(types(englishHome).contains("Organization") && hasTopLevel(englishHome, "WebSite"),
                "WebSite and Organization only on the home page");
    }

    @ParameterizedTest
    @MethodSource("sites")
    void headIsCompleteAndHreflangSetsAreReciprocal(String name) {
        Path site = built(name).site();
        Map<String, Document> pages = built(name).pages();
        for (Map.Entry<String, Document> entry : pages.entrySet()) {
            String path = entry.getKey();
            Document page = entry.getValue();
            if (path.equals("404.html") || isRedirect(page)) {
                continue;
            }
            String expected = BASE + path.replaceFirst("index\\.html$", "");
            assertEquals(expected, page.selectFirst("link[rel=canonical]").attr("href"), path);
            assertEquals(expected, page.selectFirst("meta[property=og:url]").attr("content"), path);
            assertEquals(path.startsWith("en/") ? "en" : "zh-CN", page.selectFirst("html").attr("lang"), path);
            for (String property : List.of("og:title", "og:type", "og:image", "og:locale", "og:description")) {
                assertFalse(page.select("meta[property=" + property + "]").attr("content").isEmpty(), path + " " + property);
            }
            assertEquals("summary_large_image", page.selectFirst("meta[name=twitter:card]").attr("content"));
            assertFalse(page.select("link[rel=alternate][type=application/atom+xml]").isEmpty(), path);
            assertTrue(page.selectFirst("link[rel=describedby]").attr("href").endsWith("llms.txt"), path);
            assertFalse(page.select("title").text().isEmpty(), path);
            assertFalse(page.select("meta[name=description]").attr("content").isEmpty(), path);
            Element markdown = page.selectFirst("link[rel=alternate][type=text/markdown]");
            if (markdown != null) {
                assertTrue(Files.isRegularFile(site.resolve(markdown.attr("href").substring(BASE.length()))), path);
            }
            List<String> alternates = page.select("link[rel=alternate][hreflang]:not([hreflang=x-default])").eachAttr("href");
            if (alternates.isEmpty()) {
                continue;
            }
            assertTrue(alternates.contains(expected), path + " lists itself among its alternates");
            assertEquals(1, page.select("link[hreflang=x-default]").size(), path);
            for (String alternate : alternates) {
                Document other = pages.get(alternate.substring(BASE.length()) + "index.html");
                assertNotNull(other, path + " -> " + alternate);
                assertEquals(new TreeSet<>(alternates), new TreeSet<>(other
                        .select("link[rel=alternate][hreflang]:not([hreflang=x-default])").eachAttr("href")),
                        "hreflang set of " + path + " and " + alternate);
            }
        }
    }

    private static boolean isRedirect(Document page) {
        return !page.select("meta[http-equiv=refresh]").isEmpty();
    }

    private static JsonNode graph(Document page) throws Exception {
        return JSON.readTree(page.selectFirst("script[type=application/ld+json]").data()).path("@graph");
    }

    private static JsonNode node(JsonNode graph, String type) {
        JsonNode nodes = graph.has("@graph") ? graph.path("@graph") : graph;
        for (JsonNode node : nodes) {
            if (node.path("@type").asText().equals(type)) {
                return node;
            }
        }
        throw new AssertionError("no " + type + " node in " + graph);
    }

    private static boolean hasTopLevel(JsonNode graph, String type) {
        for (JsonNode node : graph) {
            if (node.path("@type").asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> types(JsonNode root) {
        Set<String> types = new HashSet<>();
        (root.has("@graph") ? root.path("@graph") : root).forEach(n -> types.add(n.path("@type").asText()));
        return types;
    }

    /** Node objects with properties define their @id; objects holding nothing but @id refer to one. */
    private static void collectIds(JsonNode node, Set<String> defined, List<String> references) {
        if (node.isObject()) {
            if (node.has("@id")) {
                if (node.size() == 1) {
                    references.add(node.get("@id").asText());
                } else {
                    defined.add(node.get("@id").asText());
                }
            }
            Iterator<JsonNode> children = node.elements();
            while (children.hasNext()) {
                collectIds(children.next(), defined, references);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectIds(child, defined, references));
        }
    }
}
