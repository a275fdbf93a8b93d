package io.answersite.markdown;

import java.text.Normalizer;
import java.util.Locale;

/** Anchor ids from text: lower case, letters and digits of any script kept, the rest turned into '-'. */
public final class Slugs {

    private static final int MAX_LENGTH = 64;

    private Slugs() {
    }

    public static String slug(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        int count = 0;
        for (int i = 0; i < normalized.length() && count < MAX_LENGTH; ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || cp == '_') {
                if (dash && out.length() > 0) {
                    out.append('-');
                    count++;
                }
                out.appendCodePoint(cp);
                count++;
                dash = false;
            } else {
                dash = true;
            }
        }
        return out.length() == 0 ? "section" : out.toString();
    }
}
