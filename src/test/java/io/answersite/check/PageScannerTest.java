package io.answersite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scan's word-at-a-time byte search against a loop over every byte. */
class PageScannerTest {

    @Test
    void findsTheFirstTargetByteAtOrAfterTheStartEightBytesAtATime() {
        Random random = new Random(20261130);
        byte[] alphabet = {'<', '>', 'a', ' ', 0, (byte) 0x80, (byte) 0xBC, (byte) 0xFF, 0x3C - 1, 0x3C + 1};
        for (int round = 0; round < 5000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt();
            }
            byte target = alphabet[random.nextInt(alphabet.length)];
            int from = random.nextInt(bytes.length + 3);
            assertEquals(naive(bytes, target, from), PageScanner.nextByte(bytes, target, from), "round " + round);
        }
    }

    private static int naive(byte[] bytes, byte target, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == target) {
                return i;
            }
        }
        return -1;
    }
}
