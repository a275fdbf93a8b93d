package io.answersite.render;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the previous build rendered, by output path: a digest of the template name and the view model
 * the page was rendered from, and the bytes. A page whose view model is unchanged is not rendered
 * again; since view models hold everything a template shows, this finds exactly the pages a change
 * reaches (the page itself, its topic, the hub, lists, and every page that shows its title or
 * short answer), with no dependency list to keep in step with the templates. Thread-safe.
 */
public final class RenderCache {

    private record Entry(byte[] digest, byte[] bytes) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The bytes rendered last time for {@code path}, if its view digest is the same. */
    Optional<byte[]> reuse(String path, byte[] digest) {
        Entry entry = entries.get(path);
        return entry != null && Arrays.equals(entry.digest, digest) ? Optional.of(entry.bytes) : Optional.empty();
    }

    void store(String path, byte[] digest, byte[] bytes) {
        entries.put(path, new Entry(digest, bytes));
    }

    /** Forgets pages the last build did not produce. */
    public void retainOnly(java.util.Collection<String> paths) {
        entries.keySet().retainAll(new java.util.HashSet<>(paths));
    }

    /**
     * Two independent 64-bit FNV-1a hashes of the template name and the view's text: cheap enough to
     * take for every page of every rebuild, and a false match (serving a stale page in the preview;
     * builds do not use this cache) is vanishingly unlikely.
     */
    static byte[] digest(String template, String view) {
        long a = 0xcbf29ce484222325L;
        long b = 0x84222325cbf29ce4L;
        for (String part : new String[] {template, "\u0000", view}) {
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                a = (a ^ c) * 0x100000001b3L;
                b = (b ^ (c * 31 + i)) * 0x100000001b3L;
            }
        }
        return java.nio.ByteBuffer.allocate(20).putLong(a).putLong(b).putInt(view.length()).array();
    }
}
