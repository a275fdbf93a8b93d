package io.answersite.report;

import io.answersite.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * GitHub Actions workflow commands: when the build runs in GitHub Actions ({@code GITHUB_ACTIONS=true}),
 * each finding is also printed as {@code ::error file=…,line=…,col=…,title=<rule>::<message>} (or
 * {@code ::warning}), and GitHub shows it as an annotation on that line of the pull request. Values
 * are escaped as the runner unescapes them: {@code %}, CR and LF in the message; those and {@code :}
 * and {@code ,} in the properties.
 */
public final class WorkflowCommands {

    private WorkflowCommands() {
    }

    /** Whether this environment (a variable's value by name, {@code null} when unset) is a GitHub Actions job. */
    public static boolean enabled(Function<String, String> environment) {
        return "true".equals(environment.apply("GITHUB_ACTIONS"));
    }

    /** One command per finding, in order; paths relative to the repository root (see {@link Findings#path}). */
    public static List<String> lines(List<Diagnostic> diagnostics, String repositoryPrefix) {
        List<String> lines = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            StringBuilder line = new StringBuilder("::").append(d.isError() ? "error" : "warning")
                    .append(" file=").append(property(Findings.path(repositoryPrefix, d)));
            if (d.pos().line() > 0) {
                line.append(",line=").append(d.pos().line());
                if (d.pos().column() > 0) {
                    line.append(",col=").append(d.pos().column());
                }
            }
            line.append(",title=").append(property(d.ruleId())).append("::").append(data(d.message()));
            lines.add(line.toString());
        }
        return lines;
    }

    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
