package io.answersite.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one SHA-256 helper: digests of bytes and of text (as UTF-8), and their hexadecimal form. Every
 * hash the build keeps or prints (cache keys, fingerprinted asset names, finding ids, content
 * hashes) is made here.
 */
public final class Sha256 {

    private Sha256() {
    }

    /**
     * A new digest to feed in parts, buffered: cheap to feed one byte, one length or one text at a
     * time ({@link #updateText}, {@link #updateInt}).
     */
    public static MessageDigest digest() {
        return new BufferedDigest();
    }

    /** The JDK's digest itself, for what is fed in large arrays. */
    static MessageDigest unbuffered() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static byte[] of(byte[] bytes) {
        return unbuffered().digest(bytes);
    }

    /** The digest of {@code text} written as UTF-8. */
    public static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** All 64 hexadecimal digits of the digest of {@code text} (UTF-8). */
    public static String hex(String text) {
        return hex(of(text));
    }

    /** The digest in lower-case hexadecimal. */
    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** The first {@code bytes} bytes of the digest in lower-case hexadecimal (twice as many digits). */
    public static String hex(byte[] digest, int bytes) {
        return HexFormat.of().formatHex(digest, 0, bytes);
    }

    /**
     * Feeds {@code text} to {@code digest} as its length in chars (four bytes, big-endian) and its
     * UTF-8 bytes: length-prefixed, so that no two sequences of texts feed the same bytes (the chars
     * a UTF-8 sequence stands for are known from its first byte, so the length says where the text
     * ends as well as a count of bytes would, and costs no pass over the text to measure it).
     */
    public static void updateText(MessageDigest digest, String text) {
        if (digest instanceof BufferedDigest buffered) {
            buffered.updateText(text);
            return;
        }
        updateInt(digest, text.length());
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Feeds {@code value} to {@code digest} as four bytes, big-endian. */
    public static void updateInt(MessageDigest digest, int value) {
        if (digest instanceof BufferedDigest buffered) {
            buffered.updateInt(value);
            return;
        }
        digest.update((byte) (value >>> 24));
        digest.update((byte) (value >>> 16));
        digest.update((byte) (value >>> 8));
        digest.update((byte) value);
    }
}
