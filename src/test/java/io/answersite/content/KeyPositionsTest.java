package io.answersite.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.diagnostic.SourcePos;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyPositionsTest {

    private static Map<String, SourcePos> written() {
        Map<String, SourcePos> positions = new LinkedHashMap<>();
        positions.put(new String("title"), new SourcePos("content/answers/a.md", 2, 1));
        positions.put(new String("answer"), new SourcePos("content/answers/a.md", 3, 1));
        positions.put("x-unknown", new SourcePos("content/answers/a.md", 9, 3));
        positions.put(new String("related"), new SourcePos("content/answers/a.md", 4, 1));
        return positions;
    }

    @Test
    void compactPositionsEqualTheMapTheyWereMadeFromAndKeepItsOrder() {
        Map<String, SourcePos> positions = written();
        Map<String, SourcePos> compact = KeyPositions.of(positions);
        assertEquals(positions, compact);
        assertEquals(compact, positions);
        assertEquals(positions.hashCode(), compact.hashCode());
        assertEquals(List.copyOf(positions.keySet()), List.copyOf(compact.keySet()));
        assertEquals(new SourcePos("content/answers/a.md", 9, 3), compact.get("x-unknown"));
        assertTrue(compact.containsKey("related"));
        assertFalse(compact.containsKey("faq"));
        assertNull(compact.get("faq"));
    }

    @Test
    void theNamesOfKnownKeysAreOneInstanceForEveryPage() {
        Map<String, SourcePos> one = KeyPositions.of(written());
        Map<String, SourcePos> other = KeyPositions.of(written());
        List<String> oneKeys = List.copyOf(one.keySet());
        List<String> otherKeys = List.copyOf(other.keySet());
        assertSame(oneKeys.get(0), otherKeys.get(0));
        assertSame(oneKeys.get(1), otherKeys.get(1));
        assertSame(oneKeys.get(3), otherKeys.get(3));
    }

    @Test
    void positionsInMoreThanOneFileAreKeptAsWritten() {
        Map<String, SourcePos> positions = written();
        positions.put("topic", new SourcePos("content/answers/b.md", 5, 1));
        Map<String, SourcePos> kept = KeyPositions.of(positions);
        assertEquals(positions, kept);
        assertEquals(new SourcePos("content/answers/b.md", 5, 1), kept.get("topic"));
    }

    @Test
    void aPageRecordKeepsItsPositionsCompactWhateverMapItIsGiven() {
        Common common = new Common("T", "D", null, null, null, List.of(), null, false, List.of(), null, written());
        assertEquals(KeyPositions.class, common.keyPositions().getClass());
        assertEquals(new SourcePos("content/answers/a.md", 3, 1), common.keyPos("answer", "content/answers/a.md"));
        assertEquals(SourcePos.startOf("content/answers/a.md"), common.keyPos("faq", "content/answers/a.md"));
        assertEquals(Map.of(), new Common("T", "D", null, null, null, List.of(), null, false, List.of(), null,
                Map.of()).keyPositions());
    }
}
