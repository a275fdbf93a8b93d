package io.answersite.render;

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
import io.answersite.graph.GraphBuilder;
import io.answersite.graph.ResolvedRelated;
import io.answersite.graph.UrlScheme;
import io.answersite.markdown.Heading;
import io.answersite.markdown.MarkdownDoc;
import io.answersite.output.OutputTree;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Renders every HTML page of the site: one per published page, the hub, a list page per kind and
 * language, alias redirects and the 404 page. Counts what it wrote for the build summary.
 */
public final class SiteRenderer {

    public static final String STYLESHEET = "assets/answersite.css";
    private static final List<Kind> LISTED_KINDS = List.of(Kind.ANSWER, Kind.GUIDE, Kind.CHECKLIST, Kind.GLOSSARY,
            Kind.TOPIC);

    private final ContentGraph graph;
    private final Theme theme;
    private final UrlScheme urls;
    private final SiteConfig config;
    private final Map<String, Map<String, String>> stringsByLanguage = new LinkedHashMap<>();

    public SiteRenderer(ContentGraph graph, Theme theme, Diagnostics diagnostics) {
        this.graph = graph;
        this.theme = theme;
        this.urls = graph.urls();
        this.config = graph.config();
        for (Language language : config.languages()) {
            stringsByLanguage.put(language.code(), theme.strings(language.code(), diagnostics));
        }
    }

    /** Writes every page into {@code output}; returns the number of pages per kind and language. */
    public PageCounts render(OutputTree output, Diagnostics diagnostics) {
        PageCounts counts = new PageCounts();
        for (Page page : graph.pages().values()) {
            if (page.key().kind() == Kind.HUB) {
                continue;
            }
            String folder = urls.pageFolder(page.key());
            Map<String, Object> context = context(layout(page, folder), view(page), page.key().language());
            write(output, template(page.key().kind()), folder, context, diagnostics, counts, page.key().kind().refName(),
                    page.key().language());
        }
        for (Language language : config.languages()) {
            renderHub(language.code(), output, diagnostics, counts);
            for (Kind kind : LISTED_KINDS) {
                renderListing(kind, language.code(), output, diagnostics, counts);
            }
        }
        renderRedirects(output, diagnostics);
        renderNotFound(output, diagnostics);
        return counts;
    }

    private void write(OutputTree output, String template, String folder, Map<String, Object> context,
                       Diagnostics diagnostics, PageCounts counts, String kind, String language) {
        theme.render(template, context, diagnostics).ifPresent(html -> {
            output.write(UrlScheme.indexFile(folder), html);
            counts.add(kind, language);
        });
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
        return stringsByLanguage.getOrDefault(language, stringsByLanguage.get(config.defaultLanguage().code()));
    }

    private String t(String language, String key) {
        return strings(language).getOrDefault(key, key);
    }

    // ---- pages ----

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
            return new Views.GlossaryTerm(term.title(), term.term(), term.synonyms(), term.definition(),
                    term.common().description(), byline(term), body(term), topicCard(term));
        }
        if (page instanceof Page.Topic topic) {
            return topicView(topic);
        }
        throw new IllegalStateException("the hub is rendered per language, not as " + page.key());
    }

    private Views.Answer answerView(Page.Answer answer) {
        String language = answer.key().language();
        List<Views.Faq> faq = new ArrayList<>();
        for (int i = 0; i < answer.faq().size(); i++) {
            Page.Faq item = answer.faq().get(i);
            faq.add(new Views.Faq("faq-" + (i + 1), item.question(), item.answer()));
        }
        List<Views.Card> related = new ArrayList<>();
        for (ResolvedRelated item : graph.related().getOrDefault(answer.key(), List.of())) {
            Views.Card card = card(item.target());
            String url = item.anchor() == null ? card.url() : card.url() + "#" + item.anchor();
            related.add(new Views.Card(card.title(), card.kindLabel(), url,
                    item.note() != null ? item.note() : graph.require(item.target()).common().description()));
        }
        List<Views.Card> more = graph.moreAnswers().getOrDefault(answer.key(), List.of()).stream()
                .map(this::card).toList();
        List<String> summary = answer.summaryEn() == null ? List.of()
                : Arrays.stream(answer.summaryEn().split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new Views.Answer(answer.title(), answer.question(), answer.common().description(), byline(answer),
                answer.answer(), answer.basis(), answer.nextSteps(), summary, body(answer), faq, related,
                snippet("handoff", language), snippet("review-safety", language), more, topicCard(answer),
                answer.common().tags());
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

    private void renderHub(String language, OutputTree output, Diagnostics diagnostics, PageCounts counts) {
        Optional<Page> intro = graph.page(new PageKey(Kind.HUB, PageKey.HUB_ID, language));
        String title = intro.map(Page::title).orElse(config.titleIn(config.language(language).orElseThrow()));
        String description = intro.map(p -> p.common().description()).orElse(config.description());
        Map<String, List<Views.Card>> byTopic = new TreeMap<>();
        graph.pagesOf(Kind.ANSWER, language).forEach(answer -> {
            Located<String> topic = answer.common().topic();
            byTopic.computeIfAbsent(topic == null ? "" : topic.value(), k -> new ArrayList<>()).add(card(answer.key()));
        });
        List<Views.TopicGroup> groups = new ArrayList<>();
        byTopic.forEach((topicId, answers) -> {
            Views.Card topicCard = graph.preferred(Kind.TOPIC, topicId, language).map(this::card).orElse(null);
            groups.add(new Views.TopicGroup(topicCard, answers));
        });
        List<Views.Card> sections = LISTED_KINDS.stream().filter(k -> k != Kind.ANSWER)
                .map(k -> new Views.Card(t(language, "list_" + k.refName()), t(language, "kind_" + k.refName()),
                        urls.path(urls.listFolder(k, language)), t(language, "list_" + k.refName() + "_intro")))
                .toList();
        Views.Hub view = new Views.Hub(title, description, intro.map(this::body).orElse(null), groups,
                sections);
        String folder = urls.hubFolder(language);
        Views.Layout layout = new Views.Layout(config.titleIn(config.language(language).orElseThrow()), language, title,
                title, description, urls.absolute(folder), urls.path(folder), urls.path(STYLESHEET),
                nav(language, Kind.HUB), List.of(new Views.Link(t(language, "nav_hub"), urls.path(folder), true)),
                alternates(language, code -> urls.hubFolder(code)), Kind.HUB.refName());
        write(output, "hub", folder, context(layout, view, language), diagnostics, counts, "hub", language);
    }

    private void renderListing(Kind kind, String language, OutputTree output, Diagnostics diagnostics,
                               PageCounts counts) {
        Comparator<Page> order = kind == Kind.GLOSSARY
                ? Comparator.comparing((Page p) -> ((Page.GlossaryTerm) p).term().toLowerCase(Locale.ROOT))
                .thenComparing(p -> p.key().id())
                : Comparator.comparing((Page p) -> p.key().id());
        List<Views.Card> items = graph.pagesOf(kind, language).sorted(order).map(p -> card(p.key())).toList();
        String title = t(language, "list_" + kind.refName());
        String description = t(language, "list_" + kind.refName() + "_intro");
        String folder = urls.listFolder(kind, language);
        List<Views.Link> crumbs = List.of(new Views.Link(t(language, "nav_hub"), urls.path(urls.hubFolder(language)), false),
                new Views.Link(title, urls.path(folder), true));
        Views.Layout layout = new Views.Layout(config.titleIn(config.language(language).orElseThrow()), language, title,
                fullTitle(title, language), description, urls.absolute(folder), urls.path(urls.hubFolder(language)),
                urls.path(STYLESHEET), nav(language, kind), crumbs,
                alternates(language, code -> urls.listFolder(kind, code)), "list");
        Views.Listing view = new Views.Listing(title, description, kind.refName(), items);
        String template = kind == Kind.GLOSSARY ? "glossary-index" : "list";
        write(output, template, folder, context(layout, view, language), diagnostics, counts, "list", language);
    }

    private void renderRedirects(OutputTree output, Diagnostics diagnostics) {
        for (Page page : graph.pages().values()) {
            for (Located<String> alias : page.common().aliases()) {
                GraphBuilder.aliasFolder(alias.value()).ifPresent(folder -> {
                    Views.Redirect view = new Views.Redirect(urls.absolute(urls.pageFolder(page.key())),
                            page.key().language());
                    theme.render("redirect", Map.of("page", view), diagnostics)
                            .ifPresent(html -> output.write(UrlScheme.indexFile(folder), html));
                });
            }
        }
    }

    private void renderNotFound(OutputTree output, Diagnostics diagnostics) {
        String language = config.defaultLanguage().code();
        String title = t(language, "not_found_title");
        Views.Layout layout = new Views.Layout(config.titleIn(config.defaultLanguage()), language, title,
                fullTitle(title, language), t(language, "not_found_text"), urls.absolute("404.html"),
                urls.path(urls.hubFolder(language)), urls.path(STYLESHEET), nav(language, null), List.of(), List.of(),
                "not-found");
        theme.render("404", context(layout, Map.of("title", title), language), diagnostics)
                .ifPresent(html -> output.write("404.html", html));
    }

    // ---- pieces ----

    private Views.Layout layout(Page page, String folder) {
        String language = page.key().language();
        Kind kind = page.key().kind();
        List<Views.Link> crumbs = new ArrayList<>();
        crumbs.add(new Views.Link(t(language, "nav_hub"), urls.path(urls.hubFolder(language)), false));
        crumbs.add(new Views.Link(t(language, "list_" + kind.refName()), urls.path(urls.listFolder(kind, language)), false));
        crumbs.add(new Views.Link(page.title(), urls.path(folder), true));
        return new Views.Layout(config.titleIn(config.language(language).orElseThrow()), language, page.title(),
                fullTitle(page.title(), language), page.common().description(), urls.absolute(folder),
                urls.path(urls.hubFolder(language)), urls.path(STYLESHEET), nav(language, kind), crumbs,
                alternates(language, code -> graph.page(page.key().in(code)).map(p -> urls.pageFolder(p.key())).orElse(null)),
                kind.refName());
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

    private List<Views.Alternate> alternates(String language, java.util.function.Function<String, String> folderIn) {
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
        String text = page instanceof Page.Answer answer ? answer.answer()
                : page instanceof Page.GlossaryTerm term ? term.definition()
                : page.common().description();
        String title = page instanceof Page.GlossaryTerm term ? term.term() : page.title();
        return new Views.Card(title, t(key.language(), "kind_" + key.kind().refName()), urls.pagePath(key), text);
    }

    private Views.Card topicCard(Page page) {
        Located<String> topic = page.common().topic();
        if (topic == null) {
            return null;
        }
        return graph.preferred(Kind.TOPIC, topic.value(), page.key().language()).map(this::card).orElse(null);
    }

    private Views.Byline byline(Page page) {
        Common common = page.common();
        String authorId = common.author() != null ? common.author().value() : config.defaultAuthor();
        Author author = authorId == null ? null : config.authors().get(authorId);
        return new Views.Byline(author == null ? null : author.name(), author == null ? null : author.url(),
                common.date() == null ? null : common.date().toString(),
                common.updated() == null ? null : common.updated().toString());
    }

    /** The page's rendered body, or null when it has none (templates test {@code is not null}). */
    private SafeString body(Page page) {
        if (page.body().isEmpty()) {
            return null;
        }
        List<String> slots = graph.linkUrls().getOrDefault(page.key(), List.of());
        return new SafeString(fill(page.body(), slots));
    }

    private static String fill(MarkdownDoc doc, List<String> slots) {
        return doc.fill(slot -> slot < slots.size() ? slots.get(slot) : "#");
    }

    private SafeString snippet(String name, String language) {
        Optional<Snippet> snippet = graph.snippet(name, language);
        return snippet.map(s -> new SafeString(fill(s.body(), List.of()))).orElse(null);
    }
}
