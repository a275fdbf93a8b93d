package io.answersite.render;

import io.answersite.text.Sha256;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the previous build rendered, by output path: a digest of the theme's fingerprint, the template
 * name and the view model the page was rendered from, and the bytes. A page whose view model is unchanged is not rendered
 * again; since view models hold everything a template shows, this finds exactly the pages a change
 * reaches (the page itself, its topic, the hub, lists, and every page that shows its title or
 * short answer), with no dependency list to keep in step with the templates. Thread-safe.
 *
 * <p>Two forms: the preview server keeps the bytes in memory, with what each page's view was made
 * from, so that a page none of whose inputs changed is not even viewed ({@link #unchanged}); a build
 * keeps only a hash of the bytes and takes them back from the published output folder, if the file
 * there still has that hash (see {@link #published}). The digest covers the theme's fingerprint and
 * the template's name; the build cache also drops the whole cache when the plugin changes.
 */
public final class RenderCache {

    private static final int DIGEST_BYTES = 32;

    /**
     * @param digest the structural digest of the template and view the page was rendered from
     * @param bytes the page (kept in memory only), or null
     * @param outputHash the SHA-256 of the page (kept on disk only), or null
     * @param inputs what the view was made from (kept in memory only), or null when not known
     */
    private record Entry(byte[] digest, byte[] bytes, byte[] outputHash, Object inputs) {
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

    /** Whether pages are kept in memory (the preview's) rather than as hashes of the published files. */
    boolean inMemory() {
        return publishedDir == null;
    }

    /**
     * The bytes rendered last time for {@code path}, if its view had the same structural digest
     * ({@link ViewDigest}: a digest, not the view, is kept, so the preview holds each page once, as
     * bytes): from memory, or from the published file if its hash is still the one written.
     */
    Optional<byte[]> reuse(String path, byte[] digest) {
        Entry entry = entries.get(path);
        if (entry == null || !Arrays.equals(entry.digest, digest)) {
            return Optional.empty();
        }
        if (entry.bytes != null) {
            return Optional.of(entry.bytes);
        }
        try {
            byte[] onDisk = Files.readAllBytes(publishedDir.resolve(path));
            return Arrays.equals(Sha256.of(onDisk), entry.outputHash) ? Optional.of(onDisk) : Optional.empty();
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
        if (!inMemory()) {
            return Optional.empty();
        }
        Entry entry = entries.get(path);
        return entry != null && entry.inputs() != null && entry.inputs().equals(inputs)
                ? Optional.of(entry.bytes()) : Optional.empty();
    }

    /** Records what {@code path}'s view was made from, for an entry {@link #reuse} handed back. */
    void madeFrom(String path, Object inputs) {
        entries.computeIfPresent(path, (p, entry) -> inMemory()
                ? new Entry(entry.digest(), entry.bytes(), entry.outputHash(), inputs) : entry);
    }

    /** {@code value}, or the equal value this cache handed out before under {@code name}: compared by identity afterwards. */
    @SuppressWarnings("unchecked")
    <T> T canonical(String name, T value) {
        if (!inMemory()) {
            return value;
        }
        Object kept = canonicals.merge(name, value, (old, now) -> old.equals(now) ? old : now);
        return (T) kept;
    }

    private final Map<String, Object> canonicals = new ConcurrentHashMap<>();

    /** @param inputs what the view was made from (kept in memory only), or null when not known */
    void store(String path, byte[] digest, byte[] bytes, Object inputs) {
        entries.put(path, inMemory() ? new Entry(digest, bytes, null, inputs)
                : new Entry(digest, null, Sha256.of(bytes), null));
    }

    /**
     * The JSON-LD script of the page at {@code path}: the one written last time when its tree is
     * equal to {@code tree}, else {@code write}'s. Every page's view holds its script, so the
     * preview would otherwise serialize every page's structured data again to find it unchanged.
     */
    @SuppressWarnings("unchecked")
    <T> T script(String path, Object tree, Supplier<T> write) {
        if (!inMemory()) {
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
    public void retainOnly(Collection<String> paths) {
        Set<String> kept = new HashSet<>(paths);
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
                    : Sha256.of(entry.getValue().bytes));
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
            cache.entries.put(path, new Entry(digest, null, hash, null));
        }
        return cache;
    }
}
