package io.answersite.cache;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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

    private FragmentFile() {
    }

    /**
     * One kept fragment: {@code kind\nid}, the digests of what it was made from, and its bytes (null
     * while a build has it in its {@link FragmentSpill}).
     */
    public record Stored(String key, byte[] source, byte[] inputs, byte[] value) {
    }

    public static void write(DataOutputStream out, List<Stored> entries, String key) throws IOException {
        out.writeUTF(FORMAT);
        out.writeUTF(key);
        out.writeInt(entries.size());
        for (Stored entry : entries) {
            writeEntry(out, entry);
        }
    }

    /** One entry as {@link #write} writes it (also the format of {@link FragmentSpill}'s files). */
    static void writeEntry(DataOutputStream out, Stored entry) throws IOException {
        out.writeUTF(entry.key());
        out.write(entry.source());
        out.write(entry.inputs());
        out.writeInt(entry.value().length);
        out.write(entry.value());
    }

    /**
     * One entry as {@link #writeEntry} wrote it.
     *
     * @throws java.io.EOFException at the end of the stream
     * @throws IOException when the entry is damaged
     */
    static Stored readEntry(DataInputStream in) throws IOException {
        String name = in.readUTF();
        byte[] source = new byte[DIGEST_BYTES];
        in.readFully(source);
        byte[] inputs = new byte[DIGEST_BYTES];
        in.readFully(inputs);
        int length = in.readInt();
        if (length < 0 || length > MAX_VALUE_BYTES) {
            throw new IOException("a fragment of " + length + " bytes");
        }
        byte[] value = new byte[length];
        in.readFully(value);
        return new Stored(name, source, inputs, value);
    }

    /** What {@link #write} wrote under {@code key}, by fragment key; empty for anything else. */
    public static Map<String, Stored> read(DataInputStream in, String key) {
        try {
            if (!FORMAT.equals(in.readUTF()) || !key.equals(in.readUTF())) {
                return Map.of();
            }
            int count = in.readInt();
            Map<String, Stored> entries = new HashMap<>(Math.max(16, Math.min(count, 1 << 20) * 4 / 3));
            for (int i = 0; i < count; i++) {
                Stored entry = readEntry(in);
                entries.put(entry.key(), entry);
            }
            return in.read() == -1 ? entries : Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of(); // an unreadable cache is no cache
        }
    }
}
