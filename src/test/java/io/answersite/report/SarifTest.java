package io.answersite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.answersite.TestSites;
import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Rule;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.Severity;
import io.answersite.diagnostic.SourcePos;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code report.sarif}: its structure, positions, rules and fingerprints. */
class SarifTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode sarif(List<Diagnostic> diagnostics, String prefix) throws Exception {
        return JSON.readTree(Sarif.sarif(diagnostics, prefix, "1.2.3"));
    }

    @Test
    void writesOneResultPerFindingWithRuleLevelMessageAndPlaceFromTheRepositoryRoot() throws Exception {
        List<Diagnostic> findings = List.of(
                new Diagnostic(Severity.ERROR, "topic-unknown", "unknown topic [billing-v2]; known topics: billing",
                        new SourcePos("content/answers/a.md", 4, 8)),
                new Diagnostic(Severity.WARNING, "orphan", "no page links to this answer",
                        SourcePos.fileOnly("content/answers/b c.md")));
        JsonNode log = sarif(findings, "docs/help/");
        assertEquals("2.1.0", log.path("version").asText());
        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", log.path("$schema").asText());
        JsonNode run = log.path("runs").get(0);
        assertEquals("answersite", run.at("/tool/driver/name").asText());
        assertEquals("1.2.3", run.at("/tool/driver/version").asText());
        assertEquals("The root of the repository the site is in.",
                run.at("/originalUriBaseIds/%SRCROOT%/description/text").asText());

        JsonNode first = run.path("results").get(0);
        assertEquals(JSON.readTree("""
                {"ruleId": "topic-unknown", "ruleIndex": %d, "level": "error",
                 "message": {"text": "unknown topic [billing-v2]; known topics: billing"},
                 "locations": [{"physicalLocation": {
                   "artifactLocation": {"uri": "docs/help/content/answers/a.md", "uriBaseId": "%%SRCROOT%%"},
                   "region": {"startLine": 4, "startColumn": 8}}}],
                 "partialFingerprints": {"answersite/v1": "%s"}}
                """.formatted(ruleIndex("topic-unknown"),
                Findings.fingerprints("docs/help/", findings).get(0))), first);
        JsonNode second = run.path("results").get(1);
        assertEquals("warning", second.path("level").asText());
        assertEquals(JSON.readTree("""
                {"artifactLocation": {"uri": "docs/help/content/answers/b%20c.md", "uriBaseId": "%SRCROOT%"}}
                """), second.at("/locations/0/physicalLocation"), "a finding without a line has no region");
        assertEquals(ruleIndex("orphan"), second.path("ruleIndex").asInt());
        assertEquals(2, run.path("results").size());
    }

    private static int ruleIndex(String id) {
        List<String> ids = Rules.all().stream().map(Rule::id).toList();
        return ids.indexOf(id);
    }

    @Test
    void listsEveryRuleWithItsSummaryDefaultLevelAndItsSectionOfTheRulesDocument() throws Exception {
        JsonNode rules = sarif(List.of(), "").at("/runs/0/tool/driver/rules");
        assertEquals(Rules.all().size(), rules.size());
        JsonNode orphan = rules.get(ruleIndex("orphan"));
        assertEquals(JSON.readTree("""
                {"id": "orphan",
                 "shortDescription": {"text": "No other page, topic or hub links to the page."},
                 "helpUri": "%s#orphan",
                 "defaultConfiguration": {"level": "warning"}}
                """.formatted(Sarif.RULES_DOC)), orphan);
        // every helpUri's anchor is a heading of docs/rules.md (GitHub's anchor of "### `orphan`" is #orphan)
        Set<String> headings = Files.readAllLines(TestSites.repositoryRoot().resolve("docs/rules.md")).stream()
                .filter(l -> l.startsWith("### `")).map(l -> l.substring(5, l.length() - 1))
                .collect(Collectors.toSet());
        for (JsonNode rule : rules) {
            String anchor = rule.path("helpUri").asText().substring(Sarif.RULES_DOC.length() + 1);
            assertTrue(headings.contains(anchor), "docs/rules.md has no section for " + anchor);
            assertEquals(rule.path("id").asText(), anchor);
        }
    }

    @Test
    void fingerprintsFollowAFindingWhenLinesMoveAndTellRepeatedFindingsApart() throws Exception {
        Diagnostic before = new Diagnostic(Severity.WARNING, "term-unlinked", "the answer uses 'CORS' without linking it",
                new SourcePos("content/answers/a.md", 10, 3));
        Diagnostic moved = new Diagnostic(Severity.WARNING, "term-unlinked", "the answer uses 'CORS' without linking it",
                new SourcePos("content/answers/a.md", 14, 1));
        Diagnostic again = new Diagnostic(Severity.WARNING, "term-unlinked", "the answer uses 'CORS' without linking it",
                new SourcePos("content/answers/a.md", 30, 1));
        String old = fingerprint(sarif(List.of(before), ""), 0);
        assertEquals(old, fingerprint(sarif(List.of(moved), ""), 0), "moving a finding keeps its fingerprint");
        JsonNode two = sarif(List.of(moved, again), "");
        assertEquals(old, fingerprint(two, 0));
        assertNotEquals(fingerprint(two, 0), fingerprint(two, 1), "two equal findings in one file are two findings");
        assertNotEquals(old, fingerprint(sarif(List.of(before), "site/"), 0), "the file is part of the fingerprint");
        assertEquals(32, old.length());
    }

    private static String fingerprint(JsonNode log, int result) {
        return log.at("/runs/0/results/" + result + "/partialFingerprints/answersite~1v1").asText();
    }

    @Test
    void percentEncodesWhatAUriCannotHoldInAPath() {
        assertEquals("content/answers/r%C3%A9seau%20hors%20ligne.zh-cn.md",
                Sarif.uri("content/answers/réseau hors ligne.zh-cn.md"));
        assertEquals("a/b-c_d.e~f%25%23%3F.md", Sarif.uri("a/b-c_d.e~f%#?.md"));
    }
}
