package io.answersite.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Rule;
import io.answersite.diagnostic.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report folder ({@code target/site-report/} by default), written by every build and check:
 * <ul>
 *   <li>{@code report.json}: every finding with file, line, column, severity, rule id and message;</li>
 *   <li>{@code junit.xml}: one test case per rule and file with findings (errors fail it, warnings
 *       are printed to its output), and one passing case per rule without findings;</li>
 *   <li>{@code report.html}: the same for people;</li>
 *   <li>{@code report.sarif}: a SARIF 2.1.0 log for code scanning ({@link Sarif});</li>
 *   <li>{@code gl-code-quality-report.json}: GitLab's Code Quality report ({@link CodeQuality}).</li>
 * </ul>
 * The last two name files relative to the repository root the site is in, as those services expect.
 * Messages are written as the diagnostics hold them, so secrets stay masked here too.
 */
public final class ReportFiles {

    public static final String JSON = "report.json";
    public static final String JUNIT = "junit.xml";
    public static final String HTML = "report.html";
    public static final String SARIF = "report.sarif";
    public static final String CODE_QUALITY = "gl-code-quality-report.json";

    private ReportFiles() {
    }

    /**
     * Writes every report. {@code repositoryPrefix} is the site's folder relative to the repository
     * root, with a trailing {@code /} (empty when the site is the repository's root);
     * {@code toolVersion} is the plugin's version, for the SARIF log.
     */
    public static void write(Path folder, String siteName, String repositoryPrefix, String toolVersion,
            List<Diagnostic> diagnostics) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(JSON), json(diagnostics), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(JUNIT), junit(siteName, diagnostics), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(HTML), html(siteName, diagnostics), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(SARIF), Sarif.sarif(diagnostics, repositoryPrefix, toolVersion),
                    StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(CODE_QUALITY), CodeQuality.json(diagnostics, repositoryPrefix),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + folder, e);
        }
    }

    static String json(List<Diagnostic> diagnostics) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("errors", diagnostics.stream().filter(Diagnostic::isError).count());
        root.put("warnings", diagnostics.stream().filter(d -> !d.isError()).count());
        ArrayNode findings = root.putArray("findings");
        for (Diagnostic d : diagnostics) {
            ObjectNode finding = findings.addObject();
            finding.put("file", d.pos().path());
            finding.put("line", d.pos().line());
            finding.put("column", d.pos().column());
            finding.put("severity", d.severity().label());
            finding.put("rule", d.ruleId());
            finding.put("message", d.message());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String junit(String siteName, List<Diagnostic> diagnostics) {
        Map<String, Map<String, List<Diagnostic>>> byRuleAndFile = new TreeMap<>();
        for (Diagnostic d : diagnostics) {
            byRuleAndFile.computeIfAbsent(d.ruleId(), r -> new TreeMap<>())
                    .computeIfAbsent(d.pos().path(), f -> new ArrayList<>()).add(d);
        }
        StringBuilder cases = new StringBuilder();
        int tests = 0;
        int failures = 0;
        for (Rule rule : Rules.all()) {
            Map<String, List<Diagnostic>> files = byRuleAndFile.getOrDefault(rule.id(), Map.of());
            if (files.isEmpty()) {
                tests++;
                cases.append("    <testcase classname=\"answersite.").append(xml(rule.id()))
                        .append("\" name=\"all files\"/>\n");
                continue;
            }
            for (Map.Entry<String, List<Diagnostic>> file : files.entrySet()) {
                tests++;
                cases.append("    <testcase classname=\"answersite.").append(xml(rule.id())).append("\" name=\"")
                        .append(xml(file.getKey())).append("\">\n");
                List<Diagnostic> errors = file.getValue().stream().filter(Diagnostic::isError).toList();
                StringBuilder text = new StringBuilder();
                file.getValue().forEach(d -> text.append(d.format()).append('\n'));
                if (!errors.isEmpty()) {
                    failures++;
                    cases.append("      <failure message=\"").append(xml(errors.get(0).format()))
                            .append("\" type=\"").append(xml(rule.id())).append("\">").append(xml(text.toString()))
                            .append("</failure>\n");
                } else {
                    cases.append("      <system-out>").append(xml(text.toString())).append("</system-out>\n");
                }
                cases.append("    </testcase>\n");
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"answersite\" tests=\"" + tests + "\" failures=\"" + failures + "\">\n"
                + "  <testsuite name=\"answersite " + xml(siteName) + "\" tests=\"" + tests + "\" failures=\""
                + failures + "\" errors=\"0\" skipped=\"0\">\n" + cases + "  </testsuite>\n</testsuites>\n";
    }

    static String html(String siteName, List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Site report: "
                + xml(siteName) + "</title>\n<style>body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.5}"
                + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;"
                + "text-align:left;vertical-align:top}.error{color:#a00}.warning{color:#8a5a00}</style>\n</head>\n<body>\n");
        html.append("<h1>Site report: ").append(xml(siteName)).append("</h1>\n<p>").append(errors).append(" errors, ")
                .append(diagnostics.size() - errors).append(" warnings.</p>\n");
        if (!diagnostics.isEmpty()) {
            html.append("<table>\n<thead><tr><th>Where</th><th>Severity</th><th>Rule</th><th>Message</th></tr></thead>\n<tbody>\n");
            for (Diagnostic d : diagnostics) {
                html.append("<tr><td>").append(xml(d.pos().toString())).append("</td><td class=\"")
                        .append(d.severity().label()).append("\">").append(d.severity().label()).append("</td><td>")
                        .append(xml(d.ruleId())).append("</td><td>").append(xml(d.message())).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
