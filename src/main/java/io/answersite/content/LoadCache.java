package io.answersite.content;

import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.text.Murmur3;
import io.answersite.text.ParkedBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * What loading each file gave last time (its page or snippet, and its findings). The preview
 * server keeps one in memory across rebuilds and trusts a file while its size and modification
 * time stay the same, so that an edit re-reads one file, not the whole site. A build keeps one in
 * the build cache, which writes the entries ({@link #stored}) in its own format, not with Java
 * serialization, and hands them back ({@link #byContent(List)}; see
 * {@link io.answersite.cache.BuildCache#loads}); its entries are trusted only while the
 * file's bytes have the same hash (MurmurHash3, 128 bits: see {@link Murmur3}), whatever their time stamps. A file with a secret finding
 * ({@link Rules#findsSecret}) is never kept, in either form: its page would hold the secret in clear
 * text, and CI systems cache and upload {@code target/}; such a file is read again by every build
 * until the secret is gone. Thread-safe.
 */

public final class LoadCache {

    private record Entry(long size, long modifiedMillis, byte[] contentHash, Object result, List<Diagnostic> diagnostics) {
    }

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    /** For each record a by-content cache handed out or kept: a digest of its file's path and bytes. */
    private final Map<Identity, byte[]> files = new ConcurrentHashMap<>();

    /** A key equal only to itself: records are compared by identity here (reads take no lock). */
    private record Identity(Object record) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.record == record;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(record);
        }
    }
    private final boolean byContent;
    /** The content folder's files as the last load listed them (see {@link FileListing}). */
    private final FileListing listing = new FileListing();
    /** Hashes of files this build already computed (its input fingerprint), by absolute path. */
    private volatile Map<Path, byte[]> knownHashes = Map.of();
    /** The content folder as this build's input fingerprint walked it (see {@link #useListing}), or null. */
    private volatile Walked walked;

    private record Walked(Path folder, SortedMap<Path, BasicFileAttributes> files) {
    }
    private int misses;
    /** Files whose bytes differ from the entry this cache was restored with (a cache by content only). */
    private final Queue<Changed> changed = new ConcurrentLinkedQueue<>();
    /** Whether a file was read that had no entry, or an entry's file is gone. */
    private volatile boolean filesCameOrWent;
    /** Where pages read from now on keep their bodies once they no longer fit its budget; null: on the heap. */
    private volatile ParkedBytes parking;

    /** A cache that trusts size and modification time (the preview server's). */
    public LoadCache() {
        this(false);
    }

    private LoadCache(boolean byContent) {
        this.byContent = byContent;
    }

    /** The content folder's listing, which the preview's watcher reports changes to. */
    public FileListing listing() {
        return listing;
    }

    /** A cache that trusts a file's content hash only: for builds, whose cache outlives checkouts. */
    public static LoadCache byContent() {
        return new LoadCache(true);
    }

    /** The result of {@code load} for {@code file}, from the cache when the file has not changed. */
    <T> Optional<T> get(Path file, Function<Diagnostics, Optional<T>> load, Diagnostics diagnostics) {
        return get(file, null, load, diagnostics);
    }

    /** As {@link #get(Path, Function, Diagnostics)}, with the file's attributes as a listing just read them (or null). */
    @SuppressWarnings("unchecked")
    <T> Optional<T> get(Path file, BasicFileAttributes listed, Function<Diagnostics, Optional<T>> load,
                        Diagnostics diagnostics) {
        BasicFileAttributes attributes;
        byte[] contentHash = null;
        try {
            attributes = listed != null ? listed : Files.readAttributes(file, BasicFileAttributes.class);
            if (byContent) {
                contentHash = knownHashes.get(file.toAbsolutePath().normalize());
                if (contentHash == null) {
                    contentHash = Murmur3.of(Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Entry entry = entries.get(file);
        boolean same = entry != null && entry.size == attributes.size() && (byContent
                ? Arrays.equals(entry.contentHash, contentHash)
                : entry.modifiedMillis == attributes.lastModifiedTime().toMillis());
        if (same) {
            entry.diagnostics.forEach(diagnostics::add);
            identify(file, entry);
            return Optional.ofNullable((T) entry.result);
        }
        Diagnostics local = new Diagnostics();
        Optional<T> result = load.apply(local);
        if (byContent) {
            if (entry == null) {
                filesCameOrWent = true;
            } else {
                changed.add(new Changed(fileDigest(file, entry.contentHash), entry.result, result.orElse(null)));
            }
        }
        List<Diagnostic> found = local.sorted();
        found.forEach(diagnostics::add);
        if (found.stream().anyMatch(d -> Rules.findsSecret(d.ruleId()))) {
            entries.remove(file);
        } else {
            ParkedBytes store = parking;
            if (store != null && result.isPresent() && result.get() instanceof Page page) {
                result = Optional.of((T) page.withBody(page.body().parkedIn(store)));
            }
            Entry stored = new Entry(attributes.size(), attributes.lastModifiedTime().toMillis(), contentHash,
                    result.orElse(null), found);
            entries.put(file, stored);
            identify(file, stored);
        }
        countMiss();
        return result;
    }

    private void identify(Path file, Entry entry) {
        if (byContent && entry.result != null) {
            files.put(new Identity(entry.result), fileDigest(file, entry.contentHash));
        }
    }

    /** What a record read from {@code file} with bytes of hash {@code contentHash} is digested as ({@link #fileDigestOf}). */
    private static byte[] fileDigest(Path file, byte[] contentHash) {
        MessageDigest digest = Murmur3.records();
        digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(contentHash);
        return digest.digest();
    }

    /**
     * A file whose bytes changed since the build cache's last build: what its record was digested as
     * then ({@link #fileDigestOf}), and its page or snippet then and now (null: none).
     */
    public record Changed(byte[] fileDigestBefore, Object before, Object after) {
    }

    /**
     * The files read again because their bytes changed since this cache was restored from the build
     * cache (see {@link #byContent(List)}), in no order; empty when a file came or went since, or one
     * had no entry (a segment of the cache that could not be read), so that the changes do not say
     * what changed. Empty for a cache that trusts time stamps.
     */
    public Optional<List<Changed>> changes() {
        return byContent && !filesCameOrWent ? Optional.of(List.copyOf(changed)) : Optional.empty();
    }

    /**
     * For a page or snippet this by-content cache handed out during this build: a digest of the file
     * it was read from (path and bytes), which stands for the record in the build cache's digests of
     * what an output was made from; null for any other object. Loading is a function of the file, the
     * configuration and the plugin, and the build cache is dropped whole when either of those changes.
     */
    public byte[] fileDigestOf(Object record) {
        return files.get(new Identity(record));
    }

    /**
     * Trusts {@code hashes} (as {@link Murmur3#of} gives them, by absolute path) for the files they name instead of reading
     * and hashing them again: the build computed them for its input fingerprint a moment before. A
     * file changed in between is built as it was fingerprinted, and the next build sees the change.
     */
    public void useHashes(Map<Path, byte[]> hashes) {
        knownHashes = Map.copyOf(hashes);
    }

    /**
     * Takes {@code files} (every file under {@code folder} with its attributes, as the build's input
     * fingerprint walked them a moment before) as the listing of {@code folder} for the next load,
     * instead of walking the folder again.
     */
    public void useListing(Path folder, SortedMap<Path, BasicFileAttributes> files) {
        walked = new Walked(folder, files);
    }

    /** The files under {@code folder} {@link #useListing} handed over, if it named that folder. */
    Optional<SortedMap<Path, BasicFileAttributes>> walked(Path folder) {
        Walked known = walked;
        return known != null && known.folder().equals(folder) ? Optional.of(known.files()) : Optional.empty();
    }

    /** Drops the hashes and the listing {@link #useHashes} and {@link #useListing} handed over: they serve one load. */
    void forgetHashes() {
        knownHashes = Map.of();
        walked = null;
    }

    /**
     * Keeps the bodies of pages read from now on in {@code store} once its budget is spent, for one
     * build: such pages read their HTML and Markdown back from the file each time a stage takes them,
     * so the store must stay open until the build, its cache stage included, is over. A page with a
     * secret finding keeps its body on the heap (no file may hold what the scanner found).
     */
    public void parkBodiesIn(ParkedBytes store) {
        parking = store;
    }

    /** Forgets files that no longer exist. */
    public void retainOnly(Collection<Path> files) {
        if (entries.keySet().retainAll(new HashSet<>(files))) {
            filesCameOrWent = true;
        }
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

    /**
     * One file's entry as the build cache keeps it ({@link io.answersite.cache.BuildCache#loadWrites}).
     *
     * @param path the file, as the loader named it
     * @param contentHash the hash of the file's bytes ({@link Murmur3#of}); null in a cache that trusts time stamps
     * @param result the {@link Page} or {@link Snippet} the file gave, or null when it had errors
     * @param diagnostics what loading the file found, sorted
     */
    public record Stored(String path, long size, byte[] contentHash, Object result, List<Diagnostic> diagnostics) {
    }

    /** Every entry, sorted by path. */
    public List<Stored> stored() {
        Map<String, Entry> sorted = new TreeMap<>();
        entries.forEach((path, entry) -> sorted.put(path.toString(), entry));
        List<Stored> stored = new ArrayList<>(sorted.size());
        sorted.forEach((path, e) -> stored.add(new Stored(path, e.size, e.contentHash, e.result, e.diagnostics)));
        return stored;
    }

    /**
     * A by-content cache holding {@code stored}; entries without a hash are left out, as are results
     * that are neither a page nor a snippet.
     */
    public static LoadCache byContent(List<Stored> stored) {
        LoadCache cache = byContent();
        for (Stored entry : stored) {
            if (entry.contentHash() != null && (entry.result() == null || entry.result() instanceof Page
                    || entry.result() instanceof Snippet)) {
                cache.entries.put(Path.of(entry.path()), new Entry(entry.size(), 0, entry.contentHash(), entry.result(),
                        List.copyOf(entry.diagnostics())));
            }
        }
        return cache;
    }
}
