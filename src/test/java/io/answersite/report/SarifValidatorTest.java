package io.answersite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.answersite.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report.sarif} through Microsoft's SARIF Multitool ({@code validate}: the JSON schema and
 * the SARIF rules), over a report with a finding of every rule. Runs in the {@code tools} profile:
 * {@code mvn -Ptools test -Dsarif.multitool=…/node_modules/.bin/sarif-multitool} (.ci/run installs the
 * npm package {@code @microsoft/sarif-multitool}); without the tool it fails, saying how to install it.
 */
@Tag("tools")
class SarifValidatorTest {

    @TempDir
    Path folder;

    @Test
    void theMultitoolFindsNoErrorInAReportWithEveryRule() throws Exception {
        Path tool = Path.of(System.getProperty("sarif.multitool",
                TestSites.repositoryRoot().resolve("target/npm/node_modules/.bin/sarif-multitool").toString()));
        if (!Files.isExecutable(tool)) {
            throw new AssertionError("the SARIF Multitool is not at " + tool + "; install it with "
                    + "'npm install @microsoft/sarif-multitool@5.7.0' in target/npm (as .ci/run does) "
                    + "or pass -Dsarif.multitool=<path of its sarif-multitool command>");
        }
        Path report = folder.resolve("report.sarif");
        Files.writeString(report, Sarif.sarif(EveryRule.findings(), "examples/site/", "0.1.0"), StandardCharsets.UTF_8);
        Path verdict = folder.resolve("validation.sarif");
        Process process = new ProcessBuilder(tool.toString(), "validate", report.toString(), "--output",
                verdict.toString(), "--log", "ForceOverwrite").redirectErrorStream(true).start();
        String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), console);

        JsonNode run = new ObjectMapper().readTree(verdict.toFile()).path("runs").get(0);
        Map<String, String> defaultLevels = new HashMap<>();
        run.at("/tool/driver/rules").forEach(r -> defaultLevels.put(r.path("id").asText(),
                r.at("/defaultConfiguration/level").asText("warning")));
        List<String> found = new ArrayList<>();
        for (JsonNode result : run.path("results")) {
            String id = result.path("ruleId").asText();
            String level = result.path("level").asText(defaultLevels.getOrDefault(id, "warning"));
            found.add(level + " " + id + " " + result.at("/locations/0/physicalLocation/region/startLine").asInt());
        }
        // The one thing it notes: the finding without a line (a template the engine could not place)
        // has no region. Nothing is known to put there.
        int lineless = EveryRule.findings().indexOf(EveryRule.findings().stream()
                .filter(d -> d.pos().line() == 0).findFirst().orElseThrow());
        String region = "runs[0].results[" + lineless + "].locations[0].physicalLocation";
        assertEquals(List.of("warning SARIF2017 " + lineOf(report, region)), found, console);
    }

    /** The line the validator names for a JSON path: where {@code physicalLocation} of that result starts. */
    private static int lineOf(Path report, String jsonPath) throws Exception {
        int result = Integer.parseInt(jsonPath.replaceAll(".*results\\[(\\d+)].*", "$1"));
        List<String> lines = Files.readAllLines(report);
        int seen = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"physicalLocation\"") && ++seen == result) {
                return i + 1;
            }
        }
        throw new AssertionError("no " + jsonPath);
    }
}
