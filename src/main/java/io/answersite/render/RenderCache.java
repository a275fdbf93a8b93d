package io.answersite.render;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the previous build rendered, by output path: a digest of the template name and the view model
 * the page was rendered from, and the bytes. A page whose view model is unchanged is not rendered
 * again; since view models hold everything a template shows, this finds exactly the pages a change
 * reaches (the page itself, its topic, the hub, lists, and every page that shows its title or
 * short answer), with no dependency list to keep in step with the templates. Thread-safe.
 *
 * <p>Two forms: the preview server keeps the bytes in memory; a build keeps only a hash of the bytes
 * and takes them back from the published output folder, if the file there still has that hash
 * (see {@link #published}). Templates are not part of the digest: a cache belongs to one theme and
 * one plugin, and the build cache drops it when either changes.
 */
public final class RenderCache {

    private static final int DIGEST_BYTES = 32;

    /**
     * @param view the template and view the bytes were rendered from (kept in memory only), or null
     * @param inputs what the view was made from (kept in memory only), or null when not known
     */
    private record Entry(byte[] digest, Object view, byte[] bytes, byte[] outputHash, Object inputs) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** A page's JSON-LD script and the tree it was written from (in memory only). */
    private record Script(Object tree, Object script) {
    }

    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Path publishedDir;

    /** A cache that keeps rendered bytes in memory (the preview server's). */
    public RenderCache() {
        this(null);
    }

    private RenderCache(Path publishedDir) {
        this.publishedDir = publishedDir;
    }

    /** A cache that keeps hashes only and reuses the files of {@code outputDir} whose hash still matches. */
    public static RenderCache published(Path outputDir) {
        return new RenderCache(outputDir);
    }

    /** Whether entries are compared by their views (in memory) rather than by digests (on disk). */
    boolean keepsViews() {
        return publishedDir == null;
    }

    /**
     * The bytes rendered last time for {@code path}, if its view is the same: by {@code equals} on
     * the view kept in memory (views are records all the way down, so this compares every value a
     * template can show), or by the structural digest for a cache read from disk.
     */
    Optional<byte[]> reuse(String path, Object view, byte[] digest) {
        Entry entry = entries.get(path);
        if (entry == null || (keepsViews() ? !view.equals(entry.view) : !Arrays.equals(entry.digest, digest))) {
            return Optional.empty();
        }
        if (entry.bytes != null) {
            return Optional.of(entry.bytes);
        }
        try {
            byte[] onDisk = Files.readAllBytes(publishedDir.resolve(path));
            return Arrays.equals(sha256(onDisk), entry.outputHash) ? Optional.of(onDisk) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone or unreadable: render it again
        }
    }

    /**
     * The bytes kept for {@code path} when they were rendered from equal {@code inputs}: everything
     * the page's view is made of (see {@code SiteRenderer.viewInputs}), so that the view need not be
     * made at all. In memory only; empty otherwise.
     */
    Optional<byte[]> unchanged(String path, Object inputs) {
        if (!keepsViews()) {
            return Optional.empty();
        }
        Entry entry = entries.get(path);
        return entry != null && entry.inputs() != null && entry.inputs().equals(inputs)
                ? Optional.of(entry.bytes()) : Optional.empty();
    }

    /** Records what {@code path}'s view was made from, for an entry kept by {@link #reuse} or just stored. */
    void madeFrom(String path, Object inputs) {
        entries.computeIfPresent(path, (p, entry) -> keepsViews()
                ? new Entry(entry.digest(), entry.view(), entry.bytes(), entry.outputHash(), inputs) : entry);
    }

    /** {@code value}, or the equal value this cache handed out before under {@code name}: compared by identity afterwards. */
    @SuppressWarnings("unchecked")
    <T> T canonical(String name, T value) {
        if (!keepsViews()) {
            return value;
        }
        Object kept = canonicals.merge(name, value, (old, now) -> old.equals(now) ? old : now);
        return (T) kept;
    }

    private final Map<String, Object> canonicals = new ConcurrentHashMap<>();

    void store(String path, Object view, byte[] digest, byte[] bytes) {
        entries.put(path, keepsViews() ? new Entry(null, view, bytes, null, null)
                : new Entry(digest, null, null, sha256(bytes), null));
    }

    /**
     * The JSON-LD script of the page at {@code path}: the one written last time when its tree is
     * equal to {@code tree}, else {@code write}'s. Every page's view holds its script, so the
     * preview would otherwise serialize every page's structured data again to find it unchanged.
     */
    @SuppressWarnings("unchecked")
    <T> T script(String path, Object tree, java.util.function.Supplier<T> write) {
        if (!keepsViews()) {
            return write.get();
        }
        Script last = scripts.get(path);
        if (last != null && last.tree().equals(tree)) {
            return (T) last.script();
        }
        T script = write.get();
        scripts.put(path, new Script(tree, script));
        return script;
    }

    /** Forgets pages the last build did not produce. */
    public void retainOnly(java.util.Collection<String> paths) {
        java.util.Set<String> kept = new java.util.HashSet<>(paths);
        entries.keySet().retainAll(kept);
        scripts.keySet().retainAll(kept);
    }

    /** Writes the digests and output hashes (never bytes), sorted by path, under {@code key}. */
    public void writeTo(DataOutputStream out, String key) throws IOException {
        out.writeUTF(key);
        Map<String, Entry> sorted = new TreeMap<>(entries);
        out.writeInt(sorted.size());
        for (Map.Entry<String, Entry> entry : sorted.entrySet()) {
            out.writeUTF(entry.getKey());
            out.write(entry.getValue().digest);
            out.write(entry.getValue().outputHash != null ? entry.getValue().outputHash
                    : sha256(entry.getValue().bytes));
        }
    }

    /**
     * Reads what {@link #writeTo} wrote, into a cache over {@code outputDir}; an empty cache when the
     * key differs (another theme, plugin or site configuration).
     */
    public static RenderCache readFrom(DataInputStream in, String key, Path outputDir) throws IOException {
        RenderCache cache = published(outputDir);
        if (!key.equals(in.readUTF())) {
            return cache;
        }
        for (int i = in.readInt(); i > 0; i--) {
            String path = in.readUTF();
            byte[] digest = new byte[DIGEST_BYTES];
            in.readFully(digest);
            byte[] hash = new byte[DIGEST_BYTES];
            in.readFully(hash);
            cache.entries.put(path, new Entry(digest, null, null, hash, null));
        }
        return cache;
    }

    private static byte[] sha256(byte[] bytes) {
        return io.answersite.cache.Fingerprint.sha256(bytes);
    }
}
