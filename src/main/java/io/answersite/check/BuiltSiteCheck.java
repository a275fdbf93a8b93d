package io.answersite.check;

import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.SourcePos;
import io.answersite.output.SiteOutput;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads back every HTML page the build wrote and checks what every page must have: each internal
 * {@code href}/{@code src} leads to a written file (and anchor), exactly one {@code <h1>}, a title
 * and description, a canonical link, ids unique within the page. A failure is a generator or
 * template bug, reported with the page and the template that wrote it.
 */
public final class BuiltSiteCheck {

    public static final String RULE = "built-site";

    private final String outputLabel;
    private final String basePath;
    private final String baseUrl;

    /**
     * @param outputLabel how reports name the output folder ({@code target/site})
     * @param basePath the base URL's path without the trailing slash ({@code ""} at the root)
     * @param baseUrl the absolute base URL, ending in '/'
     */
    public BuiltSiteCheck(String outputLabel, String basePath, String baseUrl) {
        this.outputLabel = outputLabel;
        this.basePath = basePath;
        this.baseUrl = baseUrl;
    }

    /** What the link check needs of a page, kept instead of the parsed page to keep memory small. */
    private record PageFacts(Set<String> ids, List<String> links, List<String> problems) {
    }

    /**
     * Facts of pages checked before, by path, with the exact bytes they were read from: the preview
     * server renders most pages of a rebuild from its cache, as the same byte arrays, and those need
     * no parsing again. Thread-safe; a build without one parses every page.
     */
    public static final class Memory {
        private record Entry(byte[] bytes, PageFacts facts) {
        }

        private final Map<String, Entry> entries = new java.util.concurrent.ConcurrentHashMap<>();
    }

    /** @param templates which template wrote each page, by output path */
    public void run(SiteOutput output, Map<String, String> templates, Diagnostics diagnostics) {
        run(output, templates, diagnostics, new Memory());
    }

    /** As {@link #run(SiteOutput, Map, Diagnostics)}, reusing the facts of pages whose bytes are unchanged. */
    public void run(SiteOutput output, Map<String, String> templates, Diagnostics diagnostics, Memory memory) {
        Set<String> files = new HashSet<>(output.paths());
        Map<String, PageFacts> pages = new java.util.concurrent.ConcurrentHashMap<>();
        output.paths().parallelStream().filter(path -> path.endsWith(".html")).forEach(path -> {
            byte[] bytes = output.read(path);
            Memory.Entry known = memory.entries.get(path);
            PageFacts facts = known != null && known.bytes() == bytes ? known.facts() : facts(bytes);
            memory.entries.put(path, new Memory.Entry(bytes, facts));
            facts.problems().forEach(problem -> report(diagnostics, path, templates, problem));
            pages.put(path, facts);
        });
        memory.entries.keySet().retainAll(pages.keySet());
        Map<String, Set<String>> ids = new HashMap<>();
        pages.forEach((path, facts) -> ids.put(path, facts.ids()));
        pages.entrySet().parallelStream().forEach(entry -> {
            for (String url : entry.getValue().links()) {
                checkLink(entry.getKey(), url, files, ids, templates, diagnostics);
            }
        });
    }

    private static PageFacts facts(byte[] bytes) {
        Document page = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8));
        List<String> problems = new java.util.ArrayList<>();
        Set<String> pageIds = new HashSet<>();
        for (Element element : page.select("[id]")) {
            if (!pageIds.add(element.id())) {
                problems.add("the id '" + element.id() + "' is used twice");
            }
        }
        boolean redirect = !page.select("meta[http-equiv=refresh]").isEmpty();
        if (!redirect) {
            int h1 = page.select("h1").size();
            if (h1 != 1) {
                problems.add("the page has " + h1 + " <h1> elements; it needs exactly one");
            }
            if (page.title().isBlank()) {
                problems.add("the page has no <title>");
            }
            if (page.select("meta[name=description]").attr("content").isBlank()) {
                problems.add("the page has no meta description");
            }
        }
        if (page.select("link[rel=canonical]").attr("href").isBlank()) {
            problems.add("the page has no canonical link");
        }
        List<String> links = new java.util.ArrayList<>();
        for (Element element : page.select("[href], [src]")) {
            links.add(element.hasAttr("href") ? element.attr("href") : element.attr("src"));
        }
        return new PageFacts(pageIds, List.copyOf(links), List.copyOf(problems));
    }

    private void checkLink(String page, String url, Set<String> files, Map<String, Set<String>> ids,
                           Map<String, String> templates, Diagnostics diagnostics) {
        String local;
        if (url.startsWith(baseUrl)) {
            local = url.substring(baseUrl.length());
        } else if (url.startsWith("/") && !url.startsWith("//")) {
            if (!(url + "/").startsWith(basePath + "/")) {
                report(diagnostics, page, templates, "the link '" + url + "' leaves the site's base path");
                return;
            }
            local = url.substring(Math.min(url.length(), basePath.length() + 1));
        } else if (url.startsWith("#")) {
            local = null;
        } else {
            return;
        }
        String fragment = null;
        String target = page;
        if (local == null) {
            fragment = url.substring(1);
        } else {
            int hash = local.indexOf('#');
            if (hash >= 0) {
                fragment = local.substring(hash + 1);
                local = local.substring(0, hash);
            }
            local = decode(local);
            target = local.isEmpty() || local.endsWith("/") ? local + "index.html" : local;
            if (!files.contains(target)) {
                report(diagnostics, page, templates, "the link '" + url + "' leads to no file of the site");
                return;
            }
        }
        if (fragment != null && !fragment.isEmpty() && ids.containsKey(target)
                && !ids.get(target).contains(decode(fragment))) {
            report(diagnostics, page, templates, "the link '" + url + "' leads to no element with id '"
                    + decode(fragment) + "' in " + target);
        }
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private void report(Diagnostics diagnostics, String page, Map<String, String> templates, String problem) {
        String template = templates.getOrDefault(page, "?");
        diagnostics.error(RULE, SourcePos.fileOnly(outputLabel + "/" + page), problem + " (written by template '"
                + template + "'; this is a bug in the theme or the generator, not in the content)");
    }

}
