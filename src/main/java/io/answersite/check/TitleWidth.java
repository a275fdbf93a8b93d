package io.answersite.check;

/**
 * How wide a title is on a result page, counted in half-width characters: full-width characters
 * (CJK ideographs, kana, Hangul, full-width forms and punctuation, wide emoji) count two, every
 * other character one. Result pages cut titles at a width in pixels, and a full-width character is
 * about twice as wide as an average Latin one.
 */
final class TitleWidth {

    private TitleWidth() {
    }

    /** The width of {@code text}, full-width characters counting two. */
    static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            width += isFullWidth(cp) ? 2 : 1;
        }
        return width;
    }

    /** Whether {@code text} has a CJK character (Han, kana, Hangul or Bopomofo), so the CJK limit applies. */
    static boolean hasCjk(String text) {
        return text.codePoints().anyMatch(cp -> switch (Character.UnicodeScript.of(cp)) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, BOPOMOFO -> true;
            default -> false;
        });
    }

    /** East Asian Width W or F, by block (close enough for a length warning). */
    static boolean isFullWidth(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
