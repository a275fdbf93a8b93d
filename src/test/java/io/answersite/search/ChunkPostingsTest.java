package io.answersite.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The build cache's form of a chunk's merged postings: what is written reads back equal, and damage is refused. */
class ChunkPostingsTest {

    private static Postings postings(int... pairs) {
        Postings postings = new Postings();
        for (int i = 0; i < pairs.length; i += 2) {
            postings.add(pairs[i], pairs[i + 1]);
        }
        return postings;
    }

    private static List<Map<String, Postings>> sample() {
        Map<String, Postings> first = new HashMap<>();
        first.put("retry", postings(512, 30, 513, 10, 1020, 3));
        first.put("限流", postings(600, 12));
        Map<String, Postings> second = new HashMap<>();
        second.put("backoff", postings(700, 1));
        return List.of(first, Map.of(), second);
    }

    private static Map<String, Postings.Pairs> values(Map<String, Postings> part) {
        Map<String, Postings.Pairs> values = new HashMap<>();
        part.forEach((token, list) -> values.put(token, list.snapshot()));
        return values;
    }

    @Test
    void partsTokensAndPairsReadBackAsTheyWereWrittenInUtf8() {
        List<Map<String, Postings>> read = ChunkPostings.of(ChunkPostings.bytes(sample()));
        assertEquals(3, read.size());
        for (int part = 0; part < 3; part++) {
            assertEquals(values(sample().get(part)), values(read.get(part)), "part " + part);
        }
    }

    @Test
    void theSameChunkGivesTheSameBytesWhateverTheMapsOrder() {
        assertEquals(Arrays.toString(ChunkPostings.bytes(sample())), Arrays.toString(ChunkPostings.bytes(sample())));
    }

    @Test
    void bytesCutShortOrLongerOrForeignAreRefused() {
        byte[] bytes = ChunkPostings.bytes(sample());
        assertThrows(RuntimeException.class, () -> ChunkPostings.of(Arrays.copyOf(bytes, bytes.length - 1)));
        assertThrows(RuntimeException.class, () -> ChunkPostings.of(Arrays.copyOf(bytes, bytes.length + 1)));
        assertThrows(RuntimeException.class, () -> ChunkPostings.of(new byte[] {127, 0, 0, 0, 1, 2}));
    }
}
