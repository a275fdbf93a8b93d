package io.answersite.sink;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

/**
 * A build's files kept in memory: what the preview server serves. A file written in parts keeps its
 * parts (joined when read): llms-full.txt and llms.json are mostly the same part objects from one
 * rebuild to the next, so a rebuild neither copies nor keeps a second copy of them. Thread-safe.
 */
public final class MemoryOutput implements SiteOutput {

    /** Each file's bytes, or its {@link Parts}. */
    private final Map<String, Object> files = new ConcurrentSkipListMap<>();

    private record Parts(List<byte[]> parts) {
    }

    @Override
    public void write(String relativePath, byte[] bytes) {
        put(relativePath, bytes);
    }

    @Override
    public void write(String relativePath, List<byte[]> parts) {
        put(relativePath, new Parts(List.copyOf(parts)));
    }

    private void put(String relativePath, Object file) {
        SiteOutput.requireSafe(relativePath);
        if (files.putIfAbsent(relativePath, file) != null) {
            throw new IllegalStateException("'" + relativePath + "' is written twice in one build");
        }
    }

    @Override
    public List<String> paths() {
        return List.copyOf(files.keySet());
    }

    @Override
    public byte[] read(String relativePath) {
        byte[] bytes = get(relativePath);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + relativePath + "' was not written in this build");
        }
        return bytes;
    }

    /** The file at a path, or null. */
    public byte[] get(String relativePath) {
        return bytesOf(files.get(relativePath));
    }

    private static byte[] bytesOf(Object file) {
        return file instanceof Parts parts ? SiteOutput.join(parts.parts()) : (byte[]) file;
    }

    /** Every file, by path (a file written in parts is joined when its value is asked for). */
    public Map<String, byte[]> files() {
        return new AbstractMap<>() {
            @Override
            public byte[] get(Object path) {
                return bytesOf(files.get(path));
            }

            @Override
            public boolean containsKey(Object path) {
                return files.containsKey(path);
            }

            @Override
            public Set<String> keySet() {
                return Collections.unmodifiableSet(files.keySet());
            }

            @Override
            public Set<Entry<String, byte[]>> entrySet() {
                return files.entrySet().stream()
                        .map(file -> Map.entry(file.getKey(), bytesOf(file.getValue())))
                        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            }
        };
    }
}
