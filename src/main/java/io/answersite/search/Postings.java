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
        // each pair ranked by one key, smaller first: the higher weight, then the earlier document; keys are
        // distinct (a document appears once), so the max smallest keys are exactly those up to the max-th
        long[] ranked = new long[size];
        for (int i = 0; i < size; i++) {
            ranked[i] = rank(pairs[i * 2], pairs[i * 2 + 1]);
        }
        long last = nthSmallest(ranked, max - 1);
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (rank(pairs[i * 2], pairs[i * 2 + 1]) <= last) { // in document order, as the pairs are
                pairs[kept * 2] = pairs[i * 2];
                pairs[kept * 2 + 1] = pairs[i * 2 + 1];
                kept++;
            }
        }
        size = max;
        pairs = Arrays.copyOf(pairs, max * 2);
    }

    private static long rank(int doc, int weight) {
        return ((long) (Integer.MAX_VALUE - weight) << 32) | doc;
    }

    /**
     * The value that would be at {@code n} if {@code values} were sorted (it is reordered): a selection,
     * linear on average, where sorting every posting of a token found on most pages was 3 % of a build
     * (JFR samples, clean build of the default 10,000-page corpus).
     */
    static long nthSmallest(long[] values, int n) {
        int low = 0;
        int high = values.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            long pivot = median(values[low], values[mid], values[high]);
            int i = low;
            int j = high;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long swap = values[i];
                    values[i++] = values[j];
                    values[j--] = swap;
                }
            }
            if (n <= j) {
                high = j;
            } else if (n >= i) {
                low = i;
            } else {
                return values[n];
            }
        }
        return values[n];
    }

    private static long median(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
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
