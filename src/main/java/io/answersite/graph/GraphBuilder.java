package io.answersite.graph;

import io.answersite.cache.FindingsCodec;
import io.answersite.cache.Fragments;
import io.answersite.config.SiteConfig;
import io.answersite.content.Kind;
import io.answersite.content.LoadedContent;
import io.answersite.content.Located;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.content.Snippet;
import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.SourcePos;
import io.answersite.markdown.LinkRef;
import io.answersite.work.Parallel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the {@link ContentGraph} in named passes, reporting what does not hold together: pages held
 * back, the checks ({@link GraphChecks}), links resolved ({@link LinkResolver}), related items, topic
 * members, "more answers" ({@link MoreAnswers}) and snippets; and patches one edited page into the last
 * graph for the preview.
 */
public final class GraphBuilder {

    private final SiteConfig config;

    private final UrlScheme urls;

    private final boolean includeDrafts;

    private final LocalDate today;

    private final String contentFolder;

    private final Path contentDir;

    private final GraphChecks checks;

    /**
     * @param contentFolder the content folder as reports name it ({@code content}), to map relative
     *     links onto source files
     * @param contentDir the content folder on disk, where linked files must exist; null to skip
     * @param today pages dated after it are scheduled, not published
     */
    public GraphBuilder(SiteConfig config, String contentFolder, Path contentDir, boolean includeDrafts,
                        LocalDate today) {
        this.config = config;
        this.urls = new UrlScheme(config);
        this.contentFolder = contentFolder;
        this.contentDir = contentDir;
        this.includeDrafts = includeDrafts;
        this.today = today;
        this.checks = new GraphChecks(config, urls);
    }

    /**
     * As {@link #build(LoadedContent, Diagnostics)}, with the build cache's {@code fragments}: when
     * every file changed since the last build changed only texts its own page shows and no file came
     * or went ({@link Fragments#changedInOwnTextsOnly}), the last build's edges ({@link GraphEdges})
     * and findings are taken back instead of resolved again, provided none of those findings is in a
     * changed file (its position may have moved) and every linked file of the content folder is still
     * there; only the changed bodies' external links, which are texts, are checked again. Otherwise
     * the graph is built and its edges and findings are kept for the next build.
     */
    public ContentGraph build(LoadedContent content, Diagnostics diagnostics, Fragments fragments) {
        Object inputs = List.of(today.toString(), String.valueOf(includeDrafts), contentFolder,
                String.valueOf(contentDir), config);
        Optional<ContentGraph> kept = kept(content, diagnostics, fragments, inputs);
        if (kept.isPresent()) {
            return kept.get();
        }
        Diagnostics found = new Diagnostics(); // as found, before site.yml's severities (among the inputs)
        ContentGraph graph = build(content, found);
        List<Diagnostic> findings = found.sorted();
        findings.forEach(diagnostics::add);
        if (fragments.storesOnDisk() && keepsTexts(content, fragments)) {
            byte[] edges;
            try {
                edges = GraphEdges.of(graph).bytes(graph.pages());
            } catch (IllegalArgumentException notTheAnswers) {
                return graph; // cannot be: related items are made from their answers; then nothing is kept
            }
            fragments.put(KEPT_EDGES, SITE, GraphBuilder.class, inputs, edges);
            fragments.put(KEPT_FINDINGS, SITE, GraphBuilder.class, inputs, FindingsCodec.bytes(findings));
        }
        return graph;
    }

    /** The kinds of the fragments that keep the graph's edges and findings between builds. */
    private static final String KEPT_EDGES = "graph-edges";
    private static final String KEPT_FINDINGS = "graph-findings";
    private static final String SITE = "site";

    /** Whether the build cache may keep what was read from every page and snippet (none has a secret finding). */
    private static boolean keepsTexts(LoadedContent content, Fragments fragments) {
        return content.pages().stream().allMatch(fragments::keepsTextOf)
                && content.snippets().stream().allMatch(fragments::keepsTextOf);
    }

    private Optional<ContentGraph> kept(LoadedContent content, Diagnostics diagnostics, Fragments fragments,
                                        Object inputs) {
        Optional<Set<String>> changed = fragments.changedInOwnTextsOnly();
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        Set<String> files = changed.get();
        // a finding about a missing file of the content folder may no longer hold once the file is added
        Optional<List<Diagnostic>> keptFindings = fragments.stored(KEPT_FINDINGS, SITE, GraphBuilder.class, inputs,
                FindingsCodec::of).filter(findings -> findings.stream().noneMatch(
                        d -> files.contains(d.pos().path()) || d.ruleId().equals(Rules.LINK_FILE)));
        if (keptFindings.isEmpty()) {
            return Optional.empty();
        }
        Diagnostics indexing = new Diagnostics();
        Map<PageKey, Page> all = new PageIndex(GraphChecks.indexPages(content.pages(), indexing));
        List<Page> changedPages = content.pages().stream().filter(page -> files.contains(page.sourcePath())).toList();
        Optional<GraphEdges> edges = fragments.stored(KEPT_EDGES, SITE, GraphBuilder.class, inputs,
                        bytes -> GraphEdges.decode(bytes, all))
                .filter(kept -> kept.linkedFilesExist(contentDir));
        if (edges.isEmpty()) {
            return Optional.empty();
        }
        List<HeldBack> heldBack = new ArrayList<>();
        SortedMap<PageKey, Page> published = new PageIndex(holdBackUnpublished(all, heldBack));
        if (!indexing.sorted().isEmpty() || !heldBack.equals(edges.get().heldBack())) {
            return Optional.empty(); // cannot be, with the same structure; but then the graph is built
        }
        Diagnostics found = new Diagnostics();
        keptFindings.get().forEach(found::add);
        GraphChecks.checkExternalLinks(changedPages.stream().filter(page -> published.containsKey(page.key()))
                .map(Page::body).toList(), found);
        List<Diagnostic> findings = found.sorted();
        findings.forEach(diagnostics::add);
        if (keepsTexts(content, fragments)) {
            fragments.keepStored(KEPT_EDGES, SITE);
            fragments.put(KEPT_FINDINGS, SITE, GraphBuilder.class, inputs, FindingsCodec.bytes(findings));
        }
        GraphEdges kept = edges.get();
        return Optional.of(new ContentGraph(config, urls, published, kept.linkTargets(), kept.related(),
                kept.moreAnswers(), kept.topicMembers(), snippets(content.snippets()), kept.snippetLinks(),
                List.copyOf(heldBack), Collections.unmodifiableMap(shownUnpublished(all))));
    }

    /** Drafts and scheduled pages shown anyway ({@code site.drafts}), with why they would be held back. */
    private Map<PageKey, String> shownUnpublished(Map<PageKey, Page> all) {
        Map<PageKey, String> shownUnpublished = new TreeMap<>();
        if (includeDrafts) {
            for (Page page : all.values()) {
                if (page.common().draft()) {
                    shownUnpublished.put(page.key(), "draft");
                } else if (page.common().date() != null && page.common().date().isAfter(today)) {
                    shownUnpublished.put(page.key(), "scheduled " + page.common().date());
                }
            }
        }
        return shownUnpublished;
    }

    public ContentGraph build(LoadedContent content, Diagnostics diagnostics) {
        Map<PageKey, Page> all = new PageIndex(GraphChecks.indexPages(content.pages(), diagnostics));
        List<HeldBack> heldBack = new ArrayList<>();
        SortedMap<PageKey, Page> published = new PageIndex(holdBackUnpublished(all, heldBack));
        Map<PageKey, String> shownUnpublished = shownUnpublished(all);
        GraphChecks.checkDates(published, diagnostics);
        GraphChecks.checkTopics(all, diagnostics);
        checks.checkAuthors(published, diagnostics);
        checks.checkUrls(published, diagnostics);
        LinkResolver resolver = new LinkResolver(config, urls, contentFolder, contentDir, all, published,
                () -> bySource(all), diagnostics);
        Map<PageKey, List<ResolvedRelated>> relatedPages = resolveRelated(published, resolver);
        Map<PageKey, List<PageKey>> topicMembers = topicMembers(published);
        Map<PageKey, List<PageKey>> moreAnswers = MoreAnswers.ofAll(published, relatedPages, config.moreAnswers());
        Map<String, Map<String, Snippet>> snippets = snippets(content.snippets());
        // what every page shows is known now, so anchors can be checked against it
        SortedMap<PageKey, Page> pageIndex = published;
        ContentGraph shown = new ContentGraph(config, urls, pageIndex, Map.of(),
                Map.copyOf(relatedPages), Map.copyOf(moreAnswers), Map.copyOf(topicMembers), snippets, Map.of(),
                List.copyOf(heldBack), Collections.unmodifiableMap(shownUnpublished));
        resolver.anchorsOf(shown);
        Map<PageKey, List<LinkTarget>> linkTargets = resolveBodyLinks(published, resolver);
        Map<String, Map<String, List<LinkTarget>>> snippetLinks = resolveSnippetLinks(shown, resolver, diagnostics);
        GraphChecks.checkExternalLinks(published.values().stream().map(Page::body).toList(), diagnostics);
        GraphChecks.checkExternalLinks(content.snippets().stream().map(Snippet::body).toList(), diagnostics);
        Map<PageKey, List<ResolvedRelated>> related = checkRelatedAnchors(relatedPages, resolver);
        return new ContentGraph(config, urls, pageIndex, Map.copyOf(linkTargets), // the shown graph's copies are kept
                Map.copyOf(related), shown.moreAnswers(), shown.topicMembers(), snippets, snippetLinks,
                List.copyOf(heldBack), Collections.unmodifiableMap(shownUnpublished));
    }

    /**
     * The previous graph with one edited page put in its place and that page's own edges computed
     * again (its body links, related items, "more answers" and the topic it joins), for the
     * preview's first answer to an edit: the edited page can be rendered from it in milliseconds.
     * Other pages' edges and the snippets' links are left as they were; the full build that follows
     * brings them up to date and reports findings. Empty when the edit is not a plain change of one
     * published page (a new key, a new source file, a page held back now) or when its links do not
     * resolve.
     */
    public Optional<ContentGraph> patch(ContentGraph previous, Page edited) {
        Page before = previous.pages().get(edited.key());
        boolean unpublished = edited.common().draft()
                || edited.common().date() != null && edited.common().date().isAfter(today);
        if (before == null || !before.sourcePath().equals(edited.sourcePath()) || (unpublished && !includeDrafts)
                || !Objects.equals(MoreAnswers.topicOf(before), MoreAnswers.topicOf(edited)) || edited instanceof Page.Hub) {
            return Optional.empty();
        }
        // the last graph's maps with this page's entries put in place, not copies: O(edges of the page)
        SortedMap<PageKey, Page> published = Overlay.pages(previous.pages(), edited);
        Diagnostics findings = new Diagnostics();
        LinkResolver resolver = new LinkResolver(config, urls, contentFolder, contentDir, published, published,
                () -> bySource(published), findings); // the same files as the last graph: only relative links read it
        List<ResolvedRelated> ownRelated = resolveRelated(Map.of(edited.key(), edited), resolver).get(edited.key());
        Map<PageKey, List<ResolvedRelated>> related = ownRelated == null ? previous.related()
                : Overlay.of(previous.related(), edited.key(), ownRelated); // only answers have related items
        Map<PageKey, List<PageKey>> moreAnswers = previous.moreAnswers();
        if (edited instanceof Page.Answer answer && config.moreAnswers() > 0) {
            moreAnswers = Overlay.of(moreAnswers, answer.key(),
                    MoreAnswers.of(answer, published, related, previous.topicMembers(), config.moreAnswers()));
        }
        Map<PageKey, String> shownUnpublished = new TreeMap<>(previous.shownUnpublished());
        shownUnpublished.remove(edited.key());
        if (includeDrafts && edited.common().draft()) {
            shownUnpublished.put(edited.key(), "draft");
        } else if (includeDrafts && unpublished) {
            shownUnpublished.put(edited.key(), "scheduled " + edited.common().date());
        }
        resolver.anchorsOf(new ContentGraph(config, urls, published, Map.of(), related, moreAnswers,
                previous.topicMembers(), previous.snippets(), previous.snippetLinks(), previous.heldBack(),
                Collections.unmodifiableMap(shownUnpublished)));
        Map<PageKey, List<LinkTarget>> linkTargets = Overlay.of(previous.linkTargets(), edited.key(),
                resolveBodyLinks(Map.of(edited.key(), edited), resolver).get(edited.key()));
        if (related.containsKey(edited.key())) {
            related = Overlay.of(previous.related(), edited.key(), checkRelatedAnchors(
                    Map.of(edited.key(), related.get(edited.key())), resolver).get(edited.key()));
        }
        if (findings.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new ContentGraph(config, urls, published, linkTargets, related, moreAnswers,
                previous.topicMembers(), previous.snippets(), previous.snippetLinks(), previous.heldBack(),
                Collections.unmodifiableMap(shownUnpublished)));
    }

    private static Map<String, PageKey> bySource(Map<PageKey, Page> pages) {
        Map<String, PageKey> bySource = new HashMap<>();
        pages.values().forEach(p -> bySource.put(p.sourcePath(), p.key()));
        return bySource;
    }

    private SortedMap<PageKey, Page> holdBackUnpublished(Map<PageKey, Page> all, List<HeldBack> heldBack) {
        SortedMap<PageKey, Page> published = new TreeMap<>();
        for (Page page : all.values()) {
            if (!includeDrafts && page.common().draft()) {
                heldBack.add(new HeldBack(page.key(), page.sourcePath(), "draft"));
            } else if (!includeDrafts && page.common().date() != null && page.common().date().isAfter(today)) {
                heldBack.add(new HeldBack(page.key(), page.sourcePath(), "scheduled for " + page.common().date()));
            } else {
                published.put(page.key(), page);
            }
        }
        return published;
    }

    private Map<PageKey, List<LinkTarget>> resolveBodyLinks(Map<PageKey, Page> pages, LinkResolver resolver) {
        // the resolver only reads (findings go to a synchronized collector, sorted when reported): both cores resolve
        Map<PageKey, List<LinkTarget>> result = new ConcurrentHashMap<>();
        Parallel.forEach(pages.values(), page -> {
            List<LinkTarget> slots = new ArrayList<>();
            for (LinkRef link : page.body().links()) {
                slots.add(resolver.bodyLink(page.sourcePath(), page.key().language(), link).orElse(LinkTarget.UNRESOLVED));
            }
            result.put(page.key(), Collections.unmodifiableList(slots));
        });
        return result;
    }

    /**
     * Where each snippet's link slots go, by snippet name and then by the language of the pages that
     * show it: a language without its own snippet shows the default language's, whose typed
     * references then prefer pages in the showing language, as a page's own links do. Relative paths
     * are relative to the snippet's file. A broken link is reported once, at the link: as the
     * snippet's own language finds it, or else as the first language (in site.yml order) showing
     * it does.
     */
    private Map<String, Map<String, List<LinkTarget>>> resolveSnippetLinks(ContentGraph shown, LinkResolver resolver,
                                                                           Diagnostics diagnostics) {
        Map<String, Map<String, List<LinkTarget>>> result = new TreeMap<>();
        shown.snippets().forEach((name, own) -> {
            List<String> languages = new ArrayList<>();
            config.languages().forEach(l -> languages.add(l.code()));
            languages.sort(Comparator.comparing(language -> !own.containsKey(language)));
            Set<SourcePos> reported = new HashSet<>();
            Map<String, List<LinkTarget>> byLanguage = new TreeMap<>();
            for (String language : languages) {
                shown.snippet(name, language).ifPresent(snippet -> {
                    Diagnostics found = new Diagnostics();
                    LinkResolver reporting = resolver.reportingTo(found);
                    List<LinkTarget> slots = new ArrayList<>();
                    for (LinkRef link : snippet.body().links()) {
                        slots.add(reporting.bodyLink(snippet.sourcePath(), language, link).orElse(LinkTarget.UNRESOLVED));
                    }
                    found.sorted().stream().filter(finding -> reported.add(finding.pos())).forEach(diagnostics::add);
                    byLanguage.put(language, Collections.unmodifiableList(slots));
                });
            }
            result.put(name, Collections.unmodifiableMap(byLanguage));
        });
        return Collections.unmodifiableMap(result);
    }

    /** Each answer's related items whose page exists and is published; anchors are checked later. */
    private static Map<PageKey, List<ResolvedRelated>> resolveRelated(Map<PageKey, Page> pages, LinkResolver resolver) {
        Map<PageKey, List<ResolvedRelated>> result = new HashMap<>();
        for (Page page : pages.values()) {
            if (page instanceof Page.Answer answer) {
                List<ResolvedRelated> items = new ArrayList<>();
                for (Page.Related related : answer.related()) {
                    resolver.typed(page.key().language(), related.ref()).ifPresent(target -> items.add(
                            new ResolvedRelated(target, related.ref().anchor(), related.note(), related.ref())));
                }
                result.put(page.key(), List.copyOf(items));
            }
        }
        return result;
    }

    /** The related items whose anchor, if any, their page shows; the others are reported. */
    private static Map<PageKey, List<ResolvedRelated>> checkRelatedAnchors(Map<PageKey, List<ResolvedRelated>> related,
                                                                           LinkResolver resolver) {
        Map<PageKey, List<ResolvedRelated>> result = new HashMap<>();
        related.forEach((key, items) -> result.put(key, items.stream().filter(item -> resolver.anchorExists(
                item.target(), item.anchor(), item.ref().pos(), item.ref().toString())).toList()));
        return result;
    }

    private static Map<PageKey, List<PageKey>> topicMembers(Map<PageKey, Page> pages) {
        Map<PageKey, List<PageKey>> members = new HashMap<>();
        for (Page page : pages.values()) {
            if (page.key().kind() == Kind.TOPIC) {
                members.put(page.key(), new ArrayList<>());
            }
        }
        for (Page page : pages.values()) {
            Located<String> topic = page.common().topic();
            if (topic != null) {
                List<PageKey> list = members.get(new PageKey(Kind.TOPIC, topic.value(), page.key().language()));
                if (list != null) {
                    list.add(page.key());
                }
            }
        }
        Map<PageKey, List<PageKey>> result = new HashMap<>();
        members.forEach((topic, list) -> result.put(topic, list.stream().sorted().toList()));
        return result;
    }

    private static Map<String, Map<String, Snippet>> snippets(List<Snippet> snippets) {
        Map<String, Map<String, Snippet>> result = new TreeMap<>();
        for (Snippet snippet : snippets) {
            result.computeIfAbsent(snippet.name(), n -> new TreeMap<>()).put(snippet.language(), snippet);
        }
        Map<String, Map<String, Snippet>> frozen = new LinkedHashMap<>();
        result.forEach((name, byLanguage) -> frozen.put(name, Collections.unmodifiableMap(byLanguage)));
        return Collections.unmodifiableMap(frozen);
    }
}
