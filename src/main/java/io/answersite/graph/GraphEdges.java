package io.answersite.graph;

import io.answersite.cache.RecordCodec;
import io.answersite.cache.ValueInput;
import io.answersite.cache.ValueOutput;
import io.answersite.content.PageKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the {@link GraphBuilder} works out from the pages' structure alone: where every body and
 * snippet link goes, each answer's related items, "more answers" and topic members, and the pages
 * held back. The build cache keeps it between builds (as a {@link RecordCodec} value, maps sorted so
 * that the same graph gives the same bytes): a build after edits that changed only texts the edited
 * pages show of themselves ({@code content.PageStructure#same}) takes it back instead of resolving
 * some 70,000 links again (about 0.3 s of an edited 10,000-page build).
 */
public record GraphEdges(SortedMap<PageKey, List<LinkTarget>> linkTargets,
                         SortedMap<PageKey, List<ResolvedRelated>> related,
                         SortedMap<PageKey, List<PageKey>> moreAnswers,
                         SortedMap<PageKey, List<PageKey>> topicMembers,
                         SortedMap<String, SortedMap<String, List<LinkTarget>>> snippetLinks,
                         List<HeldBack> heldBack) {

    private static final RecordCodec CODEC = RecordCodec.of(GraphEdges.class);

    public GraphEdges {
        Objects.requireNonNull(linkTargets, "linkTargets");
        Objects.requireNonNull(related, "related");
        Objects.requireNonNull(moreAnswers, "moreAnswers");
        Objects.requireNonNull(topicMembers, "topicMembers");
        Objects.requireNonNull(snippetLinks, "snippetLinks");
        Objects.requireNonNull(heldBack, "heldBack");
    }

    /** The edges of {@code graph}, in sorted maps. */
    static GraphEdges of(ContentGraph graph) {
        SortedMap<String, SortedMap<String, List<LinkTarget>>> snippetLinks = new TreeMap<>();
        graph.snippetLinks().forEach((name, byLanguage) -> snippetLinks.put(name, new TreeMap<>(byLanguage)));
        return new GraphEdges(new TreeMap<>(graph.linkTargets()), new TreeMap<>(graph.related()),
                new TreeMap<>(graph.moreAnswers()), new TreeMap<>(graph.topicMembers()), snippetLinks,
                graph.heldBack());
    }

    /** The value as the build cache keeps it. */
    byte[] bytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try {
            ValueOutput out = CODEC.output(bytes);
            out.writeValue(this);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * What {@link #bytes} wrote.
     *
     * @throws IllegalArgumentException when the bytes are not such a value (another schema, damaged, cut short)
     */
    static GraphEdges decode(byte[] bytes) {
        try {
            ValueInput in = CODEC.input(new ByteArrayInputStream(bytes));
            GraphEdges edges = in.readValue(GraphEdges.class);
            if (edges == null || !in.atEnd()) {
                throw new IllegalArgumentException("not the graph's edges");
            }
            return edges;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not the graph's edges", e);
        }
    }

    /**
     * Whether every file of the content folder a link reaches is still there: the graph checked that
     * each exists ({@link LinkResolver}), and such files are not pages, so an edit of pages' texts says
     * nothing about them. A null folder checks nothing, as the resolver does.
     */
    boolean linkedFilesExist(Path contentDir) {
        if (contentDir == null) {
            return true;
        }
        return Stream.concat(linkTargets.values().stream(), snippetLinks.values().stream()
                        .flatMap(byLanguage -> byLanguage.values().stream()))
                .flatMap(List::stream).map(LinkTarget::assetPath).filter(Objects::nonNull).distinct()
                .allMatch(asset -> asset.startsWith(UrlScheme.CONTENT_ASSETS) && Files.isRegularFile(
                        contentDir.resolve(asset.substring(UrlScheme.CONTENT_ASSETS.length()))));
    }

    /** The maps as the graph holds them (hash maps: looked up far more often than walked). */
    static <K, V> Map<K, V> lookup(Map<K, V> sorted) {
        return Map.copyOf(sorted);
    }

    static Map<String, Map<String, List<LinkTarget>>> lookupSnippets(
            SortedMap<String, SortedMap<String, List<LinkTarget>>> snippetLinks) {
        Map<String, Map<String, List<LinkTarget>>> result = new TreeMap<>();
        snippetLinks.forEach((name, byLanguage) -> result.put(name, Collections.unmodifiableMap(byLanguage)));
        return Collections.unmodifiableMap(result);
    }
}
