package io.answersite.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    static byte[] digest(String template, String view) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(template.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(view.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
