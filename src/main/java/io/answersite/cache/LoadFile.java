package io.answersite.cache;

import io.answersite.content.LoadCache;
import io.answersite.content.Page;
import io.answersite.content.Snippet;
import io.answersite.text.Murmur3;
import io.answersite.text.Sha256;
import io.answersite.text.SpanSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The format of the build cache's copy of a {@link LoadCache} (in segments, {@code load-00.bin} to
 * {@code load-63.bin}, see {@link BuildCache#loads}; each segment is one such file): a {@link RecordCodec}
 * header (magic, format version, fingerprint of the page and snippet records), the file kind
 * {@code load}, the key the entries are valid for, the number of entries, then each entry (path, size,
 * content hash, page or snippet, findings) as a {@link LoadCache.Stored} value, sorted by path; nothing
 * after them. A file that is damaged, cut short, of another format or schema, or for another key
 * reads as an empty cache: every file is read again.
 */
public final class LoadFile {

    private static final RecordCodec CODEC = RecordCodec.of(LoadCache.Stored.class, Page.class, Snippet.class);
    private static final String KIND = "load";
    private static final int HASH_BYTES = 32;

    private LoadFile() {
    }

    /** Writes every entry of {@code cache} that has a content hash (all of a by-content cache's) under {@code key}. */
    public static void write(OutputStream out, LoadCache cache, String key) throws IOException {
        write(out, cache.stored().stream().filter(entry -> entry.contentHash() != null).toList(), key);
    }

    /** Writes {@code entries} (each with a content hash) under {@code key}: one segment of the build cache's. */
    public static void write(OutputStream out, List<LoadCache.Stored> entries, String key) throws IOException {
        ValueOutput output = CODEC.output(out);
        output.writeString(KIND);
        output.writeString(key);
        output.writeCount(entries.size());
        for (LoadCache.Stored entry : entries) {
            output.writeValue(entry);
        }
        output.flush();
    }

    /**
     * The by-content cache {@link #write} wrote under {@code key}; an empty one when the stream holds
     * anything else, is cut short, or cannot be read.
     */
    public static LoadCache read(InputStream in, String key) {
        return readEntries(in, key).map(LoadCache::byContent).orElseGet(LoadCache::byContent);
    }

    /**
     * The entries {@link #write} wrote under {@code key}; empty when the stream holds anything else,
     * is cut short, or cannot be read (all or nothing).
     */
    public static Optional<List<LoadCache.Stored>> readEntries(InputStream in, String key) {
        return readEntries(in, key, null);
    }

    /**
     * As {@link #readEntries(InputStream, String)}, for a stream of {@code file} from its first byte:
     * pages' bodies are left in the file ({@link RecordCodec#input(InputStream, SpanSource)}); null
     * reads them onto the heap.
     */
    public static Optional<List<LoadCache.Stored>> readEntries(InputStream in, String key, SpanSource file) {
        try {
            ValueInput input = file == null ? CODEC.input(in) : CODEC.input(in, file);
            if (!KIND.equals(input.readString()) || !key.equals(input.readString())) {
                return Optional.empty();
            }
            int count = input.readCount();
            List<LoadCache.Stored> entries = new ArrayList<>(Math.min(count, 1 << 16));
            for (int i = 0; i < count; i++) {
                LoadCache.Stored entry = input.readValue(LoadCache.Stored.class);
                if (entry == null || entry.path() == null || entry.diagnostics() == null || entry.contentHash() == null
                        || entry.contentHash().length != HASH_BYTES || entry.diagnostics().contains(null)) {
                    return Optional.empty();
                }
                entries.add(entry);
            }
            return input.atEnd() ? Optional.of(entries) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable cache is no cache
        }
    }

    /**
     * What a segment of entries is, for deciding whether to write it again: the key and each entry's
     * path and content hash (what a file gives is a function of its bytes under one key).
     */
    public static byte[] digest(List<LoadCache.Stored> entries, String key) {
        MessageDigest digest = Murmur3.records();
        Sha256.updateText(digest, key);
        Sha256.updateInt(digest, entries.size());
        for (LoadCache.Stored entry : entries) {
            Sha256.updateText(digest, entry.path());
            digest.update(entry.contentHash());
        }
        return digest.digest();
    }
}
