package io.answersite.check;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a glossary term (or one of its synonyms) in text: as a substring when the name contains
 * CJK characters (Chinese has no spaces between words), as a whole word, ignoring case, otherwise.
 */
public final class TermMatcher {

    private final List<Pattern> patterns;

    public TermMatcher(List<String> names) {
        this.patterns = names.stream().filter(n -> !n.isBlank()).map(TermMatcher::pattern).toList();
    }

    /** The offset of the first use of any name in {@code text}, if there is one. */
    public OptionalInt firstIn(String text) {
        int best = -1;
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find() && (best < 0 || matcher.start() < best)) {
                best = matcher.start();
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

    /** The length of the match that starts at {@code offset}. */
    public int lengthAt(String text, int offset) {
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find(offset) && matcher.start() == offset) {
                return matcher.end() - matcher.start();
            }
        }
        return 0;
    }

    static boolean hasCjk(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private static Pattern pattern(String name) {
        String quoted = Pattern.quote(name.strip());
        if (hasCjk(name)) {
            return Pattern.compile(quoted, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + quoted + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Override
    public String toString() {
        return patterns.toString().toLowerCase(Locale.ROOT);
    }
}
