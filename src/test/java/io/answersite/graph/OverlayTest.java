package io.answersite.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverlayTest {

    @Test
    void readsAsACopyOfTheMapWithTheEntryPutInPlace() {
        Map<String, Integer> base = new LinkedHashMap<>(Map.of("a", 1));
        base.put("b", 2);
        base.put("c", 3);
        Map<String, Integer> patched = Overlay.of(base, "b", 20);
        Map<String, Integer> copy = new HashMap<>(base);
        copy.put("b", 20);
        assertEquals(copy, patched);
        assertEquals(copy.hashCode(), patched.hashCode());
        assertEquals(3, patched.size());
        assertEquals(20, patched.get("b"));
        assertEquals(List.of("a", "b", "c"), List.copyOf(patched.keySet()), "the underlying map's order");
        assertEquals(List.of(1, 20, 3), List.copyOf(patched.values()));
        assertEquals(2, base.get("b"), "the underlying map is not changed");
    }

    @Test
    void addsTheEntryAfterTheOthersWhenTheMapLacksIt() {
        Map<String, Integer> patched = Overlay.of(new LinkedHashMap<>(Map.of("a", 1)), "z", 26);
        assertEquals(2, patched.size());
        assertTrue(patched.containsKey("z"));
        assertEquals(List.of("a", "z"), List.copyOf(patched.keySet()));
        assertNull(patched.get("y"));
        assertFalse(patched.containsKey("y"));
    }

    @Test
    void cannotBeChanged() {
        Map<String, Integer> base = new HashMap<>(Map.of("a", 1, "b", 2));
        Map<String, Integer> patched = Overlay.of(base, "a", 10);
        assertThrows(UnsupportedOperationException.class, () -> patched.put("c", 3));
        for (Map.Entry<String, Integer> entry : patched.entrySet()) { // the entry put in place and the map's own
            assertThrows(UnsupportedOperationException.class, () -> entry.setValue(5), entry.getKey());
        }
        assertEquals(Map.of("a", 1, "b", 2), base);
    }
}
