package io.answersite.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decoding through the reused buffer gives what {@code new String(bytes, UTF_8)} gives, for any bytes. */
class Utf8DecoderTest {

    private static void assertDecodesAsTheJdk(Utf8Decoder decoder, byte[] bytes, int from, int length) {
        assertEquals(new String(bytes, from, length, StandardCharsets.UTF_8), decoder.decode(bytes, from, length),
                () -> "bytes " + java.util.HexFormat.ofDelimiter(" ").formatHex(bytes, from, from + length));
    }

    @Test
    void textOfEveryWidthComesBackOneStringAfterAnother() {
        Utf8Decoder decoder = new Utf8Decoder();
        for (String text : List.of("", "ascii only", "café", "Привет", "网关超时 504", "emoji 😀 and 𠀀", "x".repeat(300),
                "长文本".repeat(500), "a\u0000b", "\u07ff\u0800\uffff")) {
            byte[] bytes = ("<" + text + ">").getBytes(StandardCharsets.UTF_8);
            assertDecodesAsTheJdk(decoder, bytes, 1, bytes.length - 2);
        }
    }

    @Test
    void malformedBytesAreDecodedAsTheJdkDecodesThem() {
        Utf8Decoder decoder = new Utf8Decoder();
        List<byte[]> malformed = List.of(
                new byte[] {(byte) 0xC0, (byte) 0x80}, // overlong NUL
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, // overlong
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
                new byte[] {'a', (byte) 0xE4, (byte) 0xB8}, // cut short
                new byte[] {(byte) 0x80, 'b'}, // a lone continuation byte
                new byte[] {(byte) 0xFF});
        for (byte[] bytes : malformed) {
            assertDecodesAsTheJdk(decoder, bytes, 0, bytes.length);
        }
        Random random = new Random(28);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(12)];
            random.nextBytes(bytes);
            assertDecodesAsTheJdk(decoder, bytes, 0, bytes.length);
        }
    }
}
