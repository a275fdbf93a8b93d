package io.answersite.graph;

import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
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

    /** Per kind, per language, the pages in key order: made on first use (the index never changes). */
    private volatile Map<Kind, Map<String, List<Page>>> byKindAndLanguage;

    /**
     * The pages of one kind in one language, sorted by key: lists, llms files, twins of lists and the
     * sitemap ask for them a dozen times per build, each a walk of the whole sorted map before.
     */
    List<Page> ofKind(Kind kind, String language) {
        Map<Kind, Map<String, List<Page>>> index = byKindAndLanguage;
        if (index == null) {
            Map<Kind, Map<String, List<Page>>> made = new EnumMap<>(Kind.class);
            for (Page page : sorted.values()) {
                made.computeIfAbsent(page.key().kind(), k -> new HashMap<>())
                        .computeIfAbsent(page.key().language(), l -> new ArrayList<>()).add(page);
            }
            made.values().forEach(languages -> languages.replaceAll((code, pages) -> List.copyOf(pages)));
            index = made;
            byKindAndLanguage = made; // two threads may both make it: the same lists either way
        }
        return index.getOrDefault(kind, Map.of()).getOrDefault(language, List.of());
    }
}
