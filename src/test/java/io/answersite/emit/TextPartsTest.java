package io.answersite.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.answersite.sink.SiteOutput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextPartsTest {

    @Test
    void endsLikeTheJoinedTextStrippedWithOneNewlineAndCountsItsTokens() {
        Random random = new Random(20261130);
        String[] pieces = {"# T", "\n\n", "- [答案](https://x/a/): 先看 Retry-After\n", " ", "\u3000", "- [b](u): \n",
            "\n", "英文 and words", "\t", "超时\n\n"};
        for (int round = 0; round < 500; round++) {
            TextParts parts = new TextParts(true).append("# ");
            StringBuilder whole = new StringBuilder("# ");
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                String piece = pieces[random.nextInt(pieces.length)];
                whole.append(piece);
                if (random.nextBoolean()) {
                    parts.append(TextParts.Line.of(piece, true));
                } else {
                    parts.append(piece);
                }
            }
            String expected = whole.toString().strip() + "\n";
            List<byte[]> written = parts.endingInOneNewline();
            assertEquals(expected, new String(SiteOutput.join(written), StandardCharsets.UTF_8), "round " + round);
            assertEquals(Tokens.count(expected), parts.count(), "round " + round);
        }
    }

    @Test
    void aTextOfWhiteSpaceOnlyIsOneNewline() {
        TextParts parts = new TextParts(true).append(TextParts.Line.of(" \n", true)).append("\t\u3000");
        assertEquals("\n", new String(SiteOutput.join(parts.endingInOneNewline()), StandardCharsets.UTF_8));
        assertEquals(new Tokens.Count(0, 1), parts.count());
    }

    @Test
    void aLineReadBackFromTheBuildCacheHasItsBytesAndItsCount() {
        TextParts.Line line = TextParts.Line.of("- [为什么 429?](https://x.example/answers/a/index.md): 等一下 then retry\n", true);
        TextParts.Line read = TextParts.Line.fromStored(line.stored(true), true);
        assertArrayEquals(line.bytes(), read.bytes());
        assertEquals(line.count(), read.count());
        assertThrows(IllegalArgumentException.class, () -> TextParts.Line.fromStored(new byte[15], true));

        TextParts.Line uncounted = TextParts.Line.of("- [a](b): c\n", false);
        assertSame(uncounted.bytes(), uncounted.stored(false), "an uncounted line is kept as its bytes");
        TextParts.Line readUncounted = TextParts.Line.fromStored(uncounted.stored(false), false);
        assertEquals(new Tokens.Count(0, 0), readUncounted.count());
        assertEquals("- [a](b): c\n", new String(readUncounted.bytes(), StandardCharsets.UTF_8));
    }
}
