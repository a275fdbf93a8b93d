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
}
