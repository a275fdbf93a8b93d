package io.answersite.text;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes to strings through one reused buffer of chars, for a reader that decodes many strings
 * one after the other (the build cache's): not thread-safe, one per reader.
 */
public final class Utf8Decoder {

    private char[] chars = new char[256];

    /**
     * {@code new String(bytes, from, length, UTF_8)}, with well-formed text that is not ASCII decoded
     * through this decoder's buffer: the JDK decodes such text into an array of twice its bytes' length and
     * copies that into the string's own, so a Chinese text allocated about four times what the string
     * keeps (the restore of an edited 10,000-page build, default corpus shape, allocated about 100 MB
     * decoding strings, 54 MB this way; docs/PERFORMANCE.md, session 28). Anything malformed is the JDK's to
     * decode (with its replacement characters), as before.
     */
    public String decode(byte[] bytes, int from, int length) {
        int end = from + length;
        int ascii = from;
        while (ascii < end && bytes[ascii] >= 0) {
            ascii++;
        }
        if (ascii == end) {
            return new String(bytes, from, length, StandardCharsets.ISO_8859_1); // ASCII: one array, as it is
        }
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        char[] out = chars;
        int n = 0;
        for (int i = from; i < ascii; i++) {
            out[n++] = (char) bytes[i];
        }
        int i = ascii;
        while (i < end) {
            int b = bytes[i];
            if (b >= 0) {
                out[n++] = (char) b;
                i++;
            } else if ((b & 0xE0) == 0xC0 && i + 1 < end && (b & 0x1E) != 0 && continues(bytes[i + 1])) {
                out[n++] = (char) (((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
                i += 2;
            } else if ((b & 0xF0) == 0xE0 && i + 2 < end && continues(bytes[i + 1]) && continues(bytes[i + 2])) {
                char c = (char) (((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
                if (c < 0x800 || Character.isSurrogate(c)) {
                    return new String(bytes, from, length, StandardCharsets.UTF_8);
                }
                out[n++] = c;
                i += 3;
            } else if ((b & 0xF8) == 0xF0 && i + 3 < end && continues(bytes[i + 1]) && continues(bytes[i + 2])
                    && continues(bytes[i + 3])) {
                int codePoint = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3F) << 12) | ((bytes[i + 2] & 0x3F) << 6)
                        | (bytes[i + 3] & 0x3F);
                if (codePoint < 0x10000 || codePoint > Character.MAX_CODE_POINT) {
                    return new String(bytes, from, length, StandardCharsets.UTF_8);
                }
                out[n++] = Character.highSurrogate(codePoint);
                out[n++] = Character.lowSurrogate(codePoint);
                i += 4;
            } else {
                return new String(bytes, from, length, StandardCharsets.UTF_8);
            }
        }
        return new String(out, 0, n);
    }

    private static boolean continues(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
