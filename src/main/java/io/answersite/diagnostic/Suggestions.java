package io.answersite.diagnostic;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for messages about a name that is not known. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The known name closest to {@code given}, if it is close enough to be a plausible typo: at most
     * two edits, and fewer than half of the given name's length.
     */
    public static Optional<String> closest(String given, Collection<String> known) {
        return known.stream()
                .map(name -> new Candidate(name, distance(given.toLowerCase(), name.toLowerCase())))
                .filter(c -> c.distance <= 2 && c.distance * 2 < Math.max(given.length(), 2))
                .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
                .map(Candidate::name);
    }

    /** {@code "; did you mean 'x'?"} or, when nothing is close, {@code "; known: a, b, c"}. */
    public static String didYouMean(String given, Collection<String> known, String knownLabel) {
        Optional<String> closest = closest(given, known);
        if (closest.isPresent()) {
            return "; did you mean '" + closest.get() + "'?";
        }
        if (known.isEmpty()) {
            return "; there are no " + knownLabel;
        }
        return "; " + knownLabel + ": " + String.join(", ", known.stream().sorted().toList());
    }

    private record Candidate(String name, int distance) {
    }

    /** Edits between two names, a swap of two neighbouring letters counting as one (a common typo). */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
