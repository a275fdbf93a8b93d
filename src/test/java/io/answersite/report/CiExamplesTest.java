package io.answersite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.answersite.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pipelines in examples/ci/ run the README's commands in order and pick up the report files
 * under the names the build writes them.
 */
class CiExamplesTest {

    private static final Path CI = TestSites.repositoryRoot().resolve("examples/ci");
    private static final List<String> COMMANDS = List.of("mvn -B install", "mvn -B site:check", "mvn -B site:build");

    private static JsonNode yaml(String path) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(CI.resolve(path)));
    }

    @Test
    void theGithubWorkflowRunsTheReadmeCommandsUploadsTheSarifLogAndPublishesTheSite() throws Exception {
        JsonNode steps = yaml(".github/workflows/site.yml").at("/jobs/site/steps");
        List<String> runs = new ArrayList<>();
        List<String> uses = new ArrayList<>();
        steps.forEach(step -> {
            if (step.has("run")) {
                runs.add(step.path("run").asText());
            }
            if (step.has("uses")) {
                uses.add(step.path("uses").asText() + " " + step.path("with").path("sarif_file").asText()
                        + step.path("with").path("path").asText());
            }
        });
        assertEquals(COMMANDS, runs);
        assertTrue(uses.contains("github/codeql-action/upload-sarif@v3 target/site-report/" + ReportFiles.SARIF), uses.toString());
        assertTrue(uses.contains("actions/upload-pages-artifact@v3 target/site"), uses.toString());
        assertReadmeHas(COMMANDS);
    }

    @Test
    void theGitlabPipelineRunsTheReadmeCommandsAndReportsCodeQualityAndJunitEvenWhenTheCheckFails() throws Exception {
        JsonNode site = yaml(".gitlab-ci.yml").path("site");
        List<String> script = new ArrayList<>();
        site.path("script").forEach(line -> script.add(line.asText()));
        assertEquals(COMMANDS, script);
        assertEquals("always", site.at("/artifacts/when").asText());
        assertEquals("target/site-report/" + ReportFiles.CODE_QUALITY, site.at("/artifacts/reports/codequality").asText());
        assertEquals("target/site-report/" + ReportFiles.JUNIT, site.at("/artifacts/reports/junit").asText());
    }

    private static void assertReadmeHas(List<String> commands) throws Exception {
        String readme = Files.readString(TestSites.repositoryRoot().resolve("README.md"));
        for (String command : commands) {
            String plain = command.replace("-B ", "");
            assertTrue(readme.contains(plain), "the README does not show " + plain);
        }
    }
}
