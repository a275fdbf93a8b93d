package io.answersite.render;

import io.answersite.text.Utf8;
import java.io.Writer;
import java.util.Arrays;

/**
 * A writer that encodes what a template writes straight into UTF-8 bytes, the form a page is
 * written in. A page used to be built in a {@code StringWriter} (a synchronized buffer of chars that
 * grew by copying), copied into a {@code String} and encoded once more; that was a tenth of the
 * render stage's time on a 10,000-page site. The bytes are those of {@code String.getBytes(UTF_8)} of
 * everything written, also when a surrogate pair is split between two writes (an unpaired
 * surrogate becomes {@code '?'}, as there). Not thread-safe: one writer per page.
 */
final class Utf8Writer extends Writer {

    private byte[] bytes;
    private int size;
    private char[] chars = new char[512];
    /** A high surrogate at the end of the last write, waiting for its low half; 0 when none. */
    private char pendingHigh;

    Utf8Writer(int capacity) {
        bytes = new byte[Math.max(64, capacity)];
    }

    @Override
    public void write(String text) {
        write(text, 0, text.length());
    }

    @Override
    public void write(String text, int offset, int length) {
        int done = 0;
        while (done < length) {
            int part = Math.min(chars.length, length - done);
            text.getChars(offset + done, offset + done + part, chars, 0);
            encode(chars, 0, part);
            done += part;
        }
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        encode(buffer, offset, length);
    }

    @Override
    public void write(int c) {
        chars[0] = (char) c;
        encode(chars, 0, 1);
    }

    private void encode(char[] source, int offset, int length) {
        // at most three bytes a char (a surrogate pair: four bytes for two chars), plus a pending pair
        ensure(size + 3 * length + 4);
        byte[] out = bytes;
        int at = size;
        int end = offset + length;
        int i = offset;
        if (pendingHigh != 0 && i < end) {
            if (Character.isLowSurrogate(source[i])) {
                at = Utf8.putCodePoint(out, at, Character.toCodePoint(pendingHigh, source[i]));
                i++;
            } else {
                out[at++] = '?';
            }
            pendingHigh = 0;
        }
        for (; i < end; i++) {
            char c = source[i];
            if (c < 0x80) {
                out[at++] = (byte) c; // most of a page's markup
            } else if (!Character.isSurrogate(c)) {
                at = Utf8.putChar(out, at, c);
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 == end) {
                    pendingHigh = c;
                } else if (Character.isLowSurrogate(source[i + 1])) {
                    at = Utf8.putCodePoint(out, at, Character.toCodePoint(c, source[i + 1]));
                    i++;
                } else {
                    out[at++] = '?';
                }
            } else {
                out[at++] = '?';
            }
        }
        size = at;
    }

    private void ensure(int capacity) {
        if (capacity > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
        }
    }

    /** Everything written, in UTF-8; a high surrogate still waiting for its other half counts as {@code '?'}. */
    byte[] toByteArray() {
        if (pendingHigh != 0) {
            ensure(size + 1);
            bytes[size++] = '?';
            pendingHigh = 0;
        }
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
