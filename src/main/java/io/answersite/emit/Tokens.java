package io.answersite.emit;

/**
 * A tokenizer-free estimate of how many tokens a language model reads for a text: one per CJK
 * character (Chinese, Japanese and Korean script and their punctuation usually take one token or
 * more each), and one per four other characters (the usual rule of thumb for English). It is an
 * estimate for budgets, not an exact count for any one model.
 */
public final class Tokens {

    private Tokens() {
    }

    public static long estimate(String text) {
        return count(text).estimate();
    }

    /**
     * The characters of a text as the estimate counts them; counts of parts add up to the count of
     * the parts joined, so a file assembled from parts is estimated without joining them as text.
     */
    public record Count(long cjk, long other) {
        public Count plus(Count that) {
            return new Count(cjk + that.cjk, other + that.other);
        }

        /** Without one non-CJK character (a line break cut from the end). */
        public Count minusOneOther() {
            return new Count(cjk, other - 1);
        }

        public long estimate() {
            return cjk + (other + 3) / 4;
        }
    }

    public static Count count(String text) {
        long cjk = 0;
        long other = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                cjk++;
            } else {
                other++;
            }
        }
        return new Count(cjk, other);
    }

    static boolean isCjk(int codePoint) {
        if (codePoint < 0x2E80) {
            return false; // below the first CJK block: Latin, Greek, Cyrillic, punctuation, symbols
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (codePoint >= 0x3000 && codePoint <= 0x303F) || (codePoint >= 0xFF00 && codePoint <= 0xFFEF);
    }
}
