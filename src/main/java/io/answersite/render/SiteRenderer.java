package io.answersite.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.answersite.cache.Same;
import io.answersite.config.Author;
import io.answersite.config.Language;
import io.answersite.config.SiteConfig;
import io.answersite.content.Common;
import io.answersite.content.Kind;
import io.answersite.content.Located;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.content.Snippet;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.graph.ContentGraph;
import io.answersite.graph.Glossary;
import io.answersite.graph.LinkTarget;
import io.answersite.graph.ResolvedRelated;
import io.answersite.graph.UrlScheme;
import io.answersite.markdown.Heading;
import io.answersite.markdown.InlineMarkdown;
import io.answersite.markdown.MarkdownDoc;
import io.answersite.output.SiteOutput;
import io.answersite.search.SearchIndex;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Renders every HTML page of the site: one per published page, the hub, a list page per kind and
 * language, alias redirects and the 404 page. Counts what it wrote for the build summary.
 */
public final class SiteRenderer {

    public static final String STYLESHEET = "assets/answersite.css";
    public static final String DEFAULT_IMAGE = "/assets/og-image.png";
    /** The theme's page script and search script, beside the stylesheet. */
    public static final String SCRIPT = "assets/answersite.js";
    public static final String SEARCH_SCRIPT = "assets/search.js";

    /** What pages link for the theme's files: each one's fingerprinted copy when there is one. */
    private static Views.Assets assetUrls(UrlScheme urls, Map<String, String> fingerprinted) {
        Function<String, String> url = file -> urls.path(fingerprinted.getOrDefault(file, file));
        return new Views.Assets(url.apply(STYLESHEET), url.apply(SCRIPT), url.apply(SEARCH_SCRIPT));
    }

    /** The kinds with a list page per language, in the hub's order. */
    public static final List<Kind> LISTED_KINDS = List.of(Kind.ANSWER, Kind.GUIDE, Kind.CHECKLIST, Kind.GLOSSARY,
            Kind.TOPIC);

    private final ContentGraph graph;
    private final Theme theme;
    private final UrlScheme urls;
    private final SiteConfig config;
    private final Map<String, Map<String, String>> stringsByLanguage;
    private final StructuredData structuredData;
    private final String imageUrl;

    private final Glossary glossary;
    private final Map<PageKey, List<PageKey>> autolinks;
    private final RenderCache cache;
    private final ViewDigest viewDigest = new ViewDigest();
    private final String themeDigest;
    /**
     * The site's configuration, UI strings, theme and asset names, the same instance while they are
     * equal (see {@link #viewInputs}).
     */
    private final Object buildInputs;
    /** Per language, the glossary's names, the same instance while equal (see {@link #viewInputs}). */
    private final Map<String, Object> glossaryNames = new HashMap<>();
    private final Views.Assets assets;

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
        this.assets = assetUrls(graph.urls(), fingerprinted);
        this.glossary = glossary;
        this.autolinks = autolinks;
        this.cache = cache;
        this.themeDigest = cache == null ? "" : theme.fingerprint();
        this.buildInputs = cache == null ? null
                : new Same(cache.canonical("build", List.of(graph.config(), strings, themeDigest, fingerprinted)));
        if (cache != null) {
            graph.config().languages().forEach(language -> glossaryNames.put(language.code(), new Same(
                    cache.canonical("glossary-names/" + language.code(), glossary.names(language.code())))));
        }
        this.graph = graph;
        this.theme = theme;
        this.urls = graph.urls();
        this.config = graph.config();
        this.stringsByLanguage = strings;
        this.imageUrl = sitePathUrl(config.image() != null ? config.image() : DEFAULT_IMAGE);
        String logo = config.organization().logo() == null ? null : sitePathUrl(config.organization().logo());
        this.structuredData = new StructuredData(config, urls.absolute(urls.hubFolder(config.defaultLanguage().code())),
                imageUrl, logo);
    }

    /** Writes every page into {@code output}; returns the number of pages per kind and language. */
    public PageCounts render(SiteOutput output, Diagnostics diagnostics) {
        return render(output, diagnostics, (done, total) -> { });
    }

    /** As {@link #render(SiteOutput, Diagnostics)}, telling {@code progress} (done, total) as pages are written. */
    public PageCounts render(SiteOutput output, Diagnostics diagnostics,
                             BiConsumer<Integer, Integer> progress) {
        PageCounts counts = new PageCounts();
        int total = graph.pages().size() + config.languages().size() * LISTED_KINDS.size();
        int step = Math.max(1, total / 50);
        AtomicInteger done = new AtomicInteger();
        // pages are independent: both cores render them; the order of writes does not matter
        graph.pages().values().parallelStream().forEach(page -> {
            int now = done.incrementAndGet();
            if (now % step == 0) {
                progress.accept(now, total);
            }
            if (page.key().kind() == Kind.HUB) {
                return;
            }
            String folder = urls.pageFolder(page.key());
            Object inputs = cache == null ? null : cache.inputsKey(viewInputs(page));
            String template = template(page.key().kind());
            if (writeUnchanged(output, template, folder, inputs, counts, page.key().kind().refName(),
                    page.key().language())) {
                return;
            }
            Map<String, Object> context = context(pageLayout(page, folder), view(page), page.key().language());
            write(output, template, folder, context, diagnostics, counts, page.key().kind().refName(),
                    page.key().language(), inputs);
        });
        for (Language language : config.languages()) {
            renderHub(language.code(), output, diagnostics, counts);
            for (Kind kind : LISTED_KINDS) {
                renderListing(kind, language.code(), output, diagnostics, counts);
            }
        }
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
        Map<String, Object> context = context(pageLayout(page, folder), view(page), key.language());
        return theme.render(template(key.kind()), context, diagnostics).map(html -> new RenderedPage(
                UrlScheme.indexFile(folder), html.getBytes(StandardCharsets.UTF_8)));
    }

    /** A rendered page: where it goes in the output, and its bytes. */
    public record RenderedPage(String path, byte[] bytes) {
    }

    /**
     * @param inputs what the view was made from (see {@link #viewInputs}), recorded with the page kept
     *     in the cache; null when not known
     */
    private void write(SiteOutput output, String template, String folder, Map<String, Object> context,
                       Diagnostics diagnostics, PageCounts counts, String kind, String language, Object inputs) {
        String path = UrlScheme.indexFile(folder);
        counts.viewed(path);
        byte[] digest = cache == null ? null : viewDigest.digest(themeDigest + template, context);
        Optional<byte[]> previous = cache == null ? Optional.empty() : cache.reuse(path, digest);
        if (previous.isPresent()) {
            writeKept(output, path, previous.get());
            cache.madeFrom(path, inputs);
        } else {
            Optional<String> html = theme.render(template, context, diagnostics);
            if (html.isEmpty()) {
                return;
            }
            byte[] bytes = html.get().getBytes(StandardCharsets.UTF_8);
            output.write(path, bytes);
            counts.rendered(path);
            if (cache != null) {
                cache.store(path, digest, bytes, inputs);
            }
        }
        counts.add(kind, language);
        counts.wrote(path, template);
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

    // ---- content pages ----

    /**
     * Everything a content page's view and layout are made from: the build's constants (site.yml,
     * UI strings, theme), the page record, its edges in the graph and the records of the pages it
     * shows (related items, "more answers", its topic, a topic's members), its translations, its
     * publication status, its glossary links and the snippets it shows. When all are the same as
     * when the page was last rendered, the page is the same bytes and its view is not made at all.
     * Reading a new input in {@link #view} or {@link #pageLayout} means adding it here;
     * {@code RandomEditsTest} compares the preview with clean builds after every kind of edit.
     */
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
        Optional<byte[]> unchanged = cache.unchanged(path, inputs);
        if (unchanged.isEmpty()) {
            return false;
        }
        writeKept(output, path, unchanged.get());
        counts.add(kind, language);
        counts.wrote(path, template);
        return true;
    }

    /** Writes a page's kept bytes: taken back from the published folder, they stay there as they are. */
    private void writeKept(SiteOutput output, String path, byte[] bytes) {
        if (cache.inMemory()) {
            output.write(path, bytes);
        } else {
            output.keepPublished(path, bytes);
        }
    }

    /** What a list page shows: the site's constants and the records of the pages it lists. */
    private List<Object> listingInputs(Kind kind, String language) {
        List<Object> inputs = new ArrayList<>();
        inputs.add(buildInputs);
        graph.pagesOf(kind, language).forEach(page -> inputs.add(new Same(page)));
        return inputs;
    }

    /**
     * What a hub shows: the site's constants, its own page record and body links, and the records
     * of the answers it lists and of their topics' pages.
     */
    private List<Object> hubInputs(String language) {
        List<Object> inputs = new ArrayList<>();
        inputs.add(buildInputs);
        PageKey hub = new PageKey(Kind.HUB, PageKey.HUB_ID, language);
        inputs.add(new Same(graph.page(hub).orElse(null)));
        inputs.add(graph.linkTargets().get(hub));
        Set<String> topics = new TreeSet<>();
        graph.pagesOf(Kind.ANSWER, language).forEach(answer -> {
            inputs.add(new Same(answer));
            if (answer.common().topic() != null) {
                topics.add(answer.common().topic().value());
            }
        });
        for (String topic : topics) {
            inputs.add(topic);
            graph.preferred(Kind.TOPIC, topic, language).ifPresent(key -> {
                inputs.add(key);
                inputs.add(new Same(graph.require(key)));
            });
        }
        return inputs;
    }

    private List<Object> viewInputs(Page page) {
        PageKey key = page.key();
        String language = key.language();
        List<Object> inputs = new ArrayList<>();
        inputs.add(buildInputs);
        inputs.add(new Same(page));
        inputs.add(graph.linkTargets().get(key));
        for (ResolvedRelated item : graph.related().getOrDefault(key, List.of())) {
            inputs.add(item);
            inputs.add(new Same(graph.require(item.target())));
        }
        inputs.add("more");
        for (PageKey other : graph.moreAnswers().getOrDefault(key, List.of())) {
            inputs.add(other);
            inputs.add(new Same(graph.require(other)));
        }
        inputs.add("topic");
        topicKey(page).ifPresent(topic -> {
            inputs.add(topic);
            inputs.add(new Same(graph.require(topic)));
        });
        inputs.add("translations");
        for (Language other : config.languages()) {
            inputs.add(graph.pages().containsKey(key.in(other.code())));
        }
        inputs.add(graph.shownUnpublished().get(key));
        if (page instanceof Page.Answer) {
            List<PageKey> terms = autolinks.getOrDefault(key, List.of());
            inputs.add(terms);
            if (!terms.isEmpty()) {
                inputs.add(glossaryNames.get(language));
                inputs.add(terms.stream().map(term -> glossary.indexOf(term.id())).toList());
            }
            for (String name : List.of("handoff", "review-safety")) {
                inputs.add(new Same(graph.snippet(name, language).orElse(null)));
                inputs.add(graph.snippetLinks(name, language));
            }
        }
        if (page instanceof Page.Topic) {
            inputs.add("members");
            for (PageKey member : graph.topicMembers().getOrDefault(key, List.of())) {
                inputs.add(member);
                inputs.add(new Same(graph.require(member)));
            }
        }
        return inputs;
    }

    private Object view(Page page) {
        if (page instanceof Page.Answer answer) {
            return answerView(answer);
        }
        if (page instanceof Page.Guide guide) {
            return articleView(guide, guide.body().headings().stream()
                    .filter(h -> h.level() == 2 || h.level() == 3).toList(), 0);
        }
        if (page instanceof Page.Checklist checklist) {
            return articleView(checklist, checklist.body().checklistGroups().stream()
                            .map(g -> new Heading(2, g.title(), g.id())).filter(h -> !h.id().isEmpty()).toList(),
                    checklist.body().checklistGroups().stream().mapToInt(g -> g.items().size()).sum());
        }
        if (page instanceof Page.GlossaryTerm term) {
            return new Views.GlossaryTerm(term.title(), term.term(), term.synonyms(),
                    inlineHtml(term, "definition", term.definition()),
                    term.common().description(), byline(term), body(term), topicCard(term));
        }
        if (page instanceof Page.Topic topic) {
            return topicView(topic);
        }
        throw new IllegalStateException("the hub is rendered per language, not as " + page.key());
    }

    private Views.Answer answerView(Page.Answer answer) {
        String language = answer.key().language();
        Map<Integer, String> termUrls = new TreeMap<>();
        for (PageKey term : autolinks.getOrDefault(answer.key(), List.of())) {
            termUrls.put(glossary.indexOf(term.id()), urls.pagePath(term));
        }
        TermLinker linker = new TermLinker(glossary.automaton(language), termUrls);
        // reading order: the short answer, grounds, next steps, the English summary, the body, then the FAQ;
        // glossary terms are linked in the texts the reader reads as prose, never inside their links or code
        SafeString shortAnswer = linked(answer, "answer", answer.answer(), linker);
        List<SafeString> basis = new ArrayList<>();
        for (int i = 0; i < answer.basis().size(); i++) {
            basis.add(linked(answer, "basis/" + i, answer.basis().get(i), linker));
        }
        List<SafeString> nextSteps = new ArrayList<>();
        for (int i = 0; i < answer.nextSteps().size(); i++) {
            nextSteps.add(linked(answer, "next_steps/" + i, answer.nextSteps().get(i), linker));
        }
        List<SafeString> summary = answer.summaryEn() == null ? List.of()
                : Arrays.stream(answer.summaryEn().split("\n")).map(String::strip).filter(s -> !s.isEmpty())
                .map(linker::text).toList();
        SafeString body = body(answer);
        if (body != null) {
            body = new SafeString(linker.html(body.toString()));
        }
        List<Views.Faq> faq = new ArrayList<>();
        for (int i = 0; i < answer.faq().size(); i++) {
            Page.Faq item = answer.faq().get(i);
            faq.add(new Views.Faq("faq-" + (i + 1), inlineHtml(answer, "faq/" + i + "/q", item.question()),
                    linked(answer, "faq/" + i + "/a", item.answer(), linker)));
        }
        List<Views.Card> related = new ArrayList<>();
        for (ResolvedRelated item : graph.related().getOrDefault(answer.key(), List.of())) {
            Views.Card card = card(item.target());
            String url = item.anchor() == null ? card.url() : card.url() + "#" + item.anchor();
            if (item.note() == null) {
                related.add(new Views.Card(card.title(), card.kindLabel(), url,
                        graph.require(item.target()).common().description(), null));
            } else {
                String field = answer.relatedNoteField(item.ref());
                related.add(new Views.Card(card.title(), card.kindLabel(), url, answer.plain(field, item.note()),
                        answer.inline().containsKey(field) ? inlineHtml(answer, field, item.note()) : null));
            }
        }
        List<Views.Card> more = graph.moreAnswers().getOrDefault(answer.key(), List.of()).stream()
                .map(this::card).toList();
        return new Views.Answer(answer.title(), answer.question(), answer.common().description(), byline(answer),
                shortAnswer, basis, nextSteps, summary, body, faq, related,
                snippet("handoff", language), snippet("review-safety", language), more, topicCard(answer),
                answer.common().tags());
    }

    /**
     * A front matter text as HTML: its inline Markdown rendered, internal links filled with their
     * resolved URLs (the page's link slots, like the body's); a text without Markdown escaped.
     */
    private SafeString inlineHtml(Page page, String field, String asWritten) {
        InlineMarkdown text = page.inline().get(field);
        return new SafeString(text == null ? TermLinker.escape(asWritten) : text.html(slotUrls(page, false)));
    }

    /** As {@link #inlineHtml}, with the first uses of glossary terms linked outside the text's own links and code. */
    private SafeString linked(Page page, String field, String asWritten, TermLinker linker) {
        InlineMarkdown text = page.inline().get(field);
        return text == null ? linker.text(asWritten) : new SafeString(linker.html(text.html(slotUrls(page, false))));
    }

    /**
     * The resolved URL of each of a page's link slots (its body's, then its front matter texts'), for
     * HTML ({@code absolute} false: site paths, attribute-escaped) or for JSON-LD (absolute);
     * {@code #} for a link that did not resolve.
     */
    private java.util.function.IntFunction<String> slotUrls(Page page, boolean absolute) {
        List<LinkTarget> slots = graph.linkTargets().getOrDefault(page.key(), List.of());
        return slot -> slot < slots.size() && slots.get(slot) != null
                ? escapeAttribute(slots.get(slot).url(urls, absolute)) : "#";
    }

    /**
     * A front matter text for JSON-LD's {@code acceptedAnswer.text}: the text as written when it has
     * no Markdown, else its HTML with only the tags Google allows there ({@link StructuredData#answerHtml}),
     * links absolute.
     */
    private String answerText(Page page, String field, String asWritten) {
        InlineMarkdown text = page.inline().get(field);
        return text == null ? asWritten : StructuredData.answerHtml(text.html(slotUrls(page, true)));
    }

    private Views.Article articleView(Page page, List<Heading> toc, int itemCount) {
        return new Views.Article(page.title(), page.common().description(), byline(page),
                toc.stream().map(h -> new Views.TocEntry(h.level(), h.text(), h.id())).toList(), body(page),
                topicCard(page), page.common().tags(), itemCount);
    }

    private Views.Topic topicView(Page.Topic topic) {
        List<PageKey> members = graph.topicMembers().getOrDefault(topic.key(), List.of());
        return new Views.Topic(topic.title(), topic.common().description(), body(topic),
                cards(members, Kind.ANSWER), cards(members, Kind.GUIDE), cards(members, Kind.CHECKLIST),
                cards(members, Kind.GLOSSARY));
    }

    private List<Views.Card> cards(List<PageKey> keys, Kind kind) {
        return keys.stream().filter(k -> k.kind() == kind).map(this::card).toList();
    }

    private Views.Layout pageLayout(Page page, String folder) {
        String language = page.key().language();
        Kind kind = page.key().kind();
        List<Views.Link> crumbs = List.of(
                new Views.Link(t(language, "nav_hub"), urls.path(urls.hubFolder(language)), false),
                new Views.Link(t(language, "list_" + kind.refName()), urls.path(urls.listFolder(kind, language)), false),
                new Views.Link(page.title(), urls.path(folder), true));
        String canonical = urls.absolute(folder);
        StructuredData.Graph jsonLd = structuredData.graph(canonical, language);
        List<StructuredData.Crumb> ldCrumbs = ldCrumbs(crumbs, language, kind, folder);
        Optional<PageKey> topic = topicKey(page);
        String topicName = topic.map(k -> graph.require(k).title()).orElse(null);
        String topicUrl = topic.map(k -> urls.absolute(urls.pageFolder(k))).orElse(null);
        String ogType = "article";
        if (page instanceof Page.Answer answer) {
            jsonLd.webPage("WebPage", page.title(), page.common().description(), ldCrumbs);
            jsonLd.article(page, page.common().description(), author(page), topicName, topicUrl);
            jsonLd.faqPage(answer, (field, asWritten) -> answerText(answer, field, asWritten));
        } else if (page instanceof Page.Guide) {
            jsonLd.webPage("WebPage", page.title(), page.common().description(), ldCrumbs);
            jsonLd.article(page, page.common().description(), author(page), topicName, topicUrl);
        } else if (page instanceof Page.Checklist checklist) {
            jsonLd.webPage("WebPage", page.title(), page.common().description(), ldCrumbs);
            jsonLd.article(page, page.common().description(), author(page), topicName, topicUrl);
            jsonLd.howTo(page.title(), page.common().description(), checklist.body().checklistGroups());
        } else if (page instanceof Page.GlossaryTerm term) {
            jsonLd.webPage("WebPage", page.title(), page.common().description(), ldCrumbs);
            jsonLd.definedTerm(term, t(language, "list_glossary"), urls.absolute(urls.listFolder(Kind.GLOSSARY, language)));
        } else if (page instanceof Page.Topic) {
            ogType = "website";
            ObjectNode collection = jsonLd.webPage("CollectionPage", page.title(), page.common().description(), ldCrumbs);
            jsonLd.itemList(collection, graph.topicMembers().getOrDefault(page.key(), List.of()).stream()
                    .map(this::entry).toList());
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
    private SafeString script(String folder, StructuredData.Graph jsonLd) {
        return cache == null ? jsonLd.toScript() : cache.script(UrlScheme.indexFile(folder), jsonLd.tree(), jsonLd::toScript);
    }

    // ---- hub, lists, redirects, 404 ----

    private void renderHub(String language, SiteOutput output, Diagnostics diagnostics, PageCounts counts) {
        Object inputs = cache == null ? null : cache.inputsKey(hubInputs(language));
        if (writeUnchanged(output, "hub", urls.hubFolder(language), inputs, counts, "hub", language)) {
            return;
        }
        Optional<Page> intro = graph.page(new PageKey(Kind.HUB, PageKey.HUB_ID, language));
        String title = intro.map(Page::title).orElse(config.titleIn(config.language(language).orElseThrow()));
        String description = intro.map(p -> p.common().description()).orElse(config.description());
        Map<String, List<PageKey>> byTopic = graph.answersByTopic(language);
        List<Views.TopicGroup> groups = new ArrayList<>();
        List<StructuredData.Entry> entries = new ArrayList<>();
        byTopic.forEach((topicId, answers) -> {
            Views.Card topicCard = graph.preferred(Kind.TOPIC, topicId, language).map(this::card).orElse(null);
            groups.add(new Views.TopicGroup(topicCard, answers.stream().map(this::card).toList()));
            answers.forEach(answer -> entries.add(entry(answer)));
        });
        List<Views.Card> sections = LISTED_KINDS.stream().filter(k -> k != Kind.ANSWER)
                .map(k -> new Views.Card(t(language, "list_" + k.refName()), t(language, "kind_" + k.refName()),
                        urls.path(urls.listFolder(k, language)), t(language, "list_" + k.refName() + "_intro"), null))
                .toList();
        Views.Hub view = new Views.Hub(title, description, intro.map(this::body).orElse(null), groups, sections);
        String folder = urls.hubFolder(language);
        String canonical = urls.absolute(folder);
        List<Views.Link> crumbs = List.of(new Views.Link(t(language, "nav_hub"), urls.path(folder), true));
        StructuredData.Graph jsonLd = structuredData.graph(canonical, language);
        ObjectNode collection = jsonLd.webPage("CollectionPage", title, description,
                List.of(new StructuredData.Crumb(t(language, "nav_hub"), canonical)));
        jsonLd.itemList(collection, entries);
        if (language.equals(config.defaultLanguage().code())) {
            jsonLd.websiteAndOrganization();
        }
        Views.Layout layout = layout(language, title, title, description, folder, Kind.HUB, crumbs,
                code -> urls.hubFolder(code), Kind.HUB.refName(), "website",
                intro.isPresent() ? urls.absolute(folder + "index.md") : null, script(folder, jsonLd));
        write(output, "hub", folder, context(layout, view, language), diagnostics, counts, "hub", language, inputs);
    }

    private void renderListing(Kind kind, String language, SiteOutput output, Diagnostics diagnostics,
                               PageCounts counts) {
        String template = kind == Kind.GLOSSARY ? "glossary-index" : "list";
        Object inputs = cache == null ? null : cache.inputsKey(listingInputs(kind, language));
        if (writeUnchanged(output, template, urls.listFolder(kind, language), inputs, counts, "list", language)) {
            return;
        }
        Comparator<Page> order = kind == Kind.GLOSSARY
                ? Comparator.comparing((Page p) -> ((Page.GlossaryTerm) p).term().toLowerCase(Locale.ROOT))
                .thenComparing(p -> p.key().id())
                : Comparator.comparing((Page p) -> p.key().id());
        List<Page> pages = graph.pagesOf(kind, language).sorted(order).toList();
        List<Views.Card> items = pages.stream().map(p -> card(p.key())).toList();
        String title = t(language, "list_" + kind.refName());
        String description = t(language, "list_" + kind.refName() + "_intro");
        String folder = urls.listFolder(kind, language);
        String canonical = urls.absolute(folder);
        List<Views.Link> crumbs = List.of(new Views.Link(t(language, "nav_hub"), urls.path(urls.hubFolder(language)), false),
                new Views.Link(title, urls.path(folder), true));
        StructuredData.Graph jsonLd = structuredData.graph(canonical, language);
        List<StructuredData.Entry> entries = pages.stream().map(p -> entry(p.key())).toList();
        ObjectNode collection = jsonLd.webPage("CollectionPage", title, description, ldCrumbs(crumbs, language, null, folder));
        if (kind == Kind.GLOSSARY) {
            jsonLd.definedTermSet(title, description, entries);
        } else {
            jsonLd.itemList(collection, entries);
        }
        Views.Layout layout = layout(language, title, fullTitle(title, language), description, folder, kind, crumbs,
                code -> urls.listFolder(kind, code), "list", "website", urls.absolute(folder + "index.md"),
                script(folder, jsonLd));
        Views.Listing view = new Views.Listing(title, description, kind.refName(), items);
        write(output, template, folder, context(layout, view, language), diagnostics, counts, "list", language,
                inputs);
    }

    private void renderSearch(Language language, SiteOutput output, Diagnostics diagnostics, PageCounts counts) {
        String code = language.code();
        String title = t(code, "search_title");
        String folder = searchFolder(urls, code);
        List<Views.Link> crumbs = List.of(new Views.Link(t(code, "nav_hub"), urls.path(urls.hubFolder(code)), false),
                new Views.Link(title, urls.path(folder), true));
        StructuredData.Graph jsonLd = structuredData.graph(urls.absolute(folder), code);
        jsonLd.webPage("SearchResultsPage", title, t(code, "search_intro"), ldCrumbs(crumbs, code, null, folder));
        Views.Layout layout = layout(code, title, fullTitle(title, code), t(code, "search_intro"), folder, null, crumbs,
                other -> urls.hubFolder(other) + "search/", "search", "website", null, script(folder, jsonLd));
        Views.Search view = new Views.Search(title, urls.path(SearchIndex.folder(language)));
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
        Views.Layout layout = layout(language, title, fullTitle(title, language), t(language, "not_found_text"),
                "404.html", null, List.of(), code -> null, "not-found", "website", null, null);
        theme.render("404", context(layout, Map.of("title", title), language), diagnostics)
                .ifPresent(html -> {
                    output.write("404.html", html);
                    counts.wrote("404.html", "404");
                });
    }

    // ---- pieces ----

    private Views.Layout layout(String language, String title, String fullTitle, String description, String folder,
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

    private List<StructuredData.Crumb> ldCrumbs(List<Views.Link> crumbs, String language, Kind kind, String folder) {
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

    private String fullTitle(String title, String language) {
        return title + " | " + config.titleIn(config.language(language).orElseThrow());
    }

    private List<Views.Link> nav(String language, Kind current) {
        List<Views.Link> nav = new ArrayList<>();
        nav.add(new Views.Link(t(language, "nav_hub"), urls.path(urls.hubFolder(language)), current == Kind.HUB));
        for (Kind kind : LISTED_KINDS) {
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

    private Views.Card card(PageKey key) {
        Page page = graph.require(key);
        return new Views.Card(page.listTitle(), t(key.language(), "kind_" + key.kind().refName()), urls.pagePath(key),
                page.summary(), null);
    }

    private StructuredData.Entry entry(PageKey key) {
        Views.Card card = card(key);
        return new StructuredData.Entry(card.title(), urls.absolute(urls.pageFolder(key)), card.text());
    }

    private Optional<PageKey> topicKey(Page page) {
        Located<String> topic = page.common().topic();
        return topic == null ? Optional.empty() : graph.preferred(Kind.TOPIC, topic.value(), page.key().language());
    }

    private Views.Card topicCard(Page page) {
        return topicKey(page).map(this::card).orElse(null);
    }

    private Author author(Page page) {
        Common common = page.common();
        String authorId = common.author() != null ? common.author().value() : config.defaultAuthor();
        return authorId == null ? null : config.authors().get(authorId);
    }

    private Views.Byline byline(Page page) {
        Common common = page.common();
        Author author = author(page);
        return new Views.Byline(author == null ? null : author.name(), author == null ? null : author.url(),
                common.date() == null ? null : common.date().toString(),
                common.updated() == null ? null : common.updated().toString());
    }

    /** The page's rendered body, or null when it has none (templates test {@code is not null}). */
    private SafeString body(Page page) {
        if (page.body().isEmpty()) {
            return null;
        }
        List<LinkTarget> slots = graph.linkTargets().getOrDefault(page.key(), List.of());
        return new SafeString(fill(page.body(), slots));
    }

    private String fill(MarkdownDoc doc, List<LinkTarget> slots) {
        return doc.fill(slot -> slot < slots.size() && slots.get(slot) != null
                ? escapeAttribute(slots.get(slot).url(urls, false)) : "#");
    }

    private static String escapeAttribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private SafeString snippet(String name, String language) {
        Optional<Snippet> snippet = graph.snippet(name, language);
        return snippet.map(s -> new SafeString(fill(s.body(), graph.snippetLinks(name, language)))).orElse(null);
    }
}
