package io.answersite.site;

/**
 * Hears how a build is going, for progress output: each stage as it ends, and pages rendered so far.
 * Called from build threads; implementations keep it cheap.
 */
public interface BuildListener {

    BuildListener SILENT = new BuildListener() {
    };

    /** A stage ended after {@code millis}. */
    default void stageEnded(String stage, long millis) {
    }

    /** {@code done} of {@code total} pages rendered. */
    default void pagesRendered(int done, int total) {
    }

    /**
     * Something the person building should know that is not a finding about the site: that the build
     * waits for another build writing the same output folder, or what it did to put the output folder
     * back in order after a build that was stopped.
     */
    default void note(String message) {
    }

    /**
     * The build passes a named point of its commit (see {@link io.answersite.output.OutputTree#open(
     * java.nio.file.Path, java.util.function.Consumer)}), or {@code cache:written} when the build cache's
     * files a build writes during its commit are written (on another thread); for tests that stop a build there.
     */
    default void reached(String point) {
    }
}
