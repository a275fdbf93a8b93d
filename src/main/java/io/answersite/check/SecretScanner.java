package io.answersite.check;

import io.answersite.config.CheckSettings;
import io.answersite.content.SourceCheck;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.text.Sha256;
import io.answersite.source.SourceText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The content-safety scan: credentials, tokens and private keys in any content file (front matter,
 * body and code blocks alike), front-end environment variables that carry a secret, and the site's
 * own patterns. Obvious placeholders pass; site.yml may allow one finding by its fingerprint.
 * Messages show only the first four characters of a value: the build log never repeats a secret.
 */
public final class SecretScanner implements SourceCheck {

    /**
     * A kind of credential and how to find it; {@code group} is the part that is the secret. A
     * detector runs only on text containing one of its {@code anyOf} strings; a {@code folded} one
     * runs on the ASCII-lower-cased text (same offsets), written in lower case, instead of asking
     * the regex engine to fold case at every character. Every match of a detector with
     * {@code starts} begins with one of them, so the pattern is tried only where one begins (see
     * {@link Matches}); one without is tried at every position.
     */
    private record Detector(String rule, String kind, Pattern pattern, int group, boolean needsEntropy,
                            boolean folded, List<String> anyOf, List<String> starts) {
    }

    /** A detector of {@link Rules#SECRET} whose matches begin with one of {@code starts}, run where one of them is. */
    private static Detector exact(String kind, String regex, String... starts) {
        return new Detector(Rules.SECRET, kind, Pattern.compile(regex), 0, false, false, List.of(starts),
                List.of(starts));
    }

    private static final List<Detector> DETECTORS = List.of(
            // One character class, not a repeated group: Java matches a repeated group by recursion,
            // and a header of thousands of words would exhaust the stack.
            new Detector(Rules.SECRET, "private key block", Pattern.compile("-----BEGIN (?:[A-Z0-9 ]* )?PRIVATE KEY-----"),
                    0, false, false, List.of("PRIVATE KEY"), List.of("-----BEGIN ")),
            exact("Anthropic API key", "\\bsk-ant-[A-Za-z0-9_-]{20,}", "sk-ant-"),
            exact("OpenAI API key", "\\bsk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}", "sk-"),
            exact("Google API key", "\\bAIza[0-9A-Za-z_-]{35}\\b", "AIza"),
            exact("AWS access key id", "\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b", "AKIA", "ASIA"),
            exact("GitHub token", "\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})", "gh", "github_pat_"),
            exact("Slack token", "\\bxox[abposr]-[A-Za-z0-9-]{10,}", "xox"),
            exact("Stripe live key", "\\b(?:sk|rk)_live_[0-9A-Za-z]{16,}", "sk_live_", "rk_live_"),
            exact("JSON Web Token", "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}", "eyJ"),
            new Detector(Rules.SECRET, "bearer token",
                    Pattern.compile("\\bauthorization\\s*:\\s*bearer\\s+([a-z0-9._~+/=-]{16,})"), 1, true, true,
                    List.of("bearer"), List.of("authorization")),
            new Detector(Rules.SECRET, "password in a URL",
                    Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^/\\s:@\"'<>]+:([^/\\s@\"'<>]+)@"), 1, false, false,
                    List.of("://"), List.of()),
            new Detector(Rules.SECRET_FRONTEND_ENV, "front-end environment variable with a secret",
                    Pattern.compile("\\b((?:NEXT_PUBLIC|VITE|REACT_APP|NUXT_PUBLIC|EXPO_PUBLIC|PUBLIC|GATSBY)_[A-Z0-9_]*"
                            + "(?:KEY|SECRET|TOKEN|PASSWORD)[A-Z0-9_]*)\\s*=\\s*[\"']?([^\\s\"'#;]+)"), 2, false, false,
                    List.of("PUBLIC_", "VITE_", "REACT_APP_", "GATSBY_"),
                    List.of("NEXT_PUBLIC_", "VITE_", "REACT_APP_", "NUXT_PUBLIC_", "EXPO_PUBLIC_", "PUBLIC_", "GATSBY_")),
            new Detector(Rules.SECRET, "high-entropy secret",
                    // the lookahead lets the matcher skip, at one comparison each, the positions where no
                    // keyword can start, instead of trying all seven alternatives at every character
                    Pattern.compile("(?=[acpst])(?:api[_-]?key|access[_-]?key|secret|token|password|passwd|credential)[\"']?\\s*[:=]"
                            + "\\s*[\"']?([a-z0-9_+/=.-]{20,})"), 1, true, true,
                    List.of("key", "secret", "token", "passw", "credential"),
                    List.of("api", "access", "secret", "token", "passw", "credential")));

    /** Every detector's {@code anyOf} and {@code starts}, searched for together (see {@link FirstOccurrences}). */
    private static final FirstOccurrences KEYWORDS;
    /** Per detector, the indexes in {@link #KEYWORDS} of its {@code anyOf}, then of its {@code starts}. */
    private static final int[][] ANY_OF = new int[DETECTORS.size()][];
    private static final int[][] STARTS = new int[DETECTORS.size()][];

    static {
        List<String> keywords = new ArrayList<>();
        List<Boolean> folded = new ArrayList<>();
        for (int d = 0; d < DETECTORS.size(); d++) {
            Detector detector = DETECTORS.get(d);
            ANY_OF[d] = appended(detector.anyOf, detector.folded, keywords, folded);
            STARTS[d] = appended(detector.starts, detector.folded, keywords, folded);
        }
        KEYWORDS = new FirstOccurrences(keywords, folded);
    }

    /** Appends {@code words} to {@code keywords} (each {@code isFolded}); returns their indexes there. */
    private static int[] appended(List<String> words, boolean isFolded, List<String> keywords, List<Boolean> folded) {
        int[] indexes = new int[words.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = keywords.size();
            keywords.add(words.get(i));
            folded.add(isFolded);
        }
        return indexes;
    }

    private static final Pattern REPEATED = Pattern.compile("(.)\\1{5,}");
    private static final List<String> PLACEHOLDER_MARKS = List.of("xxxx", "...", "…", "your", "<", ">", "${", "{{",
            "example", "placeholder", "dummy", "redacted", "****", "changeme", "replace", "sample", "fake", "demo",
            "here", "process.env", "os.environ", "getenv", "password", "passwd", "secret", "token");

    private final List<CheckSettings.SafetyPattern> sitePatterns;
    private final Set<String> allowed;

    private final boolean everyPosition;

    public SecretScanner(CheckSettings settings) {
        this(settings, false);
    }

    /** @param everyPosition try each pattern at every position (plain {@link Matcher#find()}): the reference the tests compare with */
    SecretScanner(CheckSettings settings, boolean everyPosition) {
        this.sitePatterns = settings.safetyPatterns();
        this.allowed = settings.allowedFingerprints();
        this.everyPosition = everyPosition;
    }

    @Override
    public void check(SourceText source, Diagnostics diagnostics) {
        String text = source.text();
        int[] first = KEYWORDS.in(text);
        String folded = null;
        int foldedFrom = Integer.MAX_VALUE;
        List<int[]> reported = new ArrayList<>();
        for (int d = 0; d < DETECTORS.size(); d++) {
            Detector detector = DETECTORS.get(d);
            if (Arrays.stream(ANY_OF[d]).allMatch(k -> first[k] < 0)) {
                continue;
            }
            if (detector.folded) {
                // every match begins with one of the starts: the text before the first is never read
                // but for \b, which case does not change
                int from = everyPosition || STARTS[d].length == 0 ? 0
                        : Arrays.stream(STARTS[d]).map(k -> first[k]).filter(at -> at >= 0).min().orElse(-1);
                if (from < 0) {
                    continue;
                }
                if (from < foldedFrom) {
                    folded = asciiLowerCase(text, from);
                    foldedFrom = from;
                }
            }
            String scanned = detector.folded ? folded : text;
            Matches matcher = new Matches(detector, scanned, Arrays.stream(STARTS[d]).map(k -> first[k]).toArray(),
                    everyPosition);
            while (matcher.next()) {
                String value = text.substring(matcher.start(detector.group), matcher.end(detector.group));
                int start = matcher.start(detector.group);
                if (overlaps(reported, start, matcher.end(detector.group)) || isPlaceholder(value)
                        || (detector.needsEntropy && !looksRandom(value))) {
                    continue;
                }
                String fingerprint = fingerprint(detector.kind, value);
                if (allowed.contains(fingerprint)) {
                    continue;
                }
                reported.add(new int[] {start, matcher.end(detector.group)});
                String advice = detector.rule.equals(Rules.SECRET_FRONTEND_ENV)
                        ? "variables with this prefix are bundled into browser code: keep the secret on the server"
                        + " and call your own backend instead"
                        : "remove it; if it was ever real, revoke and rotate it";
                diagnostics.error(detector.rule, source.posAt(start), "possible " + detector.kind + " '" + mask(value)
                        + "'; " + advice + " (fingerprint " + fingerprint + "; to publish it anyway, add the"
                        + " fingerprint to safety.allow in site.yml)");
            }
        }
        for (CheckSettings.SafetyPattern pattern : sitePatterns) {
            Matcher matcher = pattern.pattern().matcher(text);
            while (matcher.find()) {
                String value = matcher.group();
                String fingerprint = fingerprint(pattern.name(), value);
                if (value.isEmpty() || allowed.contains(fingerprint)) {
                    continue;
                }
                diagnostics.error(Rules.SAFETY_PATTERN, source.posAt(matcher.start()), "matches the site's safety pattern '"
                        + pattern.name() + "': '" + mask(value) + "'; remove it or replace it with a placeholder"
                        + " (fingerprint " + fingerprint + ")");
            }
        }
    }

    /**
     * A detector's matches in one text, found as {@link Matcher#find()} finds them: its pattern is
     * tried only at the positions where one of its starts begins, from left to right, each start's
     * next position kept, with transparent bounds so that a {@code \b} sees the character before.
     * Trying every pattern at every character was 3.7 % of a clean build's samples, this 1.2 % (JFR,
     * default 10,000-page corpus).
     */
    private static final class Matches {

        private final Detector detector;
        private final Matcher matcher;
        private final String text;
        private final int[] nextStart;
        private final boolean everyPosition;
        private int from;

        /** @param firstStarts where each of the detector's starts first occurs in {@code text}, or -1 */
        Matches(Detector detector, String text, int[] firstStarts, boolean everyPosition) {
            this.detector = detector;
            this.everyPosition = everyPosition;
            this.matcher = detector.pattern.matcher(text).useTransparentBounds(true);
            this.text = text;
            this.nextStart = firstStarts;
        }

        /** Moves to the next match; false when there is none. */
        boolean next() {
            if (detector.starts.isEmpty() || everyPosition) {
                return matcher.find();
            }
            while (true) {
                int at = -1;
                for (int i = 0; i < nextStart.length; i++) {
                    if (nextStart[i] >= 0 && nextStart[i] < from) {
                        nextStart[i] = text.indexOf(detector.starts.get(i), from);
                    }
                    if (nextStart[i] >= 0 && (at < 0 || nextStart[i] < at)) {
                        at = nextStart[i];
                    }
                }
                if (at < 0) {
                    return false;
                }
                matcher.region(at, text.length());
                if (matcher.lookingAt()) {
                    from = Math.max(matcher.end(), at + 1);
                    return true;
                }
                from = at + 1;
            }
        }

        int start(int group) {
            return matcher.start(group);
        }

        int end(int group) {
            return matcher.end(group);
        }
    }

    /** Lower-cases A to Z from {@code from} on only, so that every offset stays the same. */
    private static String asciiLowerCase(String text, int from) {
        char[] chars = text.toCharArray();
        for (int i = from; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + 32);
            }
        }
        return new String(chars);
    }

    /** The first four characters, then an ellipsis: enough to find the value, never the value. */
    public static String mask(String value) {
        int end = value.offsetByCodePoints(0, Math.min(4, value.codePointCount(0, value.length())));
        return value.substring(0, end) + "…";
    }

    static boolean isPlaceholder(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (PLACEHOLDER_MARKS.stream().anyMatch(lower::contains) || REPEATED.matcher(value).find()) {
            return true;
        }
        return lower.chars().filter(Character::isLetterOrDigit).distinct().count() <= 3;
    }

    /** Random-looking: several character classes and high Shannon entropy. */
    static boolean looksRandom(String value) {
        int classes = (value.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (value.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (value.chars().anyMatch(Character::isDigit) ? 1 : 0);
        return classes >= 2 && entropy(value) >= 3.5;
    }

    static double entropy(String value) {
        int[] counts = new int[128];
        int total = 0;
        for (char c : value.toCharArray()) {
            if (c < 128) {
                counts[c]++;
                total++;
            }
        }
        double entropy = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / total;
                entropy -= p * (Math.log(p) / Math.log(2));
            }
        }
        return entropy;
    }

    /** A stable id of one finding: the kind and the value, hashed, so site.yml can allow it without holding it. */
    public static String fingerprint(String kind, String value) {
        return Sha256.hex(Sha256.of(kind + "\n" + value), 8);
    }

    private static boolean overlaps(List<int[]> reported, int start, int end) {
        return reported.stream().anyMatch(r -> start < r[1] && end > r[0]);
    }
}
