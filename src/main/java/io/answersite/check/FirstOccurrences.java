package io.answersite.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where each of a fixed set of ASCII keywords first occurs in a text, all found in one pass: at each
 * character only the keywords that begin with it are compared. The secret scan asked
 * {@code String.indexOf} once per keyword — some thirty passes over every content file, a tenth of
 * the load stage's samples with the client compiler alone (JFR, clean build of the topics-200
 * 10,000-page corpus). A keyword marked folded matches whatever
 * the case of the text's ASCII letters (it is written in lower case).
 */
final class FirstOccurrences {

    private final char[][] keywords;
    private final boolean[] folded;
    /**
     * By the first two characters (ASCII, seven bits each), the keywords that can begin with them: most
     * letters of an English text begin some keyword, few pairs do.
     */
    private final int[][] startingWith = new int[128 * 128][];

    /**
     * @param keywords the keywords, ASCII, at least two characters, each folded one in lower case
     * @param folded per keyword, whether it matches ignoring the case of ASCII letters
     */
    FirstOccurrences(List<String> keywords, List<Boolean> folded) {
        this.keywords = new char[keywords.size()][];
        this.folded = new boolean[keywords.size()];
        List<List<Integer>> byPair = new ArrayList<>();
        for (int pair = 0; pair < 128 * 128; pair++) {
            byPair.add(null);
        }
        for (int k = 0; k < keywords.size(); k++) {
            String keyword = keywords.get(k);
            if (keyword.length() < 2 || !keyword.chars().allMatch(c -> c < 128)
                    || folded.get(k) && !keyword.equals(keyword.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("not an ASCII keyword of two characters or more (lower case when"
                        + " folded): " + keyword);
            }
            this.keywords[k] = keyword.toCharArray();
            this.folded[k] = folded.get(k);
            for (char first : cases(keyword.charAt(0), folded.get(k))) {
                for (char second : cases(keyword.charAt(1), folded.get(k))) {
                    int pair = first << 7 | second;
                    if (byPair.get(pair) == null) {
                        byPair.set(pair, new ArrayList<>());
                    }
                    byPair.get(pair).add(k);
                }
            }
        }
        for (int pair = 0; pair < 128 * 128; pair++) {
            if (byPair.get(pair) != null) {
                startingWith[pair] = byPair.get(pair).stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    private static char[] cases(char c, boolean folded) {
        return folded && c >= 'a' && c <= 'z' ? new char[] {c, (char) (c - 32)} : new char[] {c};
    }

    /** Per keyword, the index of its first occurrence in {@code text}, or -1. */
    int[] in(String text) {
        int[] first = new int[keywords.length];
        Arrays.fill(first, -1);
        int missing = keywords.length;
        char[] chars = text.toCharArray();
        for (int at = 0; at + 1 < chars.length && missing > 0; at++) {
            char c = chars[at];
            char next = chars[at + 1];
            if ((c | next) >= 128) {
                continue;
            }
            int[] candidates = startingWith[c << 7 | next];
            if (candidates == null) {
                continue;
            }
            for (int k : candidates) {
                if (first[k] < 0 && occursAt(chars, at, k)) {
                    first[k] = at;
                    missing--;
                }
            }
        }
        return first;
    }

    private boolean occursAt(char[] chars, int at, int k) {
        char[] keyword = keywords[k];
        if (at + keyword.length > chars.length) {
            return false;
        }
        for (int i = 0; i < keyword.length; i++) {
            char c = chars[at + i];
            if (folded[k] && c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (c != keyword[i]) {
                return false;
            }
        }
        return true;
    }
}
