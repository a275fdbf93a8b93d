package io.answersite.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PostingsTest {

    @Test
    void keepBestKeepsTheHighestWeightsEarlierDocumentsFirstOnTiesInDocumentOrder() {
        Postings postings = new Postings();
        int[][] pairs = {{1, 5}, {2, 9}, {4, 5}, {7, 1}, {8, 9}, {9, 5}};
        for (int[] pair : pairs) {
            postings.add(pair[0], pair[1]);
        }
        postings.keepBest(4);
        assertEquals("1:5 2:9 4:5 8:9", describe(postings));
    }

    @Test
    void keepBestAgreesWithSortingOnRandomListsWithManyTies() {
        Random random = new Random(12);
        for (int round = 0; round < 300; round++) {
            int size = 1 + random.nextInt(400);
            int max = 1 + random.nextInt(size + 20);
            Postings postings = new Postings();
            List<int[]> all = new ArrayList<>();
            int doc = 0;
            for (int i = 0; i < size; i++) {
                doc += 1 + random.nextInt(3);
                int weight = random.nextInt(1 + round % 7); // few distinct weights: ties everywhere
                postings.add(doc, weight);
                all.add(new int[] {doc, weight});
            }
            postings.keepBest(max);
            List<int[]> expected = all.stream()
                    .sorted(Comparator.<int[]>comparingInt(p -> -p[1]).thenComparingInt(p -> p[0]))
                    .limit(max).sorted(Comparator.comparingInt(p -> p[0])).toList();
            assertEquals(expected.stream().map(p -> p[0] + ":" + p[1]).toList(),
                    Arrays.asList(describe(postings).split(" ")), "round " + round);
        }
    }

    @Test
    void nthSmallestIsTheValueSortingPutsThere() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            long[] values = random.longs(1 + random.nextInt(300), 0, 50).toArray();
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = random.nextInt(values.length);
            assertEquals(sorted[n], Postings.nthSmallest(values.clone(), n), "round " + round);
        }
    }

    private static String describe(Postings postings) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < postings.size(); i++) {
            out.append(i == 0 ? "" : " ").append(postings.doc(i)).append(':').append(postings.weight(i));
        }
        return out.toString();
    }
}
