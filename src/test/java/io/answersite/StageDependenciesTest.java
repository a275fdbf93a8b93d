package io.answersite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's arrows point one way: a stage package imports earlier stages and the utility
 * packages, never a later stage. Read from the import lines of {@code src/main/java/io/answersite/}.
 */
class StageDependenciesTest {

    /** The stages in pipeline order: load, graph, check, render, emit, search, write. */
    static final List<String> STAGES = List.of("content", "graph", "check", "render", "emit", "search", "output");

    /** Below the stages: any stage may import them. */
    static final Set<String> UTILITIES = Set.of("diagnostic", "source", "text", "work", "markdown", "config", "cache",
            "sink");

    /** Around the pipeline: the facade that runs the stages in order, the goals, the preview, reports, scaffolding. */
    static final Set<String> AROUND = Set.of("site", "maven", "serve", "report", "scaffold");

    private static final Path MAIN = Path.of("src/main/java/io/answersite");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.answersite\\.([a-z]+)\\.[A-Z]\\w*)",
            Pattern.MULTILINE);

    @Test
    void everyPackageIsAStageAUtilityOrAroundThePipeline() throws IOException {
        Set<String> unplaced = new TreeSet<>();
        try (Stream<Path> packages = Files.list(MAIN)) {
            packages.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> !STAGES.contains(name) && !UTILITIES.contains(name) && !AROUND.contains(name))
                    .forEach(unplaced::add);
        }
        assertEquals(Set.of(), unplaced, "place each new package in StageDependenciesTest");
    }

    @Test
    void noStageImportsALaterStage() {
        assertEquals(List.of(), backArrows(MAIN));
    }

    /** Each import of a later stage, as {@code file imports class (stage -> later stage)}. */
    static List<String> backArrows(Path main) {
        List<String> found = new ArrayList<>();
        for (String stage : STAGES) {
            try (Stream<Path> files = Files.list(main.resolve(stage))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    Matcher imported = IMPORT.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (imported.find()) {
                        String target = imported.group(2);
                        if (STAGES.indexOf(target) > STAGES.indexOf(stage)) {
                            found.add(stage + "/" + file.getFileName() + " imports " + imported.group(1) + " ("
                                    + stage + " -> " + target + ")");
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }
}
