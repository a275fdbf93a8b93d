package io.answersite.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A chunk's merged postings as the build cache and the preview keep them: what is written reads back
 * equal, every shard of any power-of-two count is one range, a range's digest changes with it only,
 * and damage is refused.
 */
class ChunkPostingsTest {

    private static Postings postings(int... pairs) {
        Postings postings = new Postings();
        for (int i = 0; i < pairs.length; i += 2) {
            postings.add(pairs[i], pairs[i + 1]);
        }
        return postings;
    }

    private static Map<String, Postings> sample() {
        Map<String, Postings> chunk = new HashMap<>();
        chunk.put("retry", postings(512, 30, 513, 10, 1020, 3));
        chunk.put("限流", postings(600, 12));
        chunk.put("backoff", postings(700, 1));
        for (int i = 0; i < 200; i++) {
            chunk.put("token" + i, postings(512 + i, i % 7 + 1));
        }
        return chunk;
    }

    /** A list's pairs as a value: document, weight, document, weight, … */
    private static List<Integer> pairs(Postings list) {
        List<Integer> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            pairs.add(list.doc(i));
            pairs.add(list.weight(i));
        }
        return pairs;
    }

    private static Map<String, List<Integer>> in(ChunkPostings chunk, int shard, int shards) {
        Map<String, List<Integer>> read = new TreeMap<>();
        chunk.forEachIn(shard, shards, (token, list) -> read.put(token, pairs(list)));
        return read;
    }

    private static Map<String, List<Integer>> values(Map<String, Postings> chunk) {
        Map<String, List<Integer>> values = new TreeMap<>();
        chunk.forEach((token, list) -> values.put(token, pairs(list)));
        return values;
    }

    @Test
    void tokensAndPairsReadBackAsTheyWereWrittenInUtf8() {
        ChunkPostings read = ChunkPostings.read(ChunkPostings.of(sample()).bytes());
        assertEquals(203, read.tokens());
        assertEquals(values(sample()), in(read, 0, 1));
    }

    @Test
    void eachShardOfAnyPowerOfTwoHoldsExactlyTheTokensThatHashToIt() {
        ChunkPostings chunk = ChunkPostings.of(sample());
        for (int shards : List.of(1, 2, 4, 64, 2048, 1 << 16)) {
            Map<String, List<Integer>> all = new TreeMap<>();
            for (int shard = 0; shard < shards; shard++) {
                Map<String, List<Integer>> tokens = in(chunk, shard, shards);
                for (String token : tokens.keySet()) {
                    assertEquals(shard, SearchIndex.shard(token, shards), token + " of " + shards + " shards");
                }
                all.putAll(tokens);
            }
            assertEquals(values(sample()), all, shards + " shards");
        }
    }

    @Test
    void aChangedPostingChangesTheDigestOfItsShardAndOfNoOther() {
        Map<String, Postings> changed = sample();
        changed.put("retry", postings(512, 30, 513, 11, 1020, 3));
        ChunkPostings before = ChunkPostings.of(sample());
        ChunkPostings after = ChunkPostings.of(changed);
        int shards = 64;
        int changedShard = SearchIndex.shard("retry", shards);
        for (int shard = 0; shard < shards; shard++) {
            if (shard == changedShard) {
                assertNotEquals(digest(before, shard, shards), digest(after, shard, shards));
            } else {
                assertEquals(digest(before, shard, shards), digest(after, shard, shards), "shard " + shard);
            }
        }
    }

    private static String digest(ChunkPostings chunk, int shard, int shards) {
        ChunkPostings.Digest digest = new ChunkPostings.Digest();
        chunk.digest(shard, shards, digest);
        return digest.hex();
    }

    @Test
    void theSameChunkGivesTheSameBytesWhateverTheMapsOrder() {
        Map<String, Postings> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
        reversed.putAll(sample());
        assertArrayEquals(ChunkPostings.of(sample()).bytes(), ChunkPostings.of(reversed).bytes());
    }

    @Test
    void bytesCutShortOrLongerOrForeignAreRefused() {
        byte[] bytes = ChunkPostings.of(sample()).bytes();
        assertThrows(RuntimeException.class, () -> ChunkPostings.read(Arrays.copyOf(bytes, bytes.length - 1)));
        assertThrows(RuntimeException.class, () -> ChunkPostings.read(Arrays.copyOf(bytes, bytes.length + 1)));
        assertThrows(RuntimeException.class, () -> ChunkPostings.read(new byte[] {127, 0, 0, 0, 1, 2}));
    }
}
