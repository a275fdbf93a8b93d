package io.answersite.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FirstOccurrencesTest {

    private static final List<String> KEYWORDS = List.of("sk-", "sk-ant-", "token", "api", "-----BEGIN ", "gh", "://");
    private static final List<Boolean> FOLDED = List.of(false, false, true, true, false, false, false);

    /** The reference: one indexOf per keyword, in the ASCII-lower-cased text for a folded keyword. */
    private static int[] byIndexOf(String text) {
        StringBuilder lower = new StringBuilder(text);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                lower.setCharAt(i, (char) (c + 32));
            }
        }
        int[] first = new int[KEYWORDS.size()];
        for (int k = 0; k < first.length; k++) {
            first[k] = (FOLDED.get(k) ? lower.toString() : text).indexOf(KEYWORDS.get(k));
        }
        return first;
    }

    @Test
    void findsTheFirstOccurrenceOfEveryKeywordInOnePass() {
        FirstOccurrences scan = new FirstOccurrences(KEYWORDS, FOLDED);
        String text = "密钥 sk-ant-abc then sk-x; API TOKEN here, api again; https://gh.io -----BEGIN";
        assertArrayEquals(new int[] {3, 3, 29, 25, -1, 60, 57}, scan.in(text));
        assertArrayEquals(byIndexOf(text), scan.in(text));
        assertArrayEquals(new int[] {-1, -1, -1, -1, -1, -1, -1}, scan.in(""));
        assertArrayEquals(new int[] {-1, -1, 2, -1, -1, -1, -1}, scan.in("a ToKeN"));
    }

    @Test
    void agreesWithIndexOfOnRandomTexts() {
        Random random = new Random(17);
        String alphabet = "skSK-antANTokeOKE piPI:/gh -----BEGIN 密x";
        FirstOccurrences scan = new FirstOccurrences(KEYWORDS, FOLDED);
        for (int round = 0; round < 5000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertArrayEquals(byIndexOf(text.toString()), scan.in(text.toString()), text.toString());
        }
    }

    @Test
    void refusesAKeywordItCannotMatch() {
        assertThrows(IllegalArgumentException.class, () -> new FirstOccurrences(List.of("Token"), List.of(true)));
        assertThrows(IllegalArgumentException.class, () -> new FirstOccurrences(List.of("密钥"), List.of(false)));
        assertThrows(IllegalArgumentException.class, () -> new FirstOccurrences(List.of(""), List.of(false)));
        assertThrows(IllegalArgumentException.class, () -> new FirstOccurrences(List.of("k"), List.of(false)));
        new FirstOccurrences(List.of("Token".toLowerCase(Locale.ROOT)), List.of(true));
    }
}
