package io.answersite.diagnostic;

/**
 * A rule the build checks: its id (as printed in brackets), its default severity, whether site.yml
 * may change that severity, and one line on what it guards, for the rule list in docs and reports.
 *
 * @param defaultSeverity the severity of every finding of the rule unless site.yml sets one
 *     ({@link Diagnostics} reports at it). One exception, set by the site itself: a
 *     {@code review-overdue} finding more than {@code limits.review_overdue_error_days} late is
 *     raised to an error ({@link Diagnostics#raisedToError})
 */
public record Rule(String id, Severity defaultSeverity, boolean configurable, String summary) {
}
