package io.answersite.search;

import java.util.Arrays;

/**
 * How often each token occurs in each of a page's fields, counted from ranges of the normalized
 * text ({@link SearchTokenizer#forEachTokenRange}): an open-addressing table that compares a range
 * with the tokens it holds character by character, so a token's string is made once, when it is
 * first seen, and its hash is the one {@link String#hashCode} gives. Tokenizing and counting made a
 * string and a map entry per occurrence: the tokenizing and counting were 8 % of the samples of a
 * clean build (JFR, default 10,000-page corpus).
 */
final class TokenCounts {

    private final int fields;
    /** The tokens' characters, compared with a range without making a string; the strings are made at the end. */
    private char[][] tokens;
    private int[] hashes;
    private int[] counts;
    private int size;

    /**
     * @param fields how many fields are counted apart
     * @param expected about how many distinct tokens there will be: the table starts with room for them
     */
    TokenCounts(int fields, int expected) {
        this.fields = fields;
        int capacity = Integer.highestOneBit(Math.max(32, Math.min(expected, 1 << 20)) * 2 - 1) * 2;
        this.tokens = new char[capacity][];
        this.hashes = new int[capacity];
        this.counts = new int[capacity * fields];
    }

    /** Counts one occurrence, in {@code field}, of the token at {@code start} to {@code end} of {@code text}. */
    void add(char[] text, int start, int end, int field) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text[i];
        }
        int mask = tokens.length - 1;
        int slot = mix(hash) & mask;
        int length = end - start;
        while (tokens[slot] != null) {
            char[] token = tokens[slot];
            if (hashes[slot] == hash && token.length == length && Arrays.equals(token, 0, length, text, start, end)) {
                counts[slot * fields + field]++;
                return;
            }
            slot = (slot + 1) & mask;
        }
        tokens[slot] = Arrays.copyOfRange(text, start, end);
        hashes[slot] = hash;
        counts[slot * fields + field] = 1;
        if (++size * 2 > tokens.length) {
            grow();
        }
    }

    /** How many distinct tokens were counted. */
    int size() {
        return size;
    }

    /** Hands each token and its counts (one per field, this table's own array: read, not kept) to {@code sink}. */
    void forEach(Sink sink) {
        forEachHashed((token, hash, countsByField) -> sink.accept(token, countsByField));
    }

    /** As {@link #forEach}, with each token's hash (the one {@link String#hashCode} gives), computed once here. */
    void forEachHashed(HashedSink sink) {
        int[] perField = new int[fields];
        for (int slot = 0; slot < tokens.length; slot++) {
            if (tokens[slot] != null) {
                System.arraycopy(counts, slot * fields, perField, 0, fields);
                sink.accept(new String(tokens[slot]), hashes[slot], perField);
            }
        }
    }

    @FunctionalInterface
    interface Sink {
        void accept(String token, int[] countsByField);
    }

    @FunctionalInterface
    interface HashedSink {
        void accept(String token, int hash, int[] countsByField);
    }

    private void grow() {
        char[][] oldTokens = tokens;
        int[] oldHashes = hashes;
        int[] oldCounts = counts;
        tokens = new char[oldTokens.length * 2][];
        hashes = new int[tokens.length];
        counts = new int[tokens.length * fields];
        int mask = tokens.length - 1;
        for (int old = 0; old < oldTokens.length; old++) {
            if (oldTokens[old] != null) {
                int slot = mix(oldHashes[old]) & mask;
                while (tokens[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                tokens[slot] = oldTokens[old];
                hashes[slot] = oldHashes[old];
                System.arraycopy(oldCounts, old * fields, counts, slot * fields, fields);
            }
        }
    }

    /** Spreads a string hash's bits over the table's index (String hashes of short tokens differ mostly in the low bits). */
    static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
