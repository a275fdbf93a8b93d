package io.answersite.render;

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
import io.answersite.graph.ContentGraph;
import io.answersite.graph.Glossary;
import io.answersite.graph.LinkTarget;
import io.answersite.graph.ResolvedRelated;
import io.answersite.graph.UrlScheme;
import io.answersite.markdown.Heading;
import io.answersite.markdown.InlineMarkdown;
import io.answersite.markdown.MarkdownDoc;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The view model of each content page, one per kind: what its template shows, with links filled in,
 * glossary terms linked and front matter texts rendered. Apart from writing and caching so that a
 * change to what a page shows is made in one place, and {@link ViewInputs} beside it names what these
 * views read.
 */
final class ContentViews {

    private final ContentGraph graph;
    private final UrlScheme urls;
    private final SiteConfig config;
    private final Map<String, Map<String, String>> stringsByLanguage;
    private final Glossary glossary;
    private final Map<PageKey, List<PageKey>> autolinks;
    /** The preview's memory of each answer's linked texts (see {@link #linkedTexts}), or null. */
    private final RenderCache cache;
    /**
     * What an answer's linked texts depend on beyond the answer and its link targets: site.yml (URLs)
     * and per language the glossary's names (what the automaton finds), each the same instance while
     * equal ({@link RenderCache#canonical}), so comparing them costs a reference comparison.
     */
    private final Object sameConfig;
    private final Map<String, Object> sameGlossaryNames = new HashMap<>();

    /**
     * @param strings the UI strings by language code, from {@link Theme#strings}
     * @param glossary the automaton that finds the terms of {@code autolinks} in a page's text
     * @param autolinks per answer, the glossary terms to link at their first use on the page
     */
    ContentViews(ContentGraph graph, Map<String, Map<String, String>> strings, Glossary glossary,
                 Map<PageKey, List<PageKey>> autolinks) {
        this(graph, strings, glossary, autolinks, null);
    }

    /** @param cache where the preview keeps each answer's texts with terms linked between builds, or null */
    ContentViews(ContentGraph graph, Map<String, Map<String, String>> strings, Glossary glossary,
                 Map<PageKey, List<PageKey>> autolinks, RenderCache cache) {
        this.graph = graph;
        this.urls = graph.urls();
        this.config = graph.config();
        this.stringsByLanguage = strings;
        this.glossary = glossary;
        this.autolinks = autolinks;
        this.cache = cache != null && cache.inMemory() ? cache : null;
        this.sameConfig = new Same(cache == null ? config : cache.canonical("config", config));
        for (Language language : config.languages()) {
            List<List<String>> names = glossary.names(language.code());
            sameGlossaryNames.put(language.code(), new Same(cache == null ? names
                    : cache.canonical("glossary-names/" + language.code(), names)));
        }
    }

    /** The glossary's names as pages in {@code language} see them, wrapped to compare by identity (see {@link Same}). */
    Object sameGlossaryNames(String language) {
        return sameGlossaryNames.get(language);
    }

    Object view(Page page) {
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

    /**
     * An answer's prose texts in reading order with the first use of each of its glossary terms
     * linked: the short answer, grounds, next steps, the English summary, the body, the FAQ's answers.
     */
    private record LinkedTexts(SafeString shortAnswer, List<SafeString> basis, List<SafeString> nextSteps,
                               List<SafeString> summary, SafeString body, List<SafeString> faqAnswers) {
    }

    private Views.Answer answerView(Page.Answer answer) {
        String language = answer.key().language();
        Map<Integer, String> termUrls = new TreeMap<>();
        for (PageKey term : autolinks.getOrDefault(answer.key(), List.of())) {
            termUrls.put(glossary.indexOf(term.id()), urls.pagePath(term));
        }
        LinkedTexts texts = termUrls.isEmpty() || cache == null ? linkedTexts(answer, termUrls)
                : cache.memo(UrlScheme.indexFile(urls.pageFolder(answer.key())),
                List.of(new Same(answer), sameConfig, sameGlossaryNames.get(language), termUrls,
                        graph.linkTargets().getOrDefault(answer.key(), List.of())),
                () -> linkedTexts(answer, termUrls));
        List<Views.Faq> faq = new ArrayList<>();
        for (int i = 0; i < answer.faq().size(); i++) {
            faq.add(new Views.Faq("faq-" + (i + 1), inlineHtml(answer, "faq/" + i + "/q", answer.faq().get(i).question()),
                    texts.faqAnswers().get(i)));
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
                texts.shortAnswer(), texts.basis(), texts.nextSteps(), texts.summary(), texts.body(), faq, related,
                snippet("handoff", language), snippet("review-safety", language), more, topicCard(answer),
                answer.common().tags());
    }

    /**
     * Linking terms means parsing each text's HTML again, the costliest part of an answer's view when
     * terms are common words; the preview keeps the result while the answer, its link targets, its
     * terms' URLs, the glossary's names and site.yml are the same, so that the pages showing an
     * edited answer as a card do not link their own texts again.
     */
    private LinkedTexts linkedTexts(Page.Answer answer, Map<Integer, String> termUrls) {
        TermLinker linker = new TermLinker(glossary.automaton(answer.key().language()), termUrls);
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
        List<SafeString> faqAnswers = new ArrayList<>();
        for (int i = 0; i < answer.faq().size(); i++) {
            faqAnswers.add(linked(answer, "faq/" + i + "/a", answer.faq().get(i).answer(), linker));
        }
        return new LinkedTexts(shortAnswer, List.copyOf(basis), List.copyOf(nextSteps), summary, body,
                List.copyOf(faqAnswers));
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
    private IntFunction<String> slotUrls(Page page, boolean absolute) {
        return slotUrls(graph.linkTargets().getOrDefault(page.key(), List.of()), absolute);
    }

    private IntFunction<String> slotUrls(List<LinkTarget> slots, boolean absolute) {
        return slot -> {
            LinkTarget target = LinkTarget.at(slots, slot);
            return target.isResolved() ? escapeAttribute(target.url(urls, absolute)) : "#";
        };
    }

    /**
     * A front matter text for JSON-LD's {@code acceptedAnswer.text}: the text as written when it has
     * no Markdown, else its HTML with only the tags Google allows there ({@link StructuredData#answerHtml}),
     * links absolute.
     */
    String answerText(Page page, String field, String asWritten) {
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

    Views.Card card(PageKey key) {
        Page page = graph.require(key);
        return new Views.Card(page.listTitle(), t(key.language(), "kind_" + key.kind().refName()), urls.pagePath(key),
                page.summary(), null);
    }

    StructuredData.Entry entry(PageKey key) {
        Views.Card card = card(key);
        return new StructuredData.Entry(card.title(), urls.absolute(urls.pageFolder(key)), card.text());
    }

    Optional<PageKey> topicKey(Page page) {
        Located<String> topic = page.common().topic();
        return topic == null ? Optional.empty() : graph.preferred(Kind.TOPIC, topic.value(), page.key().language());
    }

    private Views.Card topicCard(Page page) {
        return topicKey(page).map(this::card).orElse(null);
    }

    Author author(Page page) {
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
    SafeString body(Page page) {
        if (page.body().isEmpty()) {
            return null;
        }
        List<LinkTarget> slots = graph.linkTargets().getOrDefault(page.key(), List.of());
        return new SafeString(fill(page.body(), slots));
    }

    private String fill(MarkdownDoc doc, List<LinkTarget> slots) {
        return doc.fill(slotUrls(slots, false));
    }

    private static String escapeAttribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private SafeString snippet(String name, String language) {
        Optional<Snippet> snippet = graph.snippet(name, language);
        return snippet.map(s -> new SafeString(fill(s.body(), graph.snippetLinks(name, language)))).orElse(null);
    }

    private String t(String language, String key) {
        return UiStrings.get(stringsByLanguage, config, language, key);
    }
}
