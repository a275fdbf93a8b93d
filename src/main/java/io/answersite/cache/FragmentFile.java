package io.answersite.cache;

import io.answersite.text.LargeText;
import io.answersite.text.LeftBytes;
import io.answersite.text.ParkedBytes;
import io.answersite.text.SpanSource;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The format of {@code fragments.bin}, the build cache's copy of the per-page pieces of the
 * machine files and checks ({@link Fragments#onDisk}): a header (format name and the key of the
 * inputs every fragment shares: plugin, configuration, request), the number of entries, then each
 * entry as its key, the 32-byte digests of its source and inputs, and its value's bytes. Values are
 * bytes only, decoded by the stage that made them, so reading the file creates no object of its
 * choosing. A file that is cut short, damaged or written for another key reads as empty.
 */
public final class FragmentFile {

    private static final String FORMAT = "answersite-fragments-1";
    private static final int DIGEST_BYTES = 32;
    /** A value larger than this is damage, not a page's piece. */
    private static final int MAX_VALUE_BYTES = 1 << 28;
    /** What a value left in a cache file is copied through when its segment is written again. */
    private static final int COPY_BUFFER_BYTES = 1 << 14;

    private FragmentFile() {
    }

    /**
     * One kept fragment: {@code kind\nid}, the digests of what it was made from, and its bytes: held,
     * or left in the cache file it was read from ({@code left}), or neither while a build has it in its
     * {@link FragmentSpill}.
     */
    public record Stored(String key, byte[] source, byte[] inputs, byte[] held, LeftBytes left) {

        /** A fragment whose bytes are {@code value} (null: in the build's spill). */
        public Stored(String key, byte[] source, byte[] inputs, byte[] value) {
            this(key, source, inputs, value, null);
        }

        /** The bytes: the held array, or read from the file they were left in at each call; null when spilled. */
        public byte[] value() {
            return held != null ? held : left != null ? left.get() : null;
        }

        /** How many bytes the value has, without reading it; 0 when spilled. */
        public int length() {
            return held != null ? held.length : left != null ? left.length() : 0;
        }

        /** Whether the bytes are left in the cache file they were read from. */
        public boolean leftInFile() {
            return left != null;
        }

        /** Whether the bytes are in the build's spill (neither held nor left in a file). */
        public boolean spilled() {
            return held == null && left == null;
        }
    }

    public static void write(DataOutputStream out, List<Stored> entries, String key) throws IOException {
        out.writeUTF(FORMAT);
        out.writeUTF(key);
        out.writeInt(entries.size());
        byte[] buffer = new byte[COPY_BUFFER_BYTES];
        for (Stored entry : entries) {
            writeEntry(out, entry, buffer);
        }
    }

    /** One entry as {@link #write} writes it: the format of {@link FragmentSpill}'s files. */
    static void writeEntry(DataOutputStream out, Stored entry) throws IOException {
        writeEntry(out, entry, null);
    }

    /**
     * One entry as {@link #write} writes it; a value left in the file it was read from is copied
     * through {@code buffer} (when not null), not read into an array of its own.
     */
    private static void writeEntry(DataOutputStream out, Stored entry, byte[] buffer) throws IOException {
        out.writeUTF(entry.key());
        out.write(entry.source());
        out.write(entry.inputs());
        if (buffer != null && entry.leftInFile()) {
            out.writeInt(entry.left().length());
            entry.left().copyTo(out, null, buffer);
            return;
        }
        byte[] value = entry.value();
        out.writeInt(value.length);
        out.write(value);
    }

    /**
     * One entry as {@link #writeEntry} wrote it.
     *
     * @throws java.io.EOFException at the end of the stream
     * @throws IOException when the entry is damaged
     */
    static Stored readEntry(DataInputStream in) throws IOException {
        return readEntry(in, null, null);
    }

    /**
     * As {@link #readEntry(DataInputStream)}; with {@code file} the file {@code in} reads from its
     * {@code position.count()}-th byte on, a value of {@link LargeText#SHORTEST_OFF_HEAP} bytes or more is
     * passed over and left there.
     */
    private static Stored readEntry(DataInputStream in, SpanSource file, Position position) throws IOException {
        String name = in.readUTF();
        byte[] source = new byte[DIGEST_BYTES];
        in.readFully(source);
        byte[] inputs = new byte[DIGEST_BYTES];
        in.readFully(inputs);
        int length = in.readInt();
        if (length < 0 || length > MAX_VALUE_BYTES) {
            throw new IOException("a fragment of " + length + " bytes");
        }
        if (file != null && length >= LargeText.SHORTEST_OFF_HEAP) {
            long at = position.count();
            in.skipNBytes(length);
            return new Stored(name, source, inputs, null, new LeftBytes(file, new ParkedBytes.Span(at, length)));
        }
        byte[] value = new byte[length];
        in.readFully(value);
        return new Stored(name, source, inputs, value);
    }

    /** What {@link #write} wrote under {@code key}, by fragment key; empty for anything else. */
    public static Map<String, Stored> read(DataInputStream in, String key) {
        return read(in, key, null);
    }

    /**
     * As {@link #read(DataInputStream, String)}, for a stream of {@code file} from its first byte: the
     * larger values (pages' Markdown twins, llms.json entries) are left in the file, which must stay open
     * and unchanged while they are read; null reads every value onto the heap.
     */
    public static Map<String, Stored> read(InputStream stream, String key, SpanSource file) {
        Position position = new Position(stream);
        DataInputStream in = new DataInputStream(position);
        try {
            if (!FORMAT.equals(in.readUTF()) || !key.equals(in.readUTF())) {
                return Map.of();
            }
            int count = in.readInt();
            Map<String, Stored> entries = new HashMap<>(Math.max(16, Math.min(count, 1 << 20) * 4 / 3));
            for (int i = 0; i < count; i++) {
                Stored entry = readEntry(in, file, position);
                entries.put(entry.key(), entry);
            }
            return in.read() == -1 ? entries : Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of(); // an unreadable cache is no cache
        }
    }

    /** A stream that counts the bytes taken from it, read or passed over: the position in its file. */
    private static final class Position extends FilterInputStream {

        private long count;

        Position(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
