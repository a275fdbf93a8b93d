package io.answersite.diagnostic;

import java.util.Locale;

/** How much a finding matters: errors fail the build, warnings are reported and let it pass. */
public enum Severity {
    ERROR,
    WARNING;

    /** The word printed in a report line: {@code error} or {@code warning}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
