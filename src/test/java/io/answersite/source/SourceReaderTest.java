package io.answersite.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.diagnostic.Diagnostics;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceReaderTest {

    @Test
    void stripsByteOrderMarkAndNormalizesLineEndings() {
        byte[] bytes = "\uFEFF---\r\ntitle: x\r\n---\rbody".getBytes(StandardCharsets.UTF_8);
        SourceText text = SourceReader.decode("a.md", bytes, new Diagnostics()).orElseThrow();
        assertEquals("---\ntitle: x\n---\nbody", text.text());
        assertEquals("a.md:4:1", text.posAt(text.text().indexOf("body")).toString());
    }

    @Test
    void reportsTheLineAndColumnOfTheFirstInvalidByte() {
        Diagnostics diagnostics = new Diagnostics();
        byte[] bytes = {'o', 'k', '\n', 'a', 'b', (byte) 0xFF, 'c'};
        assertTrue(SourceReader.decode("b.md", bytes, diagnostics).isEmpty());
        assertEquals("b.md:2:3: error: the file is not valid UTF-8 (byte 0xFF here); save it with UTF-8 encoding"
                + " [encoding]", diagnostics.sorted().get(0).format());
    }

    @Test
    void aReplacementCharacterWrittenInTheFileIsText() {
        Diagnostics diagnostics = new Diagnostics();
        byte[] bytes = "a \uFFFD b 超时".getBytes(StandardCharsets.UTF_8);
        assertEquals("a \uFFFD b 超时", SourceReader.decode("r.md", bytes, diagnostics).orElseThrow().text());
        assertTrue(diagnostics.sorted().isEmpty());
    }

    @Test
    void overlongSurrogateAndTruncatedSequencesAreReportedAtTheirFirstByte() {
        byte[][] bad = {
                {'x', (byte) 0xC0, (byte) 0xAF}, // an overlong '/'
                {'x', (byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate encoded on its own
                {'x', (byte) 0xE8, (byte) 0xB6}, // the first two bytes of a three-byte character
                {'x', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
        };
        for (byte[] bytes : bad) {
            Diagnostics diagnostics = new Diagnostics();
            assertTrue(SourceReader.decode("d.md", bytes, diagnostics).isEmpty());
            assertEquals(String.format("d.md:1:2: error: the file is not valid UTF-8 (byte 0x%02X here); save it with"
                    + " UTF-8 encoding [encoding]", bytes[1] & 0xFF), diagnostics.sorted().get(0).format());
        }
    }

    @Test
    void mapsOffsetsToLinesAndColumns() {
        SourceText text = new SourceText("c.md", "ab\n\ncd");
        assertEquals("c.md:1:1", text.posAt(0).toString());
        assertEquals("c.md:1:3", text.posAt(2).toString());
        assertEquals("c.md:2:1", text.posAt(3).toString());
        assertEquals("c.md:3:2", text.posAt(5).toString());
    }
}
