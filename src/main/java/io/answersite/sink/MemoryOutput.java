package io.answersite.sink;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** A build's files kept in memory: what the preview server serves. Thread-safe. */
public final class MemoryOutput implements SiteOutput {

    private final Map<String, byte[]> files = new ConcurrentSkipListMap<>();

    @Override
    public void write(String relativePath, byte[] bytes) {
        SiteOutput.requireSafe(relativePath);
        if (files.putIfAbsent(relativePath, bytes) != null) {
            throw new IllegalStateException("'" + relativePath + "' is written twice in one build");
        }
    }


    @Override
    public List<String> paths() {
        return List.copyOf(files.keySet());
    }

    @Override
    public byte[] read(String relativePath) {
        byte[] bytes = files.get(relativePath);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + relativePath + "' was not written in this build");
        }
        return bytes;
    }

    /** The file at a path, or null. */
    public byte[] get(String relativePath) {
        return files.get(relativePath);
    }

    /** An unmodifiable view of every file. */
    public Map<String, byte[]> files() {
        return Collections.unmodifiableMap(files);
    }
}
