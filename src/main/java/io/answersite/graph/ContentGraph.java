package io.answersite.graph;

import io.answersite.config.Language;
import io.answersite.config.SiteConfig;
import io.answersite.content.Kind;
import io.answersite.content.Located;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.content.Snippet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The published pages keyed by {@link PageKey}, and the edges between them, all as ids. Immutable.
 *
 * @param pages every published page, sorted by key
 * @param linkTargets per page, where each body link slot goes (index = slot; {@link LinkTarget#UNRESOLVED}
 *     for a link that leads nowhere, never null)
 * @param related per answer, its resolved related items in the order written
 * @param moreAnswers per answer, the other answers to show as "more like this", best first
 * @param topicMembers per topic key, the pages of its language that name it, sorted by kind then id
 * @param snippets by name, then language
 * @param snippetLinks per snippet name, then per language of the pages that show it (see
 *     {@link #snippet}), where each of its body link slots goes (index = slot)
 * @param heldBack drafts and scheduled pages, not published
 * @param shownUnpublished drafts and scheduled pages included anyway ({@code site.drafts}), with why
 *     they would be held back, so pages can say so
 */
public record ContentGraph(SiteConfig config, UrlScheme urls, SortedMap<PageKey, Page> pages,
                           Map<PageKey, List<LinkTarget>> linkTargets, Map<PageKey, List<ResolvedRelated>> related,
                           Map<PageKey, List<PageKey>> moreAnswers, Map<PageKey, List<PageKey>> topicMembers,
                           Map<String, Map<String, Snippet>> snippets,
                           Map<String, Map<String, List<LinkTarget>>> snippetLinks, List<HeldBack> heldBack,
                           Map<PageKey, String> shownUnpublished) {

    public Optional<Page> page(PageKey key) {
        return Optional.ofNullable(pages.get(key));
    }

    public Page require(PageKey key) {
        Page page = pages.get(key);
        if (page == null) {
            throw new IllegalArgumentException("no published page " + key);
        }
        return page;
    }

    /** Published pages of one kind in one language, sorted by id. */
    public Stream<Page> pagesOf(Kind kind, String language) {
        if (pages instanceof PageIndex index) {
            return index.ofKind(kind, language).stream();
        }
        // keys sort by kind first: the kind's pages are one range of the map
        PageKey first = new PageKey(kind, "", "");
        Kind[] kinds = Kind.values();
        SortedMap<PageKey, Page> ofKind = kind.ordinal() + 1 < kinds.length
                ? pages.subMap(first, new PageKey(kinds[kind.ordinal() + 1], "", "")) : pages.tailMap(first);
        return ofKind.values().stream().filter(p -> p.key().language().equals(language));
    }

    /**
     * The answers published in {@code language} by the id of the topic they name ({@code ""} for
     * none), topics sorted by id and each topic's answers by id: how the hub and its Markdown and
     * llms.txt versions list them.
     */
    public SortedMap<String, List<PageKey>> answersByTopic(String language) {
        SortedMap<String, List<PageKey>> byTopic = new TreeMap<>();
        pagesOf(Kind.ANSWER, language).forEach(answer -> {
            Located<String> topic = answer.common().topic();
            byTopic.computeIfAbsent(topic == null ? "" : topic.value(), k -> new ArrayList<>()).add(answer.key());
        });
        return byTopic;
    }

    /** The languages a page is published in, in site.yml order. */
    public List<String> languagesOf(PageKey key) {
        // a loop, not a stream: asked for every page by several emitters in every preview rebuild
        List<String> codes = new ArrayList<>(config.languages().size());
        for (Language language : config.languages()) {
            if (pages.containsKey(key.in(language.code()))) {
                codes.add(language.code());
            }
        }
        return List.copyOf(codes);
    }

    /**
     * The page to link to for {@code kind:id} from a page in {@code language}: the translation in
     * that language if there is one, otherwise the page in the default language.
     */
    public Optional<PageKey> preferred(Kind kind, String id, String language) {
        return preferred(pages, kind, id, language, config.defaultLanguage().code());
    }

    /** The key of {@code kind:id} in {@code pages}: in {@code language} if there, else in the default language. */
    static Optional<PageKey> preferred(Map<PageKey, ?> pages, Kind kind, String id, String language,
                                       String defaultLanguage) {
        // the page's own key where the map holds pages: edges then hold the graph's key instances,
        // which later lookups and sets match by reference before comparing ids
        PageKey same = new PageKey(kind, id, language);
        Object found = pages.get(same);
        if (found != null) {
            return Optional.of(found instanceof Page page ? page.key() : same);
        }
        PageKey fallback = new PageKey(kind, id, defaultLanguage);
        found = pages.get(fallback);
        return found == null ? Optional.empty() : Optional.of(found instanceof Page page ? page.key() : fallback);
    }

    public Optional<Snippet> snippet(String name, String language) {
        Map<String, Snippet> byLanguage = snippets.getOrDefault(name, Map.of());
        Snippet snippet = byLanguage.get(language);
        return Optional.ofNullable(snippet != null ? snippet : byLanguage.get(config.defaultLanguage().code()));
    }

    /** Where the link slots of {@link #snippet snippet(name, language)} go on a page in {@code language}. */
    public List<LinkTarget> snippetLinks(String name, String language) {
        return snippetLinks.getOrDefault(name, Map.of()).getOrDefault(language, List.of());
    }
}
