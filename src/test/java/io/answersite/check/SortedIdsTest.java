package io.answersite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SortedIdsTest {

    @Test
    void sortedIdsAreEqualToTheSetTheyWereMadeFromAndIterateInOrder() {
        Set<String> ids = new HashSet<>(List.of("why-502", "steps", "faq-1", "a", "zz"));
        Set<String> sorted = SortedIds.of(ids);
        assertEquals(ids, sorted);
        assertEquals(sorted, ids);
        assertEquals(ids.hashCode(), sorted.hashCode());
        assertEquals(List.of("a", "faq-1", "steps", "why-502", "zz"), List.copyOf(sorted));
        assertTrue(sorted.contains("steps"));
        assertFalse(sorted.contains("step"));
        assertFalse(sorted.contains(42));
    }

    @Test
    void aPagesFactsKeepItsIdsSorted() {
        PageFacts facts = new PageFacts(new HashSet<>(List.of("b", "a")), List.of(), List.of());
        assertEquals(List.of("a", "b"), List.copyOf(facts.ids()));
        assertEquals(Set.of(), new PageFacts(new HashSet<>(), List.of(), List.of()).ids());
    }

    @Test
    void idsReadBackAsAListAreSortedAndKeptOnce() {
        Set<String> ids = SortedIds.of(List.of("b", "a", "b", "c", "a"));
        assertEquals(List.of("a", "b", "c"), List.copyOf(ids));
        assertEquals(Set.of("a", "b", "c"), ids);
    }
}
