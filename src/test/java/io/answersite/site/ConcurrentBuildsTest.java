package io.answersite.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import io.answersite.output.OutputBusyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds into one output folder at once (two terminals, CI and an editor): the second waits for
 * the first, or stops with a message naming the first, and the folder ends up holding one whole
 * site, never a mix of both.
 */
class ConcurrentBuildsTest {

    @TempDir
    Path root;

    private Path one;
    private Path two;
    private Path output;
    private Map<String, byte[]> siteOne;
    private Map<String, byte[]> siteTwo;

    @BeforeEach
    void twoSitesAndWhatEachBuildsAlone() throws IOException {
        one = TestSites.exampleSite(root.resolve("one"));
        two = TestSites.exampleSite(root.resolve("two"));
        Path config = two.resolve("site/site.yml");
        Files.writeString(config, Files.readString(config).replace("title: Example Answers", "title: Other Answers"));
        output = root.resolve("shared/site");
        Answersite answersite = new Answersite();
        answersite.build(TestSites.request(one).withOutputDir(root.resolve("alone-one")));
        answersite.build(TestSites.request(two).withOutputDir(root.resolve("alone-two")));
        siteOne = TestSites.snapshot(root.resolve("alone-one"));
        siteTwo = TestSites.snapshot(root.resolve("alone-two"));
    }

    private static void assertSite(Map<String, byte[]> expected, Path output) {
        Map<String, byte[]> actual = TestSites.snapshot(output);
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    }

    private List<String> besideTheOutput() throws IOException {
        try (Stream<Path> files = Files.list(output.getParent())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A facade whose notes go to {@code notes}. */
    private static Answersite noting(BlockingQueue<String> notes, Duration wait) {
        return new Answersite(Answersite.class.getClassLoader(), new BuildListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        }).waitingForOtherBuilds(wait);
    }

    @Test
    void aBuildFindingTheOutputTakenStopsWithAMessageOrWaitsAndThenWritesItsOwnSite() throws Exception {
        ForkedBuild.Handle first = ForkedBuild.start(one, output, null, "commit:synced", Duration.ZERO);
        first.awaitLine("PAUSED commit:synced");

        BlockingQueue<String> notes = new LinkedBlockingQueue<>();
        OutputBusyException busy = assertThrows(OutputBusyException.class,
                () -> noting(notes, Duration.ZERO).build(TestSites.request(two).withOutputDir(output)));
        String holder = output + " is being written by another build (process " + first.pid() + ", since ";
        assertTrue(busy.getMessage().startsWith(holder), busy.getMessage());
        assertTrue(busy.getMessage().endsWith("; waited 0 s for it to finish. Let it finish or stop it, then build"
                + " again (site.lockWait sets how many seconds a build waits)"), busy.getMessage());

        CompletableFuture<BuildResult> second = CompletableFuture.supplyAsync(
                () -> noting(notes, Duration.ofMinutes(10)).build(TestSites.request(two).withOutputDir(output)));
        String waiting = notes.take();
        assertTrue(waiting.startsWith(holder) && waiting.endsWith("; waiting up to 600 s for it to finish"), waiting);
        first.resume();
        assertEquals(0, first.waitForExit(), first.output().toString());
        BuildResult result = second.get();

        assertEquals(0, result.errorCount(), result.summary());
        assertSite(siteTwo, output);
        assertEquals(List.of(".site.lock", "site"), besideTheOutput());
    }

    @Test
    void twoBuildsInOneJvmRunOneAfterTheOther() throws Exception {
        CountDownLatch firstInCommit = new CountDownLatch(1);
        CountDownLatch secondWaits = new CountDownLatch(1);
        Answersite pausing = new Answersite(Answersite.class.getClassLoader(), new BuildListener() {
            @Override
            public void reached(String point) {
                if (point.equals("commit:journaled")) {
                    firstInCommit.countDown();
                    try {
                        secondWaits.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        new Answersite().build(TestSites.request(two).withOutputDir(output)); // so that the first has a commit to journal
        CompletableFuture<BuildResult> first = CompletableFuture.supplyAsync(
                () -> pausing.build(TestSites.request(one).withOutputDir(output)));
        firstInCommit.await();
        BlockingQueue<String> notes = new LinkedBlockingQueue<>();
        CompletableFuture<BuildResult> second = CompletableFuture.supplyAsync(
                () -> noting(notes, Duration.ofMinutes(10)).build(TestSites.request(two).withOutputDir(output)));

        assertEquals(output + " is being written by another build in this process; waiting up to 600 s for it to finish",
                notes.take());
        secondWaits.countDown();

        assertEquals(0, first.get().errorCount());
        assertEquals(0, second.get().errorCount());
        assertSite(siteTwo, output);
        assertEquals(List.of(".site.lock", "site"), besideTheOutput());
    }

    @Test
    void theBuildGoalStopsWithTheMessageWhenTheOutputStaysTaken() throws Exception {
        io.answersite.maven.MojoRunner runner = new io.answersite.maven.MojoRunner();
        io.answersite.maven.BuildMojo mojo = runner.configure(new io.answersite.maven.BuildMojo(), one);
        io.answersite.maven.MojoRunner.set(mojo, "lockWait", 0);
        Path target = one.resolve("target/site");
        try (var held = io.answersite.output.OutputLock.acquire(target, Duration.ZERO, note -> { })) {
            var failure = assertThrows(org.apache.maven.plugin.MojoFailureException.class, mojo::execute);
            assertEquals(target.toAbsolutePath() + " is being written by another build in this process; waited 0 s"
                    + " for it to finish. Let it finish or stop it, then build again (site.lockWait sets how many"
                    + " seconds a build waits)", failure.getMessage());
        }
        assertTrue(Files.notExists(target), "nothing was written");
    }

    @Test
    void twoBuildsStartedTogetherLeaveOneWholeSite() throws IOException {
        ForkedBuild.Handle first = ForkedBuild.start(one, output, null, null, Duration.ofMinutes(10));
        ForkedBuild.Handle second = ForkedBuild.start(two, output, null, null, Duration.ofMinutes(10));

        assertEquals(0, first.waitForExit(), first.output().toString());
        assertEquals(0, second.waitForExit(), second.output().toString());

        Map<String, byte[]> left = TestSites.snapshot(output);
        Map<String, byte[]> expected = java.util.Arrays.equals(left.get("index.html"), siteOne.get("index.html"))
                ? siteOne : siteTwo;
        assertSite(expected, output);
        assertEquals(List.of(".site.lock", "site"), besideTheOutput());
    }
}
