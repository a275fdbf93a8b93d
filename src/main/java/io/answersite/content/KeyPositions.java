package io.answersite.content;

import io.answersite.diagnostic.SourcePos;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Where each top-level key of one page's front matter was written, in the order written, as arrays
 * rather than a map's entries: every page of a build keeps its positions to the end (checks after the
 * load report at them), and at 50,000 pages the map form took about 80 MB, a third of it a copy of
 * each key's name per page (heap dump, docs/PERFORMANCE.md, session 19). The names of the keys a page
 * may have are one instance each; every position is in the page's own file. Immutable; equal to any
 * map with the same entries.
 */
final class KeyPositions extends AbstractMap<String, SourcePos> {

    /** The front matter keys of every kind of page, each its own canonical instance. */
    private static final Map<String, String> KNOWN_KEYS = Arrays.stream(Kind.values())
            .flatMap(kind -> PageBuilder.allowedKeys(kind).stream())
            .distinct().collect(Collectors.toUnmodifiableMap(Function.identity(), Function.identity()));

    private final String path;
    private final String[] keys;
    private final int[] lines;
    private final int[] columns;

    private KeyPositions(String path, String[] keys, int[] lines, int[] columns) {
        this.path = path;
        this.keys = keys;
        this.lines = lines;
        this.columns = columns;
    }

    /**
     * {@code positions} in this compact form, or as an unmodifiable copy when they are not all in one
     * file (a form no loader makes, kept correct rather than compact).
     */
    static Map<String, SourcePos> of(Map<String, SourcePos> positions) {
        if (positions instanceof KeyPositions) {
            return positions;
        }
        if (positions.isEmpty()) {
            return Map.of();
        }
        String path = positions.values().iterator().next().path();
        String[] keys = new String[positions.size()];
        int[] lines = new int[keys.length];
        int[] columns = new int[keys.length];
        int i = 0;
        for (Map.Entry<String, SourcePos> entry : positions.entrySet()) {
            SourcePos pos = entry.getValue();
            if (entry.getKey() == null || pos == null || !pos.path().equals(path)) {
                return Collections.unmodifiableMap(new LinkedHashMap<>(positions));
            }
            keys[i] = KNOWN_KEYS.getOrDefault(entry.getKey(), entry.getKey());
            lines[i] = pos.line();
            columns[i] = pos.column();
            i++;
        }
        return new KeyPositions(path, keys, lines, columns);
    }

    @Override
    public SourcePos get(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return new SourcePos(path, lines[i], columns[i]);
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return Arrays.asList(keys).contains(key);
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Set<Entry<String, SourcePos>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, SourcePos>> iterator() {
                return IntStream.range(0, keys.length)
                        .mapToObj(i -> Map.entry(keys[i], new SourcePos(path, lines[i], columns[i]))).iterator();
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
