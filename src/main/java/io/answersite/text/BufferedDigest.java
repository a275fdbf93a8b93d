package io.answersite.text;

import java.security.MessageDigest;

/**
 * A digest (SHA-256, or {@link Murmur3}) fed through a buffer of its own: the structural digests (a
 * page's inputs, its view) feed thousands of one-byte tags, four-byte lengths and short texts per
 * page, and each such call to the JDK's digest costs more than the byte it feeds. Texts are encoded
 * into the buffer directly ({@link #updateText}), as {@code String.getBytes(UTF_8)} would encode them
 * (an unpaired surrogate is {@code '?'}) but without an array per text. The digest is the same as
 * the unbuffered engine's.
 */
final class BufferedDigest extends MessageDigest {

    /** SHA-256's buffer: its engine's cost per call is what the buffer saves. */
    private static final int SIZE = 1024;

    private final MessageDigest sha;
    private final byte[] buffer;
    private int used;

    BufferedDigest() {
        this(Sha256.unbuffered(), SIZE);
    }

    /**
     * @param engine the digest fed, in runs of up to {@code size} bytes (SHA-256, or {@link Murmur3} for
     *     the build cache's records)
     * @param size the buffer's size: at least 64 bytes
     */
    BufferedDigest(MessageDigest engine, int size) {
        super(engine.getAlgorithm());
        this.sha = engine;
        this.buffer = new byte[Math.max(64, size)];
    }

    /** As {@link Sha256#updateText}: the text's length in chars (four bytes, big-endian), then its UTF-8 bytes. */
    void updateText(String text) {
        int length = text.length();
        room(4);
        putInt(length);
        int i = 0;
        while (i < length) {
            // a char takes at most three bytes and a surrogate pair four for its two chars, so this
            // many chars fit with one byte to spare (a pair may start at the last of them)
            int end = Math.min(length, i + (buffer.length - used - 1) / 3);
            if (end == i) {
                flush();
                continue;
            }
            for (; i < end; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    buffer[used++] = (byte) c;
                } else if (!Character.isSurrogate(c)) {
                    used = Utf8.putChar(buffer, used, c);
                } else if (Character.isHighSurrogate(c) && i + 1 < length
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    used = Utf8.putCodePoint(buffer, used, Character.toCodePoint(c, text.charAt(++i)));
                } else {
                    buffer[used++] = '?';
                }
            }
        }
    }

    /** As {@link Sha256#updateInt}. */
    void updateInt(int value) {
        room(4);
        putInt(value);
    }

    private void putInt(int value) {
        buffer[used++] = (byte) (value >>> 24);
        buffer[used++] = (byte) (value >>> 16);
        buffer[used++] = (byte) (value >>> 8);
        buffer[used++] = (byte) value;
    }

    private void room(int bytes) {
        if (used + bytes > buffer.length) {
            flush();
        }
    }

    private void flush() {
        if (used > 0) {
            sha.update(buffer, 0, used);
            used = 0;
        }
    }

    @Override
    protected void engineUpdate(byte input) {
        room(1);
        buffer[used++] = input;
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int length) {
        if (length > buffer.length / 4) {
            flush();
            sha.update(input, offset, length);
        } else {
            room(length);
            System.arraycopy(input, offset, buffer, used, length);
            used += length;
        }
    }

    @Override
    protected byte[] engineDigest() {
        flush();
        return sha.digest();
    }

    @Override
    protected void engineReset() {
        used = 0;
        sha.reset();
    }

    @Override
    protected int engineGetDigestLength() {
        return sha.getDigestLength();
    }
}
