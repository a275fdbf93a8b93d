package io.answersite.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The preview's in-memory output: a file written in parts reads back as their concatenation. */
class MemoryOutputTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFileWrittenInPartsReadsBackJoinedEverywhere() {
        MemoryOutput output = new MemoryOutput();
        output.write("llms-full.txt", List.of(utf8("# 站点\n\n"), utf8("---\n\n答案"), utf8("\n")));
        output.write("index.html", utf8("<p>hi</p>"));
        assertArrayEquals(utf8("# 站点\n\n---\n\n答案\n"), output.read("llms-full.txt"));
        assertArrayEquals(utf8("# 站点\n\n---\n\n答案\n"), output.get("llms-full.txt"));
        assertArrayEquals(utf8("# 站点\n\n---\n\n答案\n"), output.files().get("llms-full.txt"));
        assertEquals(List.of("index.html", "llms-full.txt"), output.paths());
        assertEquals(Set.of("index.html", "llms-full.txt"), output.pathSet());
        assertEquals(2, output.files().entrySet().size());
    }

    @Test
    void aPathWrittenTwiceInPartsOrWholeIsRefused() {
        MemoryOutput output = new MemoryOutput();
        output.write("llms.json", List.of(utf8("{"), utf8("}")));
        assertThrows(IllegalStateException.class, () -> output.write("llms.json", utf8("{}")));
        assertThrows(IllegalArgumentException.class, () -> output.write("../outside", List.of(utf8("x"))));
    }
}
