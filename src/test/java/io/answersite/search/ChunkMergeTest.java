package io.answersite.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The chunk merge's own table against merging into a hash map: the same postings, byte for byte. */
class ChunkMergeTest {

    @Test
    void mergingDocumentsGivesThePostingsAHashMapMergeGivesWhateverTheTableStartedWith() {
        Random random = new Random(20261130);
        String[] vocabulary = new String[3000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = i % 3 == 0 ? "\u8d85\u65f6" + i : "word" + i; // CJK and Latin tokens, many sharing hash bits
        }
        for (int round = 0; round < 20; round++) {
            int documents = 1 + random.nextInt(60);
            Map<String, Postings> expected = new HashMap<>();
            ChunkMerge merged = new ChunkMerge(round % 2 == 0 ? 1 : 5000); // growing from the smallest table, and not
            int firstDoc = random.nextInt(10_000);
            for (int doc = 0; doc < documents; doc++) {
                Set<String> tokens = new LinkedHashSet<>();
                int count = random.nextInt(400);
                for (int i = 0; i < count; i++) {
                    tokens.add(new String(vocabulary[random.nextInt(vocabulary.length)])); // an instance per page, as pages give
                }
                String[] docTokens = tokens.toArray(String[]::new);
                int[] hashes = new int[docTokens.length];
                int[] weights = new int[docTokens.length];
                for (int i = 0; i < docTokens.length; i++) {
                    hashes[i] = docTokens[i].hashCode();
                    weights[i] = 1 + random.nextInt(30);
                    expected.computeIfAbsent(docTokens[i], t -> new Postings()).add(firstDoc + doc, weights[i]);
                }
                merged.add(new DocWeights(docTokens, hashes, weights), firstDoc + doc);
            }
            assertArrayEquals(ChunkPostings.of(expected).bytes(), merged.postings().bytes(), "round " + round);
        }
    }
}
