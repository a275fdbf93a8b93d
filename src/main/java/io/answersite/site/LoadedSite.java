package io.answersite.site;

import io.answersite.graph.ContentGraph;
import io.answersite.source.SourceReader;
import java.util.Optional;

/** The result of the load phase: the graph, when configuration and content could be read at all. */
public record LoadedSite(Optional<ContentGraph> graph, SourceReader reader) {
}
