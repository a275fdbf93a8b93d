package io.answersite.diagnostic;

/**
 * A rule the build checks: its id (as printed in brackets), its default severity, whether site.yml
 * may change that severity, and one line on what it guards, for the rule list in docs and reports.
 */
public record Rule(String id, Severity defaultSeverity, boolean configurable, String summary) {
}
