package io.answersite.check;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Set;

/**
 * The ids of one page, sorted in an array: the built-site check keeps every page's ids to the end of
 * the build to check links' anchors, and as hash sets they took about 46 MB at 50,000 pages (heap dump,
 * docs/PERFORMANCE.md, session 19) for names the pages share ({@link ValueStrings}). Immutable; equal
 * to any set with the same ids; iterates in sorted order.
 */
final class SortedIds extends AbstractSet<String> {

    private final String[] ids;

    private SortedIds(String[] ids) {
        this.ids = ids;
    }

    /**
     * {@code ids} as they are when sorted and each once, as the build cache keeps them (not copied);
     * else sorted, each once. The array is the set's from here on.
     */
    static Set<String> ofArray(String[] ids) {
        for (int i = 1; i < ids.length; i++) {
            if (ids[i - 1].compareTo(ids[i]) >= 0) {
                return of(Arrays.asList(ids));
            }
        }
        return ids.length == 0 ? Set.of() : new SortedIds(ids);
    }

    /** {@code ids} sorted, each once (a list read back from the build cache is already in order). */
    static Set<String> of(Collection<String> ids) {
        if (ids instanceof SortedIds sorted) {
            return sorted;
        }
        if (ids.isEmpty()) {
            return Set.of();
        }
        String[] sorted = ids.toArray(String[]::new);
        Arrays.sort(sorted);
        int distinct = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (!sorted[i].equals(sorted[distinct - 1])) {
                sorted[distinct++] = sorted[i];
            }
        }
        return new SortedIds(distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct));
    }

    @Override
    public boolean contains(Object id) {
        return id instanceof String text && Arrays.binarySearch(ids, text) >= 0;
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.asList(ids).iterator(); // a fixed-size list: its iterator cannot remove
    }
}
