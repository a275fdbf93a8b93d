package io.answersite.site;

import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.answersite.TestSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the load phase with Jazzer: random and mutated content files, seeded with every Markdown
 * file of the fixture sites, must end as pages or as diagnostics with a position, never as an
 * exception ({@link LoadHarness}). Runs only in Surefire's {@code fuzz} execution (tag
 * {@code jazzer}), with a bounded, seeded number of runs; README's testing section shows the long
 * run. An input that fails is written to {@code src/test/resources/fuzz-regressions/}, which
 * {@link FuzzRegressionsTest} replays in every build.
 */
class LoadFuzzTest {

    private Path root;
    private LoadHarness harness;

    @BeforeEach
    void writeSite() throws IOException {
        root = Files.createTempDirectory(scratchFolder(), "answersite-fuzz-");
        harness = new LoadHarness(root);
    }

    @AfterEach
    void deleteSite() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * Memory ({@code /dev/shm}) where the machine has it: each input is written to three files, and
     * on a busy disk writing them took most of the fuzzer's time.
     */
    private static Path scratchFolder() {
        Path memory = Path.of("/dev/shm");
        return Files.isDirectory(memory) && Files.isWritable(memory) ? memory : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * The seeds: every Markdown file of the fixture sites. (The inputs that once failed are left to
     * {@link FuzzRegressionsTest}: they are large, and slow to run under the fuzzer's instrumentation.)
     */
    static Stream<Arguments> seeds() {
        Path repository = TestSites.repositoryRoot();
        return LoadHarness.fixtureFiles().stream().map(file -> {
            try {
                return arguments(named(repository.relativize(file).toString(), Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @MethodSource("seeds")
    @DictionaryFile(resourcePath = "load.dict")
    @FuzzTest(maxDuration = "5m")
    void loadsAnyFileAsPagesOrPositionedDiagnostics(byte[] bytes) {
        harness.load(bytes);
    }
}
