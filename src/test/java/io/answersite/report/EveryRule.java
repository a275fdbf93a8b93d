package io.answersite.report;

import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Rule;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.SourcePos;
import java.util.ArrayList;
import java.util.List;

/**
 * Findings of every rule the build knows, at every kind of position (line and column, line only,
 * a whole file), with messages and paths that need escaping: what the CI report tests feed the
 * formats and their validators.
 */
final class EveryRule {

    private EveryRule() {
    }

    static List<Diagnostic> findings() {
        List<Diagnostic> findings = new ArrayList<>();
        int line = 1;
        for (Rule rule : Rules.all()) {
            findings.add(new Diagnostic(rule.defaultSeverity(), rule.id(),
                    "a finding of [" + rule.id() + "]: " + rule.summary(),
                    new SourcePos("content/answers/" + rule.id() + ".md", line, line % 7 + 1)));
            line++;
        }
        findings.add(new Diagnostic(Rules.find("template").orElseThrow().defaultSeverity(), "template",
                "the template cannot be parsed", SourcePos.fileOnly("templates/answer.peb")));
        findings.add(new Diagnostic(Rules.find("config").orElseThrow().defaultSeverity(), "config",
                "line 1, 100% wrong:\r\nsee below", new SourcePos("site/site.yml", 4, 0)));
        findings.add(new Diagnostic(Rules.find("orphan").orElseThrow().defaultSeverity(), "orphan",
                "no page links to 'réseau'", SourcePos.startOf("content/answers/réseau hors ligne.zh-cn.md")));
        return findings.stream().sorted().toList();
    }
}
