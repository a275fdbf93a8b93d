package io.answersite.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.answersite.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code site:check} through the goal itself, on fixture sites. */
class CheckGoalTest {

    @TempDir
    Path root;

    private Path copy(String fixture) {
        return TestSites.copySite(TestSites.repositoryRoot().resolve("src/test/resources/sites/" + fixture), root);
    }

    @Test
    void reportsAllTwentyProblemsOfASiteInOneRunAndWritesNoSite() throws Exception {
        Path site = copy("twenty-problems");
        MojoRunner runner = new MojoRunner();
        CheckMojo goal = runner.configure(new CheckMojo(), site);
        MojoFailureException failure = assertThrows(MojoFailureException.class, goal::execute);
        assertEquals("20 errors in the site; " + site.resolve("target/site") + " was left as it was", failure.getMessage());

        List<String> findings = runner.log.stream()
                .filter(l -> l.matches("\\[(ERROR|WARNING)] content/.*\\[[a-z-]+]$")).toList();
        // one finding per problem, but two for the duplicate id: it is reported at both pages
        assertEquals(21, findings.size(), String.join("\n", runner.log));
        Set<String> rules = new TreeSet<>();
        findings.forEach(l -> rules.add(l.substring(l.lastIndexOf('[') + 1, l.length() - 1)));
        assertEquals(20, rules.size(), rules.toString());
        assertTrue(runner.log.contains("[INFO] answersite: wrote nothing; 1 warning, 20 errors in "
                + runner.log.stream().filter(l -> l.contains("wrote nothing")).findFirst().orElseThrow()
                .replaceAll(".* in ", "")));
        assertFalse(Files.exists(site.resolve("target/site")), "site:check writes no site");

        JsonNode report = new ObjectMapper().readTree(site.resolve("target/site-report/report.json").toFile());
        assertEquals(21, report.path("findings").size());
        assertEquals(20, report.path("errors").asInt());
        String junit = Files.readString(site.resolve("target/site-report/junit.xml"));
        assertTrue(junit.contains("failures=\"20\""), junit);
        assertTrue(junit.contains("<testcase classname=\"answersite.secret\" name=\"content/answers/12-safety.md\">"));
        assertTrue(Files.readString(site.resolve("target/site-report/report.html")).contains("20 errors, 1 warnings."));
        JsonNode sarif = new ObjectMapper().readTree(site.resolve("target/site-report/report.sarif").toFile());
        assertEquals(21, sarif.at("/runs/0/results").size());
        assertEquals("content/answers/12-safety.md", StreamSupport.stream(sarif.at("/runs/0/results").spliterator(), false)
                .filter(r -> r.path("ruleId").asText().equals("secret")).findFirst().orElseThrow()
                .at("/locations/0/physicalLocation/artifactLocation/uri").asText(),
                "the site is not in a repository: paths are from the site's folder");
        JsonNode quality = new ObjectMapper().readTree(site.resolve("target/site-report/gl-code-quality-report.json").toFile());
        assertEquals(21, quality.size());
    }

    @Test
    void printsAGithubAnnotationPerFindingOnlyInGithubActions() throws Exception {
        Path site = TestSites.write(root, TestSites.SITE_YML + """
                -- content/answers/a.md --
                ---
                title: Why, and how?
                description: d
                date: 2024-01-02
                topic: nowhere
                answer: a
                ---
                Body.
                """);
        for (String value : List.of("true", "false")) {
            MojoRunner runner = new MojoRunner();
            CheckMojo goal = runner.configure(new CheckMojo(), site);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            goal.environment = java.util.Map.of("GITHUB_ACTIONS", value)::get;
            goal.workflowCommands = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
            assertThrows(MojoFailureException.class, goal::execute);
            String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            if (value.equals("false")) {
                assertEquals("", printed);
            } else {
                // straight to standard output, without Maven's "[ERROR] " before it
                assertEquals("::error file=content/answers/a.md,line=5,col=8,title=topic-unknown::unknown topic "
                        + "'nowhere'; known topics: network\n", printed.replace(System.lineSeparator(), "\n"));
            }
        }
    }

    @Test
    void theBuildWritesTheNginxSnippetOutsideTheSiteAndTheCheckWritesNone() throws Exception {
        Path site = copy("golden");
        MojoRunner checkRunner = new MojoRunner();
        checkRunner.configure(new CheckMojo(), site).execute();
        assertFalse(Files.exists(site.resolve("target/nginx")), "site:check writes no snippet");
        MojoRunner runner = new MojoRunner();
        runner.configure(new BuildMojo(), site).execute();
        Path snippet = site.resolve("target/nginx/answersite.conf");
        assertTrue(runner.log.contains("[INFO] answersite: nginx snippet in " + snippet), runner.log.toString());
        assertEquals(io.answersite.emit.NginxSnippet.of(Files.readString(site.resolve("target/site/_headers")),
                Files.readString(site.resolve("target/site/_redirects"))), Files.readString(snippet));
        assertTrue(Files.readString(snippet).contains("location = \"/terms/api-key/\" {\n    return 301 \"/glossary/api-key/\";"));
        assertFalse(Files.exists(site.resolve("target/site/answersite.conf")));
    }

    @Test
    void namesFilesInTheCiReportsFromTheRootOfTheRepositoryTheSiteIsIn() throws Exception {
        Files.createDirectories(root.resolve(".git"));
        Path site = TestSites.copySite(TestSites.repositoryRoot().resolve("src/test/resources/sites/twenty-problems"),
                root.resolve("docs/help"));
        MojoRunner runner = new MojoRunner();
        CheckMojo goal = runner.configure(new CheckMojo(), site);
        assertEquals("docs/help/", goal.repositoryPrefix());
        assertThrows(MojoFailureException.class, goal::execute);
        JsonNode sarif = new ObjectMapper().readTree(site.resolve("target/site-report/report.sarif").toFile());
        assertEquals("docs/help/content/answers/01-yaml.md",
                sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
        JsonNode json = new ObjectMapper().readTree(site.resolve("target/site-report/report.json").toFile());
        assertEquals("content/answers/01-yaml.md", json.at("/findings/0/file").asText(),
                "report.json keeps paths from the site's folder");
    }

    @Test
    void checksACleanSiteIncludingItsBuiltPagesWithoutTouchingTheOutput() throws Exception {
        Path site = copy("golden");
        Files.createDirectories(site.resolve("target/site"));
        Files.writeString(site.resolve("target/site/keep.txt"), "previous output");
        MojoRunner runner = new MojoRunner();
        runner.configure(new CheckMojo(), site).execute();
        assertTrue(runner.log.stream().anyMatch(l -> l.startsWith("[INFO] answersite: checked ")), runner.log.toString());
        assertEquals(List.of("keep.txt"), Files.list(site.resolve("target/site")).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void capsConsoleLinesPerRuleButKeepsTheCountsExact() throws Exception {
        Path site = TestSites.write(root, TestSites.withConfig(TestSites.SITE_YML, """
                report:
                  max_lines_per_rule: 2
                """) + """
                -- content/answers/a.md --
                ---
                title: Why?
                description: x
                date: 2026-02-01
                topic: netwrk
                answer: Because.
                ---
                -- content/answers/b.md --
                ---
                title: Why?
                description: x
                date: 2026-02-01
                topic: netwrk
                answer: Because.
                ---
                -- content/answers/c.md --
                ---
                title: Why?
                description: x
                date: 2026-02-01
                topic: netwrk
                answer: Because.
                ---
                """);
        MojoRunner runner = new MojoRunner();
        assertThrows(MojoFailureException.class, runner.configure(new BuildMojo(), site)::execute);
        assertEquals(List.of(
                "[ERROR] content/answers/a.md:5:8: error: unknown topic 'netwrk'; did you mean 'network'? [topic-unknown]",
                "[ERROR] content/answers/b.md:5:8: error: unknown topic 'netwrk'; did you mean 'network'? [topic-unknown]",
                "[ERROR] … 1 more [topic-unknown] not shown (report.max_lines_per_rule is 2; the report files list all)",
                "[INFO] findings per rule: topic-unknown: 3 errors"),
                runner.log.stream().filter(l -> !l.startsWith("[INFO] answersite: ")).toList().subList(0, 4));
    }
}
