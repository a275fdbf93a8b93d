package io.answersite.render;

import io.answersite.cache.Same;
import io.answersite.cache.Shared;
import io.answersite.config.Language;
import io.answersite.config.SiteConfig;
import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.graph.ContentGraph;
import io.answersite.graph.Glossary;
import io.answersite.graph.Listings;
import io.answersite.graph.ResolvedRelated;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each page's dependency record: what its view and layout are made from, so that a page whose inputs
 * are equal to last time is written from the kept bytes without making its view. Kept next to
 * nothing else on purpose: a new read in {@link ContentViews} or {@link PageLayouts} must be added here,
 * and {@code RandomEditsTest} is what catches a missing one.
 */
final class ViewInputs {

    private final ContentGraph graph;
    private final SiteConfig config;
    private final Glossary glossary;
    private final Map<PageKey, List<PageKey>> autolinks;
    private final ContentViews views;
    /**
     * The site's configuration, UI strings, theme and asset names, the same instance while they are
     * equal (see {@link #of}).
     */
    private final Object buildInputs;
    /** Per language, the glossary's term pages, the same instance while equal (see {@link #of}). */
    private final Map<String, Shared> termPages = new HashMap<>();

    /** @param themeDigest the theme's fingerprint; @param fingerprinted the static files' fingerprinted names */
    ViewInputs(ContentGraph graph, Map<String, Map<String, String>> strings, Glossary glossary,
               Map<PageKey, List<PageKey>> autolinks, ContentViews views, RenderCache cache, String themeDigest,
               Map<String, String> fingerprinted) {
        this.graph = graph;
        this.config = graph.config();
        this.glossary = glossary;
        this.autolinks = autolinks;
        this.views = views;
        this.buildInputs = new Same(cache.canonical("build", List.of(graph.config(), strings, themeDigest, fingerprinted)));
        List<Object> structure = new ArrayList<>(List.of(buildInputs));
        for (Language language : config.languages()) {
            termPages.put(language.code(), new Shared(cache.canonical("glossary-term-pages/" + language.code(),
                    glossary.termPages(language.code()))));
            structure.add(termPages.get(language.code()));
        }
        // what every page reads besides the graph's edges and the pages' records: while it is as the last
        // build's and every changed file changed only its own page's texts, the edges are too (RenderCache#keptInputs)
        cache.structure(structure);
    }

    /**
     * Everything a content page's view and layout are made from: the build's constants (site.yml,
     * UI strings, theme), the page record, its edges in the graph and the records of the pages it
     * shows (related items, "more answers", its topic, a topic's members), its translations, its
     * publication status, its glossary links and the snippets it shows. When all are the same as
     * when the page was last rendered, the page is the same bytes and its view is not made at all.
     * Reading a new input in {@link ContentViews#view} or {@link PageLayouts#pageLayout} means adding it here;
     * {@code RandomEditsTest} compares the preview with clean builds after every kind of edit.
     */
    List<Object> of(Page page) {
        PageKey key = page.key();
        String language = key.language();
        List<Object> inputs = new ArrayList<>();
        inputs.add(buildInputs);
        inputs.add(new Same(page));
        inputs.add(shared(graph.linkTargets().get(key)));
        List<ResolvedRelated> related = graph.related().getOrDefault(key, List.of());
        inputs.add(new Shared(related));
        for (ResolvedRelated item : related) {
            inputs.add(new Same(graph.require(item.target())));
        }
        inputs.add("more");
        for (PageKey other : graph.moreAnswers().getOrDefault(key, List.of())) {
            inputs.add(other);
            inputs.add(new Same(graph.require(other)));
        }
        inputs.add("topic");
        views.topicKey(page).ifPresent(topic -> {
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
            Optional<BitSet> linked = glossary.termsOf(language, terms);
            if (linked.isPresent()) { // the language's term pages (digested once) and which of them
                inputs.add(termPages.get(language));
                inputs.add(linked.get());
            } else {
                inputs.add(terms);
            }
            if (!terms.isEmpty()) {
                inputs.add(views.sameGlossaryNames(language));
            }
            for (String name : List.of("handoff", "review-safety")) {
                inputs.add(new Same(graph.snippet(name, language).orElse(null)));
                inputs.add(shared(graph.snippetLinks(name, language))); // every answer shows the same
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

    /**
     * The graph's list {@code value}, digested once per build (the page's twin reads it too), or null.
     */
    private static Shared shared(List<?> value) {
        return value == null ? null : new Shared(value);
    }

    /**
     * What a page of a list shows: the site's constants, the records of the pages on it, and where it
     * stands among the list's pages.
     */
    List<Object> listing(List<Page> pages, int number, int total) {
        List<Object> inputs = new ArrayList<>();
        inputs.add(buildInputs);
        pages.forEach(page -> inputs.add(new Same(page)));
        inputs.add(number);
        inputs.add(total);
        return inputs;
    }

    /**
     * What a hub shows: the site's constants, its own page record and body links, and per topic its
     * page's record, how many answers it has and the records of those the hub shows.
     */
    List<Object> hub(String language) {
        List<Object> inputs = new ArrayList<>();
        inputs.add(buildInputs);
        PageKey hub = new PageKey(Kind.HUB, PageKey.HUB_ID, language);
        inputs.add(new Same(graph.page(hub).orElse(null)));
        inputs.add(graph.linkTargets().get(hub));
        graph.answersByTopic(language).forEach((topic, answers) -> {
            inputs.add(topic);
            graph.preferred(Kind.TOPIC, topic, language).ifPresent(key -> {
                inputs.add(key);
                inputs.add(new Same(graph.require(key)));
            });
            inputs.add(answers.size());
            Listings.shownOnHub(answers, config).forEach(answer -> inputs.add(new Same(graph.require(answer))));
        });
        return inputs;
    }
}
