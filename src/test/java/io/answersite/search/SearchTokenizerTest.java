package io.answersite.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.List;
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
    void normalizesEveryTextExactlyAsTheJdksNfkcDoes() {
        for (String text : TEXTS) {
            assertEquals(Normalizer.normalize(text, Normalizer.Form.NFKC), SearchTokenizer.nfkc(text), text);
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
