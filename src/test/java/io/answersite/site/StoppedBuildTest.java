package io.answersite.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A build killed with SIGKILL (as by the out-of-memory killer, or a power loss as far as the disk
 * knows) at points from rendering to the end of its commit: the next build, even one that fails,
 * first leaves the output folder holding the previous site or the new one, byte for byte, never a
 * mix, and nothing else beside it; unchanged files keep their modification times throughout.
 */
class StoppedBuildTest {

    @TempDir
    Path root;

    private static final int ANSWERS = 30;

    /** The example site with {@link #ANSWERS} more answers, so that a commit has many steps. */
    private static Path oldSite(Path site) {
        TestSites.exampleSite(site);
        StringBuilder spec = new StringBuilder();
        for (int i = 0; i < ANSWERS; i++) {
            spec.append("""
                    -- content/answers/question-%d.md --
                    ---
                    title: How do I ask question %d?
                    description: Question %d, asked.
                    date: 2026-01-12
                    topic: api-basics
                    answer: Ask it in one sentence, then wait.
                    ---

                    Question %d, in full.
                    """.formatted(i, i, i, i));
        }
        return TestSites.write(site, spec.toString());
    }

    /** The new version: another site title (every page changes), one answer added, one gone. */
    private static void editToNewSite(Path site) throws IOException {
        Path config = site.resolve("site/site.yml");
        Files.writeString(config, Files.readString(config).replace("title: Example Answers", "title: Example Answers v2"));
        Files.delete(site.resolve("content/answers/question-0.md"));
        TestSites.write(site, """
                -- content/answers/question-new.md --
                ---
                title: How do I ask a new question?
                description: A new question.
                date: 2026-01-12
                topic: api-basics
                answer: Ask it like the others.
                ---
                """);
    }

    private static Map<String, Long> modificationTimes(Path folder) throws IOException {
        Map<String, Long> times = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                times.put(folder.relativize(file).toString().replace('\\', '/'), Files.getLastModifiedTime(file).toMillis());
            }
        }
        return times;
    }

    private static void assertSite(Map<String, byte[]> expected, Path output, String which) {
        Map<String, byte[]> actual = TestSites.snapshot(output);
        assertEquals(expected.keySet(), actual.keySet(), "the output holds the files of the " + which + " site");
        expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), which + " site: " + path));
    }

    private static List<String> besideTheOutput(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The old site built with the cache, then edited to the new one, whose files a build without the cache made elsewhere. */
    private record Versions(Path site, Path output, Path cache, Map<String, byte[]> oldFiles, Map<String, Long> oldTimes,
                            Map<String, byte[]> newFiles) {
    }

    private Versions builtOldThenEdited() throws IOException {
        Path site = oldSite(root.resolve("site"));
        Path output = site.resolve("target/site");
        Path cache = site.resolve("target/answersite-cache");
        Answersite answersite = new Answersite();
        assertEquals(0, answersite.build(TestSites.request(site), cache).errorCount());
        Map<String, byte[]> oldFiles = TestSites.snapshot(output);
        Map<String, Long> oldTimes = modificationTimes(output);
        editToNewSite(site);
        Path reference = root.resolve("new-site");
        assertEquals(0, answersite.build(TestSites.request(site).withOutputDir(reference)).errorCount());
        return new Versions(site, output, cache, oldFiles, oldTimes, TestSites.snapshot(reference));
    }

    @Test
    void aBuildKilledAfterItKeptItsFragmentsButBeforeItsCommitLeavesTheOldSiteAndTheNextBuildMakesTheNew()
            throws IOException {
        Versions versions = builtOldThenEdited();

        ForkedBuild.Handle fork = ForkedBuild.start(versions.site(), versions.output(), versions.cache(),
                "commit:synced", Duration.ZERO);
        fork.awaitLine("PAUSED commit:synced");
        fork.awaitLine("PASSED cache:written"); // the new fragments are kept, the old files still published
        fork.kill();
        assertSite(versions.oldFiles(), versions.output(), "old");

        BuildResult next = new Answersite().build(TestSites.request(versions.site()), versions.cache());
        assertEquals(0, next.errorCount(), next.summary());
        assertSite(versions.newFiles(), versions.output(), "new"); // no old file taken for what a new fragment describes
    }

    @ParameterizedTest(name = "killed at {0}")
    @CsvSource({
            "render*3, old",
            "commit:synced, old",
            "commit:journaled, new",
            "commit:delete, new",
            "commit:move*20, new",
            "stage:write, new",
    })
    void aKilledBuildLeavesThePreviousOrTheNewSiteOnceTheNextBuildRuns(String point, String expected)
            throws IOException {
        Versions versions = builtOldThenEdited();
        Path site = versions.site();
        Path output = versions.output();
        Path cache = versions.cache();
        Answersite answersite = new Answersite();
        Map<String, byte[]> oldFiles = versions.oldFiles();
        Map<String, Long> oldTimes = versions.oldTimes();
        Map<String, byte[]> newFiles = versions.newFiles();
        List<String> unchanged = oldFiles.keySet().stream()
                .filter(path -> newFiles.containsKey(path) && java.util.Arrays.equals(oldFiles.get(path), newFiles.get(path)))
                .toList();
        assertFalse(unchanged.isEmpty(), "the theme's assets are the same in both");

        ForkedBuild.Handle fork = ForkedBuild.start(site, output, cache, point, Duration.ZERO);
        fork.awaitLine("PAUSED " + point);
        fork.kill();
        if (expected.equals("old")) {
            assertSite(oldFiles, output, "old");
        }
        if (point.equals("commit:move*20")) {
            Map<String, byte[]> killed = TestSites.snapshot(output);
            assertTrue(killed.entrySet().stream().anyMatch(e -> java.util.Arrays.equals(e.getValue(), newFiles.get(e.getKey())))
                    && killed.entrySet().stream().anyMatch(e -> !unchanged.contains(e.getKey())
                    && java.util.Arrays.equals(e.getValue(), oldFiles.get(e.getKey()))),
                    "killed halfway through its moves, the build left a mix, which the next build completes");
        }

        TestSites.write(site, """
                -- content/answers/broken.md --
                ---
                title: Why is this broken?
                date: not-a-date
                ---
                """);
        List<String> notes = new ArrayList<>();
        BuildResult failed = new Answersite(Answersite.class.getClassLoader(), new BuildListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        }).build(TestSites.request(site), cache);

        assertTrue(failed.failed(), failed.summary());
        assertSite(expected.equals("old") ? oldFiles : newFiles, output, expected);
        assertEquals(List.of(".site.lock", "answersite-cache", "site"), besideTheOutput(site.resolve("target")),
                "nothing a stopped build left remains beside the output folder; notes: " + notes);
        Map<String, Long> timesAfter = modificationTimes(output);
        for (String path : unchanged) {
            assertEquals(oldTimes.get(path), timesAfter.get(path), "an unchanged file keeps its time: " + path);
        }

        Files.delete(site.resolve("content/answers/broken.md"));
        BuildResult next = answersite.build(TestSites.request(site), cache);
        assertEquals(0, next.errorCount(), next.summary());
        assertSite(newFiles, output, "new");
        Map<String, Long> timesAtLast = modificationTimes(output);
        for (String path : unchanged) {
            assertEquals(oldTimes.get(path), timesAtLast.get(path), "an unchanged file keeps its time: " + path);
        }
    }

    @Test
    void aFirstBuildKilledBeforeItsFolderIsMovedInLeavesNoOutputAndTheNextBuildCleansUp() throws IOException {
        Path site = oldSite(root.resolve("site"));
        Path output = site.resolve("target/site");
        ForkedBuild.Handle fork = ForkedBuild.start(site, output, null, "commit:synced", Duration.ZERO);
        fork.awaitLine("PAUSED commit:synced");
        fork.kill();
        assertFalse(Files.exists(output));
        assertEquals(1, besideTheOutput(site.resolve("target")).stream().filter(n -> n.startsWith(".site.staging-")).count());

        BuildResult next = new Answersite().build(TestSites.request(site));

        assertEquals(0, next.errorCount(), next.summary());
        assertEquals(List.of(".site.lock", "site"), besideTheOutput(site.resolve("target")));
    }
}
