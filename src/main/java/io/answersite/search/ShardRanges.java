package io.answersite.search;

import java.nio.ByteBuffer;

/**
 * Where each shard's tokens lie in one chunk's bytes ({@link ChunkPostings#bytes}), for one number
 * of shards, with the digest of each range: what an edited build needs of a chunk no edit touched,
 * kept beside it in the build cache. With it, the shards' keys are made without reading the chunk,
 * and a shard made again reads only its range of each chunk (at 10,000 pages, default corpus shape,
 * the chunks are about 125 MB, their ranges for 2,048 shards about 4 MB).
 *
 * @param bounds each shard's first byte and the byte after its last, two ints a shard
 * @param digests each shard's range digest ({@link ChunkPostings.Digest}), two longs a shard
 */
record ShardRanges(int[] bounds, long[] digests) {

    int shards() {
        return bounds.length / 2;
    }

    int from(int shard) {
        return bounds[2 * shard];
    }

    int to(int shard) {
        return bounds[2 * shard + 1];
    }

    /** The build cache's form: the number of shards, then each shard's bounds and digest. */
    byte[] bytes() {
        ByteBuffer buffer = ByteBuffer.allocate(4 + shards() * 24);
        buffer.putInt(shards());
        for (int i = 0; i < shards(); i++) {
            buffer.putInt(from(i)).putInt(to(i)).putLong(digests[2 * i]).putLong(digests[2 * i + 1]);
        }
        return buffer.array();
    }

    /**
     * Reads what {@link #bytes} gave, for a chunk of {@code chunkBytes} bytes split in {@code shards}
     * shards; throws on bytes that do not read back exactly.
     */
    static ShardRanges read(byte[] stored, int shards, long chunkBytes) {
        ByteBuffer buffer = ByteBuffer.wrap(stored);
        if (stored.length != 4 + (long) shards * 24 || buffer.getInt() != shards) {
            throw new IllegalArgumentException("not a chunk's shard ranges");
        }
        int[] bounds = new int[shards * 2];
        long[] digests = new long[shards * 2];
        for (int i = 0; i < shards; i++) {
            bounds[2 * i] = buffer.getInt();
            bounds[2 * i + 1] = buffer.getInt();
            if (bounds[2 * i] < 0 || bounds[2 * i] > bounds[2 * i + 1] || bounds[2 * i + 1] > chunkBytes) {
                throw new IllegalArgumentException("not a chunk's shard ranges");
            }
            digests[2 * i] = buffer.getLong();
            digests[2 * i + 1] = buffer.getLong();
        }
        return new ShardRanges(bounds, digests);
    }
}
