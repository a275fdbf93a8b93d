package io.answersite.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import io.answersite.site.Answersite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code _headers} and {@code _redirects} beyond the golden site: a base path, and a site's own rules. */
class HostingFilesTest {

    @TempDir
    Path root;

    private static final String ANSWER = """
            -- content/answers/offline.md --
            ---
            title: Why am I offline?
            description: Offline.
            date: 2026-01-02
            topic: network
            answer: Check the cable.
            aliases: [/old/offline/]
            ---
            Body.
            """;

    @Test
    void aSitesOwnRulesComeFirstAndAreNotCopiedAsStaticFiles() throws Exception {
        TestSites.write(root, TestSites.SITE_YML + ANSWER + """
                -- site/static/_redirects --
                /old-home / 301
                -- site/static/_headers --
                /*
                  X-Frame-Options: DENY
                """);
        assertEquals(List.of(), new Answersite().build(TestSites.request(root)).diagnostics());
        Path site = root.resolve("target/site");
        assertEquals("""
                /old-home / 301
                # Alias URLs as permanent redirects, for Netlify and Cloudflare Pages, written by Answersite.
                # Two lines per alias: Netlify applies the first (301! wins over the alias's HTML redirect
                # page); Cloudflare Pages ignores it (an unknown status) and applies the second.
                /old/offline/ /answers/offline/ 301!
                /old/offline/ /answers/offline/ 301
                """, Files.readString(site.resolve("_redirects")));
        String headers = Files.readString(site.resolve("_headers"));
        assertTrue(headers.startsWith("/*\n  X-Frame-Options: DENY\n# Response headers for Netlify"), headers);
        assertTrue(headers.contains("""
                /answers/offline/
                  Link: </llms.txt>; rel="describedby", </answers/offline/index.md>; rel="alternate"; type="text/markdown"
                /answers/offline/index.md
                  Content-Type: text/markdown; charset=utf-8
                """), headers);
        assertTrue(Files.exists(site.resolve("old/offline/index.html")), "the HTML redirect page stays");
    }

    @Test
    void everyPageLinksTheFingerprintedStylesheetAndScriptsWhoseNamesHashTheirContent() throws Exception {
        TestSites.write(root, TestSites.SITE_YML + ANSWER);
        assertEquals(List.of(), new Answersite().build(TestSites.request(root)).diagnostics());
        Path site = root.resolve("target/site");
        List<Path> pages;
        try (var files = Files.walk(site)) {
            pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        int checked = 0;
        for (Path page : pages) {
            org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(Files.readString(page));
            if (html.selectFirst("meta[http-equiv=refresh]") != null) {
                continue; // an alias's redirect page loads nothing
            }
            String css = html.selectFirst("link[rel=stylesheet]").attr("href");
            String js = html.selectFirst("script[src*=answersite]").attr("src");
            assertEquals("/assets/answersite." + hash(site.resolve("assets/answersite.css")) + ".css", css, page.toString());
            assertEquals("/assets/answersite." + hash(site.resolve("assets/answersite.js")) + ".js", js, page.toString());
            assertEquals(Files.readString(site.resolve("assets/answersite.css")), Files.readString(site.resolve(css.substring(1))));
            assertEquals(Files.readString(site.resolve("assets/answersite.js")), Files.readString(site.resolve(js.substring(1))));
            checked++;
        }
        assertTrue(checked > 10, "pages checked: " + checked);
        String search = Files.readString(site.resolve("search/index.html"));
        assertTrue(search.contains("<script src=\"/assets/search." + hash(site.resolve("assets/search.js")) + ".js\" defer>"),
                search);
        String headers = Files.readString(site.resolve("_headers"));
        assertTrue(headers.startsWith("# Response headers for Netlify and Cloudflare Pages, written by Answersite.\n"));
        // the fingerprinted assets come first, in the order of their names (so of their hashes)
        for (String asset : List.of("/assets/answersite." + hash(site.resolve("assets/answersite.css")) + ".css",
                "/assets/answersite." + hash(site.resolve("assets/answersite.js")) + ".js")) {
            assertTrue(headers.contains("\n" + asset + "\n  Cache-Control: public, max-age=31536000, immutable\n"),
                    asset + " in " + headers);
        }
    }

    @Test
    void aSitesOwnStylesheetGetsItsOwnFingerprintAndPagesFollowIt() throws Exception {
        TestSites.write(root, TestSites.SITE_YML + ANSWER + """
                -- site/static/assets/answersite.css --
                body { color: black; }
                """);
        assertEquals(List.of(), new Answersite().build(TestSites.request(root)).diagnostics());
        Path site = root.resolve("target/site");
        String name = "answersite." + sha256("body { color: black; }\n").substring(0, 10) + ".css";
        assertEquals("body { color: black; }\n", Files.readString(site.resolve("assets/" + name)));
        assertTrue(Files.readString(site.resolve("answers/offline/index.html"))
                .contains("<link rel=\"stylesheet\" href=\"/assets/" + name + "\">"));
    }

    private static String hash(Path file) throws Exception {
        return sha256(Files.readString(file)).substring(0, 10);
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void pathsIncludeTheBasePath() throws Exception {
        TestSites.write(root, TestSites.SITE_YML.replace("https://answers.example.com/", "https://example.com/help/")
                + ANSWER);
        assertEquals(List.of(), new Answersite().build(TestSites.request(root)).diagnostics());
        Path site = root.resolve("target/site");
        assertTrue(Files.readString(site.resolve("_redirects")).endsWith("/help/old/offline/ /help/answers/offline/ 301\n"));
        String headers = Files.readString(site.resolve("_headers"));
        assertTrue(headers.contains("""
                /help/zh-cn/search/
                  X-Robots-Tag: noindex
                """), headers);
        assertTrue(headers.contains("""
                /help/answers/offline/
                  Link: </help/llms.txt>; rel="describedby", </help/answers/offline/index.md>; rel="alternate"; type="text/markdown"
                """), headers);
        assertFalse(headers.contains("\n/answers/"), headers);
    }
}
