package io.answersite.content;

import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What loading each file gave last time (its page or snippet, and its findings). The preview
 * server keeps one in memory across rebuilds and trusts a file while its size and modification
 * time stay the same, so that an edit re-reads one file, not the whole site. A build keeps one in
 * the build cache ({@link #writeTo}, {@link #readFrom}); its entries are trusted only while the
 * file's bytes have the same SHA-256, whatever their time stamps. A file with a secret finding
 * ({@link Rules#findsSecret}) is never kept, in either form: its page would hold the secret in clear
 * text, and CI systems cache and upload {@code target/}; such a file is read again by every build
 * until the secret is gone. Thread-safe.
 */
public final class LoadCache {

    private record Entry(long size, long modifiedMillis, byte[] sha256, Object result, List<Diagnostic> diagnostics)
            implements Serializable {
    }

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final boolean byContent;
    private int misses;

    /** A cache that trusts size and modification time (the preview server's). */
    public LoadCache() {
        this(false);
    }

    private LoadCache(boolean byContent) {
        this.byContent = byContent;
    }

    /** A cache that trusts a file's content hash only: for builds, whose cache outlives checkouts. */
    public static LoadCache byContent() {
        return new LoadCache(true);
    }

    /** The result of {@code load} for {@code file}, from the cache when the file has not changed. */
    @SuppressWarnings("unchecked")
    <T> Optional<T> get(Path file, Function<Diagnostics, Optional<T>> load, Diagnostics diagnostics) {
        BasicFileAttributes attributes;
        byte[] sha256 = null;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (byContent) {
                sha256 = sha256(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Entry entry = entries.get(file);
        boolean same = entry != null && entry.size == attributes.size() && (byContent
                ? Arrays.equals(entry.sha256, sha256)
                : entry.modifiedMillis == attributes.lastModifiedTime().toMillis());
        if (same) {
            entry.diagnostics.forEach(diagnostics::add);
            return Optional.ofNullable((T) entry.result);
        }
        Diagnostics local = new Diagnostics();
        Optional<T> result = load.apply(local);
        List<Diagnostic> found = local.sorted();
        found.forEach(diagnostics::add);
        if (found.stream().anyMatch(d -> Rules.findsSecret(d.ruleId()))) {
            entries.remove(file);
        } else {
            entries.put(file, new Entry(attributes.size(), attributes.lastModifiedTime().toMillis(), sha256,
                    result.orElse(null), found));
        }
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

    /** Writes every entry, sorted by path, under {@code key} (Java serialization of the page records). */
    public void writeTo(OutputStream out, String key) throws IOException {
        Map<String, Entry> sorted = new TreeMap<>();
        entries.forEach((path, entry) -> sorted.put(path.toString(), entry));
        ObjectOutputStream objects = new ObjectOutputStream(out);
        objects.writeUTF(key);
        objects.writeObject(new HashMap<>(sorted));
        objects.flush();
    }

    /**
     * Reads what {@link #writeTo} wrote into a by-content cache; an empty one when the key differs.
     * Only this plugin's records and the JDK's collections, strings, numbers and dates may be in
     * the stream: a cache file is data, never code to run.
     */
    @SuppressWarnings("unchecked")
    public static LoadCache readFrom(InputStream in, String key) throws IOException {
        LoadCache cache = byContent();
        ObjectInputStream objects = new ObjectInputStream(in);
        objects.setObjectInputFilter(ALLOWED);
        if (!key.equals(objects.readUTF())) {
            return cache;
        }
        try {
            Map<String, Entry> read = (Map<String, Entry>) objects.readObject();
            read.forEach((path, entry) -> cache.entries.put(Path.of(path), entry));
        } catch (ClassNotFoundException | ClassCastException | InvalidClassException e) {
            throw new IOException("not a load cache of this plugin", e);
        }
        return cache;
    }

    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=40;io.answersite.**;java.util.*;java.time.*;java.lang.*;!*");

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
