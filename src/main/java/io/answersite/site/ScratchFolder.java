package io.answersite.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * A temporary folder that a check without writing (`site:check`) renders into, deleted with what is
 * in it when closed. None for a build that writes: {@link #none()} closes to nothing.
 */
final class ScratchFolder implements AutoCloseable {

    private final Path folder;

    private ScratchFolder(Path folder) {
        this.folder = folder;
    }

    /** A new temporary folder when {@code needed}, else none. */
    static ScratchFolder createIf(boolean needed) {
        if (!needed) {
            return new ScratchFolder(null);
        }
        try {
            return new ScratchFolder(Files.createTempDirectory("answersite-check"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the output goes inside it. */
    Path site() {
        return folder.resolve("site");
    }

    @Override
    public void close() {
        if (folder == null) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the scratch folder " + folder, e);
        }
    }
}
