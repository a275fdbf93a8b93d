package io.answersite.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.answersite.diagnostic.Diagnostic;
import java.util.List;

/**
 * {@code gl-code-quality-report.json}: the findings in the subset of the Code Climate format that
 * GitLab reads for its merge request widget ({@code artifacts: reports: codequality}): description,
 * check_name (the rule), fingerprint (as in the SARIF log: rule, file and message, not the line),
 * severity ({@code major} for an error, which fails the build; {@code minor} for a warning) and a
 * location with the path relative to the repository root and the line (1 when the finding
 * concerns a whole file).
 */
public final class CodeQuality {

    private CodeQuality() {
    }

    public static String json(List<Diagnostic> diagnostics, String repositoryPrefix) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode issues = mapper.createArrayNode();
        List<String> fingerprints = Findings.fingerprints(repositoryPrefix, diagnostics);
        for (int i = 0; i < diagnostics.size(); i++) {
            Diagnostic d = diagnostics.get(i);
            ObjectNode issue = issues.addObject();
            issue.put("description", d.message());
            issue.put("check_name", d.ruleId());
            issue.put("fingerprint", fingerprints.get(i));
            issue.put("severity", d.isError() ? "major" : "minor");
            ObjectNode location = issue.putObject("location");
            location.put("path", Findings.path(repositoryPrefix, d));
            location.putObject("lines").put("begin", Math.max(1, d.pos().line()));
        }
        try {
            return mapper.writeValueAsString(issues) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
