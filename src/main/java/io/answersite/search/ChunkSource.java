package io.answersite.search;

import java.util.function.BiConsumer;

/**
 * One chunk's merged postings as the shards are made from them: held ({@link ChunkPostings}) or
 * left in the build cache's file and read a shard's range at a time ({@link StoredChunk}).
 */
interface ChunkSource {

    /** Hands every token of shard {@code shard} of {@code shards} (a power of two) and its pairs to {@code action}. */
    void forEachIn(int shard, int shards, BiConsumer<String, Postings> action);

    /**
     * Adds the digest of shard {@code shard} of {@code shards}'s bytes to {@code digest}: equal when
     * that shard's postings are.
     */
    void digest(int shard, int shards, ChunkPostings.Digest digest);
}
