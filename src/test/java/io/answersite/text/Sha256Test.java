package io.answersite.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256Test {

    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hashesTextAsUtf8() {
        assertEquals(ABC, Sha256.hex("abc"));
        assertEquals(ABC, Sha256.hex(Sha256.of("abc".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void shortensToTheFirstBytes() {
        assertEquals("ba7816bf8f", Sha256.hex(Sha256.of("abc"), 5));
    }

    @Test
    void aDigestFedInPartsEqualsTheWhole() {
        var digest = Sha256.digest();
        digest.update("a".getBytes(StandardCharsets.UTF_8));
        digest.update("bc".getBytes(StandardCharsets.UTF_8));
        assertEquals(ABC, Sha256.hex(digest.digest()));
    }

    @Test
    void theBufferedDigestFeedsTheSameBytesAsTheJdksDigestFedOneCallAtATime() throws Exception {
        Random random = new Random(20261130);
        char[] alphabet = {'a', 'Z', '0', ' ', '\n', '\u00e9', '\u07ff', '\u0800', '\u8d85', '\uffff', '\ud83d', '\ude00'};
        for (int round = 0; round < 200; round++) {
            MessageDigest buffered = Sha256.digest();
            MessageDigest plain = MessageDigest.getInstance("SHA-256");
            int calls = random.nextInt(40);
            for (int call = 0; call < calls; call++) {
                switch (random.nextInt(4)) {
                    case 0 -> { // a text: short or past the buffer, surrogates paired, unpaired, at either end
                        StringBuilder text = new StringBuilder();
                        int length = random.nextBoolean() ? random.nextInt(20) : random.nextInt(3000);
                        for (int i = 0; i < length; i++) {
                            text.append(alphabet[random.nextInt(alphabet.length)]);
                        }
                        Sha256.updateText(buffered, text.toString());
                        int chars = text.length(); // the length in chars, then the UTF-8 bytes
                        plain.update(new byte[] {(byte) (chars >>> 24), (byte) (chars >>> 16), (byte) (chars >>> 8),
                                (byte) chars});
                        plain.update(text.toString().getBytes(StandardCharsets.UTF_8));
                    }
                    case 1 -> {
                        byte tag = (byte) random.nextInt();
                        buffered.update(tag);
                        plain.update(tag);
                    }
                    case 2 -> {
                        int value = random.nextInt();
                        Sha256.updateInt(buffered, value);
                        plain.update(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8),
                                (byte) value});
                    }
                    default -> {
                        byte[] bytes = new byte[random.nextBoolean() ? random.nextInt(100) : random.nextInt(5000)];
                        random.nextBytes(bytes);
                        int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                        buffered.update(bytes, from, bytes.length - from);
                        plain.update(bytes, from, bytes.length - from);
                    }
                }
            }
            assertEquals(Sha256.hex(plain.digest()), Sha256.hex(buffered.digest()), "round " + round);
        }
    }

    @Test
    void aBufferedDigestCanBeResetAndUsedAgain() {
        MessageDigest digest = Sha256.digest();
        Sha256.updateText(digest, "something else");
        digest.reset();
        digest.update("abc".getBytes(StandardCharsets.UTF_8));
        assertEquals(ABC, Sha256.hex(digest.digest()));
        digest.update("abc".getBytes(StandardCharsets.UTF_8));
        assertEquals(ABC, Sha256.hex(digest.digest()), "digest() resets it");
    }
}
