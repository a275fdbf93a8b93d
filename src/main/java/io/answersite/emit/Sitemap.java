package io.answersite.emit;

import io.answersite.cache.Fragments;
import io.answersite.cache.Same;
import io.answersite.config.Language;
import io.answersite.content.Kind;
import io.answersite.graph.Listings;
import io.answersite.content.Page;
import io.answersite.sink.SiteOutput;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code /sitemap.xml}: every canonical, published page with {@code lastmod} and hreflang
 * alternates ({@code xhtml:link}). Past the sitemaps.org limits (50,000 URLs or 50 MB per file) the
 * URLs go into {@code sitemap-1.xml}, {@code sitemap-2.xml}, … and {@code sitemap.xml} becomes their
 * index. Drafts, aliases and the 404 page are never listed. A page's {@code lastmod} is its last change;
 * a topic's, a list page's and a hub's the newest of their own and what they list (a list with nothing
 * in it takes its language's hub date, a language with no pages the site's newest date).
 */
public final class Sitemap {

    public static final int MAX_URLS = 50_000;
    public static final int MAX_BYTES = 50 * 1024 * 1024;

    private static final byte[] HEADER = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
            + " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n").getBytes(StandardCharsets.UTF_8);
    private static final byte[] FOOTER = "</urlset>\n".getBytes(StandardCharsets.UTF_8);

    private final SiteText site;
    private final int maxUrls;
    private final int maxBytes;
    private final Fragments fragments;

    public Sitemap(SiteText site) {
        this(site, Fragments.none());
    }

    /** @param fragments each page's entry of earlier builds, reused while the page, its translations and its date are the same */
    public Sitemap(SiteText site, Fragments fragments) {
        this(site, MAX_URLS, MAX_BYTES, fragments);
    }

    /** With other limits, so tests can cross them without 50,000 pages. */
    Sitemap(SiteText site, int maxUrls, int maxBytes) {
        this(site, maxUrls, maxBytes, Fragments.none());
    }

    /** With other limits and the fragments of earlier builds. */
    Sitemap(SiteText site, int maxUrls, int maxBytes, Fragments fragments) {
        this.site = site;
        this.maxUrls = maxUrls;
        this.maxBytes = maxBytes;
        this.fragments = fragments;
    }

    /**
     * Writes the sitemap (or index and parts); returns the number of files written. Written as parts,
     * each page's element the bytes kept for it, so a preview rebuild makes no megabyte string of it.
     * With the build cache, kept as published while the site's structure is as the last build left it
     * ({@link Fragments#keptFiles}).
     */
    public int emit(SiteOutput output) {
        // made from the site's structure alone (URLs, languages, dates): kept while no edit touched it
        return fragments.keepOrMake(output, "sitemap", List.of(), this::files);
    }

    /** The sitemap (or index and parts), by path, in the order they are written. */
    private Map<String, List<byte[]>> files() {
        Map<String, List<byte[]>> output = new LinkedHashMap<>();
        List<List<byte[]>> files = new ArrayList<>();
        List<byte[]> current = new ArrayList<>(List.of(HEADER));
        int count = 0;
        int bytes = HEADER.length + FOOTER.length;
        for (byte[] entry : entries()) {
            if (count > 0 && (count == maxUrls || bytes + entry.length > maxBytes)) {
                current.add(FOOTER);
                files.add(current);
                current = new ArrayList<>(List.of(HEADER));
                count = 0;
                bytes = HEADER.length + FOOTER.length;
            }
            current.add(entry);
            count++;
            bytes += entry.length;
        }
        current.add(FOOTER);
        files.add(current);
        if (files.size() == 1) {
            output.put("sitemap.xml", files.get(0));
            return output;
        }
        StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int i = 0; i < files.size(); i++) {
            String name = "sitemap-" + (i + 1) + ".xml";
            output.put(name, files.get(i));
            index.append("  <sitemap>\n    <loc>").append(Xml.escape(site.urls().absolute(name))).append("</loc>\n  </sitemap>\n");
        }
        output.put("sitemap.xml", List.of(utf8(index.append("</sitemapindex>\n").toString())));
        return output;
    }

    /** One {@code <url>} element per canonical page, sorted by URL, in UTF-8. */
    List<byte[]> entries() {
        Map<String, byte[]> byUrl = new TreeMap<>();
        // site.yml makes every URL: one instance from rebuild to rebuild while it is equal, compared by identity
        Same constants = fragments.same("sitemap-constants", List.of(site.config()));
        for (Page page : site.graph().pages().values()) {
            if (page.key().kind() == Kind.HUB) {
                continue;
            }
            List<String> languages = site.graph().languagesOf(page.key());
            LocalDate lastmod = page.common().lastModified();
            if (page.key().kind() == Kind.TOPIC) {
                lastmod = newest(lastmod, site.graph().topicMembers().getOrDefault(page.key(), List.of()).stream()
                        .map(member -> site.graph().require(member).common().lastModified()));
            }
            LocalDate shown = lastmod;
            byUrl.put(site.url(page.key()), fragments.get("sitemap", page.key(), page,
                    Arrays.asList(constants, languages, shown), () -> utf8(entry(page, shown, languages))));
        }
        for (Language language : site.config().languages()) {
            Optional<LocalDate> latest = latest(language.code()).or(this::latestAnywhere);
            byUrl.put(site.urls().absolute(site.urls().hubFolder(language.code())),
                    utf8(entry(site.urls().absolute(site.urls().hubFolder(language.code())), latest.orElse(null),
                            languageAlternates(code -> site.urls().hubFolder(code)),
                            site.urls().absolute(site.urls().hubFolder(site.config().defaultLanguage().code())))));
            for (Kind kind : Listings.KINDS) {
                String url = site.urls().absolute(site.urls().listFolder(kind, language.code()));
                byUrl.put(url, utf8(entry(url, latestOf(kind, language.code()).or(() -> latest).orElse(null),
                        languageAlternates(code -> site.urls().listFolder(kind, code)),
                        site.urls().absolute(site.urls().listFolder(kind, site.config().defaultLanguage().code())))));
            }
        }
        return new ArrayList<>(byUrl.values());
    }

    private String entry(Page page, LocalDate lastmod, List<String> languages) {
        Map<String, String> alternates = new TreeMap<>();
        for (String lang : languages) {
            alternates.put(lang, site.url(page.key().in(lang)));
        }
        return entry(site.url(page.key()), lastmod, alternates,
                site.url(page.key().in(site.config().defaultLanguage().code())));
    }

    private Map<String, String> languageAlternates(Function<String, String> folder) {
        Map<String, String> alternates = new TreeMap<>();
        for (Language language : site.config().languages()) {
            alternates.put(language.code(), site.urls().absolute(folder.apply(language.code())));
        }
        return alternates;
    }

    private Optional<LocalDate> latest(String language) {
        return site.graph().pages().values().stream().filter(p -> p.key().language().equals(language))
                .map(p -> p.common().lastModified()).filter(Objects::nonNull).max(Comparator.naturalOrder());
    }

    private Optional<LocalDate> latestAnywhere() {
        return site.graph().pages().values().stream().map(p -> p.common().lastModified())
                .filter(Objects::nonNull).max(Comparator.naturalOrder());
    }

    private static LocalDate newest(LocalDate own, Stream<LocalDate> listed) {
        return Stream.concat(Stream.ofNullable(own), listed)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }

    private Optional<LocalDate> latestOf(Kind kind, String language) {
        return site.graph().pagesOf(kind, language).map(p -> p.common().lastModified())
                .filter(Objects::nonNull).max(Comparator.naturalOrder());
    }

    private static String entry(String url, LocalDate lastmod, Map<String, String> alternates, String xDefault) {
        StringBuilder xml = new StringBuilder("  <url>\n    <loc>").append(Xml.escape(url)).append("</loc>\n");
        if (lastmod != null) {
            xml.append("    <lastmod>").append(lastmod).append("</lastmod>\n");
        }
        if (alternates.size() > 1) {
            alternates.forEach((lang, href) -> xml.append("    <xhtml:link rel=\"alternate\" hreflang=\"")
                    .append(Xml.escape(lang)).append("\" href=\"").append(Xml.escape(href)).append("\"/>\n"));
            xml.append("    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"").append(Xml.escape(xDefault))
                    .append("\"/>\n");
        }
        return xml.append("  </url>\n").toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
