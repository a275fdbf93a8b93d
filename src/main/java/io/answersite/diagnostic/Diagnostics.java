package io.answersite.diagnostic;

import java.util.ArrayList;
import java.util.List;

/**
 * The collector every stage reports to. A build owns one; stages may add from several threads.
 * Nothing is printed here: the build reports the sorted list once, at the end.
 */
public final class Diagnostics {

    private final List<Diagnostic> found = new ArrayList<>();

    public synchronized void add(Diagnostic diagnostic) {
        found.add(diagnostic);
    }

    public void error(String ruleId, SourcePos pos, String message) {
        add(new Diagnostic(Severity.ERROR, ruleId, message, pos));
    }

    public void warning(String ruleId, SourcePos pos, String message) {
        add(new Diagnostic(Severity.WARNING, ruleId, message, pos));
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
