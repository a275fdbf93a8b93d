package io.answersite.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TokenCountsTest {

    private static final List<String> PIECES = List.of("跨域请求", "请求", "失败", " ", "，", "。", "CORS", "cors", "max_tokens",
            "base_url", "__init__", "_", "502", "Ｈｅｌｌｏ", "ｗｏｒｌｄ", "\u3000", "déjà", "vu", "ß", "İstanbul", "한국어", "かな",
            "カタカナ", "𠀀𠀁", "e\u0301", "x", "-", "a_b_c", "\n");

    @Test
    void countsEveryTokenOfEachFieldAsTheTokenizerListsThem() {
        Random random = new Random(5);
        for (int round = 0; round < 300; round++) {
            String[] fields = new String[3];
            for (int field = 0; field < fields.length; field++) {
                StringBuilder text = new StringBuilder();
                for (int i = 0, n = random.nextInt(60); i < n; i++) {
                    text.append(PIECES.get(random.nextInt(PIECES.size())));
                }
                fields[field] = text.toString();
            }
            TokenCounts counts = new TokenCounts(fields.length, random.nextInt(100)); // mostly too small: the table grows
            Map<String, int[]> expected = new TreeMap<>();
            for (int field = 0; field < fields.length; field++) {
                int index = field;
                SearchTokenizer.forEachTokenRange(fields[field], (text, start, end) -> counts.add(text, start, end, index));
                for (String token : SearchTokenizer.tokens(fields[field])) {
                    expected.computeIfAbsent(token, t -> new int[fields.length])[field]++;
                }
            }
            Map<String, int[]> counted = new TreeMap<>();
            counts.forEach((token, byField) -> counted.put(token, byField.clone()));
            assertEquals(expected.size(), counts.size(), "round " + round);
            assertEquals(describe(expected), describe(counted), "round " + round);
        }
    }

    private static String describe(Map<String, int[]> counts) {
        StringBuilder out = new StringBuilder();
        counts.forEach((token, byField) -> out.append(token).append('=').append(java.util.Arrays.toString(byField))
                .append('\n'));
        return out.toString();
    }
}
