package io.answersite.report;

import io.answersite.diagnostic.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<String> fingerprints = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            String key = d.ruleId() + '\0' + path(repositoryPrefix, d) + '\0' + d.message();
            int occurrence = seen.merge(key, 1, Integer::sum);
            byte[] hash = sha.digest((key + '\0' + occurrence).getBytes(StandardCharsets.UTF_8));
            fingerprints.add(HexFormat.of().formatHex(hash, 0, 16));
        }
        return fingerprints;
    }
}
