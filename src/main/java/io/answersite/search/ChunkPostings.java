package io.answersite.search;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * One chunk's merged postings (see {@code SearchIndex}) in the form the build cache and the preview
 * keep: the number of tokens, then each token as its place in the shard order (two bytes), its UTF-8
 * length and bytes, its number of pairs, the byte length of its pairs and the pairs (document as the
 * difference from the one before, weight), every number after the place an unsigned LEB128 varint
 * (a large site holds every chunk of a language at once; with four-byte integers the fragment
 * files of the 50,000-page corpus, default shape, took 0.82 GB, with varints 0.63 GB).
 *
 * <p>Tokens are sorted by their shard hash with its sixteen low bits reversed: whatever power of two
 * the number of shards is, the tokens of one shard are then one range of the chunk. So an edit
 * finds which shards' postings changed by comparing ranges ({@link #digest}), and merges only those
 * ranges of every chunk ({@link #forEachIn}), without reading the rest of the index. Bytes only, so
 * that reading the cache builds nothing of its choosing; anything that does not read back exactly
 * is damage.
 */
final class ChunkPostings implements ChunkSource {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes;
    /** Each token's place in the shard order, in the order of the bytes. */
    private final int[] orders;
    /** Where each token's entry starts, and after the last, where the bytes end. */
    private final int[] starts;
    /**
     * By number of shards, the digest of each shard's range (two longs per shard, see {@link #digest}):
     * made once per chunk, so that the preview, which keeps the chunks no edit touched, digests only
     * the chunks an edit made again.
     */
    private final Map<Integer, long[]> digestsByShards = new ConcurrentHashMap<>();

    private ChunkPostings(byte[] bytes, int[] orders, int[] starts) {
        this.bytes = bytes;
        this.orders = orders;
        this.starts = starts;
    }

    /** The chunk's postings, token to pairs in document order. */
    static ChunkPostings of(Map<String, Postings> postings) {
        return of(postings.keySet().toArray(String[]::new), postings.values().toArray(Postings[]::new));
    }

    /** As {@link #of(Map)}, for tokens and their postings in two parallel arrays, in any order. */
    static ChunkPostings of(String[] tokens, Postings[] postings) {
        record Entry(int order, String token, byte[] utf8, Postings postings) {
        }
        List<Entry> entries = new ArrayList<>(tokens.length);
        int size = 5;
        for (int i = 0; i < tokens.length; i++) {
            byte[] utf8 = tokens[i].getBytes(StandardCharsets.UTF_8);
            entries.add(new Entry(order(tokens[i]), tokens[i], utf8, postings[i]));
            size += 2 + 5 + utf8.length + 5 + 5 + postings[i].size() * 10;
        }
        entries.sort(Comparator.comparingInt(Entry::order).thenComparing(Entry::token));
        ByteBuffer buffer = ByteBuffer.allocate(size);
        putVarint(buffer, entries.size());
        int mostPairs = entries.stream().mapToInt(e -> e.postings().size()).max().orElse(0);
        ByteBuffer pairs = ByteBuffer.allocate(mostPairs * 10);
        for (Entry entry : entries) {
            buffer.putShort((short) entry.order());
            putVarint(buffer, entry.utf8().length);
            buffer.put(entry.utf8());
            Postings list = entry.postings();
            pairs.clear();
            int previous = 0;
            for (int i = 0; i < list.size(); i++) {
                putVarint(pairs, list.doc(i) - previous);
                putVarint(pairs, list.weight(i));
                previous = list.doc(i);
            }
            putVarint(buffer, list.size());
            putVarint(buffer, pairs.position());
            buffer.put(pairs.array(), 0, pairs.position());
        }
        return read(Arrays.copyOf(buffer.array(), buffer.position()));
    }

    /** Reads what {@link #bytes} gave; throws on bytes that do not read back exactly. */
    static ChunkPostings read(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int count = varint(buffer);
        if (count < 0 || count > buffer.remaining() / 5) {
            throw new IllegalArgumentException("not a chunk's postings");
        }
        int[] orders = new int[count];
        int[] starts = new int[count + 1];
        int previous = 0;
        for (int i = 0; i < count; i++) {
            starts[i] = buffer.position();
            int order = Short.toUnsignedInt(buffer.getShort());
            int length = varint(buffer);
            if (order < previous || length < 0 || length > buffer.remaining()) {
                throw new IllegalArgumentException("not a chunk's postings");
            }
            buffer.position(buffer.position() + length);
            int pairs = varint(buffer);
            int pairBytes = varint(buffer);
            if (pairs < 0 || pairBytes < 2 * pairs || pairBytes > buffer.remaining()) {
                throw new IllegalArgumentException("not a chunk's postings");
            }
            int end = buffer.position() + pairBytes;
            for (int n = 0; n < 2 * pairs; n++) {
                varint(buffer);
            }
            if (buffer.position() != end) {
                throw new IllegalArgumentException("not a chunk's postings");
            }
            orders[i] = order;
            previous = order;
        }
        if (buffer.hasRemaining()) {
            throw new IllegalArgumentException("not a chunk's postings");
        }
        starts[count] = bytes.length;
        return new ChunkPostings(bytes, orders, starts);
    }

    /** Writes {@code value} as an unsigned 32-bit number, seven bits a byte, low bits first. */
    private static void putVarint(ByteBuffer buffer, int value) {
        int rest = value;
        while ((rest & ~0x7f) != 0) {
            buffer.put((byte) ((rest & 0x7f) | 0x80));
            rest >>>= 7;
        }
        buffer.put((byte) rest);
    }

    /** Reads what {@link #putVarint} wrote; throws on a number longer than five bytes or cut short. */
    private static int varint(ByteBuffer buffer) {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (!buffer.hasRemaining()) {
                throw new IllegalArgumentException("not a chunk's postings");
            }
            byte next = buffer.get();
            value |= (next & 0x7f) << shift;
            if (next >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("not a chunk's postings");
    }

    byte[] bytes() {
        return bytes;
    }

    /** How many tokens the chunk holds. */
    int tokens() {
        return orders.length;
    }

    @Override
    public void forEachIn(int shard, int shards, BiConsumer<String, Postings> action) {
        forEachEntry(bytes, starts[first(start(shard, shards))], starts[first(end(shard, shards))], action);
    }

    /**
     * Hands each token entry of {@code bytes} from {@code from} to {@code to} (entries as {@link #bytes}
     * has them, without the count before them) and its pairs to {@code action}; throws on bytes that
     * do not read back exactly.
     */
    static void forEachEntry(byte[] bytes, int from, int to, BiConsumer<String, Postings> action) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, from, to - from);
        while (buffer.hasRemaining()) {
            if (buffer.remaining() < 2) {
                throw new IllegalArgumentException("not a chunk's postings");
            }
            buffer.position(buffer.position() + 2); // the token's place in the shard order
            int length = varint(buffer);
            if (length < 0 || length > buffer.remaining()) {
                throw new IllegalArgumentException("not a chunk's postings");
            }
            String token = new String(bytes, buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
            int pairs = varint(buffer);
            int pairBytes = varint(buffer);
            if (pairs < 0 || pairBytes < 2 * pairs || pairBytes > buffer.remaining()) {
                throw new IllegalArgumentException("not a chunk's postings");
            }
            int end = buffer.position() + pairBytes;
            Postings list = new Postings(pairs);
            int doc = 0;
            for (int n = 0; n < pairs; n++) {
                doc += varint(buffer);
                list.add(doc, varint(buffer));
            }
            if (buffer.position() != end) {
                throw new IllegalArgumentException("not a chunk's postings");
            }
            action.accept(token, list);
        }
    }

    @Override
    public void digest(int shard, int shards, Digest digest) {
        long[] digests = digests(shards);
        digest.add(digests[2 * shard], digests[2 * shard + 1]);
    }

    /** The digest of each of {@code shards} shards' range, two longs each: made once per number of shards. */
    private long[] digests(int shards) {
        return digestsByShards.computeIfAbsent(shards, count -> {
            long[] each = new long[count * 2];
            for (int i = 0; i < count; i++) {
                Digest range = new Digest();
                range.add(bytes, starts[first(start(i, count))], starts[first(end(i, count))]);
                each[2 * i] = range.first;
                each[2 * i + 1] = range.second;
            }
            return each;
        });
    }

    /** Where each of {@code shards} shards' range lies in {@link #bytes}, with the digest of each ({@link #digest}'s). */
    ShardRanges ranges(int shards) {
        int[] bounds = new int[shards * 2];
        for (int i = 0; i < shards; i++) {
            bounds[2 * i] = starts[first(start(i, shards))];
            bounds[2 * i + 1] = starts[first(end(i, shards))];
        }
        return new ShardRanges(bounds, digests(shards).clone());
    }

    /** The first token whose order is at least {@code order}. */
    private int first(int order) {
        int low = 0;
        int high = orders.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (orders[middle] < order) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * A token's place in the shard order: the sixteen low bits of {@link SearchIndex#shard}'s hash,
     * reversed. For a power of two {@code 2^k} of shards, the shard is the hash's {@code k} low bits,
     * which are this order's {@code k} high bits.
     */
    static int order(String token) {
        return Integer.reverse(SearchIndex.shard(token, 1 << 16)) >>> 16;
    }

    private static int start(int shard, int shards) {
        int bits = Integer.numberOfTrailingZeros(shards);
        return bits == 0 ? 0 : (Integer.reverse(shard) >>> (32 - bits)) << (16 - bits);
    }

    private static int end(int shard, int shards) {
        int bits = Integer.numberOfTrailingZeros(shards);
        return bits == 0 ? 1 << 16 : ((Integer.reverse(shard) >>> (32 - bits)) + 1) << (16 - bits);
    }

    /**
     * A 128-bit digest of byte ranges, two multiply-rotate lanes over eight bytes at a time: quick
     * enough to take every shard of every chunk in each build, and wide enough that two different
     * postings never meet by chance (the postings are the site's own text, not an adversary's).
     */
    static final class Digest {
        private static final HexFormat HEX = HexFormat.of();
        private long first = 0x9E3779B97F4A7C15L;
        private long second = 0xC2B2AE3D27D4EB4FL;

        void add(byte[] bytes, int from, int to) {
            mix(to - from);
            int i = from;
            for (; i + 8 <= to; i += 8) {
                mix((long) LONGS.get(bytes, i));
            }
            long tail = 0;
            for (; i < to; i++) {
                tail = tail << 8 | (bytes[i] & 0xff);
            }
            mix(tail);
        }

        void add(int value) {
            mix(value);
        }

        /** Adds another digest's two lanes. */
        void add(long first, long second) {
            mix(first);
            mix(second);
        }

        private void mix(long value) {
            first = Long.rotateLeft((first ^ value) * 0x9E3779B97F4A7C15L, 31);
            second = Long.rotateLeft((second + value) * 0xFF51AFD7ED558CCDL, 29) ^ first;
        }

        String hex() {
            return HEX.toHexDigits(first) + HEX.toHexDigits(second); // String.format: 6 % of an edited 10,000-page build's search index (default shape)
        }

        /** Whether this digest's two lanes are {@code first} and {@code second}. */
        boolean is(long first, long second) {
            return this.first == first && this.second == second;
        }
    }
}
