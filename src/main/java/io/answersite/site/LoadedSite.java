package io.answersite.site;

import io.answersite.graph.ContentGraph;
import io.answersite.graph.Glossary;
import io.answersite.source.SourceReader;
import io.answersite.content.PageKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of the load phase: the graph, when configuration and content could be read at all, and
 * per answer the glossary terms it uses without linking them (linked on the page when site.yml asks),
 * found with the glossary's one automaton per language, which the renderer uses to link them.
 */
public record LoadedSite(Optional<ContentGraph> graph, SourceReader reader, Map<PageKey, List<PageKey>> unlinkedTerms,
                         Optional<Glossary> glossary) {

    static LoadedSite unreadable(SourceReader reader) {
        return new LoadedSite(Optional.empty(), reader, Map.of(), Optional.empty());
    }
}
