package io.answersite.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.answersite.config.Language;
import io.answersite.config.SiteConfig;
import io.answersite.content.Kind;
import io.answersite.content.Located;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.graph.ContentGraph;
import io.answersite.graph.Glossary;
import io.answersite.graph.Listings;
import io.answersite.graph.UrlScheme;
import io.answersite.sink.SiteOutput;
import io.answersite.work.Background;
import io.answersite.work.Parallel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Renders every HTML page of the site: one per published page, the hub, a list page per kind and
 * language, the search pages, alias redirects and the 404 page, and counts what it wrote for the build
 * summary. It decides what to write and how: kept bytes when a page's inputs ({@link ViewInputs}) or
 * its view are unchanged, else the theme over the view ({@link ContentViews}) and the layout
 * ({@link PageLayouts}).
 */
public final class SiteRenderer {

    public static final String STYLESHEET = "assets/answersite.css";
    public static final String DEFAULT_IMAGE = "/assets/og-image.png";
    /** The theme's page script and search script, beside the stylesheet. */
    public static final String SCRIPT = "assets/answersite.js";
    public static final String SEARCH_SCRIPT = "assets/search.js";


    private final ContentGraph graph;
    private final Theme theme;
    private final UrlScheme urls;
    private final SiteConfig config;
    private final Map<String, Map<String, String>> stringsByLanguage;
    private final RenderCache cache;
    private final ViewDigest viewDigest = new ViewDigest();
    private final String themeDigest;
    private final ContentViews views;
    private final PageLayouts layouts;
    /** What each page is made from; null without a cache. */
    private final ViewInputs viewInputs;

    /**
     * @param strings the UI strings by language code, from {@link Theme#strings}
     * @param glossary the automaton that finds the terms of {@code autolinks} in a page's text
     * @param autolinks per answer, the glossary terms to link at their first use on the page
     */
    public SiteRenderer(ContentGraph graph, Theme theme, Map<String, Map<String, String>> strings, Glossary glossary,
                        Map<PageKey, List<PageKey>> autolinks) {
        this(graph, theme, strings, glossary, autolinks, null);
    }

    /** @param cache pages of the previous build, reused where their view model is unchanged; may be null */
    public SiteRenderer(ContentGraph graph, Theme theme, Map<String, Map<String, String>> strings, Glossary glossary,
                        Map<PageKey, List<PageKey>> autolinks, RenderCache cache) {
        this(graph, theme, strings, glossary, autolinks, cache, Map.of());
    }

    /**
     * @param fingerprinted the fingerprinted output path of each static CSS and JS file by its plain
     *     output path ({@code emit.StaticAssets#fingerprinted}); pages link to those names
     */
    public SiteRenderer(ContentGraph graph, Theme theme, Map<String, Map<String, String>> strings, Glossary glossary,
                        Map<PageKey, List<PageKey>> autolinks, RenderCache cache, Map<String, String> fingerprinted) {
        this(graph, theme, strings, glossary, autolinks, cache, fingerprinted, Background.done(new ObjectMapper()));
    }

    /** @param json the mapper for the pages' JSON-LD, maybe still being made ({@link #jsonInBackground}) */
    public SiteRenderer(ContentGraph graph, Theme theme, Map<String, Map<String, String>> strings, Glossary glossary,
                        Map<PageKey, List<PageKey>> autolinks, RenderCache cache, Map<String, String> fingerprinted,
                        Background<ObjectMapper> json) {
        this.graph = graph;
        this.theme = theme;
        this.urls = graph.urls();
        this.config = graph.config();
        this.stringsByLanguage = strings;
        this.cache = cache;
        this.themeDigest = cache == null ? "" : theme.fingerprint();
        this.views = new ContentViews(graph, strings, glossary, autolinks, cache);
        this.layouts = new PageLayouts(graph, strings, views, cache, fingerprinted, json);
        this.viewInputs = cache == null ? null
                : new ViewInputs(graph, strings, glossary, autolinks, views, cache, themeDigest, fingerprinted);
    }

    /**
     * The mapper for the pages' JSON-LD, made on a thread of its own from now on: a build starts it with
     * the templates' compilation, so that Jackson's classes are loaded while the content is read.
     */
    public static Background<ObjectMapper> jsonInBackground() {
        return Background.start("answersite-json", ObjectMapper::new);
    }

    /** Writes every page into {@code output}; returns the number of pages per kind and language. */
    public PageCounts render(SiteOutput output, Diagnostics diagnostics) {
        return render(output, diagnostics, (done, total) -> { });
    }

    /** As {@link #render(SiteOutput, Diagnostics)}, telling {@code progress} (done, total) as pages are written. */
    public PageCounts render(SiteOutput output, Diagnostics diagnostics,
                             BiConsumer<Integer, Integer> progress) {
        PageCounts counts = new PageCounts();
        int total = graph.pages().size() + config.languages().size() * Listings.KINDS.size();
        int step = Math.max(1, total / 50);
        AtomicInteger done = new AtomicInteger();
        // pages are independent: both cores render them; the order of writes does not matter
        Parallel.forEach(graph.pages().values(), page -> {
            int now = done.incrementAndGet();
            if (now % step == 0) {
                progress.accept(now, total);
            }
            if (page.key().kind() == Kind.HUB) {
                return;
            }
            String folder = urls.pageFolder(page.key());
            // a page none of whose read records changed, in a site whose structure did not, is taken back
            // with the inputs the last build recorded: they are what its inputs would be (RenderCache#keptInputs)
            String path = UrlScheme.indexFile(folder);
            Object inputs = cache == null ? null : cache.keptInputs(path, page.key());
            if (cache != null && inputs == null) {
                inputs = cache.inputsKey(viewInputs.of(page));
                counts.inputsMade(path);
            }
            String template = template(page.key().kind());
            if (writeUnchanged(output, template, folder, inputs, counts, page.key().kind().refName(),
                    page.key().language())) {
                return;
            }
            Map<String, Object> context = context(layouts.pageLayout(page, folder), views.view(page),
                    page.key().language());
            write(output, template, folder, context, diagnostics, counts, page.key().kind().refName(),
                    page.key().language(), inputs);
        });
        // the hub and list pages are few and large (a hub lists every answer): one core each, not one for all
        List<Runnable> listings = new ArrayList<>();
        for (Language language : config.languages()) {
            listings.add(() -> renderHub(language.code(), output, diagnostics, counts));
            for (Kind kind : Listings.KINDS) {
                List<Page> entries = Listings.entries(graph, kind, language.code());
                int pages = Listings.pages(entries, config);
                for (int number = 1; number <= pages; number++) {
                    int page = number;
                    listings.add(() -> renderListing(kind, language.code(), entries, page, pages, output,
                            diagnostics, counts));
                }
            }
        }
        Parallel.forEach(listings, Runnable::run);
        for (Language language : config.languages()) {
            renderSearch(language, output, diagnostics, counts);
        }
        renderRedirects(output, diagnostics, counts);
        renderNotFound(output, diagnostics, counts);
        progress.accept(total, total);
        return counts;
    }

    /**
     * One content page alone, as {@link #render} writes it: for the preview, which shows an edited
     * page before the rest of the site is brought up to date. Empty after a template error.
     */
    public Optional<RenderedPage> renderPage(PageKey key, Diagnostics diagnostics) {
        Page page = graph.require(key);
        if (key.kind() == Kind.HUB) {
            return Optional.empty();
        }
        String folder = urls.pageFolder(key);
        Map<String, Object> context = context(layouts.pageLayout(page, folder), views.view(page), key.language());
        return theme.render(template(key.kind()), context, diagnostics).map(html -> new RenderedPage(
                UrlScheme.indexFile(folder), html));
    }

    /** A rendered page: where it goes in the output, and its bytes. */
    public record RenderedPage(String path, byte[] bytes) {
    }

    /** Stands for a view not digested: no view's SHA-256 is 32 zero bytes. */
    private static final byte[] NO_VIEW_DIGEST = new byte[32];

    /**
     * @param inputs what the view was made from (see {@link ViewInputs#of}), recorded with the page kept
     *     in the cache; null when not known
     */
    private void write(SiteOutput output, String template, String folder, Map<String, Object> context,
                       Diagnostics diagnostics, PageCounts counts, String kind, String language, Object inputs) {
        String path = UrlScheme.indexFile(folder);
        counts.viewed(path);
        // the build cache on disk has nothing to match the view of a page it has no entry for (every
        // page of a clean build): a page the next build can take back by its inputs is not digested
        // now, and if its inputs change before it is rendered again with a digest, it is rendered
        // rather than compared; a page without inputs (search, 404) can only be taken back by its view
        byte[] digest = cache == null ? null : cache.inMemory() || cache.knows(path) || inputs == null
                ? viewDigest.digest(themeDigest + template, context) : NO_VIEW_DIGEST;
        Optional<RenderCache.Kept> previous = cache == null ? Optional.empty() : cache.reuse(path, digest);
        if (previous.isPresent()) {
            writeKept(output, path, previous.get());
            cache.madeFrom(path, inputs);
        } else {
            Optional<byte[]> html = theme.render(template, context, diagnostics,
                    cache == null ? 0 : cache.lastSize(path));
            if (html.isEmpty()) {
                return;
            }
            byte[] bytes = html.get();
            output.write(path, bytes);
            counts.rendered(path);
            if (cache != null) {
                cache.store(path, digest, bytes, inputs);
            }
        }
        counts.add(kind, language);
        counts.wrote(path, template);
    }

    /** The templates pages are rendered with, their own kind's first: what a build compiles before it renders. */
    public static List<String> templates() {
        List<String> templates = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            templates.add(template(kind));
        }
        templates.addAll(List.of("list", "glossary-index", "redirect"));
        return templates;
    }

    private static String template(Kind kind) {
        return switch (kind) {
            case ANSWER -> "answer";
            case GUIDE -> "guide";
            case CHECKLIST -> "checklist";
            case GLOSSARY -> "glossary-term";
            case TOPIC -> "topic";
            case HUB -> "hub";
        };
    }

    private Map<String, Object> context(Views.Layout layout, Object page, String language) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("layout", layout);
        context.put("page", page);
        context.put("t", strings(language));
        return context;
    }

    private Map<String, String> strings(String language) {
        return UiStrings.of(stringsByLanguage, config, language);
    }

    private String t(String language, String key) {
        return UiStrings.get(stringsByLanguage, config, language, key);
    }

    /**
     * Writes the bytes kept for {@code folder}'s page when they were made from equal {@code inputs}
     * (null: not known); whether it did.
     */
    private boolean writeUnchanged(SiteOutput output, String template, String folder, Object inputs,
                                   PageCounts counts, String kind, String language) {
        if (inputs == null) {
            return false;
        }
        String path = UrlScheme.indexFile(folder);
        Optional<RenderCache.Kept> unchanged = cache.unchanged(path, inputs);
        if (unchanged.isEmpty()) {
            return false;
        }
        writeKept(output, path, unchanged.get());
        counts.add(kind, language);
        counts.wrote(path, template);
        return true;
    }

    /** Writes a page kept from the last build: one taken back from the published folder stays there as it is. */
    private void writeKept(SiteOutput output, String path, RenderCache.Kept kept) {
        if (cache.inMemory()) {
            output.write(path, kept.bytes());
        } else {
            output.keepPublished(path, kept.outputHash(), kept.published());
        }
    }

    // ---- hub, lists, redirects, 404 ----

    private void renderHub(String language, SiteOutput output, Diagnostics diagnostics, PageCounts counts) {
        Object inputs = cache == null ? null : cache.inputsKey(viewInputs.hub(language));
        if (writeUnchanged(output, "hub", urls.hubFolder(language), inputs, counts, "hub", language)) {
            return;
        }
        Optional<Page> intro = graph.page(new PageKey(Kind.HUB, PageKey.HUB_ID, language));
        String title = intro.map(Page::title).orElse(config.titleIn(config.language(language).orElseThrow()));
        String description = intro.map(p -> p.common().description()).orElse(config.description());
        Map<String, List<PageKey>> byTopic = graph.answersByTopic(language);
        List<Views.TopicGroup> groups = new ArrayList<>();
        List<StructuredData.Entry> entries = new ArrayList<>();
        byTopic.forEach((topicId, all) -> {
            Optional<PageKey> topic = graph.preferred(Kind.TOPIC, topicId, language);
            List<PageKey> answers = Listings.shownOnHub(all, config);
            Views.Link more = answers.size() == all.size() ? null
                    : new Views.Link(Listings.seeAll(t(language, "hub_see_all"), all.size()),
                    topic.map(urls::pagePath).orElse(urls.path(urls.listFolder(Kind.ANSWER, language))), false);
            groups.add(new Views.TopicGroup(topic.map(views::card).orElse(null),
                    answers.stream().map(views::card).toList(), more));
            answers.forEach(answer -> entries.add(views.entry(answer)));
        });
        List<Views.Card> sections = Listings.KINDS.stream().filter(k -> k != Kind.ANSWER)
                .map(k -> new Views.Card(t(language, "list_" + k.refName()), t(language, "kind_" + k.refName()),
                        urls.path(urls.listFolder(k, language)), t(language, "list_" + k.refName() + "_intro"), null))
                .toList();
        Views.Hub view = new Views.Hub(title, description, intro.map(views::body).orElse(null), groups, sections);
        String folder = urls.hubFolder(language);
        String canonical = urls.absolute(folder);
        List<Views.Link> crumbs = List.of(new Views.Link(t(language, "nav_hub"), urls.path(folder), true));
        StructuredData.Graph jsonLd = layouts.jsonLd(canonical, language);
        ObjectNode collection = jsonLd.webPage("CollectionPage", title, description,
                List.of(new StructuredData.Crumb(t(language, "nav_hub"), canonical)));
        jsonLd.itemList(collection, entries);
        if (language.equals(config.defaultLanguage().code())) {
            jsonLd.websiteAndOrganization();
        }
        Views.Layout layout = layouts.layout(language, title, title, description, folder, Kind.HUB, crumbs,
                code -> urls.hubFolder(code), Kind.HUB.refName(), "website",
                intro.isPresent() ? urls.absolute(folder + "index.md") : null, layouts.script(folder, jsonLd));
        write(output, "hub", folder, context(layout, view, language), diagnostics, counts, "hub", language, inputs);
    }

    /** Page {@code number} of {@code total} of a kind's list of {@code entries}. */
    private void renderListing(Kind kind, String language, List<Page> entries, int number, int total,
                               SiteOutput output, Diagnostics diagnostics, PageCounts counts) {
        String template = kind == Kind.GLOSSARY ? "glossary-index" : "list";
        List<Page> pages = Listings.onPage(entries, number, total, config);
        String folder = urls.listPageFolder(kind, language, number);
        Object inputs = cache == null ? null : cache.inputsKey(viewInputs.listing(pages, number, total));
        if (writeUnchanged(output, template, folder, inputs, counts, "list", language)) {
            return;
        }
        List<Views.Card> items = pages.stream().map(p -> views.card(p.key())).toList();
        String listTitle = t(language, "list_" + kind.refName());
        String title = Listings.title(listTitle, number, t(language, "page_n"));
        String description = t(language, "list_" + kind.refName() + "_intro");
        String canonical = urls.absolute(folder);
        String first = urls.listFolder(kind, language);
        List<Views.Link> crumbs = number == 1
                ? List.of(new Views.Link(t(language, "nav_hub"), urls.path(urls.hubFolder(language)), false),
                        new Views.Link(listTitle, urls.path(first), true))
                : List.of(new Views.Link(t(language, "nav_hub"), urls.path(urls.hubFolder(language)), false),
                        new Views.Link(listTitle, urls.path(first), false), new Views.Link(title, urls.path(folder), true));
        StructuredData.Graph jsonLd = layouts.jsonLd(canonical, language);
        List<StructuredData.Entry> ldEntries = pages.stream().map(p -> views.entry(p.key())).toList();
        ObjectNode collection = jsonLd.webPage("CollectionPage", title, description,
                layouts.ldCrumbs(crumbs, language, number == 1 ? null : kind, folder));
        if (kind == Kind.GLOSSARY) {
            jsonLd.definedTermSet(title, description, ldEntries);
        } else {
            jsonLd.itemList(collection, ldEntries);
        }
        // the same list in another language has other pages: only the first pages are each other's translations
        Views.Layout layout = layouts.layout(language, title, layouts.fullTitle(title, language), description, folder, kind,
                crumbs, code -> code.equals(language) ? folder : number == 1 ? urls.listFolder(kind, code) : null, "list",
                "website", urls.absolute(folder + "index.md"), layouts.script(folder, jsonLd));
        Views.Listing view = new Views.Listing(title, description, kind.refName(), items,
                ListPages.pagination(urls, kind, language, number, total, strings(language)));
        write(output, template, folder, context(layout, view, language), diagnostics, counts, "list", language,
                inputs);
    }

    private void renderSearch(Language language, SiteOutput output, Diagnostics diagnostics, PageCounts counts) {
        String code = language.code();
        String title = t(code, "search_title");
        String folder = searchFolder(urls, code);
        List<Views.Link> crumbs = List.of(new Views.Link(t(code, "nav_hub"), urls.path(urls.hubFolder(code)), false),
                new Views.Link(title, urls.path(folder), true));
        StructuredData.Graph jsonLd = layouts.jsonLd(urls.absolute(folder), code);
        jsonLd.webPage("SearchResultsPage", title, t(code, "search_intro"), layouts.ldCrumbs(crumbs, code, null, folder));
        Views.Layout layout = layouts.layout(code, title, layouts.fullTitle(title, code), t(code, "search_intro"), folder, null, crumbs,
                other -> urls.hubFolder(other) + "search/", "search", "website", null, layouts.script(folder, jsonLd));
        Views.Search view = new Views.Search(title, urls.path(UrlScheme.searchIndexFolder(language)));
        write(output, "search", folder, context(layout, view, code), diagnostics, counts, "search", code, null);
    }

    /** The folder of a language's search page; search pages are the ones marked noindex. */
    public static String searchFolder(UrlScheme urls, String language) {
        return urls.hubFolder(language) + "search/";
    }

    private void renderRedirects(SiteOutput output, Diagnostics diagnostics, PageCounts counts) {
        for (Page page : graph.pages().values()) {
            for (Located<String> alias : page.common().aliases()) {
                UrlScheme.aliasFolder(alias.value()).ifPresent(folder -> {
                    Views.Redirect view = new Views.Redirect(urls.absolute(urls.pageFolder(page.key())),
                            page.key().language());
                    theme.render("redirect", Map.of("page", view), diagnostics)
                            .ifPresent(html -> {
                                output.write(UrlScheme.indexFile(folder), html);
                                counts.wrote(UrlScheme.indexFile(folder), "redirect");
                            });
                });
            }
        }
    }

    private void renderNotFound(SiteOutput output, Diagnostics diagnostics, PageCounts counts) {
        String language = config.defaultLanguage().code();
        String title = t(language, "not_found_title");
        Views.Layout layout = layouts.layout(language, title, layouts.fullTitle(title, language), t(language, "not_found_text"),
                "404.html", null, List.of(), code -> null, "not-found", "website", null, null);
        theme.render("404", context(layout, Map.of("title", title), language), diagnostics)
                .ifPresent(html -> {
                    output.write("404.html", html);
                    counts.wrote("404.html", "404");
                });
    }
}
