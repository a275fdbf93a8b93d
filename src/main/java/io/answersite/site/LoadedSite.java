package io.answersite.site;

import io.answersite.graph.ContentGraph;
import io.answersite.source.SourceReader;
import io.answersite.content.PageKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of the load phase: the graph, when configuration and content could be read at all, and
 * per answer the glossary terms it uses without linking them (linked on the page when site.yml asks).
 */
public record LoadedSite(Optional<ContentGraph> graph, SourceReader reader, Map<PageKey, List<PageKey>> unlinkedTerms) {
}
