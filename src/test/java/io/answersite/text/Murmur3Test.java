package io.answersite.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** MurmurHash3 x64-128 against published values, fed whole and in parts, and its spread over near-equal inputs. */
class Murmur3Test {

    private static long[] halves(String text, long seed) {
        Murmur3 murmur = new Murmur3(seed);
        murmur.update(text.getBytes(StandardCharsets.UTF_8));
        return murmur.halves();
    }

    @Test
    void givesTheReferenceImplementationsValuesForTailsOfEveryLengthAndWholeBlocks() {
        // the values other implementations test against (tails of 4 to 9 bytes; 43 bytes: two blocks and 11)
        Object[][] known = {
                {0x629942693e10f867L, 0x92db0b82baeb5347L, "hell", 0L},
                {0xa78ddff5adae8d10L, 0x128900ef20900135L, "hello", 1L},
                {0x8a486b23f422e826L, 0xf962a2c58947765fL, "hello ", 2L},
                {0x2ea59f466f6bed8cL, 0xc610990acc428a17L, "hello w", 3L},
                {0x79f6305a386c572cL, 0x46305aed3483b94eL, "hello wo", 4L},
                {0xc2219d213ec1f1b5L, 0xa1d8e2e0a52785bdL, "hello wor", 5L},
                {0xe34bbc7bbc071b6cL, 0x7a433ca9c49a9347L, "The quick brown fox jumps over the lazy dog", 0L},
        };
        for (Object[] value : known) {
            long[] halves = halves((String) value[2], (Long) value[3]);
            assertEquals((Long) value[0], halves[0], (String) value[2]);
            assertEquals((Long) value[1], halves[1], (String) value[2]);
        }
    }

    @Test
    void theDigestIsTheSameHoweverTheBytesAreFedAndEndsAFeeding() {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 15, 16, 17, 31, 32, 33, 1000, 5000}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            byte[] whole = new Murmur3(0).digest(bytes);
            MessageDigest parts = Murmur3.records();
            int at = 0;
            while (at < size) {
                int step = Math.min(size - at, random.nextInt(40));
                if (step == 1) {
                    parts.update(bytes[at]);
                } else {
                    parts.update(bytes, at, step);
                }
                at += step;
            }
            assertArrayEquals(whole, parts.digest(), "size " + size);
            assertArrayEquals(whole, parts.digest(bytes), "the digest starts afresh after each");
            assertEquals(32, whole.length);
        }
    }

    @Test
    void nearEqualInputsHaveDistinctDigests() {
        // the build cache's records differ by a byte here and there: a page key, a length, a title
        Set<String> seen = new HashSet<>();
        byte[] base = "answer\nwhy-504\nzh-CN\n为什么会出现 504 网关超时".getBytes(StandardCharsets.UTF_8);
        int made = 0;
        for (int position = 0; position < base.length; position++) {
            for (int value = 0; value < 256; value++) {
                byte[] changed = base.clone();
                changed[position] = (byte) value;
                seen.add(Sha256.hex(new Murmur3(0).digest(changed)));
                made++;
            }
        }
        for (int cut = 0; cut <= base.length; cut++) {
            seen.add(Sha256.hex(new Murmur3(0).digest(Arrays.copyOf(base, cut))));
            made++;
        }
        // the base itself was made once per position (its own byte put back) and once more whole
        assertEquals(made - base.length, seen.size(), "one digest per distinct input");
    }
}
