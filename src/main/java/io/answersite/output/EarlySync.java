package io.answersite.output;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Forces large staged files to the disk on a thread of its own as soon as they are written, while the
 * build goes on, when the build updates an existing output folder: the commit, which forces every
 * staged file before its journal, then finds them on the disk (an edited 10,000-page site's
 * llms-full.txt and llms.json took the commit 170–320 ms to force). A first build forces nothing.
 */
final class EarlySync {

    /** A staged file this large is forced as soon as it is written. */
    static final long BYTES = 1 << 20;

    /** Null for a first build. */
    private final ExecutorService forcing;

    private EarlySync(ExecutorService forcing) {
        this.forcing = forcing;
    }

    /** For a build into {@code outputDir}: forces large files only when the folder exists already. */
    static EarlySync forBuildInto(Path outputDir) {
        return new EarlySync(Files.isDirectory(outputDir) ? Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "answersite-fsync-early");
            thread.setDaemon(true);
            return thread;
        }) : null);
    }

    /** Hands a file just written to be forced, if it is large enough; a failure is left for the commit. */
    void written(Path staged, long size) {
        if (forcing != null && size >= BYTES) {
            forcing.execute(() -> {
                try {
                    Durable.file(staged);
                } catch (UncheckedIOException e) {
                    // the commit forces it again and reports what goes wrong
                }
            });
        }
    }

    /** Lets the forcing of the files already handed over end, and ends the thread. */
    void stop() {
        if (forcing == null) {
            return;
        }
        forcing.shutdown();
        try {
            if (!forcing.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the files were not forced to the disk in ten minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while forcing files to the disk", e);
        }
    }
}
