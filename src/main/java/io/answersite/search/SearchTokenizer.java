package io.answersite.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into search tokens. Chinese has no spaces, so runs of CJK characters become
 * overlapping bigrams ("跨域请求" gives 跨域, 域请, 请求; a lone character stays one token); runs of
 * other letters and digits become lower-cased words, and a word with '_' also gives its parts
 * ("base_url" gives base_url, base, url). {@code assets/search.js} implements exactly the same
 * rules; the browser tests compare the two on a table of strings.
 */
public final class SearchTokenizer {

    private SearchTokenizer() {
    }

    public static List<String> tokens(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        List<Integer> cjk = new ArrayList<>();
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                flushWord(word, tokens);
                cjk.add(cp);
            } else if (Character.isLetter(cp) || Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER || cp == '_') {
                flushCjk(cjk, tokens);
                word.appendCodePoint(cp);
            } else {
                flushWord(word, tokens);
                flushCjk(cjk, tokens);
            }
        }
        flushWord(word, tokens);
        flushCjk(cjk, tokens);
        return tokens;
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** Whether a token is a Latin-script word (typo tolerance applies to those only). */
    public static boolean isWord(String token) {
        return !token.isEmpty() && !isCjk(token.codePointAt(0));
    }

    private static void flushWord(StringBuilder word, List<String> tokens) {
        if (word.length() == 0) {
            return;
        }
        String text = word.toString();
        tokens.add(text);
        if (text.indexOf('_') >= 0) {
            for (String part : text.split("_")) {
                if (!part.isEmpty()) {
                    tokens.add(part);
                }
            }
        }
        word.setLength(0);
    }

    private static void flushCjk(List<Integer> run, List<String> tokens) {
        if (run.size() == 1) {
            tokens.add(new String(Character.toChars(run.get(0))));
        }
        for (int i = 0; i + 1 < run.size(); i++) {
            tokens.add(new StringBuilder().appendCodePoint(run.get(i)).appendCodePoint(run.get(i + 1)).toString());
        }
        run.clear();
    }
}
