package io.answersite.config;

import io.answersite.diagnostic.SeverityPolicy;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What site.yml says about the checks.
 *
 * @param severities overrides of configurable rules ({@code rules:})
 * @param descriptionMaxChars the description length above which [description-length] warns
 * @param answerMaxLength the short-answer length above which [answer-length] warns, counted as CJK
 *     characters plus Latin words
 * @param titleMaxChars the title length above which [title-length] warns for a title in a Latin (or
 *     other half-width) script, full-width characters counting two
 * @param titleMaxCharsCjk the same for a title with CJK characters, in full-width characters (the
 *     title's length counted as above, halved)
 * @param questionSimilarityPercent the similarity (0 to 100) of two answers' questions at or above
 *     which [question-duplicate] reports them
 * @param reviewOverdueErrorDays [review-overdue] becomes an error once a review is this many days
 *     late; 0 keeps it a warning
 * @param maxLinesPerRule at most this many console lines per rule (counts stay exact)
 * @param relatedReciprocal whether a related page must link back ([related-oneway])
 * @param glossaryAutolink link the first use of each glossary term on an answer page automatically
 *     instead of reporting [term-unlinked]
 * @param safetyPatterns the site's own patterns for content that must not be published
 * @param allowedFingerprints findings of the safety rules allowed by their fingerprint
 */
public record CheckSettings(SeverityPolicy severities, int descriptionMaxChars, int answerMaxLength,
                            int titleMaxChars, int titleMaxCharsCjk, int questionSimilarityPercent,
                            int reviewOverdueErrorDays, int maxLinesPerRule, boolean relatedReciprocal,
                            boolean glossaryAutolink, List<SafetyPattern> safetyPatterns,
                            Set<String> allowedFingerprints) {

    public static final CheckSettings DEFAULTS = new CheckSettings(SeverityPolicy.DEFAULTS, 160, 300, 60, 30, 80, 0, 50, false,
            false, List.of(), Set.of());

    /** A site.yml pattern: a name for messages and the regular expression to look for. */
    public record SafetyPattern(String name, Pattern pattern) {
    }
}
