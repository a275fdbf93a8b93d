package io.answersite.diagnostic;

import java.util.Comparator;
import java.util.Objects;

/**
 * One finding about the input: where it is, how bad it is, which rule found it, and a message that
 * quotes the input and says how to fix it. Printed as {@code path:line:col: error: message [rule-id]}.
 */
public record Diagnostic(Severity severity, String ruleId, String message, SourcePos pos)
        implements Comparable<Diagnostic> {

    private static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::pos)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::ruleId)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(pos, "pos");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The report line: {@code path:line:col: severity: message [rule-id]}. */
    public String format() {
        return pos + ": " + severity.label() + ": " + message + " [" + ruleId + "]";
    }

    @Override
    public int compareTo(Diagnostic other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return format();
    }
}
