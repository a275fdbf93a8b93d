package io.answersite.graph;

import io.answersite.content.Page;
import io.answersite.content.PageKey;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * A map read through to another with one entry put in its place: the preview's patched graph
 * ({@link GraphBuilder#patch}) shares the last graph's maps instead of copying them, so that showing an
 * edited page costs the same on 1,000 pages as on 50,000 (copies of every map were nine tenths of it).
 * Unmodifiable, like the maps it reads; iteration follows the underlying map, the entry in its place.
 */
class Overlay<K, V> extends AbstractMap<K, V> {

    final Map<K, V> base;
    final K key;
    final V value;

    private Overlay(Map<K, V> base, K key, V value) {
        this.base = base;
        this.key = Objects.requireNonNull(key);
        this.value = value;
    }

    /** {@code base} with {@code key} mapped to {@code value} (added when absent). */
    static <K, V> Map<K, V> of(Map<K, V> base, K key, V value) {
        return new Overlay<>(base, key, value);
    }

    /** The pages of the last graph with one page put in the place of the page with its key, which they hold. */
    static SortedMap<PageKey, Page> pages(SortedMap<PageKey, Page> base, Page page) {
        if (!base.containsKey(page.key())) {
            throw new IllegalArgumentException("no page " + page.key() + " to put in place");
        }
        return new Pages(base, page);
    }

    @Override
    public V get(Object k) {
        return key.equals(k) ? value : base.get(k);
    }

    @Override
    public boolean containsKey(Object k) {
        return key.equals(k) || base.containsKey(k);
    }

    @Override
    public int size() {
        return base.containsKey(key) ? base.size() : base.size() + 1;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return Overlay.this.size();
            }

            @Override
            public Iterator<Entry<K, V>> iterator() {
                Iterator<Entry<K, V>> entries = base.entrySet().iterator();
                boolean added = !base.containsKey(key);
                return new Iterator<>() {
                    private boolean addedDone = !added;

                    @Override
                    public boolean hasNext() {
                        return entries.hasNext() || !addedDone;
                    }

                    @Override
                    public Entry<K, V> next() {
                        if (entries.hasNext()) {
                            Entry<K, V> entry = entries.next();
                            return key.equals(entry.getKey()) ? new SimpleImmutableEntry<>(key, value)
                                    : new SimpleImmutableEntry<>(entry);
                        }
                        if (addedDone) {
                            throw new NoSuchElementException();
                        }
                        addedDone = true;
                        return new SimpleImmutableEntry<>(key, value);
                    }
                };
            }
        };
    }

    /** Sorted pages: the key set is the underlying map's, so every view keeps its order and range. */
    private static final class Pages extends Overlay<PageKey, Page> implements SortedMap<PageKey, Page> {

        private final SortedMap<PageKey, Page> sorted;

        Pages(SortedMap<PageKey, Page> base, Page page) {
            super(base, page.key(), page);
            this.sorted = base;
        }

        private SortedMap<PageKey, Page> view(SortedMap<PageKey, Page> range) {
            return range.containsKey(key) ? new Pages(range, value) : range;
        }

        @Override
        public Comparator<? super PageKey> comparator() {
            return sorted.comparator();
        }

        @Override
        public SortedMap<PageKey, Page> subMap(PageKey fromKey, PageKey toKey) {
            return view(sorted.subMap(fromKey, toKey));
        }

        @Override
        public SortedMap<PageKey, Page> headMap(PageKey toKey) {
            return view(sorted.headMap(toKey));
        }

        @Override
        public SortedMap<PageKey, Page> tailMap(PageKey fromKey) {
            return view(sorted.tailMap(fromKey));
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
}
