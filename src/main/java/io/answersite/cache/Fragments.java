package io.answersite.cache;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values computed from one page, kept from one preview build to the next: a page's Markdown twin,
 * its search tokens, the hash of its twin. Each value is stored with what it was computed from: the
 * page record it belongs to (compared by identity: the loader hands back the same record while the
 * file is unchanged) and a value holding everything else it read (its links, the titles of the
 * pages it shows, the UI strings, the configuration; compared with {@code equals}). A value is
 * reused only when both are the same, so a stale value is never served; everything a fragment reads
 * must be in its inputs, which {@code RandomEditsTest} checks against clean builds.
 *
 * <p>Entries not asked for during a build are dropped after it ({@link #endBuild}), so the memory
 * held follows the site, not the number of edits. Thread-safe: emitters ask from both cores.
 */
public final class Fragments {

    private record Key(String kind, Object id) {
    }

    private record Entry(Object source, Object inputs, Object value, long build) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private volatile long build;
    private final boolean keep;

    private Fragments(boolean keep) {
        this.keep = keep;
    }

    /** Fragments kept between builds (the preview's). */
    public static Fragments kept() {
        return new Fragments(true);
    }

    /** Fragments of one build only: every value is computed, nothing outlives the build. */
    public static Fragments none() {
        return new Fragments(false);
    }

    /**
     * The {@code kind} fragment of {@code id}: the stored value when it was computed from the same
     * {@code source} record and equal {@code inputs}, otherwise {@code compute}'s value, stored.
     */
    @SuppressWarnings("unchecked")
    public <V> V get(String kind, Object id, Object source, Object inputs, Supplier<V> compute) {
        if (!keep) {
            return compute.get();
        }
        Key key = new Key(kind, id);
        Entry entry = entries.get(key);
        if (entry != null && entry.source == source && Objects.equals(entry.inputs, inputs)) {
            if (entry.build != build) {
                entries.put(key, new Entry(source, inputs, entry.value, build));
            }
            return (V) entry.value;
        }
        V value = compute.get();
        entries.put(key, new Entry(source, inputs, value, build));
        return value;
    }

    /** Starts a build: entries asked for from now on are kept after {@link #endBuild}. */
    public void startBuild() {
        build++;
    }

    /** Ends a build: drops every entry it did not ask for. */
    public void endBuild() {
        long current = build;
        entries.values().removeIf(entry -> entry.build != current);
    }

    /** Whether values outlive the build (otherwise asking for one always computes it). */
    public boolean keeps() {
        return keep;
    }

    /** How many values are held (for tests of memory use). */
    public int size() {
        return entries.size();
    }
}
