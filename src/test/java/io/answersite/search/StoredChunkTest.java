package io.answersite.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.text.FileSpans;
import io.answersite.text.LeftBytes;
import io.answersite.text.ParkedBytes;
import io.answersite.text.SpanSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chunk left in the build cache's file: its shards' digests come from its ranges without reading
 * it, a shard reads back as the held chunk has it, and damage is found by the range's digest and
 * answered with the chunk made again.
 */
class StoredChunkTest {

    @TempDir
    Path folder;

    private static Map<String, Postings> sample(int weight) {
        Map<String, Postings> chunk = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            Postings list = new Postings();
            list.add(i, weight + i % 5);
            list.add(400 + i, 1);
            chunk.put("token" + i, list);
        }
        return chunk;
    }

    private static Map<String, List<Integer>> in(ChunkSource chunk, int shard, int shards) {
        Map<String, List<Integer>> read = new TreeMap<>();
        chunk.forEachIn(shard, shards, (token, list) -> {
            List<Integer> pairs = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                pairs.add(list.doc(i));
                pairs.add(list.weight(i));
            }
            read.put(token, pairs);
        });
        return read;
    }

    private static String digest(ChunkSource chunk, int shard, int shards) {
        ChunkPostings.Digest digest = new ChunkPostings.Digest();
        chunk.digest(shard, shards, digest);
        return digest.hex();
    }

    /** The chunk's bytes in a file after 100 other bytes, as a cache file leaves a value. */
    private LeftBytes leftInFile(byte[] bytes) throws IOException {
        Path file = folder.resolve("fragments.bin");
        byte[] content = new byte[100 + bytes.length];
        System.arraycopy(bytes, 0, content, 100, bytes.length);
        Files.write(file, content);
        return new LeftBytes(FileSpans.open(file), new ParkedBytes.Span(100, bytes.length));
    }

    @Test
    void aStoredChunkReadsAndDigestsEveryShardAsTheHeldChunkWithoutReadingItWhole() throws IOException {
        ChunkPostings held = ChunkPostings.of(sample(1));
        AtomicInteger rangesMade = new AtomicInteger();
        ShardRanges kept = ShardRanges.read(held.ranges(16).bytes(), 16, held.bytes().length);
        LeftBytes file = leftInFile(held.bytes());
        List<Integer> reads = new ArrayList<>(); // the length of each read of the file
        SpanSource counted = new SpanSource() {
            @Override
            public byte[] read(ParkedBytes.Span span) {
                reads.add(span.length());
                return file.source().read(span);
            }

            @Override
            public void read(ParkedBytes.Span span, int from, byte[] buffer, int length) {
                reads.add(length);
                file.source().read(span, from, buffer, length);
            }
        };
        StoredChunk stored = new StoredChunk(new LeftBytes(counted, file.span()), (count, make) -> {
            rangesMade.incrementAndGet();
            return kept;
        }, () -> { throw new AssertionError("made again"); }, (remade, counts) -> { throw new AssertionError("repaired"); });
        for (int shard = 0; shard < 16; shard++) {
            assertEquals(digest(held, shard, 16), digest(stored, shard, 16));
        }
        assertEquals(List.of(), reads, "digests read nothing of the chunk");
        for (int shard = 0; shard < 16; shard++) {
            assertEquals(in(held, shard, 16), in(stored, shard, 16));
        }
        assertEquals(16, reads.size(), "one read per shard");
        assertTrue(reads.stream().allMatch(length -> length < held.bytes().length / 4), "each read a shard's range: " + reads);
        assertEquals(1, rangesMade.get());
    }

    @Test
    void rangesForAnotherNumberOfShardsAreMadeFromTheWholeChunk() throws IOException {
        ChunkPostings held = ChunkPostings.of(sample(1));
        StoredChunk stored = new StoredChunk(leftInFile(held.bytes()), (count, make) -> make.get(),
                () -> { throw new AssertionError("made again"); }, (remade, counts) -> { throw new AssertionError("repaired"); });
        for (int shard = 0; shard < 4; shard++) {
            assertEquals(digest(held, shard, 4), digest(stored, shard, 4));
            assertEquals(in(held, shard, 4), in(stored, shard, 4));
        }
    }

    @Test
    void aDamagedRangeIsFoundByItsDigestAndTheChunkIsMadeAgainAndRepaired() throws IOException {
        ChunkPostings held = ChunkPostings.of(sample(1));
        ChunkPostings remade = ChunkPostings.of(sample(2));
        ShardRanges ranges = held.ranges(8);
        int shard = 3;
        assertTrue(ranges.to(shard) > ranges.from(shard));
        byte[] damaged = held.bytes().clone();
        damaged[ranges.to(shard) - 1] ^= 0x01; // the last pair's weight: still reads as postings
        List<Set<Integer>> repaired = new ArrayList<>();
        StoredChunk stored = new StoredChunk(leftInFile(damaged), (count, make) -> ranges, () -> remade,
                (chunk, counts) -> repaired.add(counts));
        assertEquals(in(remade, shard, 8), in(stored, shard, 8));
        assertEquals(List.of(Set.of(8)), repaired);
        assertEquals(digest(remade, 0, 8), digest(stored, 0, 8)); // the chunk made again from here on
    }

    @Test
    void aChunkThatDoesNotReadBackIsMadeAgainWhenItsRangesAreMade() throws IOException {
        ChunkPostings remade = ChunkPostings.of(sample(2));
        List<Set<Integer>> repaired = new ArrayList<>();
        StoredChunk stored = new StoredChunk(leftInFile(new byte[] {5, 1, 2}), (count, make) -> make.get(),
                () -> remade, (chunk, counts) -> repaired.add(counts));
        assertEquals(in(remade, 1, 2), in(stored, 1, 2));
        assertEquals(1, repaired.size());
    }

    @Test
    void rangesThatDoNotFitTheChunkAreRefused() {
        ChunkPostings held = ChunkPostings.of(sample(1));
        byte[] ranges = held.ranges(4).bytes();
        assertThrows(IllegalArgumentException.class, () -> ShardRanges.read(ranges, 8, held.bytes().length));
        assertThrows(IllegalArgumentException.class, () -> ShardRanges.read(ranges, 4, 10));
    }
}
