package io.answersite.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SiteTextTest {

    /** The rule as written before the fast scan: a space at either end or before another, or any other white space. */
    private static boolean reference(String text) {
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (c == ' ' ? i == 0 || i == last || text.charAt(i + 1) == ' ' : Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyCharacterIsWhiteSpaceOrNotAsTheJdkSays() {
        for (int c = 0; c <= 0xFFFF; c++) {
            for (String text : new String[] {"a" + (char) c + "b", String.valueOf((char) c), (char) c + " " + (char) c}) {
                assertEquals(reference(text), SiteText.isOneLine(text), "U+" + Integer.toHexString(c));
            }
        }
    }

    @Test
    void spacesCountOnlyAsSingleInnerOnesAndOneLineCollapsesTheRest() {
        assertTrue(SiteText.isOneLine("one line of words"));
        assertTrue(SiteText.isOneLine(""));
        assertFalse(SiteText.isOneLine(" leading"));
        assertFalse(SiteText.isOneLine("trailing "));
        assertFalse(SiteText.isOneLine("two  spaces"));
        assertFalse(SiteText.isOneLine("a\nb"));
        assertFalse(SiteText.isOneLine("ideographic\u3000space"));
        assertTrue(SiteText.isOneLine("no-break\u00A0space"));
        assertEquals("a b c", SiteText.oneLine(" a \n b\t\tc "));
    }
}
