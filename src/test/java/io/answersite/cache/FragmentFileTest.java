package io.answersite.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.text.FileSpans;
import io.answersite.text.LargeText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fragments.bin}: what was written comes back whole, and anything else reads as no fragments at all. */
class FragmentFileTest {

    private static byte[] digest(int seed) {
        byte[] bytes = new byte[32];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static final List<FragmentFile.Stored> ENTRIES = List.of(
            new FragmentFile.Stored("search\nPageKey[kind=ANSWER, id=a, language=en]", digest(1), digest(2), new byte[] {1, 2, 3}),
            new FragmentFile.Stored("twin\nPageKey[kind=ANSWER, id=a, language=en]", digest(3), digest(4),
                    "# Why 504?\n".getBytes(StandardCharsets.UTF_8)),
            new FragmentFile.Stored("terms-used\nPageKey[kind=ANSWER, id=b, language=zh-CN]", digest(5), digest(6), new byte[0]));

    private static byte[] written(String key) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            FragmentFile.write(out, ENTRIES, key);
        }
        return bytes.toByteArray();
    }

    private static Map<String, FragmentFile.Stored> read(byte[] bytes, String key) {
        return FragmentFile.read(new DataInputStream(new ByteArrayInputStream(bytes)), key);
    }

    @Test
    void whatWasWrittenComesBackByKeyWithItsDigestsAndBytes() throws IOException {
        Map<String, FragmentFile.Stored> read = read(written("k1"), "k1");
        assertEquals(ENTRIES.size(), read.size());
        for (FragmentFile.Stored entry : ENTRIES) {
            FragmentFile.Stored back = read.get(entry.key());
            assertArrayEquals(entry.source(), back.source());
            assertArrayEquals(entry.inputs(), back.inputs());
            assertArrayEquals(entry.value(), back.value());
        }
    }

    @Test
    void aFileForOtherInputsCutShortLongerOrNotOursReadsAsNoFragments() throws IOException {
        byte[] bytes = written("k1");
        assertTrue(read(bytes, "k2").isEmpty(), "another site.yml, plugin or request");
        for (int length = 0; length < bytes.length; length += 7) {
            assertTrue(read(Arrays.copyOf(bytes, length), "k1").isEmpty(), "cut at " + length);
        }
        assertTrue(read(Arrays.copyOf(bytes, bytes.length + 1), "k1").isEmpty(), "a byte too many");
        assertTrue(read("not a cache file at all".getBytes(StandardCharsets.UTF_8), "k1").isEmpty());
        byte[] huge = bytes.clone();
        byte[] twin = "# Why 504?\n".getBytes(StandardCharsets.UTF_8);
        int valueAt = 0;
        while (!Arrays.equals(bytes, valueAt, valueAt + twin.length, twin, 0, twin.length)) {
            valueAt++;
        }
        huge[valueAt - 4] = 0x7f; // the first byte of the twin's value length: now far past the end
        assertTrue(read(huge, "k1").isEmpty(), "a value longer than the file");
    }

    @Test
    void largeValuesReadFromAFileAreLeftThereAndReadBackWholeEachTimeAsked(@TempDir Path folder) throws IOException {
        byte[] twin = "# Why 504?\n\nThe gateway gave up waiting. ".repeat(40).getBytes(StandardCharsets.UTF_8);
        List<FragmentFile.Stored> entries = List.of(
                new FragmentFile.Stored("search\na", digest(1), digest(2), new byte[] {1, 2, 3}),
                new FragmentFile.Stored("twin\na", digest(3), digest(4), twin),
                new FragmentFile.Stored("twin\nb", digest(5), digest(6), Arrays.copyOf(twin, LargeText.SHORTEST_OFF_HEAP)));
        Path file = folder.resolve("fragments-00.bin");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            FragmentFile.write(out, entries, "k1");
        }
        try (FileSpans spans = FileSpans.open(file); InputStream in = Files.newInputStream(file)) {
            Map<String, FragmentFile.Stored> read = FragmentFile.read(in, "k1", spans);
            assertFalse(read.get("search\na").leftInFile(), "three bytes: held");
            assertArrayEquals(new byte[] {1, 2, 3}, read.get("search\na").value());
            for (FragmentFile.Stored entry : entries.subList(1, 3)) {
                FragmentFile.Stored back = read.get(entry.key());
                assertTrue(back.leftInFile(), entry.key());
                assertEquals(entry.value().length, back.length(), "known without reading");
                assertArrayEquals(entry.value(), back.value());
                assertArrayEquals(entry.value(), back.value(), "read again");
                assertArrayEquals(entry.source(), back.source());
                assertArrayEquals(entry.inputs(), back.inputs());
            }
            // the segment written again (as a build that changed another of its fragments does): values
            // left in the file are copied from it, byte for byte
            Path again = folder.resolve("fragments-00.bin.new");
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(again))) {
                FragmentFile.write(out, entries.stream().map(entry -> read.get(entry.key())).toList(), "k1");
            }
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));
        }
        byte[] whole = Files.readAllBytes(file);
        Path cut = folder.resolve("cut.bin");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 1));
        try (FileSpans spans = FileSpans.open(cut); InputStream in = Files.newInputStream(cut)) {
            assertTrue(FragmentFile.read(in, "k1", spans).isEmpty(), "a value passed over must still be in the file");
        }
    }
}
