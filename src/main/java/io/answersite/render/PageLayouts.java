package io.answersite.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.answersite.config.Language;
import io.answersite.config.SiteConfig;
import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.graph.Listings;
import io.answersite.graph.ContentGraph;
import io.answersite.graph.UrlScheme;
import io.answersite.work.Background;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every page has around its view: the layout (title, navigation, breadcrumbs, language
 * alternates) and the head (Open Graph, feed and Markdown links, JSON-LD). Apart from the views so
 * that head tags and structured data follow one set of rules on every kind of page.
 */
final class PageLayouts {

    private final ContentGraph graph;
    private final UrlScheme urls;
    private final SiteConfig config;
    private final Map<String, Map<String, String>> stringsByLanguage;
    private final ContentViews views;
    private final RenderCache cache;
    private final StructuredData structuredData;
    private final String imageUrl;
    private final Views.Assets assets;

    /**
     * @param cache where a page's JSON-LD script is kept with the tree it was written from; may be null
     * @param fingerprinted the fingerprinted output path of each static CSS and JS file by its plain
     *     output path; pages link to those names
     */
    PageLayouts(ContentGraph graph, Map<String, Map<String, String>> strings, ContentViews views, RenderCache cache,
                Map<String, String> fingerprinted, Background<ObjectMapper> json) {
        this.graph = graph;
        this.urls = graph.urls();
        this.config = graph.config();
        this.stringsByLanguage = strings;
        this.views = views;
        this.cache = cache;
        this.assets = assetUrls(urls, fingerprinted);
        this.imageUrl = sitePathUrl(config.image() != null ? config.image() : SiteRenderer.DEFAULT_IMAGE);
        String logo = config.organization().logo() == null ? null : sitePathUrl(config.organization().logo());
        this.structuredData = new StructuredData(config, urls.absolute(urls.hubFolder(config.defaultLanguage().code())),
                imageUrl, logo, json);
    }

    /** A JSON-LD graph for the page at {@code canonical}, to which the caller adds the page's nodes. */
    StructuredData.Graph jsonLd(String canonical, String language) {
        return structuredData.graph(canonical, language);
    }

    /** What pages link for the theme's files: each one's fingerprinted copy when there is one. */
    private static Views.Assets assetUrls(UrlScheme urls, Map<String, String> fingerprinted) {
        Function<String, String> url = file -> urls.path(fingerprinted.getOrDefault(file, file));
        return new Views.Assets(url.apply(SiteRenderer.STYLESHEET), url.apply(SiteRenderer.SCRIPT), url.apply(SiteRenderer.SEARCH_SCRIPT));
    }

    Views.Layout pageLayout(Page page, String folder) {
        String language = page.key().language();
        Kind kind = page.key().kind();
        List<Views.Link> crumbs = List.of(
                new Views.Link(t(language, "nav_hub"), urls.path(urls.hubFolder(language)), false),
                new Views.Link(t(language, "list_" + kind.refName()), urls.path(urls.listFolder(kind, language)), false),
                new Views.Link(page.title(), urls.path(folder), true));
        String canonical = urls.absolute(folder);
        StructuredData.Graph jsonLd = structuredData.graph(canonical, language);
        List<StructuredData.Crumb> ldCrumbs = ldCrumbs(crumbs, language, kind, folder);
        Optional<PageKey> topic = views.topicKey(page);
        String topicName = topic.map(k -> graph.require(k).title()).orElse(null);
        String topicUrl = topic.map(k -> urls.absolute(urls.pageFolder(k))).orElse(null);
        String ogType = "article";
        if (page instanceof Page.Answer answer) {
            jsonLd.webPage("WebPage", page.title(), page.common().description(), ldCrumbs);
            jsonLd.article(page, page.common().description(), views.author(page), topicName, topicUrl);
            jsonLd.faqPage(answer, (field, asWritten) -> views.answerText(answer, field, asWritten));
        } else if (page instanceof Page.Guide) {
            jsonLd.webPage("WebPage", page.title(), page.common().description(), ldCrumbs);
            jsonLd.article(page, page.common().description(), views.author(page), topicName, topicUrl);
        } else if (page instanceof Page.Checklist checklist) {
            jsonLd.webPage("WebPage", page.title(), page.common().description(), ldCrumbs);
            jsonLd.article(page, page.common().description(), views.author(page), topicName, topicUrl);
            jsonLd.howTo(page.title(), page.common().description(), checklist.body().checklistGroups());
        } else if (page instanceof Page.GlossaryTerm term) {
            jsonLd.webPage("WebPage", page.title(), page.common().description(), ldCrumbs);
            jsonLd.definedTerm(term, t(language, "list_glossary"), urls.absolute(urls.listFolder(Kind.GLOSSARY, language)));
        } else if (page instanceof Page.Topic) {
            ogType = "website";
            ObjectNode collection = jsonLd.webPage("CollectionPage", page.title(), page.common().description(), ldCrumbs);
            jsonLd.itemList(collection, graph.topicMembers().getOrDefault(page.key(), List.of()).stream()
                    .map(views::entry).toList());
        }
        Views.Layout layout = layout(language, page.title(), fullTitle(page.title(), language),
                page.common().description(), folder, kind, crumbs,
                code -> graph.page(page.key().in(code)).map(p -> urls.pageFolder(p.key())).orElse(null),
                kind.refName(), ogType, urls.absolute(folder + "index.md"), script(folder, jsonLd));
        String unpublished = graph.shownUnpublished().get(page.key());
        if (unpublished == null) {
            return layout;
        }
        String status = unpublished.equals("draft") ? t(language, "status_draft")
                : t(language, "status_scheduled") + " " + unpublished.substring("scheduled ".length());
        return new Views.Layout(layout.siteTitle(), layout.lang(), layout.title(), layout.fullTitle(),
                layout.description(), layout.canonical(), layout.hubUrl(), layout.stylesheetUrl(), layout.nav(),
                layout.breadcrumbs(), layout.alternates(), layout.pageKind(), layout.head(), status);
    }

    /** The page's JSON-LD script, the previous build's when its tree is the same. */
    SafeString script(String folder, StructuredData.Graph jsonLd) {
        return cache == null ? jsonLd.toScript() : cache.script(UrlScheme.indexFile(folder), jsonLd.tree(), jsonLd::toScript);
    }

    Views.Layout layout(String language, String title, String fullTitle, String description, String folder,
                                Kind current, List<Views.Link> crumbs, Function<String, String> folderIn,
                                String pageKind, String ogType, String markdownUrl, SafeString jsonLd) {
        List<Views.Alternate> alternates = alternates(language, folderIn);
        String defaultFolder = folderIn.apply(config.defaultLanguage().code());
        String xDefault = alternates.isEmpty() || defaultFolder == null ? null : urls.absolute(defaultFolder);
        List<String> localeAlternates = alternates.stream().filter(a -> !a.current()).map(a -> ogLocale(a.code())).toList();
        Views.Head head = new Views.Head(ogType, imageUrl, ogLocale(language), localeAlternates, xDefault,
                urls.path(urls.hubFolder(language) + "feed.xml"), t(language, "feed_title"), markdownUrl,
                urls.absolute(urls.hubFolder(language) + "llms.txt"), jsonLd,
                urls.path(urls.hubFolder(language) + "search/"), urls.path("assets/"), "search".equals(pageKind),
                assets);
        return new Views.Layout(config.titleIn(config.language(language).orElseThrow()), language, title, fullTitle,
                description, urls.absolute(folder), urls.path(urls.hubFolder(language)),
                assets.stylesheet(),
                nav(language, current), crumbs, alternates, pageKind, head, null);
    }

    List<StructuredData.Crumb> ldCrumbs(List<Views.Link> crumbs, String language, Kind kind, String folder) {
        List<StructuredData.Crumb> result = new ArrayList<>();
        result.add(new StructuredData.Crumb(crumbs.get(0).label(), urls.absolute(urls.hubFolder(language))));
        if (kind != null) {
            result.add(new StructuredData.Crumb(crumbs.get(1).label(), urls.absolute(urls.listFolder(kind, language))));
        }
        result.add(new StructuredData.Crumb(crumbs.get(crumbs.size() - 1).label(), urls.absolute(folder)));
        return result;
    }

    /** Open Graph locales are written language_TERRITORY: zh-CN becomes zh_CN. */
    private static String ogLocale(String code) {
        return code.replace('-', '_');
    }

    private String sitePathUrl(String sitePath) {
        return urls.absolute(sitePath.startsWith("/") ? sitePath.substring(1) : sitePath);
    }

    String fullTitle(String title, String language) {
        return title + " | " + config.titleIn(config.language(language).orElseThrow());
    }

    private List<Views.Link> nav(String language, Kind current) {
        List<Views.Link> nav = new ArrayList<>();
        nav.add(new Views.Link(t(language, "nav_hub"), urls.path(urls.hubFolder(language)), current == Kind.HUB));
        for (Kind kind : Listings.KINDS) {
            nav.add(new Views.Link(t(language, "list_" + kind.refName()), urls.path(urls.listFolder(kind, language)),
                    kind == current));
        }
        return nav;
    }

    private List<Views.Alternate> alternates(String language, Function<String, String> folderIn) {
        List<Views.Alternate> alternates = new ArrayList<>();
        for (Language other : config.languages()) {
            String folder = folderIn.apply(other.code());
            if (folder != null) {
                alternates.add(new Views.Alternate(other.code(), other.name(), urls.path(folder),
                        urls.absolute(folder), other.code().equals(language)));
            }
        }
        return alternates.size() > 1 ? alternates : List.of();
    }

    private String t(String language, String key) {
        return UiStrings.get(stringsByLanguage, config, language, key);
    }
}
