package io.answersite.cache;

import io.answersite.content.LoadCache;
import io.answersite.content.Page;
import io.answersite.content.Snippet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The format of {@code load.bin}, the build cache's copy of a {@link LoadCache}: a {@link RecordCodec}
 * header (magic, format version, fingerprint of the page and snippet records), the file kind
 * {@code load}, the key the entries are valid for, the number of entries, then each entry (path, size,
 * SHA-256, page or snippet, findings) as a {@link LoadCache.Stored} value, sorted by path; nothing
 * after them. A file that is damaged, cut short, of another format or schema, or for another key
 * reads as an empty cache: every file is read again.
 */
public final class LoadFile {

    private static final RecordCodec CODEC = RecordCodec.of(LoadCache.Stored.class, Page.class, Snippet.class);
    private static final String KIND = "load";
    private static final int SHA256_BYTES = 32;

    private LoadFile() {
    }

    /** Writes every entry of {@code cache} that has a content hash (all of a by-content cache's) under {@code key}. */
    public static void write(OutputStream out, LoadCache cache, String key) throws IOException {
        List<LoadCache.Stored> entries = cache.stored().stream().filter(entry -> entry.sha256() != null).toList();
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
        try {
            ValueInput input = CODEC.input(in);
            if (!KIND.equals(input.readString()) || !key.equals(input.readString())) {
                return LoadCache.byContent();
            }
            int count = input.readCount();
            List<LoadCache.Stored> entries = new ArrayList<>(Math.min(count, 1 << 16));
            for (int i = 0; i < count; i++) {
                LoadCache.Stored entry = input.readValue(LoadCache.Stored.class);
                if (entry == null || entry.path() == null || entry.diagnostics() == null || entry.sha256() == null
                        || entry.sha256().length != SHA256_BYTES || entry.diagnostics().contains(null)) {
                    return LoadCache.byContent();
                }
                entries.add(entry);
            }
            return input.atEnd() ? LoadCache.byContent(entries) : LoadCache.byContent();
        } catch (IOException | RuntimeException e) {
            return LoadCache.byContent(); // an unreadable cache is no cache
        }
    }
}
