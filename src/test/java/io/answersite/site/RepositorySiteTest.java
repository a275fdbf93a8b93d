package io.answersite.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** This repository's own site (content/, templates/, site/) built through the facade the goal uses. */
class RepositorySiteTest {

    @TempDir
    Path output;

    private BuildResult build(Path to) {
        BuildResult result = new Answersite().build(TestSites.request(TestSites.repositoryRoot()).withOutputDir(to));
        assertFalse(result.failed(), () -> String.join("\n", result.diagnostics().stream().map(Object::toString).toList()));
        assertEquals(List.of(), result.diagnostics(), "the real content builds without warnings");
        return result;
    }

    @Test
    void writesEveryContentPageInEachOfItsLanguagesPlusHubsListsAndTopics() throws IOException {
        Path site = output.resolve("site");
        build(site);
        List<String> expected = new ArrayList<>(List.of("index.html", "en/index.html", "404.html",
                "assets/answersite.css"));
        for (String list : List.of("answers", "guides", "checklists", "glossary", "topics")) {
            expected.add(list + "/index.html");
            expected.add("en/" + list + "/index.html");
        }
        Path content = TestSites.repositoryRoot().resolve("content");
        try (Stream<Path> files = Files.walk(content)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                Path relative = content.relativize(file);
                if (relative.getNameCount() != 2 || relative.getName(0).toString().startsWith("_")) {
                    continue;
                }
                String name = relative.getFileName().toString().replaceFirst("\\.md$", "");
                String prefix = name.endsWith(".en") ? "en/" : "";
                String id = name.replaceFirst("\\.en$", "");
                expected.add(prefix + relative.getName(0) + "/" + id + "/index.html");
            }
        }
        List<String> missing = expected.stream().filter(p -> !Files.isRegularFile(site.resolve(p))).toList();
        assertEquals(List.of(), missing);
        assertTrue(expected.size() > 40, "the real content has more than 40 pages: " + expected.size());
    }

    @Test
    void twoBuildsOfTheSameInputAreByteIdentical() {
        build(output.resolve("first"));
        build(output.resolve("second"));
        Map<String, byte[]> first = TestSites.snapshot(output.resolve("first"));
        Map<String, byte[]> second = TestSites.snapshot(output.resolve("second"));
        assertEquals(first.keySet(), second.keySet());
        first.forEach((path, bytes) -> assertArrayEquals(bytes, second.get(path), path));
    }

    @Test
    void hubListsEveryAnswerGroupedByTopic() {
        Path site = output.resolve("site");
        build(site);
        Document hub = Jsoup.parse(TestSites.read(site.resolve("index.html")));
        assertEquals("ALLTKN 答案中心", hub.selectFirst("h1").text());
        List<String> topics = hub.select(".topic-group h3 a").eachAttr("href");
        assertEquals(List.of("/topics/cost/", "/topics/gateway/", "/topics/models/", "/topics/network/",
                "/topics/security/"), topics);
        List<String> answers = hub.select(".topic-group a.card-title").eachAttr("href");
        assertEquals(6, answers.size());
        assertTrue(answers.contains("/answers/network-connection-errors/"));
    }

    @Test
    void checklistItemsAndGuideHeadingsHaveStableAnchors() {
        Path site = output.resolve("site");
        build(site);
        Document checklist = Jsoup.parse(TestSites.read(site.resolve("checklists/network-troubleshooting/index.html")));
        List<String> groups = checklist.select(".checklist-body h2").eachAttr("id");
        assertEquals(List.of("browser", "backend", "dns", "tls", "proxy", "upstream"), groups);
        assertTrue(checklist.select("li.task-list-item").size() >= 24);
        checklist.select("li.task-list-item").forEach(item -> assertFalse(item.id().isEmpty(), item.outerHtml()));
        assertFalse(checklist.text().contains("{#"), "explicit ids are removed from the text");

        Document guide = Jsoup.parse(TestSites.read(site.resolve("guides/network-troubleshooting/index.html")));
        assertEquals(guide.select(".body h2").eachAttr("id"),
                guide.select("nav.toc li.toc-level-2 a").eachAttr("href").stream().map(h -> h.substring(1)).toList());
        assertTrue(guide.select(".body h2").eachAttr("id").contains("dns"));
    }

    @Test
    void translationsLinkToEachOtherAndEnglishPagesFallBackToTheDefaultLanguage() {
        Path site = output.resolve("site");
        build(site);
        Document en = Jsoup.parse(TestSites.read(site.resolve("en/answers/network-connection-errors/index.html")));
        assertEquals("en", en.selectFirst("html").attr("lang"));
        assertEquals(List.of("https://answers.alltkn.com/answers/network-connection-errors/",
                "https://answers.alltkn.com/en/answers/network-connection-errors/"),
                en.select("link[rel=alternate][hreflang]:not([hreflang=x-default])").eachAttr("href"));
        assertEquals("https://answers.alltkn.com/answers/network-connection-errors/",
                en.selectFirst("link[hreflang=x-default]").attr("href"));
        assertEquals("https://answers.alltkn.com/en/answers/network-connection-errors/",
                en.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("/answers/network-connection-errors/", en.selectFirst(".language-switch a").attr("href"));
        // the guide has no English translation: the English answer links to the zh-CN guide
        assertTrue(en.select("#related a.card-title").eachAttr("href").contains("/guides/network-troubleshooting/"));
    }
}
