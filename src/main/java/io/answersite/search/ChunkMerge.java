package io.answersite.search;

/**
 * A chunk's documents merged: each distinct token once, with its postings in document order. An
 * open-addressing table over the hashes each document's tokens already carry ({@link DocWeights}):
 * every page brings its own instance of each word, so a hash map built its entries, hashed each
 * instance again and followed two references per lookup, which was a fifth of the search index's
 * samples in a clean build (JFR, default 10,000-page corpus).
 */
final class ChunkMerge {

    private String[] tokens;
    private int[] hashes;
    private Postings[] postings;
    private int size;

    /** @param expected about how many distinct tokens the chunk holds: the table starts with room for them */
    ChunkMerge(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, Math.min(expected, 1 << 24)) * 2 - 1) * 2;
        tokens = new String[capacity];
        hashes = new int[capacity];
        postings = new Postings[capacity];
    }

    /** Adds one document's tokens; documents come in increasing order. */
    void add(DocWeights doc, int docNumber) {
        String[] docTokens = doc.tokens();
        int[] docHashes = doc.hashes();
        int[] weights = doc.weights();
        for (int i = 0; i < docTokens.length; i++) {
            postingsOf(docTokens[i], docHashes[i]).add(docNumber, weights[i]);
        }
    }

    private Postings postingsOf(String token, int hash) {
        int mask = tokens.length - 1;
        int slot = TokenCounts.mix(hash) & mask;
        while (tokens[slot] != null) {
            if (hashes[slot] == hash && tokens[slot].equals(token)) {
                return postings[slot];
            }
            slot = (slot + 1) & mask;
        }
        tokens[slot] = token;
        hashes[slot] = hash;
        Postings list = new Postings();
        postings[slot] = list;
        if (++size * 2 > tokens.length) {
            grow();
        }
        return list;
    }

    /** The merged postings in their byte form (the order of the table plays no part in it). */
    ChunkPostings postings() {
        String[] keptTokens = new String[size];
        Postings[] kept = new Postings[size];
        int next = 0;
        for (int slot = 0; slot < tokens.length; slot++) {
            if (tokens[slot] != null) {
                keptTokens[next] = tokens[slot];
                kept[next++] = postings[slot];
            }
        }
        return ChunkPostings.of(keptTokens, kept);
    }

    private void grow() {
        String[] oldTokens = tokens;
        int[] oldHashes = hashes;
        Postings[] oldPostings = postings;
        tokens = new String[oldTokens.length * 2];
        hashes = new int[tokens.length];
        postings = new Postings[tokens.length];
        int mask = tokens.length - 1;
        for (int old = 0; old < oldTokens.length; old++) {
            if (oldTokens[old] != null) {
                int slot = TokenCounts.mix(oldHashes[old]) & mask;
                while (tokens[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                tokens[slot] = oldTokens[old];
                hashes[slot] = oldHashes[old];
                postings[slot] = oldPostings[old];
            }
        }
    }
}
