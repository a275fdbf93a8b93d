package io.answersite.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed answer (src/test/resources/seed/, a real page of the answer center as a reader sees it)
 * against the page this repository's content builds: every section of the seed is on the page, in
 * the seed's order, with the seed's text.
 */
class SeedAnswerPageTest {

    @TempDir
    static Path output;

    static Document page;
    static Seed seed;

    @BeforeAll
    static void buildTheRepositorySite() {
        BuildResult result = new Answersite().build(TestSites.request(TestSites.repositoryRoot())
                .withOutputDir(output.resolve("site")));
        assertFalse(result.failed(), () -> String.join("\n", result.diagnostics().stream().map(Object::toString).toList()));
        page = Jsoup.parse(TestSites.read(output.resolve("site/answers/network-connection-errors/index.html")));
        seed = Seed.parse(TestSites.read(TestSites.repositoryRoot()
                .resolve("src/test/resources/seed/network-connection-errors.txt")));
    }

    @Test
    void showsTitleAuthorAndDescription() {
        assertEquals(seed.title, page.selectFirst("h1").text());
        assertEquals(seed.byline, page.selectFirst(".byline .author").text() + " ·");
        assertEquals(seed.description, page.selectFirst(".page-header .description").text());
    }

    @Test
    void showsTheDirectAnswerWithTheOriginalQuestion() {
        Element section = section("直接回答当前问题");
        assertEquals(seed.sections.get("直接回答当前问题").get(0), section.selectFirst(".original-question").text());
        assertEquals(seed.sections.get("直接回答当前问题").get(1), section.selectFirst(".short-answer").text());
    }

    @Test
    void showsGroundsAndNextStepsAsLists() {
        assertEquals(seed.bullets("判断依据和适用边界"), texts(section("判断依据和适用边界").select("li")));
        assertEquals(seed.bullets("建议执行的下一步"), texts(section("建议执行的下一步").select("li")));
    }

    @Test
    void showsTheEnglishSummaryThenTheBody() {
        List<String> seedLines = seed.sections.get("AI search implementation summary");
        Element summary = section("AI search implementation summary");
        assertEquals("en", summary.attr("lang"));
        List<String> summaryParagraphs = texts(summary.select("p"));
        assertEquals(seedLines.subList(0, summaryParagraphs.size()), summaryParagraphs);
        List<String> body = texts(page.select("article.answer > .body > p"));
        assertEquals(seedLines.subList(summaryParagraphs.size(), seedLines.size()), body);
    }

    @Test
    void showsFollowUpQuestionsWithTheirAnswers() {
        List<String> expected = seed.bullets("常见后续问题说明");
        List<String> shown = new ArrayList<>();
        for (Element term : section("常见后续问题说明").select("dt")) {
            shown.add(term.text());
            shown.add(term.nextElementSibling().text());
        }
        assertEquals(expected, shown);
    }

    @Test
    void showsRelatedPagesWithTheirNotesInTheSeedOrder() {
        List<String> seedItems = seed.bullets("继续查证的相关页面");
        List<Element> cards = section("继续查证的相关页面").select("li.card");
        assertEquals(seedItems.size(), cards.size());
        for (int i = 0; i < cards.size(); i++) {
            String note = seedItems.get(i).substring(seedItems.get(i).indexOf(':') + 1);
            assertEquals(note, cards.get(i).selectFirst(".card-text").text());
            assertTrue(cards.get(i).selectFirst("a.card-title").attr("href").startsWith("/"));
        }
        assertEquals("网络连接排查手册", cards.get(0).selectFirst("a.card-title").text());
        assertEquals("/guides/network-troubleshooting/", cards.get(0).selectFirst("a").attr("href"));
        assertEquals("网络连接排查清单", cards.get(1).selectFirst("a.card-title").text());
        assertEquals("网络连接和 CORS 主题", cards.get(2).selectFirst("a.card-title").text() + " "
                + cards.get(2).selectFirst(".kind-label").text());
        assertEquals("/answers/api-key-leak/", cards.get(3).selectFirst("a").attr("href"));
        assertEquals("/", cards.get(4).selectFirst("a").attr("href"));
    }

    @Test
    void showsTheHandoffAndReviewNotesFromSnippets() {
        assertEquals(seed.sections.get("落地记录和团队交接"), texts(section("落地记录和团队交接").select("p")));
        assertFalse(section("内容审核说明和安全边界").select("p").text().isBlank());
    }

    @Test
    void showsMoreShortAnswersWithTitlesAndShortAnswers() {
        Map<String, String> expected = new TreeMap<>();
        for (String item : seed.bullets("更多同类短答案")) {
            int colon = item.indexOf("?:") + 1;
            expected.put(item.substring(0, colon), item.substring(colon + 1));
        }
        Map<String, String> shown = new TreeMap<>();
        for (Element card : section("更多同类短答案").select("li.card")) {
            shown.put(card.selectFirst("a.card-title").text(), card.selectFirst(".card-text").text());
        }
        assertEquals(expected, shown);
    }

    @Test
    void showsTheSectionsInTheSeedOrder() {
        List<String> headings = texts(page.select("article.answer h2"));
        assertEquals(new ArrayList<>(seed.sections.keySet()), headings);
    }

    private static Element section(String heading) {
        for (Element h2 : page.select("article.answer section > h2")) {
            if (h2.text().equals(heading)) {
                return h2.parent();
            }
        }
        throw new AssertionError("no section headed '" + heading + "' on the page");
    }

    private static List<String> texts(List<Element> elements) {
        return elements.stream().map(Element::text).toList();
    }

    /** The seed file: title, byline, description, then sections headed by lines without a bullet. */
    static final class Seed {
        static final List<String> HEADINGS = List.of("直接回答当前问题", "判断依据和适用边界", "建议执行的下一步",
                "AI search implementation summary", "常见后续问题说明", "继续查证的相关页面", "落地记录和团队交接",
                "内容审核说明和安全边界", "更多同类短答案");

        String title;
        String byline;
        String description;
        final Map<String, List<String>> sections = new LinkedHashMap<>();

        static Seed parse(String text) {
            Seed seed = new Seed();
            String[] lines = text.split("\n");
            seed.title = lines[0].strip();
            seed.byline = lines[1].strip();
            seed.description = lines[2].strip();
            List<String> current = null;
            for (int i = 3; i < lines.length; i++) {
                String line = lines[i].strip();
                if (HEADINGS.contains(line)) {
                    current = new ArrayList<>();
                    seed.sections.put(line, current);
                } else if (!line.isEmpty()) {
                    assertNotNull(current, "text before the first section: " + line);
                    current.add(line);
                }
            }
            assertEquals(HEADINGS, new ArrayList<>(seed.sections.keySet()));
            return seed;
        }

        List<String> bullets(String heading) {
            return sections.get(heading).stream().map(l -> l.startsWith("- ") ? l.substring(2) : l).toList();
        }
    }
}
