package io.answersite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AnswerLengthTest {

    @Test
    void everyCodePointIsHanExactlyWhenItsUnicodeScriptIsHan() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            boolean han = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            if (EditorialChecks.isHan(cp) != han) {
                assertEquals(han, EditorialChecks.isHan(cp), "U+" + Integer.toHexString(cp).toUpperCase());
            }
        }
    }

    @Test
    void cjkCharactersCountOneEachAndLatinWordsOneEach() {
        assertEquals(0, EditorialChecks.answerLength(""));
        assertEquals(4, EditorialChecks.answerLength("先看日志"));
        assertEquals(3, EditorialChecks.answerLength("Retry-After, then retry"));
        assertEquals(7, EditorialChecks.answerLength("先看 Retry-After。再重试 429"), "five Han characters, Retry-After and 429");
        assertEquals(2, EditorialChecks.answerLength("〇𠀀"), "U+3007 and a supplementary Han character");
    }
}
