package io.answersite.graph;

import io.answersite.content.Page;
import io.answersite.content.PageKey;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The published pages, sorted by key for everything that lists them, with lookups by key in a hash
 * table: renderers and emitters look pages up hundreds of thousands of times per build, and a
 * sorted map's comparisons of kind, id and language strings showed up in profiles. Unmodifiable.
 */
final class PageIndex extends AbstractMap<PageKey, Page> implements SortedMap<PageKey, Page> {

    private final SortedMap<PageKey, Page> sorted;
    private final Map<PageKey, Page> byKey;

    /** @param pages a sorted map that its owner hands over and no longer changes (it is not copied) */
    PageIndex(SortedMap<PageKey, Page> pages) {
        this.sorted = Collections.unmodifiableSortedMap(pages);
        this.byKey = new HashMap<>(pages);
    }

    @Override
    public Page get(Object key) {
        return byKey.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return byKey.containsKey(key);
    }

    @Override
    public int size() {
        return byKey.size();
    }

    @Override
    public Set<Entry<PageKey, Page>> entrySet() {
        return sorted.entrySet();
    }

    @Override
    public Set<PageKey> keySet() {
        return sorted.keySet();
    }

    @Override
    public Collection<Page> values() {
        return sorted.values();
    }

    @Override
    public Comparator<? super PageKey> comparator() {
        return sorted.comparator();
    }

    @Override
    public SortedMap<PageKey, Page> subMap(PageKey fromKey, PageKey toKey) {
        return sorted.subMap(fromKey, toKey);
    }

    @Override
    public SortedMap<PageKey, Page> headMap(PageKey toKey) {
        return sorted.headMap(toKey);
    }

    @Override
    public SortedMap<PageKey, Page> tailMap(PageKey fromKey) {
        return sorted.tailMap(fromKey);
    }

    @Override
    public PageKey firstKey() {
        return sorted.firstKey();
    }

    @Override
    public PageKey lastKey() {
        return sorted.lastKey();
    }
}
