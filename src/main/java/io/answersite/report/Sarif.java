package io.answersite.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Rule;
import io.answersite.diagnostic.Rules;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.sarif}: the findings as a SARIF 2.1.0 log, the format code-scanning services read
 * (GitHub's {@code upload-sarif}, Azure DevOps, IDE viewers). One run; the tool's rules are every
 * rule the build knows, each with its one-line summary and a link to its section of docs/rules.md;
 * one result per finding with its rule, level, message and place. Paths are relative to the
 * repository root under {@code uriBaseId} {@value #SRCROOT}, and each result carries a fingerprint
 * that does not depend on its line, so a service tracks a finding across commits.
 */
public final class Sarif {

    static final String SRCROOT = "%SRCROOT%";
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** Where docs/rules.md is read; each rule's {@code helpUri} is this plus {@code #rule-id}. */
    public static final String RULES_DOC =
            "https://github.com/answersite/answersite-maven-plugin/blob/main/docs/rules.md";
    static final String FINGERPRINT = "answersite/v1";

    private Sarif() {
    }

    /**
     * The SARIF log of {@code diagnostics} (sorted, as a build reports them); {@code repositoryPrefix}
     * is the site's folder relative to the repository root with a trailing {@code /} (empty when the
     * site is the repository), {@code toolVersion} the plugin's version.
     */
    public static String sarif(List<Diagnostic> diagnostics, String repositoryPrefix, String toolVersion) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode log = mapper.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "answersite");
        driver.put("version", toolVersion);
        driver.put("informationUri", RULES_DOC);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (Rule rule : Rules.all()) {
            ruleIndex.put(rule.id(), ruleIndex.size());
            ObjectNode r = rules.addObject();
            r.put("id", rule.id());
            r.putObject("shortDescription").put("text", sentence(rule.summary()));
            r.put("helpUri", RULES_DOC + "#" + rule.id());
            r.putObject("defaultConfiguration").put("level", rule.defaultSeverity().label());
        }
        run.putObject("originalUriBaseIds").putObject(SRCROOT).putObject("description")
                .put("text", "The root of the repository the site is in.");
        ArrayNode results = run.putArray("results");
        List<String> fingerprints = Findings.fingerprints(repositoryPrefix, diagnostics);
        for (int i = 0; i < diagnostics.size(); i++) {
            Diagnostic d = diagnostics.get(i);
            ObjectNode result = results.addObject();
            result.put("ruleId", d.ruleId());
            Integer index = ruleIndex.get(d.ruleId());
            if (index != null) {
                result.put("ruleIndex", index);
            }
            result.put("level", d.severity().label());
            result.putObject("message").put("text", d.message());
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation");
            artifact.put("uri", uri(Findings.path(repositoryPrefix, d)));
            artifact.put("uriBaseId", SRCROOT);
            if (d.pos().line() > 0) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", d.pos().line());
                if (d.pos().column() > 0) {
                    region.put("startColumn", d.pos().column());
                }
            }
            result.putObject("partialFingerprints").put(FINGERPRINT, fingerprints.get(i));
        }
        run.put("columnKind", "unicodeCodePoints");
        try {
            return mapper.writeValueAsString(log) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A rule summary as SARIF wants a description: a sentence starting upper case, ending in a full stop. */
    private static String sentence(String summary) {
        return Character.toUpperCase(summary.charAt(0)) + summary.substring(1) + ".";
    }

    /**
     * A relative path as a URI reference: each byte outside the unreserved characters and {@code /}
     * percent-encoded (UTF-8), so a space or a non-ASCII file name stays a valid URI.
     */
    static String uri(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
