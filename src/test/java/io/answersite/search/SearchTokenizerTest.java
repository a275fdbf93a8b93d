package io.answersite.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SearchTokenizerTest {

    private static final List<String> TEXTS = List.of(
            "plain ASCII, max_tokens = 4096",
            "为什么调用返回 502？先看网关：Nginx 的 proxy_read_timeout。",
            "全角字母 ＡＰＩ　ｋｅｙ（ｓｋ－…）与全角数字 ５０４！",
            "「引号」《书名》—— 破折号…省略号",
            "ﬁle ligature, ① circled, ㍿ squared, Å composed",
            "Ｅ\u0301 a full-width letter with a combining accent",
            "한국어 テキスト ひらがな 㐀 extension A",
            "");

    @Test
    void foldsEveryTextExactlyAsTheJdksNfkcAndLowerCaseDo() {
        List<String> texts = new ArrayList<>(TEXTS);
        texts.add("ΟΔΟΣ ends in a final sigma, İstanbul has a dotted capital");
        // random texts over the characters the one pass maps itself and some it must leave to the JDK
        String alphabet = "aZ09_ -.,\t\n跨域请求、。　ＡＺａｚ０９！～Σς\u0301ÉéＥ\u3000\uD840\uDC00한テ";
        Random random = new Random(7);
        for (int n = 0; n < 5000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            boolean onlyMapped = random.nextBoolean();
            for (int i = 0; i < length; i++) {
                int at = random.nextInt(onlyMapped ? alphabet.indexOf('Σ') : alphabet.length());
                char c = alphabet.charAt(at);
                text.append(c);
                if (Character.isHighSurrogate(c) && at + 1 < alphabet.length()) {
                    text.append(alphabet.charAt(at + 1));
                }
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            assertEquals(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT),
                    new String(SearchTokenizer.folded(text)), text);
        }
    }

    @Test
    void mapsFullWidthPunctuationAndLettersOntoAscii() {
        assertEquals(List.of("api", "key", "sk", "504"), SearchTokenizer.tokens("ＡＰＩ　ｋｅｙ（ｓｋ）５０４！"));
    }

    @Test
    void splitsChineseIntoBigramsAndKeepsWordsWithUnderscoresAndTheirParts() {
        assertEquals(List.of("跨域", "域请", "请求", "base_url", "base", "url"), SearchTokenizer.tokens("跨域请求，base_url"));
    }
}
