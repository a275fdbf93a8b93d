package io.answersite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Severity;
import io.answersite.diagnostic.SourcePos;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gl-code-quality-report.json}, the Code Climate subset GitLab reads. */
class CodeQualityTest {

    @Test
    void writesEachFindingWithRuleFingerprintSeverityPathAndLine() {
        List<Diagnostic> findings = List.of(
                new Diagnostic(Severity.ERROR, "link-target", "the link 'b.md' names no file; did you mean 'a.md'?",
                        new SourcePos("content/answers/a.md", 12, 5)),
                new Diagnostic(Severity.WARNING, "orphan", "no page links to \"this\" answer",
                        SourcePos.fileOnly("content/answers/z.md")));
        List<String> fingerprints = Findings.fingerprints("help/", findings);
        assertEquals("""
                [ {
                  "description" : "the link 'b.md' names no file; did you mean 'a.md'?",
                  "check_name" : "link-target",
                  "fingerprint" : "%s",
                  "severity" : "major",
                  "location" : {
                    "path" : "help/content/answers/a.md",
                    "lines" : {
                      "begin" : 12
                    }
                  }
                }, {
                  "description" : "no page links to \\"this\\" answer",
                  "check_name" : "orphan",
                  "fingerprint" : "%s",
                  "severity" : "minor",
                  "location" : {
                    "path" : "help/content/answers/z.md",
                    "lines" : {
                      "begin" : 1
                    }
                  }
                } ]
                """.formatted(fingerprints.get(0), fingerprints.get(1)), CodeQuality.json(findings, "help/"));
    }

    @Test
    void fingerprintsAreTheSarifLogsAndHashRuleFileAndMessage() {
        Diagnostic d = new Diagnostic(Severity.ERROR, "secret", "an AWS access key (AKIA…)",
                new SourcePos("content/answers/a.md", 3, 1));
        // the first 16 bytes of a SHA-256 of rule, file, message and occurrence, NUL between them
        assertEquals(List.of(sha256Prefix("secret\0content/answers/a.md\0an AWS access key (AKIA…)\0" + "1")),
                Findings.fingerprints("", List.of(d)));
        assertEquals("[ ]\n", CodeQuality.json(List.of(), ""));
    }

    private static String sha256Prefix(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
