package io.answersite.content;

import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What loading each file gave last time (its page or snippet, and its findings), kept while the
 * file's size and modification time stay the same. The preview server keeps one across rebuilds,
 * so that an edit re-reads one file, not the whole site. Thread-safe.
 */
public final class LoadCache {

    private record Entry(long size, FileTime modified, Optional<?> result, List<Diagnostic> diagnostics) {
    }

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private int misses;

    /** The result of {@code load} for {@code file}, from the cache when the file has not changed. */
    @SuppressWarnings("unchecked")
    <T> Optional<T> get(Path file, Function<Diagnostics, Optional<T>> load, Diagnostics diagnostics) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Entry entry = entries.get(file);
        if (entry != null && entry.size == attributes.size() && entry.modified.equals(attributes.lastModifiedTime())) {
            entry.diagnostics.forEach(diagnostics::add);
            return (Optional<T>) entry.result;
        }
        Diagnostics local = new Diagnostics();
        Optional<T> result = load.apply(local);
        List<Diagnostic> found = local.sorted();
        found.forEach(diagnostics::add);
        entries.put(file, new Entry(attributes.size(), attributes.lastModifiedTime(), result, found));
        countMiss();
        return result;
    }

    /** Forgets files that no longer exist. */
    public void retainOnly(java.util.Collection<Path> files) {
        entries.keySet().retainAll(new java.util.HashSet<>(files));
    }

    private synchronized void countMiss() {
        misses++;
    }

    /** How many files were read again since the last call (for the preview's summary). */
    public synchronized int takeMisses() {
        int result = misses;
        misses = 0;
        return result;
    }
}
