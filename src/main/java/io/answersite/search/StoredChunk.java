package io.answersite.search;

import io.answersite.text.LeftBytes;
import io.answersite.work.Lazy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A chunk's postings taken back from the build cache and left in its file: the shards' digests come
 * from the chunk's {@link ShardRanges}, kept beside it, and a shard made again reads only its range,
 * checked against that range's digest. An edited 10,000-page build read, checked and digested every
 * chunk whole (about 125 MB) to merge the few shards the edit changed.
 *
 * <p>Bytes that do not match their digest, or that cannot make the ranges, are damage: the chunk is
 * then made again from its pages ({@code remake}), used from there on, and handed to
 * {@code repaired} with the numbers of shards asked for so far, so that the build cache keeps the
 * good chunk and ranges.
 */
final class StoredChunk implements ChunkSource {

    private final LeftBytes stored;
    /** The ranges for a number of shards: the build cache's, or made by the supplier (from the whole chunk). */
    private final BiFunction<Integer, Supplier<ShardRanges>, ShardRanges> ranges;
    private final Map<Integer, ShardRanges> rangesByShards = new ConcurrentHashMap<>();
    private final Lazy<ChunkPostings> whole;
    private final Lazy<ChunkPostings> remade;
    private volatile boolean damaged;

    StoredChunk(LeftBytes stored, BiFunction<Integer, Supplier<ShardRanges>, ShardRanges> ranges,
                Supplier<ChunkPostings> remake, BiConsumer<ChunkPostings, Set<Integer>> repaired) {
        this.stored = stored;
        this.ranges = ranges;
        this.remade = new Lazy<>(() -> {
            ChunkPostings made = remake.get();
            repaired.accept(made, Set.copyOf(rangesByShards.keySet()));
            return made;
        });
        this.whole = new Lazy<>(() -> {
            try {
                return ChunkPostings.read(stored.get());
            } catch (IllegalArgumentException damage) {
                damaged = true;
                return remade.get();
            }
        });
    }

    @Override
    public void forEachIn(int shard, int shards, BiConsumer<String, Postings> action) {
        ShardRanges range = rangesFor(shards);
        if (!damaged) {
            byte[] bytes = new byte[range.to(shard) - range.from(shard)];
            stored.source().read(stored.span(), range.from(shard), bytes, bytes.length);
            ChunkPostings.Digest digest = new ChunkPostings.Digest();
            digest.add(bytes, 0, bytes.length);
            if (digest.is(range.digests()[2 * shard], range.digests()[2 * shard + 1])) {
                ChunkPostings.forEachEntry(bytes, 0, bytes.length, action);
                return;
            }
            damaged = true;
        }
        remade.get().forEachIn(shard, shards, action);
    }

    @Override
    public void digest(int shard, int shards, ChunkPostings.Digest digest) {
        if (damaged) {
            remade.get().digest(shard, shards, digest);
            return;
        }
        ShardRanges range = rangesFor(shards);
        digest.add(range.digests()[2 * shard], range.digests()[2 * shard + 1]);
    }

    private ShardRanges rangesFor(int shards) {
        return rangesByShards.computeIfAbsent(shards, count -> ranges.apply(count, () -> whole.get().ranges(count)));
    }
}
