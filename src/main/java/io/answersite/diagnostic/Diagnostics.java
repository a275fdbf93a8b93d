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

    /** Applies site.yml's rule severities to every finding added from now on. */
    public synchronized void usePolicy(SeverityPolicy newPolicy) {
        this.policy = newPolicy;
    }

    public synchronized void add(Diagnostic diagnostic) {
        policy.apply(diagnostic).ifPresent(found::add);
    }

    public void error(String ruleId, SourcePos pos, String message) {
        add(new Diagnostic(Severity.ERROR, ruleId, message, pos));
    }

    public void warning(String ruleId, SourcePos pos, String message) {
        add(new Diagnostic(Severity.WARNING, ruleId, message, pos));
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
