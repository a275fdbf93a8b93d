package io.answersite.bench;

import io.answersite.site.Answersite;
import io.answersite.site.BuildRequest;
import io.answersite.site.BuildResult;
import java.nio.file.Path;
import java.time.LocalDate;
import jdk.jfr.Recording;

/**
 * A benchmark, not a test: one clean build of a generated corpus in this JVM, recorded with Java
 * Flight Recorder (execution samples every 10 ms) to find where a clean build's time goes.
 *
 * <p>usage: BuildProfile SITE_DIR RECORDING.jfr
 */
public final class BuildProfile {

    private BuildProfile() {
    }

    public static void main(String[] args) throws Exception {
        BuildRequest request = BuildRequest.forSite(Path.of(args[0]).toAbsolutePath(), LocalDate.of(2026, 11, 26));
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
            recording.start();
            long start = System.nanoTime();
            BuildResult result = new Answersite().build(request);
            System.out.printf("clean build: %d ms [%s], failed: %s%n", (System.nanoTime() - start) / 1_000_000,
                    result.times(), result.failed());
            recording.stop();
            recording.dump(Path.of(args[1]));
        }
    }
}
