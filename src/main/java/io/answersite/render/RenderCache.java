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

    /** @param view the template and view the bytes were rendered from (kept in memory only), or null */
    private record Entry(byte[] digest, Object view, byte[] bytes, byte[] outputHash) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
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

    void store(String path, Object view, byte[] digest, byte[] bytes) {
        entries.put(path, keepsViews() ? new Entry(null, view, bytes, null) : new Entry(digest, null, null, sha256(bytes)));
    }

    /** Forgets pages the last build did not produce. */
    public void retainOnly(java.util.Collection<String> paths) {
        entries.keySet().retainAll(new java.util.HashSet<>(paths));
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
            cache.entries.put(path, new Entry(digest, null, null, hash));
        }
        return cache;
    }

    private static byte[] sha256(byte[] bytes) {
        return io.answersite.cache.Fingerprint.sha256(bytes);
    }
}
