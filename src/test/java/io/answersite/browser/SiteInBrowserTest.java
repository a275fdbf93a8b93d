package io.answersite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.answersite.BuiltSites;
import io.answersite.TestSites;
import io.answersite.search.SearchEngine;
import io.answersite.search.SearchTokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * This repository's site in headless Chromium (Debian's package): pages without console errors,
 * screenshots at phone and desktop widths, search in the browser agreeing with the reference
 * engine, keyboard use, and axe-core's accessibility rules. Runs in the {@code browser} profile:
 * {@code mvn -Pbrowser test -Daxe.path=…/axe.min.js} (.ci/run installs both).
 */
@Tag("browser")
class SiteInBrowserTest {

    private static final List<String> PAGES = List.of("/", "/answers/network-connection-errors/",
            "/checklists/network-troubleshooting/", "/search/?q=CORS%20%E8%B7%A8%E5%9F%9F");
    private static final List<String> NAMES = List.of("hub", "answer", "checklist", "search");

    static Path site;
    static StaticServer server;
    static Chromium browser;

    @BeforeAll
    static void start() throws Exception {
        site = BuiltSites.repositorySite();
        server = new StaticServer(site);
        browser = new Chromium();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void waitFor(String condition) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!browser.eval("Boolean(" + condition + ")").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + condition);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void pagesLoadWithoutConsoleErrorsFitAPhoneAndAreScreenshotted() throws Exception {
        Path shots = TestSites.repositoryRoot().resolve("target/screenshots");
        for (int[] size : new int[][] {{390, 844}, {1280, 900}, {320, 640}}) {
            browser.viewport(size[0], size[1], size[0] < 600);
            for (int i = 0; i < PAGES.size(); i++) {
                browser.clearConsole();
                browser.open(server.url(PAGES.get(i)));
                if (NAMES.get(i).equals("search")) {
                    waitFor("document.querySelectorAll('#search-results li').length > 0");
                }
                assertEquals(List.of(), browser.consoleErrors(), PAGES.get(i));
                int overflow = browser.eval("document.documentElement.scrollWidth - window.innerWidth").asInt();
                assertTrue(overflow <= 0, PAGES.get(i) + " scrolls sideways at " + size[0] + " px by " + overflow);
                if (size[0] != 320) {
                    browser.screenshot(shots.resolve(NAMES.get(i) + "-" + size[0] + ".png"));
                }
            }
        }
        assertTrue(Files.size(shots.resolve("answer-390.png")) > 10_000);
    }

    @Test
    void searchInTheBrowserRanksAsTheReferenceEngineAndFindsTheGoldenPages() throws Exception {
        browser.viewport(1280, 900, false);
        browser.open(server.url("/search/"));
        List<String> lines = Files.readAllLines(TestSites.repositoryRoot().resolve(
                "src/test/resources/search/golden-queries.csv"), StandardCharsets.UTF_8);
        List<String> mismatches = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String language = cells[0].strip();
            String query = cells[1].strip();
            String expected = cells[2].strip();
            JsonNode hits = browser.eval("new AnswersiteSearch.Engine('/search/" + language + "/').search("
                    + quote(query) + ", 3).then(r => r.hits.map(h => h.url))");
            List<String> inBrowser = new ArrayList<>();
            hits.forEach(h -> inBrowser.add(h.asText()));
            List<String> reference = new SearchEngine(site.resolve("search/" + language)).search(query, 3).stream()
                    .map(SearchEngine.Hit::url).toList();
            if (!inBrowser.equals(reference) || !inBrowser.contains(expected)) {
                mismatches.add(query + ": browser " + inBrowser + ", reference " + reference + ", expected " + expected);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void theConsoleCollectorSeesErrorsAndFailedLoads() throws Exception {
        browser.open(server.url("/"));
        browser.clearConsole();
        browser.eval("console.error('answersite-probe'); fetch('/no-such-file.json').catch(() => 0); "
                + "new Promise(r => setTimeout(r, 200))");
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.stream().anyMatch(e -> e.contains("answersite-probe")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("/no-such-file.json") && e.contains("404")), errors.toString());
        browser.clearConsole();
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theBrowserTokenizesExactlyAsTheBuild() throws Exception {
        browser.open(server.url("/search/"));
        for (String text : List.of("CORS 跨域请求", "Base_URL 配置", "504超时 ETIMEDOUT", "ＡＰＩ　Ｋｅｙ", "模型不存在?",
                "node.js 与 Python SDK", "é café Ω", "502/503/504")) {
            List<String> inBrowser = new ArrayList<>();
            browser.eval("AnswersiteSearch.tokens(" + quote(text) + ")").forEach(t -> inBrowser.add(t.asText()));
            assertEquals(SearchTokenizer.tokens(text), inBrowser, text);
        }
    }

    @Test
    void searchPageHighlightsMatchesAndIsKeyboardNavigable() throws Exception {
        browser.viewport(1280, 900, false);
        browser.open(server.url("/search/?q=" + java.net.URLEncoder.encode("504 超时", StandardCharsets.UTF_8)));
        waitFor("document.querySelectorAll('#search-results li').length > 0");
        assertTrue(browser.eval("document.querySelectorAll('#search-results mark').length").asInt() > 0);
        assertTrue(browser.eval("document.getElementById('search-status').textContent").asText().startsWith("找到"));
        browser.eval("document.getElementById('search-q').focus(); document.getElementById('search-q')"
                + ".dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowDown', bubbles: true})); true");
        assertEquals(browser.eval("document.querySelector('#search-results a').getAttribute('href')").asText(),
                browser.eval("document.activeElement.getAttribute('href')").asText());
    }

    @Test
    void checklistKeepsTicksAcrossReloadsAndResetClearsThem() throws Exception {
        browser.viewport(1280, 900, false);
        String page = server.url("/checklists/network-troubleshooting/");
        browser.open(page);
        browser.eval("localStorage.clear(); true");
        browser.open(page);
        String box = "document.querySelector('#direct-call .task-list-item-checkbox')";
        assertEquals(false, browser.eval(box + ".checked").asBoolean());
        assertEquals(false, browser.eval("document.querySelector('.checklist-tools').hidden").asBoolean());
        browser.eval(box + ".click(); true");
        assertEquals("{\"direct-call\":true}",
                browser.eval("localStorage.getItem('answersite:checklist:/checklists/network-troubleshooting/')").asText());
        browser.open(server.url("/"));
        browser.open(page);
        assertEquals(true, browser.eval(box + ".checked").asBoolean(), "ticked after a reload");
        assertEquals(false, browser.eval("document.querySelector('#console-error .task-list-item-checkbox').checked")
                .asBoolean());
        String text = browser.eval("AnswersiteChecklist.text()").asText();
        assertTrue(text.startsWith("网络连接排查清单\n" + page + "\n\n浏览器\n[ ] 打开开发者工具"), text);
        assertTrue(text.contains("\n[x] 确认失败的请求是发往自己的后端,还是由前端直接发往模型接口\n"), text);
        browser.eval("document.querySelector('.checklist-reset').click(); true");
        assertEquals(false, browser.eval(box + ".checked").asBoolean(), "reset clears the box");
        assertTrue(browser.eval("localStorage.getItem('answersite:checklist:/checklists/network-troubleshooting/')")
                .isNull(), "reset clears the stored ticks");
        browser.open(server.url("/"));
        browser.open(page);
        assertEquals(false, browser.eval(box + ".checked").asBoolean(), "still clear after a reload");
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolations() throws Exception {
        String axe = Files.readString(Path.of(System.getProperty("axe.path",
                "target/npm/node_modules/axe-core/axe.min.js")), StandardCharsets.UTF_8);
        List<String> violations = new ArrayList<>();
        for (int[] size : new int[][] {{390, 844}, {1280, 900}}) {
            browser.viewport(size[0], size[1], size[0] < 600);
            for (String page : PAGES) {
                browser.open(server.url(page));
                browser.eval(axe + "; true");
                JsonNode found = browser.eval("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')'))");
                found.forEach(v -> violations.add(page + " at " + size[0] + " px: " + v.asText()));
            }
        }
        assertEquals(List.of(), violations);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
