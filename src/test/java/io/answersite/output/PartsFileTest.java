package io.answersite.output;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartsFileTest {

    @TempDir
    Path root;

    /** Parts of 0 bytes to 3 buffers' worth, as llms-full.txt has them, in one published file. */
    private List<byte[]> parts(long seed) {
        Random random = new Random(seed);
        List<byte[]> parts = new ArrayList<>();
        for (int size : new int[] {0, 1, 100, 8191, 8192, 8193, 30_000, 7, 70_000}) {
            byte[] part = new byte[size];
            random.nextBytes(part);
            parts.add(part);
        }
        return parts;
    }

    private Path published(List<byte[]> parts) throws IOException {
        Path file = root.resolve("llms-full.txt");
        try (var out = Files.newOutputStream(file)) {
            for (byte[] part : parts) {
                out.write(part);
            }
        }
        return file;
    }

    @Test
    void aFileHoldingExactlyThePartsInOrderIsTheSame() throws IOException {
        assertTrue(PartsFile.sameAs(published(parts(1)), parts(1)));
    }

    @Test
    void oneByteChangedInAnyPartMakesItDifferent() throws IOException {
        Path file = published(parts(1));
        List<byte[]> sizes = parts(1);
        for (int part = 0; part < sizes.size(); part++) {
            for (int at : new int[] {0, sizes.get(part).length / 2, sizes.get(part).length - 1}) {
                if (sizes.get(part).length == 0) {
                    continue;
                }
                List<byte[]> changed = parts(1);
                changed.get(part)[at] ^= 1;
                assertFalse(PartsFile.sameAs(file, changed), "part " + part + ", byte " + at);
            }
        }
    }

    @Test
    void aFileLongerOrShorterThanThePartsIsDifferent() throws IOException {
        List<byte[]> parts = parts(2);
        Path file = published(parts);
        List<byte[]> more = new ArrayList<>(parts);
        more.add(new byte[] {1});
        assertFalse(PartsFile.sameAs(file, more));
        assertFalse(PartsFile.sameAs(file, parts.subList(0, parts.size() - 1)));
        assertFalse(PartsFile.sameAs(root.resolve("absent.txt"), parts));
    }
}
