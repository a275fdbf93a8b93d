package io.answersite.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.cache.Fingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load stage lists the content folder from the input fingerprint's walk exactly as its own walk would. */
class WalkedListingTest {

    @TempDir
    Path root;

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve("content").resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void theFingerprintsWalkGivesTheSameMarkdownFilesAndAttributesAsAWalkOfTheirOwn() throws IOException {
        write("answers/cors.md", "one");
        write("answers/notes.txt", "not Markdown");
        write("answers/.draft.md", "hidden file");
        write(".git/config.md", "hidden folder");
        write("guides/.assets/figure.md", "in a hidden subfolder");
        write("topics/api.md", "a topic, longer than the others");
        write("_index.md", "the hub");
        Path outside = Files.writeString(root.resolve("shared.md"), "linked from outside the content folder");
        Path link = root.resolve("content/answers/linked.md");
        boolean linked = true;
        try {
            Files.createSymbolicLink(link, outside);
        } catch (IOException | UnsupportedOperationException e) {
            linked = false; // a system without symbolic links: the rest still holds
        }
        Path content = root.resolve("content");

        SortedMap<Path, BasicFileAttributes> walked = ContentLoader.markdownFiles(content);
        Fingerprint fingerprint = new Fingerprint().addTree("content", content);
        SortedMap<Path, BasicFileAttributes> fromFingerprint = ContentLoader.markdownFiles(content,
                fingerprint.takeListing(content).orElseThrow());

        assertEquals(walked.keySet(), fromFingerprint.keySet());
        assertEquals(linked ? 4 : 3, walked.size(), walked.keySet().toString());
        walked.forEach((file, attributes) -> {
            assertEquals(attributes.size(), fromFingerprint.get(file).size(), file.toString());
            assertEquals(attributes.lastModifiedTime(), fromFingerprint.get(file).lastModifiedTime(), file.toString());
            assertTrue(fromFingerprint.get(file).isRegularFile(), "a link's attributes are its file's: " + file);
        });
        assertTrue(fingerprint.takeListing(content).isEmpty(), "handed over once");
    }
}
