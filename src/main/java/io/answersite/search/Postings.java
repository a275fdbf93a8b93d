package io.answersite.search;

import java.util.Arrays;

/**
 * A token's postings: document and weight pairs, in document order, in one int array. Its own class
 * because it is the index's hot data structure: appended to while merging, cut to the best weights of
 * common tokens, and read from and written to a chunk's byte form ({@link ChunkPostings}).
 */
final class Postings {

    private int[] pairs;
    private int size;

    Postings() {
        this(4);
    }

    /** An empty list with room for {@code pairs} pairs. */
    Postings(int pairs) {
        this.pairs = new int[Math.max(2, pairs) * 2];
    }

    void add(int doc, int weight) {
        if (size * 2 == pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
        }
        pairs[size * 2] = doc;
        pairs[size * 2 + 1] = weight;
        size++;
    }

    int size() {
        return size;
    }

    /** Appends every pair of {@code other}, whose documents all come after this list's. */
    void addAll(Postings other) {
        if ((size + other.size) * 2 > pairs.length) {
            pairs = Arrays.copyOf(pairs, Math.max(pairs.length * 2, (size + other.size) * 2));
        }
        System.arraycopy(other.pairs, 0, pairs, size * 2, other.size * 2);
        size += other.size;
    }

    /** Keeps the {@code max} highest weights (the earlier document first on ties), in document order. */
    void keepBest(int max) {
        if (size <= max) {
            return;
        }
        long[] ranked = new long[size];
        for (int i = 0; i < size; i++) {
            ranked[i] = ((long) (Integer.MAX_VALUE - pairs[i * 2 + 1]) << 32) | pairs[i * 2];
        }
        Arrays.sort(ranked);
        long[] kept = Arrays.copyOf(ranked, max);
        for (int i = 0; i < max; i++) {
            kept[i] = (kept[i] & 0xffffffffL) << 32 | (Integer.MAX_VALUE - (int) (kept[i] >>> 32));
        }
        Arrays.sort(kept);
        for (int i = 0; i < max; i++) {
            pairs[i * 2] = (int) (kept[i] >>> 32);
            pairs[i * 2 + 1] = (int) kept[i];
        }
        size = max;
        pairs = Arrays.copyOf(pairs, max * 2);
    }

    /** The document of the {@code i}th pair. */
    int doc(int i) {
        return pairs[i * 2];
    }

    /** The weight of the {@code i}th pair. */
    int weight(int i) {
        return pairs[i * 2 + 1];
    }
}
