package io.answersite.check;

import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.SourcePos;
import io.answersite.graph.ContentGraph;
import io.answersite.graph.LinkTarget;
import io.answersite.graph.ResolvedRelated;
import io.answersite.markdown.LinkRef;
import io.answersite.work.Parallel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The checks that read the site as a graph of editorial links (body links and related items): who
 * links to whom, and what that says about orphans, unbacked answers, unused terms, links across
 * languages and one-way relations. Apart from the editorial limits, which look at one page at a time.
 */
final class LinkGraphChecks {

    private final ContentGraph graph;
    private final boolean relatedReciprocal;

    LinkGraphChecks(ContentGraph graph) {
        this.graph = graph;
        this.relatedReciprocal = graph.config().checks().relatedReciprocal();
    }

    /**
     * The findings about links (orphans, answers without guide or checklist, unused terms, languages,
     * one-way relations), each a pass of its own over the graph that only reads it and reports to
     * {@code diagnostics} (findings are sorted when reported), so they may run side by side.
     */
    List<Runnable> passes(Map<PageKey, Set<PageKey>> outbound, Diagnostics diagnostics) {
        List<Runnable> passes = new ArrayList<>(List.of(
                () -> orphans(linkedFromElsewhere(outbound), diagnostics),
                () -> unusedTerms(outbound, diagnostics)));
        passes.addAll(pagePasses(graph.pages().values(), key -> outbound.getOrDefault(key, Set.of()), diagnostics));
        return passes;
    }

    /**
     * The passes whose findings sit in the page they are about and follow from that page and the
     * site's structure (answers without guide or checklist, links across languages, one-way relations),
     * over {@code pages} only; {@code outbound} gives a page's editorial links.
     */
    List<Runnable> pagePasses(Collection<Page> pages, Function<PageKey, Set<PageKey>> outbound,
                              Diagnostics diagnostics) {
        List<Runnable> passes = new ArrayList<>(List.of(
                () -> unbackedAnswers(pages, outbound, diagnostics),
                () -> linksAcrossLanguages(pages, diagnostics)));
        if (relatedReciprocal) {
            passes.add(() -> oneWayRelations(pages, outbound, diagnostics));
        }
        return passes;
    }

    /** Every page's editorial links: body links and related items, as page keys. */
    Map<PageKey, Set<PageKey>> outbound() {
        Map<PageKey, Set<PageKey>> outbound = new ConcurrentHashMap<>(graph.pages().size() * 2);
        Parallel.forEach(graph.pages().keySet(), key -> outbound.put(key, outboundOf(key)));
        return outbound;
    }

    Set<PageKey> outboundOf(PageKey key) {
        Set<PageKey> targets = new HashSet<>();
        for (LinkTarget target : graph.linkTargets().getOrDefault(key, List.of())) {
            if (target.isPage()) {
                targets.add(target.page());
            }
        }
        graph.related().getOrDefault(key, List.of()).forEach(r -> targets.add(r.target()));
        return targets;
    }

    /**
     * The pages some other page links to: other pages' links, topic pages and their members, and the
     * hub (which lists every answer). A set of keys, not who links to whom: an orphan needs only that
     * no other page links to it, and per-page sets of linking pages cost a fifth of the checks.
     */
    private Set<PageKey> linkedFromElsewhere(Map<PageKey, Set<PageKey>> outbound) {
        Set<PageKey> linked = new HashSet<>(graph.pages().size() * 2);
        outbound.forEach((from, targets) -> targets.forEach(to -> {
            if (!to.equals(from)) { // links to itself do not count
                linked.add(to);
            }
        }));
        graph.topicMembers().forEach((topic, members) -> members.forEach(member -> {
            if (!member.equals(topic)) {
                linked.add(member);
                linked.add(topic);
            }
        }));
        graph.pages().keySet().stream().filter(key -> key.kind() == Kind.ANSWER).forEach(linked::add);
        return linked;
    }

    private void orphans(Set<PageKey> linked, Diagnostics diagnostics) {
        for (Page page : graph.pages().values()) {
            if (page.key().kind() != Kind.HUB && !linked.contains(page.key())) {
                diagnostics.warning(Rules.ORPHAN, SourcePos.startOf(page.sourcePath()), "no other page, topic or the hub"
                        + " links to this " + page.key().kind().refName() + "; link to it from a related page"
                        + (page.key().kind().requiresTopic() || page.key().kind() == Kind.GLOSSARY
                        ? " or give it a topic" : ""));
            }
        }
    }

    private void unbackedAnswers(Collection<Page> pages, Function<PageKey, Set<PageKey>> outbound,
                                 Diagnostics diagnostics) {
        for (Page page : pages) {
            if (page instanceof Page.Answer) {
                boolean backed = outbound.apply(page.key()).stream()
                        .anyMatch(k -> k.kind() == Kind.GUIDE || k.kind() == Kind.CHECKLIST);
                if (!backed) {
                    diagnostics.warning(Rules.ANSWER_UNBACKED, page.common().keyPos("related", page.sourcePath()),
                            "this answer links to no guide or checklist; add one to 'related' (guide:id or"
                                    + " checklist:id) so readers can go deeper");
                }
            }
        }
    }

    private void unusedTerms(Map<PageKey, Set<PageKey>> outbound, Diagnostics diagnostics) {
        Set<String> linkedIds = new HashSet<>();
        outbound.forEach((from, targets) -> { // loops, not streams: a whole-site pass in every preview rebuild
            for (PageKey to : targets) {
                if (to.kind() == Kind.GLOSSARY && !to.equals(from)) {
                    linkedIds.add(to.id());
                }
            }
        });
        for (Page page : graph.pages().values()) {
            if (page.key().kind() == Kind.GLOSSARY && !linkedIds.contains(page.key().id())) {
                diagnostics.warning(Rules.TERM_UNUSED, SourcePos.startOf(page.sourcePath()), "no page links to the term '"
                        + ((Page.GlossaryTerm) page).term() + "'; link it where it is used ([" + page.title()
                        + "](glossary:" + page.key().id() + ")) or remove the term");
            }
        }
    }

    private void linksAcrossLanguages(Collection<Page> pages, Diagnostics diagnostics) {
        for (Page page : pages) {
            List<LinkTarget> targets = graph.linkTargets().getOrDefault(page.key(), List.of());
            for (LinkRef link : page.body().links()) {
                LinkTarget target = LinkTarget.at(targets, link.slot());
                if (!target.isPage()) {
                    continue;
                }
                String language = page.key().language();
                PageKey own = target.page().in(language);
                if (!target.page().language().equals(language) && graph.pages().containsKey(own)) {
                    diagnostics.warning(Rules.LINK_LANGUAGE, link.pos(), "'" + link.destination() + "' is in "
                            + target.page().language() + ", but this page is in " + language + " and "
                            + graph.require(own).sourcePath() + " translates it; link to the translation");
                }
            }
        }
    }

    private void oneWayRelations(Collection<Page> pages, Function<PageKey, Set<PageKey>> outbound,
                                 Diagnostics diagnostics) {
        for (Page page : pages) {
            if (!(page instanceof Page.Answer answer)) {
                continue;
            }
            List<ResolvedRelated> related = graph.related().getOrDefault(page.key(), List.of());
            for (int i = 0; i < related.size(); i++) {
                PageKey target = related.get(i).target();
                boolean linksBack = target.kind() == Kind.HUB
                        || graph.topicMembers().getOrDefault(target, List.of()).contains(page.key())
                        || outbound.apply(target).stream()
                        .anyMatch(k -> k.kind() == Kind.ANSWER && k.id().equals(page.key().id()));
                if (!linksBack) {
                    SourcePos pos = answer.related().stream().filter(r -> r.ref().kind() == target.kind()
                            && r.ref().id().equals(target.id())).findFirst().map(r -> r.ref().pos())
                            .orElse(SourcePos.startOf(page.sourcePath()));
                    diagnostics.warning(Rules.RELATED_ONEWAY, pos, graph.require(target).sourcePath()
                            + " does not link back to this answer; add answer:" + page.key().id()
                            + " to its related list or body");
                }
            }
        }
    }
}
