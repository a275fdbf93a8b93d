package io.answersite.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

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

    /** The ASCII characters a word is made of ({@link #isWordChar}), looked up rather than asked of Unicode's tables. */
    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD[c] = isWordChar(c);
        }
    }

    /** Letters, decimal digits and '_' make words (a word with '_' also gives its parts). */
    private static boolean isWordChar(int codePoint) {
        return Character.isLetter(codePoint) || Character.getType(codePoint) == Character.DECIMAL_DIGIT_NUMBER
                || codePoint == '_';
    }

    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        forEachToken(text, tokens::add);
        return tokens;
    }

    /** Hands each token of {@code text} to {@code sink}, in order; the same tokens as {@link #tokens}. */
    public static void forEachToken(String text, Consumer<String> sink) {
        forEachTokenRange(text, (normalized, start, end) -> sink.accept(new String(normalized, start, end - start)));
    }

    /** Where one token is: characters {@code start} to {@code end} of the normalized text (read, not kept). */
    @FunctionalInterface
    interface RangeSink {
        void accept(char[] normalized, int start, int end);
    }

    /**
     * As {@link #forEachToken(String, Consumer)}, handing each token as a range of the normalized text
     * (NFKC, lower case) instead of as a string of its own: a page's words repeat, and a caller that
     * counts them makes a string once per distinct token, not once per occurrence. The text is read
     * as a char array: with the client compiler alone, charAt's checks were a fifth of tokenizing.
     */
    static void forEachTokenRange(String text, RangeSink sink) {
        char[] normalized = folded(text);
        int wordStart = -1;
        int previousCjk = -1;
        boolean lone = false;
        for (int i = 0; i < normalized.length; ) {
            char c = normalized[i];
            int next;
            boolean cjk;
            boolean wordChar;
            if (c < 0x80) { // most characters of most pages: never CJK, told by a table
                next = i + 1;
                cjk = false;
                wordChar = ASCII_WORD[c];
            } else {
                int cp = Character.codePointAt(normalized, i);
                next = i + Character.charCount(cp);
                cjk = isCjk(cp);
                wordChar = !cjk && isWordChar(cp);
            }
            if (cjk) {
                wordStart = flushWord(normalized, wordStart, i, sink);
                if (previousCjk >= 0) {
                    sink.accept(normalized, previousCjk, next);
                    lone = false;
                } else {
                    lone = true;
                }
                previousCjk = i;
            } else {
                if (lone) {
                    sink.accept(normalized, previousCjk, i);
                    lone = false;
                }
                previousCjk = -1;
                if (wordChar) {
                    if (wordStart < 0) {
                        wordStart = i;
                    }
                } else {
                    wordStart = flushWord(normalized, wordStart, i, sink);
                }
            }
            i = next;
        }
        flushWord(normalized, wordStart, normalized.length, sink);
        if (lone) {
            sink.accept(normalized, previousCjk, normalized.length);
        }
    }

    /**
     * The text in NFKC and lower case, as the JDK's {@link Normalizer} and
     * {@code toLowerCase(Locale.ROOT)} give it, as characters. Chinese prose is mostly CJK ideographs
     * and printable ASCII, which NFKC leaves as they are, and full-width punctuation and letters
     * (U+FF01 to U+FF5E, and the ideographic space U+3000), which NFKC maps one to one onto ASCII:
     * such text is mapped and lower-cased here in one pass over one copy (none of these characters
     * composes with its neighbours, or takes its lower case from them); any other character sends
     * the whole text through the JDK. Scanning, lower-casing and copying apart were a fifth of the
     * search index's samples on long Chinese guides (JFR, 1,000-page long-guides corpus, client
     * compiler alone), and the JDK's normalizer a tenth of a clean build's search index before that.
     */
    static char[] folded(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    chars[i] = (char) (c + ('a' - 'A'));
                }
            } else if (c >= 0xFF01 && c <= 0xFF5E) {
                char ascii = (char) (c - 0xFEE0);
                chars[i] = ascii >= 'A' && ascii <= 'Z' ? (char) (ascii + ('a' - 'A')) : ascii;
            } else if (c == 0x3000) {
                chars[i] = ' ';
            } else if (!(c >= 0x4E00 && c <= 0x9FFF || c == 0x3001 || c == 0x3002)) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).toCharArray();
            }
        }
        return chars;
    }

    static boolean isCjk(int cp) {
        if (cp < 0x1100) {
            return false; // below Hangul Jamo, the first block of the four scripts
        }
        if (cp >= 0x4E00 && cp <= 0x9FFF) {
            return true; // the unified ideographs, most of any Chinese text: no script lookup
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** Whether a token is a Latin-script word (typo tolerance applies to those only). */
    public static boolean isWord(String token) {
        return !token.isEmpty() && !isCjk(token.codePointAt(0));
    }

    /** Emits the word that runs from {@code start} to {@code end}, if any, then its parts between '_'; returns "no word". */
    private static int flushWord(char[] text, int start, int end, RangeSink sink) {
        if (start < 0) {
            return -1;
        }
        sink.accept(text, start, end);
        int underscore = start;
        while (underscore < end && text[underscore] != '_') {
            underscore++;
        }
        if (underscore < end) {
            int partStart = start;
            for (int i = start; i <= end; i++) {
                if (i == end || text[i] == '_') {
                    if (i > partStart) {
                        sink.accept(text, partStart, i);
                    }
                    partStart = i + 1;
                }
            }
        }
        return -1;
    }
}
