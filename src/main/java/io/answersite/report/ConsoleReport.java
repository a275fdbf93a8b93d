package io.answersite.report;

import io.answersite.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lines a goal prints: every finding as {@code path:line:col: severity: message [rule-id]},
 * sorted by path and position, at most {@code maxLinesPerRule} per rule (with a line saying how many
 * more), then the exact count per rule.
 */
public final class ConsoleReport {

    private ConsoleReport() {
    }

    /** A line to print and the level to log it at. */
    public record Line(String text, Level level) {
    }

    /** The log level of a line: findings at their severity, the counts as information. */
    public enum Level {
        ERROR, WARNING, INFO
    }

    public static List<Line> lines(List<Diagnostic> diagnostics, int maxLinesPerRule) {
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> shown = new TreeMap<>();
        Map<String, int[]> counts = new TreeMap<>();
        for (Diagnostic diagnostic : diagnostics) {
            int[] count = counts.computeIfAbsent(diagnostic.ruleId(), r -> new int[2]);
            count[diagnostic.isError() ? 0 : 1]++;
            int already = shown.merge(diagnostic.ruleId(), 1, Integer::sum);
            if (already <= maxLinesPerRule) {
                lines.add(new Line(diagnostic.format(), diagnostic.isError() ? Level.ERROR : Level.WARNING));
            }
        }
        counts.forEach((rule, count) -> {
            int total = count[0] + count[1];
            if (total > maxLinesPerRule) {
                lines.add(new Line("… " + (total - maxLinesPerRule) + " more [" + rule + "] not shown"
                        + " (report.max_lines_per_rule is " + maxLinesPerRule + "; the report files list all)",
                        count[0] > 0 ? Level.ERROR : Level.WARNING));
            }
        });
        if (!counts.isEmpty()) {
            List<String> parts = new ArrayList<>();
            counts.forEach((rule, count) -> {
                List<String> kinds = new ArrayList<>();
                if (count[0] > 0) {
                    kinds.add(count[0] + (count[0] == 1 ? " error" : " errors"));
                }
                if (count[1] > 0) {
                    kinds.add(count[1] + (count[1] == 1 ? " warning" : " warnings"));
                }
                parts.add(rule + ": " + String.join(", ", kinds));
            });
            lines.add(new Line("findings per rule: " + String.join("; ", parts), Level.INFO));
        }
        return lines;
    }
}
