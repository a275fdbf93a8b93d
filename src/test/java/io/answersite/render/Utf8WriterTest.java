package io.answersite.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8WriterTest {

    @Test
    void encodesEachWidthOfCharacterAsStringGetBytesDoes() {
        String text = "ASCII é 超时 \uD83D\uDE80 end";
        Utf8Writer writer = new Utf8Writer(8);
        writer.write(text);
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), writer.toByteArray());
    }

    @Test
    void joinsASurrogatePairSplitBetweenTwoWrites() {
        Utf8Writer writer = new Utf8Writer(8);
        writer.write("rocket \uD83D");
        writer.write("\uDE80!");
        assertArrayEquals("rocket \uD83D\uDE80!".getBytes(StandardCharsets.UTF_8), writer.toByteArray());
    }

    @Test
    void writesAQuestionMarkForEachUnpairedSurrogateAsStringGetBytesDoes() {
        for (String text : new String[] {"a\uD83Db", "a\uDE80b", "\uDE80\uD83D", "end\uD83D", "\uD83D\uD83D\uDE80"}) {
            Utf8Writer writer = new Utf8Writer(8);
            writer.write(text);
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), writer.toByteArray(), text);
        }
        Utf8Writer writer = new Utf8Writer(8);
        writer.write("x\uD83D");
        writer.write("y");
        assertArrayEquals("x\uD83Dy".getBytes(StandardCharsets.UTF_8), writer.toByteArray());
    }

    @Test
    void givesTheBytesOfEverythingWrittenWhateverTheWritesAndTheStartingSize() {
        Random random = new Random(20261130);
        char[] alphabet = "a<>&\"'\n é超时网关\uD83D\uDE80\uD83D\uDE00".toCharArray();
        for (int round = 0; round < 200; round++) {
            StringBuilder all = new StringBuilder();
            Utf8Writer writer = new Utf8Writer(random.nextInt(100));
            int writes = random.nextInt(30);
            for (int w = 0; w < writes; w++) {
                StringBuilder part = new StringBuilder();
                int length = random.nextInt(random.nextBoolean() ? 5 : 2000);
                for (int i = 0; i < length; i++) {
                    part.append(alphabet[random.nextInt(alphabet.length)]);
                }
                String text = part.toString();
                switch (random.nextInt(4)) {
                    case 0 -> writer.write(text);
                    case 1 -> writer.write(text.toCharArray(), 0, text.length());
                    case 2 -> text.chars().forEach(writer::write);
                    default -> {
                        int from = text.isEmpty() ? 0 : random.nextInt(text.length());
                        writer.write("[" + text + "]", from + 1, text.length() - from);
                        text = text.substring(from);
                    }
                }
                all.append(text);
            }
            assertArrayEquals(all.toString().getBytes(StandardCharsets.UTF_8), writer.toByteArray(), "round " + round);
        }
    }
}
