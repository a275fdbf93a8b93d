package io.answersite.diagnostic;

import java.util.ArrayList;
import java.util.List;

/**
 * The collector every stage reports to. A build owns one; stages may add from several threads.
 * Nothing is printed here: the build reports the sorted list once, at the end.
 */
public final class Diagnostics {

    private final List<Diagnostic> found = new ArrayList<>();
    private SeverityPolicy policy = SeverityPolicy.DEFAULTS;

    /** Applies site.yml's rule severities to every finding, those already added included. */
    public synchronized void usePolicy(SeverityPolicy newPolicy) {
        this.policy = newPolicy;
        List<Diagnostic> before = List.copyOf(found);
        found.clear();
        before.forEach(d -> newPolicy.apply(d).ifPresent(found::add));
    }

    public synchronized void add(Diagnostic diagnostic) {
        policy.apply(diagnostic).ifPresent(found::add);
    }

    /** Reports a finding of {@code ruleId} at the rule's default severity (site.yml may change it). */
    public void report(String ruleId, SourcePos pos, String message) {
        add(new Diagnostic(Rules.require(ruleId).defaultSeverity(), ruleId, message, pos));
    }

    /** Reports a finding of a rule whose default severity is an error. */
    public void error(String ruleId, SourcePos pos, String message) {
        add(new Diagnostic(expect(ruleId, Severity.ERROR), ruleId, message, pos));
    }

    /** Reports a finding of a rule whose default severity is a warning. */
    public void warning(String ruleId, SourcePos pos, String message) {
        add(new Diagnostic(expect(ruleId, Severity.WARNING), ruleId, message, pos));
    }

    /**
     * Reports a finding of a warning rule as an error because a site.yml limit says so (the one case:
     * {@code review-overdue} past {@code limits.review_overdue_error_days}). site.yml's severity for
     * the rule still wins.
     */
    public void raisedToError(String ruleId, SourcePos pos, String message) {
        Rules.require(ruleId);
        add(new Diagnostic(Severity.ERROR, ruleId, message, pos));
    }

    private static Severity expect(String ruleId, Severity severity) {
        Rule rule = Rules.require(ruleId);
        if (rule.defaultSeverity() != severity) {
            throw new IllegalArgumentException("rule '" + ruleId + "' is " + rule.defaultSeverity()
                    + " by default, not " + severity + "; report it with report()");
        }
        return severity;
    }

    /** Whether findings of {@code ruleId} are kept, so that a check can skip work for a rule switched off. */
    public synchronized boolean reports(String ruleId) {
        return policy.reports(ruleId);
    }

    public synchronized boolean hasErrors() {
        return found.stream().anyMatch(Diagnostic::isError);
    }

    public synchronized long errorCount() {
        return found.stream().filter(Diagnostic::isError).count();
    }

    public synchronized long warningCount() {
        return found.size() - errorCount();
    }

    /** Every finding so far, sorted by file, position, severity and rule; duplicates removed. */
    public synchronized List<Diagnostic> sorted() {
        return found.stream().distinct().sorted().toList();
    }
}
