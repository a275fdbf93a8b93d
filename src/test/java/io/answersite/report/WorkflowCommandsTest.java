package io.answersite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Severity;
import io.answersite.diagnostic.SourcePos;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GitHub Actions workflow commands: one annotation per finding, escaped as the runner reads them. */
class WorkflowCommandsTest {

    @Test
    void printsErrorsAndWarningsWithFileLineColumnAndRuleAsTitle() {
        List<Diagnostic> findings = List.of(
                new Diagnostic(Severity.ERROR, "topic-unknown", "unknown topic [billing-v2]; known topics: billing, accounts",
                        new SourcePos("content/answers/a.md", 4, 8)),
                new Diagnostic(Severity.WARNING, "orphan", "no page links to this answer",
                        new SourcePos("content/answers/b.md", 1, 0)),
                new Diagnostic(Severity.ERROR, "template", "the template cannot be parsed",
                        SourcePos.fileOnly("templates/answer.peb")));
        assertEquals(List.of(
                "::error file=site/content/answers/a.md,line=4,col=8,title=topic-unknown::unknown topic [billing-v2]; "
                        + "known topics: billing, accounts",
                "::warning file=site/content/answers/b.md,line=1,title=orphan::no page links to this answer",
                "::error file=site/templates/answer.peb,title=template::the template cannot be parsed"),
                WorkflowCommands.lines(findings, "site/"));
    }

    @Test
    void escapesPercentAndLineBreaksInTheMessageAndAlsoColonsAndCommasInProperties() {
        Diagnostic d = new Diagnostic(Severity.ERROR, "config", "100% wrong:\r\nline two, a: b",
                new SourcePos("docs/a,b:c%d.md", 2, 3));
        assertEquals(List.of("::error file=docs/a%2Cb%3Ac%25d.md,line=2,col=3,title=config::100%25 wrong:%0D%0Aline two, a: b"),
                WorkflowCommands.lines(List.of(d), ""));
    }

    @Test
    void isOnOnlyWhenGithubActionsIsTrue() {
        assertTrue(WorkflowCommands.enabled(Map.of("GITHUB_ACTIONS", "true")::get));
        assertFalse(WorkflowCommands.enabled(Map.of("GITHUB_ACTIONS", "false")::get));
        assertFalse(WorkflowCommands.enabled(Map.of("CI", "true")::get));
    }
}
