package io.answersite.report;

import io.answersite.diagnostic.Diagnostic;
import io.answersite.text.Sha256;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the CI formats (SARIF, GitLab Code Quality, GitHub workflow commands) share: a finding's
 * path relative to the repository root, and a fingerprint that follows a finding across commits.
 */
final class Findings {

    private Findings() {
    }

    /**
     * The finding's file relative to the repository root: {@code repositoryPrefix} is the site's
     * folder relative to the repository root, with a trailing {@code /}, or empty when the site is
     * the repository.
     */
    static String path(String repositoryPrefix, Diagnostic d) {
        return repositoryPrefix + d.pos().path();
    }

    /**
     * One fingerprint per finding, in the order given: a SHA-256 of the rule, the file, the message
     * and how many equal (rule, file, message) findings came before it, as 32 hex digits. Not the line
     * or column, so a finding keeps its fingerprint when lines are added above it.
     */
    static List<String> fingerprints(String repositoryPrefix, List<Diagnostic> diagnostics) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> fingerprints = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            String key = d.ruleId() + '\0' + path(repositoryPrefix, d) + '\0' + d.message();
            int occurrence = seen.merge(key, 1, Integer::sum);
            fingerprints.add(Sha256.hex(Sha256.of(key + '\0' + occurrence), 16));
        }
        return fingerprints;
    }
}
