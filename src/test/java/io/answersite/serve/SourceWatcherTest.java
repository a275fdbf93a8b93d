package io.answersite.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source watcher: recursive, folders created after it started included, one call per burst. */
class SourceWatcherTest {

    @TempDir
    Path root;

    /** The next burst; the bound only keeps a broken watcher from hanging the build, it is not a speed claim. */
    private static Set<Path> next(BlockingQueue<Set<Path>> bursts) throws InterruptedException {
        Set<Path> burst = bursts.poll(30, TimeUnit.SECONDS);
        assertNotNull(burst, "the watcher reported nothing");
        return burst;
    }

    /** Bursts until one names {@code file} (an editor's save may come as more than one). */
    private static Set<Path> until(BlockingQueue<Set<Path>> bursts, Path file) throws InterruptedException {
        Set<Path> seen = new TreeSet<>();
        while (!seen.contains(file)) {
            seen.addAll(next(bursts));
        }
        return seen;
    }

    @Test
    void reportsChangesDeepInATreeAndInFoldersCreatedAfterItStarted() throws Exception {
        Path content = Files.createDirectories(root.resolve("content/answers/deep"));
        Path other = Files.createDirectories(root.resolve("templates"));
        Path page = Files.writeString(content.resolve("a.md"), "one");
        BlockingQueue<Set<Path>> bursts = new LinkedBlockingQueue<>();
        try (SourceWatcher watcher = new SourceWatcher(List.of(root.resolve("content"), other,
                root.resolve("absent")), bursts::add)) {
            Files.writeString(page, "two");
            assertTrue(until(bursts, page).contains(page));

            Path folder = Files.createDirectories(root.resolve("content/guides/new"));
            Path created = folder.resolve("b.md");
            // the new folder is watched as soon as its creation is reported; write until the file is seen
            Set<Path> seen = new TreeSet<>();
            for (int attempt = 0; !seen.contains(created); attempt++) {
                Files.writeString(created, "attempt " + attempt);
                Set<Path> burst = bursts.poll(2, TimeUnit.SECONDS);
                if (burst != null) {
                    seen.addAll(burst);
                }
                assertTrue(attempt < 15, "a file in a new folder was never reported: " + seen);
            }

            Path template = Files.writeString(other.resolve("layout.peb"), "x");
            assertTrue(until(bursts, template).contains(template));
            Files.delete(page);
            assertTrue(until(bursts, page).contains(page), "a deletion is a change");
        }
    }

    @Test
    void reportsEveryPathWrittenInABurst() throws Exception {
        Path content = Files.createDirectories(root.resolve("content"));
        BlockingQueue<Set<Path>> bursts = new LinkedBlockingQueue<>();
        try (SourceWatcher watcher = new SourceWatcher(List.of(content), bursts::add)) {
            Path a = content.resolve("a.md");
            Path b = content.resolve("b.md");
            for (int i = 0; i < 5; i++) {
                Files.writeString(a, "a" + i);
                Files.writeString(b, "b" + i);
            }
            Set<Path> seen = until(bursts, b);
            while (!seen.contains(a)) {
                seen.addAll(next(bursts));
            }
            assertEquals(Set.of(a, b), seen);
        }
    }
}
