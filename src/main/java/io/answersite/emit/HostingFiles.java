package io.answersite.emit;

import io.answersite.cache.Fragments;
import io.answersite.config.Language;
import io.answersite.content.Kind;
import io.answersite.content.Located;
import io.answersite.content.Page;
import io.answersite.graph.Listings;
import io.answersite.graph.UrlScheme;
import io.answersite.render.SiteRenderer;
import io.answersite.sink.SiteOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code _headers} and {@code _redirects} at the site root, the files Netlify and Cloudflare Pages
 * read (both hosts share the syntax): HTTP headers per path and redirects.
 * <ul>
 *   <li>{@code _headers}: fingerprinted assets cached for a year and immutable; llms.txt and
 *       llms-full.txt as UTF-8 text; {@code X-Robots-Tag: noindex} on the pages whose head says
 *       noindex (search) and on the 404 page; then every page with a {@code Link} header to its language's llms.txt
 *       ({@code rel="describedby"}) and to its Markdown twin ({@code rel="alternate"}), and every
 *       twin as {@code text/markdown; charset=utf-8}.</li>
 *   <li>{@code _redirects}: every alias as a 301 to its page. Each alias has two lines: Netlify takes
 *       the first, {@code 301!}, which it applies although the alias's HTML redirect page exists
 *       (without {@code !} it would serve that file); Cloudflare Pages ignores that line as an
 *       unknown status and takes the second.</li>
 * </ul>
 * The site-wide rules come first: Cloudflare Pages reads at most 100 header rules. A site's own
 * {@code _headers} or {@code _redirects} in its static folder comes before the generated rules
 * (for redirects, the first matching rule wins).
 */
public final class HostingFiles {

    public static final String HEADERS = "_headers";
    public static final String REDIRECTS = "_redirects";
    /** The not-found page, which the hosts serve for a missing path; marked noindex where it is fetched directly. */
    public static final String NOT_FOUND = "404.html";
    /** How long a fingerprinted asset may be cached: a year, never revalidated (its name changes with it). */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final SiteText site;
    private final List<String> fingerprintedAssets;
    private final Path siteStatic;

    /**
     * @param fingerprintedAssets output paths of the assets named by a hash of their content
     * @param siteStatic the site's static folder, whose own {@code _headers} and {@code _redirects}
     *     come first; it need not exist
     */
    public HostingFiles(SiteText site, List<String> fingerprintedAssets, Path siteStatic) {
        this.site = site;
        this.fingerprintedAssets = List.copyOf(fingerprintedAssets);
        this.siteStatic = siteStatic;
    }

    public void emit(SiteOutput output) {
        emit(output, Fragments.none());
    }

    /**
     * As {@link #emit(SiteOutput)}; with the build cache, kept as published while the site's structure,
     * the site's own files of the same names and the fingerprinted assets are as the last build had them
     * ({@link Fragments#keptFiles}).
     */
    public void emit(SiteOutput output, Fragments fragments) {
        String ownHeaders = own(HEADERS);
        String ownRedirects = own(REDIRECTS);
        fragments.keepOrMake(output, "hosting", List.of(ownHeaders, ownRedirects, immutableAssets()), () -> {
            Map<String, List<byte[]>> made = new LinkedHashMap<>();
            made.put(HEADERS, List.of((ownHeaders + headers()).getBytes(StandardCharsets.UTF_8)));
            made.put(REDIRECTS, List.of((ownRedirects + redirects()).getBytes(StandardCharsets.UTF_8)));
            return made;
        });
    }

    /** What a page's response carries besides the file; also the nginx snippet's source. */
    public record PageHeaders(String path, String describedBy, String twin, boolean noindex) {
    }

    /** Every HTML page by site path: the hubs, lists, search pages and content pages. */
    public List<PageHeaders> pages() {
        UrlScheme urls = site.urls();
        Map<String, PageHeaders> pages = new TreeMap<>();
        for (Language language : site.config().languages()) {
            String llms = urls.path(urls.hubFolder(language.code()) + "llms.txt");
            String hub = urls.hubFolder(language.code());
            boolean hubHasTwin = site.graph().pages().values().stream()
                    .anyMatch(p -> p.key().kind() == Kind.HUB && p.key().language().equals(language.code()));
            add(pages, new PageHeaders(urls.path(hub), llms, hubHasTwin ? urls.path(hub + "index.md") : null, false));
            for (Kind kind : Listings.KINDS) {
                add(pages, new PageHeaders(urls.path(urls.listFolder(kind, language.code())), llms, null, false));
            }
            add(pages, new PageHeaders(urls.path(SiteRenderer.searchFolder(urls, language.code())), llms, null, true));
        }
        for (Page page : site.graph().pages().values()) {
            if (page.key().kind() != Kind.HUB) {
                String folder = urls.pageFolder(page.key());
                add(pages, new PageHeaders(urls.path(folder), urls.path(urls.hubFolder(page.key().language()) + "llms.txt"),
                        urls.path(folder + "index.md"), false));
            }
        }
        return List.copyOf(pages.values());
    }

    private static void add(Map<String, PageHeaders> pages, PageHeaders page) {
        pages.putIfAbsent(page.path(), page);
    }

    /** Every alias's site path and the site path of its page, sorted by alias. */
    public Map<String, String> aliases() {
        Map<String, String> aliases = new TreeMap<>();
        for (Page page : site.graph().pages().values()) {
            for (Located<String> alias : page.common().aliases()) {
                UrlScheme.aliasFolder(alias.value()).ifPresent(folder ->
                        aliases.put(site.urls().path(folder), site.urls().pagePath(page.key())));
            }
        }
        return aliases;
    }

    /** The llms.txt and llms-full.txt of every language, by site path. */
    public List<String> textFiles() {
        List<String> files = new ArrayList<>();
        for (Language language : site.config().languages()) {
            String hub = site.urls().hubFolder(language.code());
            files.add(site.urls().path(hub + "llms.txt"));
            files.add(site.urls().path(hub + "llms-full.txt"));
        }
        return files;
    }

    /** The site paths of the fingerprinted assets. */
    public List<String> immutableAssets() {
        return fingerprintedAssets.stream().map(site.urls()::path).sorted().toList();
    }

    String headers() {
        StringBuilder out = new StringBuilder("# Response headers for Netlify and Cloudflare Pages, written by Answersite.\n");
        for (String asset : immutableAssets()) {
            out.append(asset).append("\n  Cache-Control: ").append(IMMUTABLE).append('\n');
        }
        for (String file : textFiles()) {
            out.append(file).append("\n  Content-Type: text/plain; charset=utf-8\n");
        }
        List<PageHeaders> pages = pages();
        for (PageHeaders page : pages) {
            if (page.noindex()) {
                out.append(page.path()).append("\n  X-Robots-Tag: noindex\n");
            }
        }
        out.append(site.urls().path(NOT_FOUND)).append("\n  X-Robots-Tag: noindex\n");
        for (PageHeaders page : pages) {
            out.append(page.path()).append("\n  Link: ").append(link(page)).append('\n');
            if (page.twin() != null) {
                out.append(page.twin()).append("\n  Content-Type: text/markdown; charset=utf-8\n");
            }
        }
        return out.toString();
    }

    /** The value of a page's {@code Link} header. */
    public static String link(PageHeaders page) {
        String link = "<" + page.describedBy() + ">; rel=\"describedby\"";
        return page.twin() == null ? link : link + ", <" + page.twin() + ">; rel=\"alternate\"; type=\"text/markdown\"";
    }

    String redirects() {
        StringBuilder out = new StringBuilder("""
                # Alias URLs as permanent redirects, for Netlify and Cloudflare Pages, written by Answersite.
                # Two lines per alias: Netlify applies the first (301! wins over the alias's HTML redirect
                # page); Cloudflare Pages ignores it (an unknown status) and applies the second.
                """);
        aliases().forEach((from, to) -> out.append(from).append(' ').append(to).append(" 301!\n")
                .append(from).append(' ').append(to).append(" 301\n"));
        return out.toString();
    }

    private String own(String name) {
        Path file = siteStatic == null ? null : siteStatic.resolve(name);
        if (file == null || !Files.isRegularFile(file)) {
            return "";
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
