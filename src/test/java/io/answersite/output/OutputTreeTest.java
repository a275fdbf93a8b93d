package io.answersite.output;

import io.answersite.sink.OutputManifest;
import io.answersite.sink.SiteOutput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTreeTest {

    @TempDir
    Path root;

    @Test
    void everyPathSegmentThePatternCallsUnsafeIsRefusedAndEveryOtherAccepted() {
        java.util.regex.Pattern bad = java.util.regex.Pattern.compile("|\\.|\\.\\.|.*[\\\\:\\x00-\\x1f].*");
        String[] pieces = {"", ".", "..", "...", "a", ".a", "a.", "a..b", "a\\b", "a:b", "b\u0001", "\t", "x y",
                "index.html", "中文", "%2e%2e"};
        for (String first : pieces) {
            for (String second : pieces) {
                String path = first + "/" + second;
                boolean unsafe = path.startsWith("/") || bad.matcher(first).matches() || bad.matcher(second).matches();
                boolean refused;
                try {
                    SiteOutput.requireSafe(path);
                    refused = false;
                } catch (IllegalArgumentException e) {
                    refused = true;
                }
                assertEquals(unsafe, refused, "'" + path + "'");
            }
        }
    }

    @Test
    void refusesPathsThatLeaveTheOutputFolder() {
        try (OutputTree tree = OutputTree.open(root.resolve("site"))) {
            for (String bad : new String[] {"../escape.html", "/etc/passwd", "a/../../b", "a//b", "a\\b", "./a", ""}) {
                assertThrows(IllegalArgumentException.class, () -> tree.write(bad, "x"), bad);
            }
        }
        assertFalse(Files.exists(root.resolve("escape.html")));
        assertFalse(Files.exists(root.resolve("site")), "nothing is committed when the tree is closed");
    }

    @Test
    void thePathSetHoldsWhatPathsListsAndFollowsLaterWrites() {
        try (OutputTree tree = OutputTree.open(root.resolve("site"))) {
            tree.write("b/index.html", "b");
            tree.write("a/index.html", "a");
            Set<String> paths = tree.pathSet();
            assertEquals(List.of("a/index.html", "b/index.html"), tree.paths());
            assertEquals(Set.copyOf(tree.paths()), paths);
            tree.write("c.txt", "c");
            assertTrue(paths.contains("c.txt"), "a view of the paths written so far");
            assertThrows(UnsupportedOperationException.class, () -> paths.add("d.txt"));
        }
    }

    @Test
    void refusesToWriteOnePathTwice() {
        try (OutputTree tree = OutputTree.open(root.resolve("site"))) {
            tree.write("a/index.html", "first");
            assertThrows(IllegalStateException.class, () -> tree.write("a/index.html", "second"));
        }
    }

    @Test
    void commitReplacesTheOutputFolderAndLeavesNoStagingBehind() throws IOException {
        Files.createDirectories(root.resolve("site"));
        Files.writeString(root.resolve("site/old.html"), "old");
        try (OutputTree tree = OutputTree.open(root.resolve("site"))) {
            tree.write("new/index.html", "new");
            tree.commit();
        }
        assertEquals("new", Files.readString(root.resolve("site/new/index.html")));
        assertFalse(Files.exists(root.resolve("site/old.html")));
        try (var entries = Files.list(root)) {
            assertEquals(1, entries.count());
        }
        assertTrue(Files.isDirectory(root.resolve("site")));
    }

    @Test
    void largeStagedFilesAreCommittedWholeOverAnExistingFolderAndLeftOutWhenTheTreeIsAbandoned() throws IOException {
        Path site = root.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("llms-full.txt"), "old");
        byte[] large = new byte[(int) EarlySync.BYTES + 7];
        java.util.Arrays.fill(large, (byte) 'x');
        try (OutputTree abandoned = OutputTree.open(site)) {
            abandoned.write("llms-full.txt", large);
            abandoned.read("llms-full.txt"); // waits for the writer, which hands the file to be forced
        }
        assertEquals("old", Files.readString(site.resolve("llms-full.txt")));
        try (var entries = Files.list(root)) {
            assertEquals(1, entries.count(), "the abandoned tree's staging folder is gone");
        }
        try (OutputTree tree = OutputTree.open(site)) {
            tree.write("llms-full.txt", large);
            tree.write("small.txt", "small");
            tree.commit();
            assertEquals(2, tree.changedFiles());
        }
        assertTrue(java.util.Arrays.equals(large, Files.readAllBytes(site.resolve("llms-full.txt"))));
        assertEquals("small", Files.readString(site.resolve("small.txt")));
    }

    @Test
    void aCommitGivenTheListingTakenAtTheStartDeletesWhatItHoldsAndRecordsItWithoutListingAgain() throws IOException {
        Path site = root.resolve("site");
        Files.createDirectories(site.resolve("gone"));
        Files.writeString(site.resolve("gone/index.html"), "old");
        Files.writeString(site.resolve("kept.html"), "kept");
        OutputManifest atStart = OutputManifest.of(site);
        Files.writeString(site.resolve("late.html"), "put there while the build ran");
        try (OutputTree tree = OutputTree.open(site).listedAtStart(atStart)) {
            tree.write("kept.html", "kept");
            tree.write("new.html", "new");
            tree.commit();
            assertFalse(Files.exists(site.resolve("gone")), "listed at the start and not written: deleted");
            assertEquals("kept", Files.readString(site.resolve("kept.html")));
            assertTrue(Files.exists(site.resolve("late.html")), "not in the listing: left for the next build");
            assertEquals(List.of("kept.html", "new.html"), List.copyOf(tree.manifest().files().keySet()),
                    "the manifest is the listing, less what was deleted, with what was moved in");
        }
        try (OutputTree next = OutputTree.open(site)) {
            next.write("kept.html", "kept");
            next.write("new.html", "new");
            next.commit();
        }
        assertFalse(Files.exists(site.resolve("late.html")), "the next build lists the folder and deletes it");
    }

    /** Thrown by a checkpoint: the commit stops there, as if the process had been killed. */
    private static final class Stop extends RuntimeException {
    }

    /** An output folder with a.html, b.html and gone.html, and a commit to a, b, new.html stopped at {@code point}. */
    private Path stoppedCommit(String point, int occurrence) throws IOException {
        Path site = root.resolve("site");
        Files.createDirectories(site.resolve("sub"));
        Files.writeString(site.resolve("a.html"), "old a");
        Files.writeString(site.resolve("sub/b.html"), "old b");
        Files.writeString(site.resolve("gone.html"), "gone");
        int[] passed = {0};
        OutputTree tree = OutputTree.open(site, p -> {
            if (p.equals(point) && ++passed[0] == occurrence) {
                throw new Stop();
            }
        });
        tree.write("a.html", "new a");
        tree.write("sub/b.html", "new b");
        tree.write("new/c.html", "new c");
        assertThrows(Stop.class, tree::commit);
        return site;
    }

    private List<String> besideTheOutput() throws IOException {
        try (var entries = Files.list(root)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void recoveryCompletesACommitStoppedHalfway() throws IOException {
        Path site = stoppedCommit("commit:move", 2);
        assertEquals("new a", Files.readString(site.resolve("a.html")));
        assertEquals("old b", Files.readString(site.resolve("sub/b.html")), "stopped halfway: a mix");

        List<String> done = OutputTree.recover(site);

        assertEquals(List.of("completed the commit of a build that was stopped: 4 files moved in or deleted in "
                + site.toAbsolutePath()), done);
        assertEquals(Map.of("a.html", "new a", "sub/b.html", "new b", "new/c.html", "new c"), texts(site));
        assertEquals(List.of("site"), besideTheOutput());
        assertEquals(List.of(), OutputTree.recover(site), "nothing is left to do");
    }

    @Test
    void recoveryDiscardsACommitStoppedBeforeItsJournalWasComplete() throws IOException {
        Path site = stoppedCommit("commit:synced", 1);
        Files.writeString(root.resolve(".site.commit.partial"), "half a journal");

        List<String> done = OutputTree.recover(site);

        assertEquals(1, done.size(), done.toString());
        assertTrue(done.get(0).matches("deleted \\.site\\.staging-[0-9]+, left by a build that was stopped"), done.get(0));
        assertEquals(Map.of("a.html", "old a", "sub/b.html", "old b", "gone.html", "gone"), texts(site));
        assertEquals(List.of("site"), besideTheOutput());
    }

    @Test
    void aStagedFileDamagedAfterTheJournalDeletesTheOutputFolderRatherThanLeaveAMix() throws IOException {
        Path site = stoppedCommit("commit:move", 2);
        try (var staging = Files.list(root)) {
            Path folder = staging.filter(p -> p.getFileName().toString().startsWith(".site.staging-")).findFirst()
                    .orElseThrow();
            Files.writeString(folder.resolve("sub/b.html"), "torn");
        }

        List<String> done = OutputTree.recover(site);

        assertEquals(List.of("deleted " + site.toAbsolutePath() + ": a stopped build's commit could not be completed"
                + " ('sub/b.html' of the stopped build's commit is missing or damaged); this build writes it whole"), done);
        assertFalse(Files.exists(site));
        assertEquals(List.of(), besideTheOutput());
    }

    @Test
    void aDamagedJournalDeletesTheOutputFolderRatherThanLeaveAMix() throws IOException {
        Path site = stoppedCommit("commit:journaled", 1);
        byte[] journal = Files.readAllBytes(root.resolve(".site.commit"));
        journal[journal.length / 2] ^= 1;
        Files.write(root.resolve(".site.commit"), journal);

        List<String> done = OutputTree.recover(site);

        assertEquals(2, done.size(), done.toString());
        assertEquals("deleted " + site.toAbsolutePath() + ": a stopped build's commit could not be completed"
                + " (the commit journal .site.commit is damaged); this build writes it whole", done.get(0));
        assertTrue(done.get(1).matches("deleted \\.site\\.staging-[0-9]+, left by a build that was stopped"),
                "a damaged journal names no staging folder it can be trusted with: " + done.get(1));
        assertEquals(List.of(), besideTheOutput());
    }

    @Test
    void aCommitWithNoChangeWritesNoJournalAndTouchesNothing() throws IOException {
        Path site = root.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("a.html"), "same");
        Files.setLastModifiedTime(site.resolve("a.html"), java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        List<String> points = new java.util.ArrayList<>();
        try (OutputTree tree = OutputTree.open(site, points::add)) {
            tree.write("a.html", "same");
            tree.commit();
            assertEquals(0, tree.changedFiles());
        }
        assertEquals(List.of(), points, "no journal, no step");
        assertEquals(1_000_000, Files.getLastModifiedTime(site.resolve("a.html")).toMillis());
        assertEquals(List.of("site"), besideTheOutput());
    }

    private static Map<String, String> texts(Path folder) throws IOException {
        Map<String, String> texts = new java.util.TreeMap<>();
        try (var walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                texts.put(folder.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return texts;
    }

    @Test
    void aFileWrittenInPartsIsTheirConcatenationAndCountsAsChangedOnlyWhenItsBytesDiffer() throws IOException {
        Path site = root.resolve("site");
        List<byte[]> parts = List.of("# Title\n".getBytes(), "---\n".getBytes(), "abc".getBytes(), "\n".getBytes());
        try (OutputTree tree = OutputTree.open(site)) {
            tree.write("llms-full.txt", parts);
            assertEquals("# Title\n---\nabc\n", new String(tree.read("llms-full.txt")));
            tree.commit();
        }
        assertEquals("# Title\n---\nabc\n", Files.readString(site.resolve("llms-full.txt")));

        try (OutputTree same = OutputTree.open(site)) {
            same.write("llms-full.txt", List.of("# Title\n---\n".getBytes(), "abc\n".getBytes()));
            same.commit();
            assertEquals(0, same.changedFiles(), "the same bytes in other parts");
        }
        List<List<byte[]>> others = List.of(
                List.of("# Title\n---\nabd\n".getBytes()), // same size, one byte differs
                List.of("# Title\n".getBytes(), "---\nabc".getBytes()), // a prefix
                List.of("# Title\n---\nabc\n".getBytes(), "more".getBytes())); // longer
        for (List<byte[]> other : others) {
            String expected = new String(SiteOutput.join(other));
            try (OutputTree changed = OutputTree.open(site)) {
                changed.write("llms-full.txt", other);
                changed.commit();
                assertEquals(1, changed.changedFiles(), expected);
            }
            assertEquals(expected, Files.readString(site.resolve("llms-full.txt")));
        }
    }
}
