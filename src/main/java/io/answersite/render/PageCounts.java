package io.answersite.render;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How many pages were written, per kind and language, for the build summary, and which template
 * wrote each file, for the checks of the built site. Thread-safe.
 */

public final class PageCounts {

    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
    private final Map<String, String> templates = new TreeMap<>();
    private final Set<String> rendered = new TreeSet<>();

    private final Set<String> viewed = new TreeSet<>();
    private final Set<String> inputsMade = new TreeSet<>();

    /**
     * Notes that a content page's inputs were made and compared in this build (rather than taken back as
     * the last build recorded them, see {@code RenderCache#keptInputs}).
     */
    public synchronized void inputsMade(String path) {
        inputsMade.add(path);
    }

    /** The content pages whose inputs were made in this build, sorted. */
    public synchronized List<String> inputsMadePaths() {
        return List.copyOf(inputsMade);
    }

    /** Notes that a page's view was made in this build (rather than its bytes taken back unchanged). */
    public synchronized void viewed(String path) {
        viewed.add(path);
    }

    /** The pages whose view was made in this build, sorted. */
    public synchronized List<String> viewedPaths() {
        return List.copyOf(viewed);
    }

    /** Notes that a page went through its template in this build (rather than being reused). */
    public synchronized void rendered(String path) {
        rendered.add(path);
    }

    /** The pages that went through their template in this build, sorted. */
    public synchronized List<String> renderedPaths() {
        return List.copyOf(rendered);
    }

    public synchronized void wrote(String path, String template) {
        templates.put(path, template);
    }

    /** Every HTML file written (rendered or reused), by output path, sorted. */
    public synchronized SortedSet<String> writtenPaths() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(templates.keySet()));
    }

    /** The template that wrote each HTML file, by output path. */
    public synchronized Map<String, String> templates() {
        return Map.copyOf(templates);
    }

    public synchronized void add(String kind, String language) {
        counts.computeIfAbsent(kind, k -> new TreeMap<>()).merge(language, 1, Integer::sum);
    }

    public synchronized int total() {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }

    /** Page counts by kind, then language. */
    public synchronized Map<String, Map<String, Integer>> byKind() {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        counts.forEach((kind, languages) -> copy.put(kind, Map.copyOf(languages)));
        return copy;
    }

    public synchronized int count(String kind, String language) {
        return counts.getOrDefault(kind, Map.of()).getOrDefault(language, 0);
    }

    /** {@code answer 6 zh-CN + 1 en, guide 1 zh-CN, ...}. */
    @Override
    public synchronized String toString() {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().entrySet().stream()
                        .map(l -> l.getValue() + " " + l.getKey()).collect(Collectors.joining(" + ")))
                .collect(Collectors.joining(", "));
    }
}
