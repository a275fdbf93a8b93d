package io.answersite.text;

/**
 * UTF-8 encoding into a caller's array, for the writers that encode text as it comes instead of
 * through {@code String.getBytes} (a rendered page, the structural digests), and the length of an
 * encoding without making it. Surrogates are the
 * callers' business (a pair may be split between two writes); both write {@code '?'} for an
 * unpaired one, as {@code getBytes} does.
 */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * How many bytes {@code text} takes in UTF-8, as {@code getBytes(UTF_8)} writes it (an unpaired
     * surrogate as one {@code '?'}), without encoding it.
     */
    public static int length(String text) {
        int length = text.length();
        // over a copy of the chars: with the client compiler alone, charAt's checks made it about twice as
        // slow (one-class benchmark over 50 answers of the default corpus)
        char[] chars = new char[length];
        text.getChars(0, length, chars, 0);
        int bytes = length;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isSurrogate(c)) {
                    if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
                        bytes += 2; // two chars, four bytes
                        i++;
                    } // an unpaired surrogate is one '?'
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    /** Puts the one to three bytes of {@code c}, which is not a surrogate, at {@code at}; returns the index after them. */
    public static int putChar(byte[] out, int at, char c) {
        if (c < 0x80) {
            out[at++] = (byte) c;
        } else if (c < 0x800) {
            out[at++] = (byte) (0xC0 | (c >> 6));
            out[at++] = (byte) (0x80 | (c & 0x3F));
        } else {
            out[at++] = (byte) (0xE0 | (c >> 12));
            out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            out[at++] = (byte) (0x80 | (c & 0x3F));
        }
        return at;
    }

    /** Puts the four bytes of a code point above U+FFFF (a surrogate pair) at {@code at}; returns the index after them. */
    public static int putCodePoint(byte[] out, int at, int codePoint) {
        out[at++] = (byte) (0xF0 | (codePoint >> 18));
        out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
        out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        out[at++] = (byte) (0x80 | (codePoint & 0x3F));
        return at;
    }
}
