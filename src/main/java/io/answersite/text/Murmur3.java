package io.answersite.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;

/**
 * MurmurHash3, x64 128-bit variant, fed in parts: the digest of the build cache's own records of what
 * an output was made from ({@link #records}) and of each input file's bytes ({@link #of}). Those digests are compared only with digests this
 * class made in an earlier build of the same plugin, never published, and an equal digest means "made
 * from the same inputs" with the odds of an accidental collision of 128 bits; what a site publishes
 * (llms.json's content hashes) and what names a file by its content stay SHA-256. The reason is the
 * client compiler: the recommended settings for small sites run without C2, and without C2 the JDK's
 * SHA-256 runs as plain Java, about ten times slower than with its intrinsic — a quarter of the
 * samples of an edited build's CPU went to it. The digest is 32 bytes, as the cache's records hold:
 * the two 64-bit halves, then each half mixed once more.
 */
public final class Murmur3 extends MessageDigest {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private final long seed;
    private long h1;
    private long h2;
    private long length;
    private final byte[] pending = new byte[16];
    private int pendingLength;

    public Murmur3(long seed) {
        super("MurmurHash3-x64-128");
        this.seed = seed;
        engineReset();
    }

    /** Reads a little-endian long from a byte array in one access (and no buffer object per call, as a wrapping view needs). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** A buffered digest for the build cache's records of inputs and views (see the class comment). */
    public static MessageDigest records() {
        // a small buffer: a build makes about six of these per page (an edited 10,000-page build
        // allocated 0.14 GB of kilobyte buffers for them), and MurmurHash3 costs little per call
        return new BufferedDigest(new Murmur3(0), 256);
    }

    /** The 32-byte digest of {@code bytes}, seed 0. */
    public static byte[] of(byte[] bytes) {
        Murmur3 murmur = new Murmur3(0);
        murmur.engineUpdate(bytes, 0, bytes.length);
        return murmur.engineDigest();
    }

    @Override
    protected void engineUpdate(byte input) {
        pending[pendingLength++] = input;
        length++;
        if (pendingLength == 16) {
            block(littleEndian(pending, 0, 8), littleEndian(pending, 8, 8));
            pendingLength = 0;
        }
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int count) {
        length += count;
        int at = offset;
        int end = offset + count;
        if (pendingLength > 0) {
            int taken = Math.min(16 - pendingLength, count);
            System.arraycopy(input, at, pending, pendingLength, taken);
            pendingLength += taken;
            at += taken;
            if (pendingLength < 16) {
                return;
            }
            block(littleEndian(pending, 0, 8), littleEndian(pending, 8, 8));
            pendingLength = 0;
        }
        if (end - at >= 16) {
            // a little-endian view reads a word in one access; byte by byte, C1's code took 3x as long
            // (one-class benchmark over 1 MB of random bytes)
            for (; end - at >= 16; at += 16) {
                block((long) LONGS.get(input, at), (long) LONGS.get(input, at + 8));
            }
        }
        System.arraycopy(input, at, pending, 0, end - at);
        pendingLength = end - at;
    }

    private void block(long k1, long k2) {
        h1 ^= mixK1(k1);
        h1 = Long.rotateLeft(h1, 27) + h2;
        h1 = h1 * 5 + 0x52dce729;
        h2 ^= mixK2(k2);
        h2 = Long.rotateLeft(h2, 31) + h1;
        h2 = h2 * 5 + 0x38495ab5;
    }

    private static long mixK1(long k1) {
        return Long.rotateLeft(k1 * C1, 31) * C2;
    }

    private static long mixK2(long k2) {
        return Long.rotateLeft(k2 * C2, 33) * C1;
    }

    /** The {@code count} bytes from {@code at} as a little-endian number. */
    private static long littleEndian(byte[] bytes, int at, int count) {
        long value = 0;
        for (int i = count - 1; i >= 0; i--) {
            value = value << 8 | (bytes[at + i] & 0xFFL);
        }
        return value;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** The two halves of the hash of what was fed so far, as the reference implementation gives them (tested against its values). */
    long[] halves() {
        long a = h1;
        long b = h2;
        if (pendingLength > 8) {
            b ^= mixK2(littleEndian(pending, 8, pendingLength - 8));
        }
        if (pendingLength > 0) {
            a ^= mixK1(littleEndian(pending, 0, Math.min(pendingLength, 8)));
        }
        a ^= length;
        b ^= length;
        a += b;
        b += a;
        a = fmix(a);
        b = fmix(b);
        a += b;
        b += a;
        return new long[] {a, b};
    }

    @Override
    protected byte[] engineDigest() {
        long[] halves = halves();
        long[] words = {halves[0], halves[1], fmix(halves[0] ^ C2), fmix(halves[1] ^ C1)};
        byte[] digest = new byte[32];
        for (int w = 0; w < 4; w++) {
            for (int i = 0; i < 8; i++) {
                digest[w * 8 + i] = (byte) (words[w] >>> (56 - 8 * i));
            }
        }
        engineReset();
        return digest;
    }

    @Override
    protected void engineReset() {
        h1 = seed;
        h2 = seed;
        length = 0;
        pendingLength = 0;
    }

    @Override
    protected int engineGetDigestLength() {
        return 32;
    }
}
