package io.answersite.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays, through {@link LoadHarness}, every input that once made the load throw or end without
 * a diagnostic in the file ({@code src/test/resources/fuzz-regressions/}), and every Markdown file
 * of the fixture sites. Plain JUnit: it runs in every build, without the fuzzer.
 */
class FuzzRegressionsTest {

    @TempDir
    Path root;

    static List<Path> regressions() {
        return LoadHarness.regressions();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regressions")
    void loadsAnInputThatOnceFailedAsPagesOrPositionedDiagnostics(Path input) throws IOException {
        new LoadHarness(root).load(Files.readAllBytes(input));
    }

    @Test
    void loadsEveryFixtureFileAsPagesOrPositionedDiagnostics() throws IOException {
        LoadHarness harness = new LoadHarness(root);
        for (Path file : LoadHarness.fixtureFiles()) {
            harness.load(Files.readAllBytes(file));
        }
    }
}
