package io.answersite.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.answersite.text.Murmur3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder's fingerprint: every file's relative path and bytes, and nothing else. */
class FingerprintTest {

    @TempDir
    Path root;

    private String of(Path folder) {
        return new Fingerprint().addTree("content", folder).hex();
    }

    @Test
    void changesWithAFilesBytesNameOrPresenceAndNotWithAnEmptyFolder() throws IOException {
        Path content = Files.createDirectories(root.resolve("content/answers"));
        Files.writeString(content.resolve("a.md"), "one");
        String first = of(root.resolve("content"));
        assertEquals(first, of(root.resolve("content")), "the same files, the same fingerprint");
        Files.createDirectories(root.resolve("content/empty"));
        assertEquals(first, of(root.resolve("content")), "an empty folder holds no file");
        Files.writeString(content.resolve("a.md"), "two");
        String changed = of(root.resolve("content"));
        assertNotEquals(first, changed);
        Files.move(content.resolve("a.md"), content.resolve("b.md"));
        assertNotEquals(changed, of(root.resolve("content")), "renamed");
        Files.writeString(content.resolve("a.md"), "two");
        assertNotEquals(changed, of(root.resolve("content")), "a file added");
    }

    @Test
    void aLinkedFileCountsWithItsTargetsBytesAndEveryFileHashIsKept() throws IOException {
        Path content = Files.createDirectories(root.resolve("content"));
        Path outside = Files.writeString(root.resolve("shared.md"), "shared", StandardCharsets.UTF_8);
        Files.writeString(content.resolve("own.md"), "own");
        try {
            Files.createSymbolicLink(content.resolve("linked.md"), outside);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "symbolic links are not available here");
        }
        Fingerprint fingerprint = new Fingerprint().addTree("content", content);
        Map<Path, byte[]> hashes = fingerprint.takeFileHashes();
        assertEquals(Set.of(content.resolve("own.md").toAbsolutePath().normalize(),
                content.resolve("linked.md").toAbsolutePath().normalize()), hashes.keySet());
        assertArrayEquals(Murmur3.of("shared".getBytes(StandardCharsets.UTF_8)),
                hashes.get(content.resolve("linked.md").toAbsolutePath().normalize()));
        assertEquals(Map.of(), fingerprint.takeFileHashes(), "handed over once, not kept");
        String before = fingerprint.hex();
        Files.writeString(outside, "changed");
        assertNotEquals(before, of(content), "the target changed");
    }

    @Test
    void aFileHashedThroughTheReadersBufferIsTheHashOfItsWholeBytes() throws IOException {
        Path content = Files.createDirectories(root.resolve("content"));
        Random random = new Random(7);
        Map<Path, byte[]> written = new HashMap<>();
        for (int size : new int[] {0, 1, 15, 16, 17, 65_535, 65_536, 65_537, 200_003}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            Path file = Files.write(content.resolve(size + ".md"), bytes);
            written.put(file.toAbsolutePath().normalize(), bytes);
        }
        Map<Path, byte[]> hashes = new Fingerprint().addTree("content", content).takeFileHashes();
        assertEquals(written.keySet(), hashes.keySet());
        // the load cache compares these with hashes of files it read whole
        written.forEach((file, bytes) -> assertArrayEquals(Murmur3.of(bytes), hashes.get(file), file.toString()));
    }
}
