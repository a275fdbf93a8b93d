package io.answersite.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.text.FileSpans;
import io.answersite.text.LeftBytes;
import io.answersite.text.ParkedBytes;
import io.answersite.text.PartsLeftInFiles;
import java.io.IOException;
import java.util.AbstractList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
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

    /**
     * The parts written to {@code store}'s file (its budget spent), as a build takes them back from the
     * build cache: the empty one stays an array, every other is read only through {@link LeftBytes}.
     */
    private static List<byte[]> leftIn(ParkedBytes store, List<byte[]> parts) {
        return asParts(parts.stream().map(store::keep).toList());
    }

    /** Parts as a build hands them to the output: those that are {@link LeftBytes} only through {@code left}. */
    private static List<byte[]> asParts(List<Supplier<byte[]>> kept) {
        final class Left extends AbstractList<byte[]> implements PartsLeftInFiles {
            @Override
            public byte[] get(int index) {
                if (kept.get(index) instanceof LeftBytes) {
                    throw new AssertionError("part " + index + " read into an array of its own");
                }
                return kept.get(index).get();
            }

            @Override
            public LeftBytes left(int index) {
                return kept.get(index) instanceof LeftBytes left ? left : null;
            }

            @Override
            public int size() {
                return kept.size();
            }
        }
        return new Left();
    }

    @Test
    void partsLeftInAFileAreComparedAndWrittenThroughBuffersWithTheBytesAndChecksumOfArrays() throws IOException {
        Path file = published(parts(3));
        try (ParkedBytes store = ParkedBytes.in(root.resolve("cache"), 0)) {
            assertTrue(PartsFile.sameAs(file, leftIn(store, parts(3))));
            List<byte[]> changed = parts(3);
            changed.get(6)[29_999] ^= 1; // the last byte of the 30,000-byte part, past three buffers
            assertFalse(PartsFile.sameAs(file, leftIn(store, changed)));

            CommitJournal.Move fromArrays = PartsFile.write(root.resolve("arrays.txt"), "arrays.txt", parts(3));
            CommitJournal.Move fromFile = PartsFile.write(root.resolve("left.txt"), "left.txt", leftIn(store, parts(3)));
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(root.resolve("left.txt")));
            assertEquals(fromArrays.size(), fromFile.size());
            assertEquals(fromArrays.crc(), fromFile.crc());
        }
    }

    @Test
    void partsLeftInACacheFileAreWrittenBesideArraysWithTheBytesAndChecksumOfArrays() throws IOException {
        List<byte[]> parts = parts(5);
        Path cacheFile = published(parts); // the build cache's file: every part at its offset
        try (FileSpans spans = FileSpans.open(cacheFile)) {
            List<Supplier<byte[]>> kept = new ArrayList<>();
            long offset = 0;
            for (int i = 0; i < parts.size(); i++) {
                byte[] part = parts.get(i);
                // every other part left in the file, as taken back from the cache; the rest made this build
                kept.add(i % 2 == 1 ? new LeftBytes(spans, new ParkedBytes.Span(offset, part.length)) : () -> part);
                offset += part.length;
            }
            CommitJournal.Move fromArrays = PartsFile.write(root.resolve("arrays.txt"), "arrays.txt", parts);
            CommitJournal.Move mixed = PartsFile.write(root.resolve("mixed.txt"), "mixed.txt", asParts(kept));
            assertArrayEquals(Files.readAllBytes(cacheFile), Files.readAllBytes(root.resolve("mixed.txt")));
            assertEquals(fromArrays.size(), mixed.size());
            assertEquals(fromArrays.crc(), mixed.crc());
        }
    }

    @Test
    void aFileOfOnePartIsComparedThroughABufferByteForByte() throws IOException {
        byte[] page = parts(7).get(8); // 70,000 bytes: several buffers
        Path file = published(List.of(page));
        assertTrue(PartsFile.sameAs(file, List.of(page.clone())));
        byte[] changed = page.clone();
        changed[69_999] ^= 1;
        assertFalse(PartsFile.sameAs(file, List.of(changed)));
        assertFalse(PartsFile.sameAs(file, List.of(java.util.Arrays.copyOf(page, 69_999))));
        assertTrue(PartsFile.sameAs(published(List.of(new byte[0])), List.of(new byte[0])));
    }

    @Test
    void aPartParkedBeyondTheBudgetIsLeftInTheFileAndOneWithinItIsNot() throws IOException {
        try (ParkedBytes none = ParkedBytes.in(root.resolve("cache"), 1 << 20);
             ParkedBytes spent = ParkedBytes.in(root.resolve("cache"), 0)) {
            assertFalse(none.keep(new byte[100]) instanceof LeftBytes);
            LeftBytes left = (LeftBytes) spent.keep(new byte[] {1, 2, 3});
            assertNotNull(left);
            assertArrayEquals(new byte[] {1, 2, 3}, left.get());
        }
    }
}
