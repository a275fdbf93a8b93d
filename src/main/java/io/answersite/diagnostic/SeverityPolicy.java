package io.answersite.diagnostic;

import java.util.Map;
import java.util.Optional;

/**
 * The severities site.yml sets for configurable rules. A rule mapped to empty is switched off: its
 * findings are dropped. Rules not named keep their default.
 */
public record SeverityPolicy(Map<String, Optional<Severity>> overrides) {

    public static final SeverityPolicy DEFAULTS = new SeverityPolicy(Map.of());

    /** Whether findings of {@code ruleId} are reported at all (site.yml may switch a rule off). */
    public boolean reports(String ruleId) {
        Optional<Severity> override = overrides.get(ruleId);
        return override == null || override.isPresent();
    }

    /** The finding as the site wants it, or empty when its rule is switched off. */
    public Optional<Diagnostic> apply(Diagnostic diagnostic) {
        Optional<Severity> override = overrides.get(diagnostic.ruleId());
        if (override == null) {
            return Optional.of(diagnostic);
        }
        return override.map(severity -> new Diagnostic(severity, diagnostic.ruleId(), diagnostic.message(),
                diagnostic.pos()));
    }
}
