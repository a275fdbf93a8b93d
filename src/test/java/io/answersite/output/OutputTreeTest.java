package io.answersite.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTreeTest {

    @TempDir
    Path root;

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
}
