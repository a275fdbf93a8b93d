package io.answersite.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.answersite.BuiltSites;
import io.answersite.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Lists split into pages and the hub cut short, on this repository's site with two entries a list
 * page and one answer per topic on the hub ({@link BuiltSites#PAGED}), against the same site built
 * with the defaults, where everything fits on one page.
 */
class PagedListsTest {

    private static final String BASE = "https://answers.alltkn.com/";

    private static Document page(Path site, String folder) {
        return Jsoup.parse(TestSites.read(site.resolve(folder + "index.html")), BASE + folder);
    }

    private static List<String> cardUrls(Document page) {
        return page.select("ul.cards li.card a.card-title, dl.glossary-list dt a").eachAttr("href");
    }

    @Test
    void everyEntryOfAListIsOnExactlyOneOfItsPagesInOrderAndEachPageLinksItsNeighbours() {
        Path paged = BuiltSites.pagedRepositorySite();
        for (String list : List.of("answers/", "topics/", "glossary/")) {
            List<String> whole = cardUrls(page(BuiltSites.repositorySite(), list));
            int pages = (whole.size() + 1) / 2;
            assertTrue(pages >= 2, list + " has entries for at least two pages: " + whole);
            List<String> seen = new ArrayList<>();
            for (int number = 1; number <= pages; number++) {
                String folder = number == 1 ? list : list + "page/" + number + "/";
                Document page = page(paged, folder);
                List<String> cards = cardUrls(page);
                assertTrue(cards.size() == 2 || number == pages && cards.size() == 1, folder + ": " + cards);
                seen.addAll(cards);
                assertEquals(BASE + folder, page.selectFirst("link[rel=canonical]").attr("href"), folder);
                Element nav = page.selectFirst("nav.pagination");
                assertEquals("第 " + number + " 页,共 " + pages + " 页", nav.selectFirst("[aria-current=page]").text());
                assertEquals(number > 1 ? "/" + (number == 2 ? list : list + "page/" + (number - 1) + "/") : null,
                        attr(nav.selectFirst("a[rel=prev]")), folder + " previous");
                assertEquals(number < pages ? "/" + list + "page/" + (number + 1) + "/" : null,
                        attr(nav.selectFirst("a[rel=next]")), folder + " next");
                if (number > 1) {
                    assertTrue(page.title().contains("第 " + number + " 页"), page.title());
                    assertTrue(page.select("link[hreflang]").isEmpty(), folder + ": pages after the first have no"
                            + " translations of their own");
                    assertEquals(cards.size(), ldEntries(page).size(),
                            folder + ": the JSON-LD lists this page's entries");
                }
            }
            assertEquals(whole, seen, list);
            for (int number = 1; number <= pages; number++) {
                String folder = number == 1 ? list : list + "page/" + number + "/";
                String twin = TestSites.read(paged.resolve(folder + "index.md"));
                assertTrue(twin.contains("- URL: " + BASE + folder + "\n- 第 " + number + " 页,共 " + pages + " 页\n"),
                        folder + " twin:\n" + twin);
                List<String> lines = twin.lines().filter(line -> line.startsWith("- [")).toList();
                List<String> cards = cardUrls(page(paged, folder));
                assertEquals(cards.size(), lines.size(), folder + " twin lists the page's entries:\n" + twin);
                for (int i = 0; i < cards.size(); i++) {
                    assertTrue(lines.get(i).contains("](" + BASE + cards.get(i).substring(1) + ")"), lines.get(i));
                }
                assertEquals(BASE + folder + "index.md", page(paged, folder)
                        .selectFirst("link[rel=alternate][type=text/markdown]").attr("href"), folder);
            }
            assertFalse(Files.exists(paged.resolve(list + "page/" + (pages + 1) + "/index.html")), list);
        }
    }

    @Test
    void aListThatFitsOnOnePageHasNoPaginationAndNoFurtherPages() {
        Path site = BuiltSites.repositorySite();
        assertNull(page(site, "answers/").selectFirst("nav.pagination"));
        assertFalse(Files.exists(site.resolve("answers/page")));
    }

    @Test
    void theHubShowsEachTopicsFirstAnswerAndLinksTheCutGroupsToTheirTopicPages() {
        Map<String, List<String>> whole = groups(page(BuiltSites.repositorySite(), ""));
        Document hub = page(BuiltSites.pagedRepositorySite(), "");
        Map<String, List<String>> cut = groups(hub);
        assertEquals(whole.keySet(), cut.keySet());
        boolean anyCut = false;
        for (Element group : hub.select("section.topic-group")) {
            String topic = topicOf(group);
            assertEquals(whole.get(topic).subList(0, 1), cut.get(topic), topic);
            Element all = group.selectFirst("p.see-all a");
            if (whole.get(topic).size() > 1) {
                anyCut = true;
                assertEquals("查看全部 " + whole.get(topic).size() + " 条", all.text(), topic);
                assertEquals(topic, all.attr("href"), "the link goes to the topic's page");
            } else {
                assertNull(all, topic);
            }
        }
        assertTrue(anyCut, "the repository's site has a topic with more than one answer");
    }

    @Test
    void theHubsMarkdownTwinIsCutAsTheHubIs() {
        Map<String, List<String>> whole = groups(page(BuiltSites.repositorySite(), ""));
        String twin = TestSites.read(BuiltSites.pagedRepositorySite().resolve("index.md"));
        int cut = 0;
        for (Map.Entry<String, List<String>> group : whole.entrySet()) {
            List<String> answers = group.getValue();
            assertTrue(twin.contains("(" + BASE + answers.get(0).substring(1) + ")"), group.getKey());
            for (String later : answers.subList(1, answers.size())) {
                assertFalse(twin.contains("(" + BASE + later.substring(1) + ")"), later + " is not on the hub");
            }
            if (answers.size() > 1) {
                cut++;
                assertTrue(twin.contains("- [查看全部 " + answers.size() + " 条](" + BASE + group.getKey().substring(1)
                        + ")\n"), group.getKey() + " in\n" + twin);
            }
        }
        assertTrue(cut > 0);
    }

    private static Map<String, List<String>> groups(Document hub) {
        Map<String, List<String>> groups = new TreeMap<>();
        for (Element group : hub.select("section.topic-group")) {
            groups.put(topicOf(group), cardUrls(Jsoup.parse(group.outerHtml())));
        }
        return groups;
    }

    private static String topicOf(Element group) {
        Element heading = group.selectFirst("h3 a");
        return heading == null ? "" : heading.attr("href");
    }

    /** The entries of a list page's JSON-LD: its ItemList's, or the glossary's DefinedTermSet's. */
    private static JsonNode ldEntries(Document page) {
        try {
            for (JsonNode node : new ObjectMapper().readTree(page.selectFirst("script[type=application/ld+json]").data())
                    .path("@graph")) {
                if (node.path("@type").asText().equals("ItemList")) {
                    return node.path("itemListElement");
                }
                if (node.path("@type").asText().equals("DefinedTermSet")) {
                    return node.path("hasDefinedTerm");
                }
            }
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no ItemList in " + page.location());
    }

    private static String attr(Element link) {
        return link == null ? null : link.attr("href");
    }
}
