package io.answersite.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values a build left in the build cache's files: read back from the file they were found in until
 * that file is written again or the cache is closed, and never from the file that replaced it.
 */
class LeftInFileTest {

    @TempDir
    Path root;

    private static final byte[] TWIN = "# Why 504?\n\nThe gateway gave up waiting.\n".repeat(30)
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] SOURCE = new byte[32];
    private static final byte[] INPUTS = new byte[32];

    private static void writeSegment(BuildCache cache, byte[] twin) {
        String key = "twin\na";
        cache.replace(BuildCache.fragmentSegment(BuildCache.fragmentSegmentOf(key)), out -> FragmentFile.write(out,
                List.of(new FragmentFile.Stored(key, SOURCE, INPUTS, twin)), "k1"));
    }

    @Test
    void aValueLeftInAFileIsReadFromItUntilTheFileIsWrittenAgain() {
        byte[] newer = new String(TWIN, StandardCharsets.UTF_8).replace("504", "502").getBytes(StandardCharsets.UTF_8);
        try (BuildCache cache = BuildCache.forSite(root, "a site")) {
            writeSegment(cache, TWIN);
            FragmentFile.Stored read = cache.fragments("k1").get("twin\na");
            assertTrue(read.leftInFile());
            assertArrayEquals(TWIN, read.value());

            writeSegment(cache, newer);
            IllegalStateException closed = assertThrows(IllegalStateException.class, read::value,
                    "the old file is closed before it is replaced: never read as the new one");
            assertTrue(closed.getMessage().contains("fragments-"), closed.getMessage());
            Map<String, FragmentFile.Stored> again = cache.fragments("k1");
            assertArrayEquals(newer, again.get("twin\na").value());
        }
    }

    @Test
    void closingTheCacheClosesTheFilesValuesWereLeftIn() {
        FragmentFile.Stored read;
        try (BuildCache cache = BuildCache.forSite(root, "a site")) {
            writeSegment(cache, TWIN);
            read = cache.fragments("k1").get("twin\na");
            assertArrayEquals(TWIN, read.value());
        }
        assertThrows(IllegalStateException.class, read::value);
    }
}
