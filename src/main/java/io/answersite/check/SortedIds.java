package io.answersite.check;

import java.util.AbstractSet;
import java.util.Arrays;
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

    static Set<String> of(Set<String> ids) {
        if (ids instanceof SortedIds) {
            return ids;
        }
        if (ids.isEmpty()) {
            return Set.of();
        }
        String[] sorted = ids.toArray(String[]::new);
        Arrays.sort(sorted);
        return new SortedIds(sorted);
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
