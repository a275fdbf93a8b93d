package io.answersite.check;

import io.answersite.cache.FindingsCodec;
import io.answersite.cache.Fragments;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.graph.ContentGraph;
import io.answersite.graph.Glossary;
import io.answersite.source.SourceReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules that look at the whole graph ({@link LinkGraphChecks}), the editorial limits and
 * freshness ({@link EditorialChecks}) and glossary terms used without a link ({@link UnlinkedTerms}),
 * in that order. Returns, per answer, the glossary terms it uses without linking them, for the
 * renderer to link when site.yml turns on {@code glossary_autolink}.
 */
public final class ContentChecks {

    private final ContentGraph graph;
    private final Glossary glossary;
    private final Fragments fragments;
    private final LocalDate today;
    private final SourceReader reader;
    private final Path siteRoot;

    /** @param siteRoot where source paths are relative to, to re-read a file for a finding's position */
    public ContentChecks(ContentGraph graph, Glossary glossary, LocalDate today, SourceReader reader, Path siteRoot) {
        this(graph, glossary, today, reader, siteRoot, Fragments.none());
    }

    /** @param fragments the glossary terms each answer used in earlier builds, reused while page and glossary are the same */
    public ContentChecks(ContentGraph graph, Glossary glossary, LocalDate today, SourceReader reader, Path siteRoot,
                         Fragments fragments) {
        this.fragments = fragments;
        this.graph = graph;
        this.glossary = glossary;
        this.today = today;
        this.reader = reader;
        this.siteRoot = siteRoot;
    }

    public Map<PageKey, List<PageKey>> run(Diagnostics diagnostics) {
        LinkGraphChecks links = new LinkGraphChecks(graph);
        EditorialChecks editorial = new EditorialChecks(graph, fragments, today);
        // the findings of the rules that read one page and the site's structure, as found (before site.yml's
        // severities, which are among the inputs): kept by the build cache for the next build
        Diagnostics pageFindings = new Diagnostics();
        Object inputs = List.of(today.toString(), graph.config());
        Optional<Set<String>> changed = fragments.changedInOwnTextsOnly();
        Optional<List<Diagnostic>> kept = changed.flatMap(files -> fragments.stored(FINDINGS, "pages",
                ContentChecks.class, inputs, FindingsCodec::of));
        Function<PageKey, Set<PageKey>> outbound;
        Collection<Page> checked; // the pages the page rules look at
        List<Runnable> passes = new ArrayList<>();
        if (kept.isPresent()) {
            // only texts the changed files' own pages show changed, and no file came or went: the structure
            // these rules read is as the last build left it, so only the changed pages are checked again (their
            // findings' positions may have moved); orphans and unused terms sit at a file's start
            Set<String> files = changed.get();
            kept.get().stream().filter(d -> SITE_RULES.contains(d.ruleId()) || !files.contains(d.pos().path()))
                    .forEach(pageFindings::add);
            checked = graph.pages().values().stream().filter(page -> files.contains(page.sourcePath())).toList();
            outbound = links::outboundOf;
            passes.addAll(links.pagePasses(checked, outbound, pageFindings));
        } else {
            Map<PageKey, Set<PageKey>> all = links.outbound();
            checked = graph.pages().values();
            outbound = key -> all.getOrDefault(key, Set.of());
            passes.addAll(links.passes(all, pageFindings));
        }
        passes.add(() -> editorial.pageRules(checked, pageFindings));
        // passes that only read the graph and report (findings are sorted when reported): on both cores
        passes.add(() -> editorial.duplicateQuestions(diagnostics));
        passes.parallelStream().forEach(Runnable::run);
        boolean autolink = graph.config().checks().glossaryAutolink();
        if (!autolink && diagnostics.reports(Rules.TERM_UNLINKED)) { // reported, each in its answer: a page rule
            if (kept.isPresent()) {
                checked.stream().filter(page -> page instanceof Page.Answer)
                        .forEach(answer -> terms().of((Page.Answer) answer, () -> outbound.apply(answer.key()),
                                pageFindings));
                fragments.keepStored(UnlinkedTerms.TERMS_USED); // for a build that checks every answer again
            } else {
                terms().all(outbound, pageFindings);
            }
        }
        List<Diagnostic> found = pageFindings.sorted();
        found.forEach(diagnostics::add);
        // messages quote pages (titles, links): none is kept while a file with a secret finding is in the site
        if (graph.pages().values().stream().allMatch(fragments::keepsTextOf)) {
            fragments.put(FINDINGS, "pages", ContentChecks.class, inputs, FindingsCodec.bytes(found));
        }
        if (!autolink) {
            return Map.of();
        }
        // the terms each answer uses without a link, which the renderer links (reporting nothing): when the
        // renderer takes most pages back with their recorded inputs, found for the pages it makes again
        if (kept.isPresent()) {
            fragments.keepStored(UnlinkedTerms.TERMS_USED);
            return terms().onDemand(outbound);
        }
        return terms().all(outbound, diagnostics);
    }

    /** The kind of the fragment that keeps the page rules' findings. */
    private static final String FINDINGS = "findings";

    /**
     * The rules among those kept whose findings sit at a file's start and follow from the site's
     * structure alone (no other page links to it; no page links to the term): kept for changed files too.
     */
    private static final Set<String> SITE_RULES = Set.of(Rules.ORPHAN, Rules.TERM_UNUSED);

    /**
     * The glossary terms one answer uses without linking them, as {@link #run} finds them, without
     * reporting anything: for the preview, which renders an edited answer before the full checks.
     */
    public List<PageKey> unlinkedTerms(Page.Answer answer) {
        return terms().of(answer, () -> new LinkGraphChecks(graph).outboundOf(answer.key()), null);
    }

    private UnlinkedTerms terms() {
        return new UnlinkedTerms(graph, glossary, fragments, reader, siteRoot);
    }
}
