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
    /** By ASCII character, the keywords that can begin there. */
    private final int[][] startingWith = new int[128][];

    /**
     * @param keywords the keywords, ASCII, each folded one in lower case
     * @param folded per keyword, whether it matches ignoring the case of ASCII letters
     */
    FirstOccurrences(List<String> keywords, List<Boolean> folded) {
        this.keywords = new char[keywords.size()][];
        this.folded = new boolean[keywords.size()];
        List<List<Integer>> byChar = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            byChar.add(new ArrayList<>());
        }
        for (int k = 0; k < keywords.size(); k++) {
            String keyword = keywords.get(k);
            if (keyword.isEmpty() || !keyword.chars().allMatch(c -> c < 128)
                    || folded.get(k) && !keyword.equals(keyword.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("not a non-empty ASCII keyword (lower case when folded): " + keyword);
            }
            this.keywords[k] = keyword.toCharArray();
            this.folded[k] = folded.get(k);
            char first = keyword.charAt(0);
            byChar.get(first).add(k);
            if (folded.get(k) && first >= 'a' && first <= 'z') {
                byChar.get(first - 32).add(k);
            }
        }
        for (int c = 0; c < 128; c++) {
            if (!byChar.get(c).isEmpty()) {
                startingWith[c] = byChar.get(c).stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    /** Per keyword, the index of its first occurrence in {@code text}, or -1. */
    int[] in(String text) {
        int[] first = new int[keywords.length];
        Arrays.fill(first, -1);
        int missing = keywords.length;
        char[] chars = text.toCharArray();
        for (int at = 0; at < chars.length && missing > 0; at++) {
            char c = chars[at];
            int[] candidates = c < 128 ? startingWith[c] : null;
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
