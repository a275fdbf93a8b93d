package io.answersite.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer against its rule written plainly, one code point at a time with the JDK's character
 * classes (no shortcut for ASCII), on random text mixing ASCII, CJK, other scripts and full-width forms.
 */
class SearchTokenizerReferenceTest {

    private static final String ALPHABET = "aZ09_ -.,:;!?/\\\"'()[]{}<>@#$%^&*+=|~`\t\n"
            + "超时网关请求éßΩДж한국テキストＡｂ０　（）…—\u0301";

    @Test
    void tokenizesRandomTextAsTheRuleSaysCharacterByCharacter() {
        Random random = new Random(20261130);
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(20) == 0 ? "😀" : String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length()))));
            }
            assertEquals(reference(text.toString()), SearchTokenizer.tokens(text.toString()), "round " + round + ": " + text);
        }
    }

    /** The rule: CJK runs as overlapping bigrams (a lone character alone), other letters, digits and '_' as words. */
    private static List<String> reference(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int previousCjk = -1;
        boolean lone = false;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (SearchTokenizer.isCjk(cp)) {
                flush(word, tokens);
                if (previousCjk >= 0) {
                    tokens.add(normalized.substring(previousCjk, next));
                    lone = false;
                } else {
                    lone = true;
                }
                previousCjk = i;
            } else {
                if (lone) {
                    tokens.add(normalized.substring(previousCjk, i));
                    lone = false;
                }
                previousCjk = -1;
                if (Character.isLetter(cp) || Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER || cp == '_') {
                    word.appendCodePoint(cp);
                } else {
                    flush(word, tokens);
                }
            }
            i = next;
        }
        flush(word, tokens);
        if (lone) {
            tokens.add(normalized.substring(previousCjk));
        }
        return tokens;
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (word.length() == 0) {
            return;
        }
        String whole = word.toString();
        tokens.add(whole);
        if (whole.indexOf('_') >= 0) {
            for (String part : whole.split("_")) {
                if (!part.isEmpty()) {
                    tokens.add(part);
                }
            }
        }
        word.setLength(0);
    }
}
