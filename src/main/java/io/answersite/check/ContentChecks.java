package io.answersite.check;

import io.answersite.cache.Fragments;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.graph.ContentGraph;
import io.answersite.graph.Glossary;
import io.answersite.source.SourceReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        Map<PageKey, Set<PageKey>> outbound = links.outbound();
        // passes that only read the graph and report (findings are sorted when reported): on both cores
        List<Runnable> passes = new ArrayList<>(links.passes(outbound, diagnostics));
        passes.add(() -> new EditorialChecks(graph, fragments, today).run(diagnostics));
        passes.parallelStream().forEach(Runnable::run);
        if (!graph.config().checks().glossaryAutolink() && !diagnostics.reports(Rules.TERM_UNLINKED)) {
            return Map.of(); // neither linked nor reported: finding every answer's terms would be work for nothing
        }
        return terms().all(outbound, diagnostics);
    }

    /**
     * The glossary terms one answer uses without linking them, as {@link #run} finds them, without
     * reporting anything: for the preview, which renders an edited answer before the full checks.
     */
    public List<PageKey> unlinkedTerms(Page.Answer answer) {
        return terms().of(answer, new LinkGraphChecks(graph).outboundOf(answer.key()), null);
    }

    private UnlinkedTerms terms() {
        return new UnlinkedTerms(graph, glossary, fragments, reader, siteRoot);
    }
}
