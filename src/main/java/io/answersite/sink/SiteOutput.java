package io.answersite.sink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Where a build puts its files: a staging folder on disk ({@code output.OutputTree}, the write stage) or memory
 * ({@link MemoryOutput}, for the preview server). Paths are relative with {@code /} separators; a
 * path that is absolute, climbs with {@code ..}, or is written twice is a programming error.
 */
public interface SiteOutput {

    void write(String relativePath, byte[] bytes);

    default void write(String relativePath, String text) {
        write(relativePath, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a file made of {@code parts}, in order. An output may keep the parts apart: the preview
     * does, so that a rebuild of a large file whose parts are mostly the objects of the last build
     * (llms-full.txt, llms.json) copies nothing; the others write their concatenation.
     */
    default void write(String relativePath, List<byte[]> parts) {
        write(relativePath, join(parts));
    }

    /** The parts one after the other, in one array. */
    static byte[] join(List<byte[]> parts) {
        int size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        byte[] joined = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }

    /** Writes what {@code in} holds (and closes it). */
    default void copy(String relativePath, InputStream in) {
        byte[] bytes;
        try (in) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relativePath, e);
        }
        write(relativePath, bytes);
    }

    /**
     * Keeps the file the published output folder holds at {@code relativePath}, which the last build
     * wrote with this hash (SHA-256 for a Markdown twin, whose hash llms.json publishes, MurmurHash3
     * for a search shard and the render cache's page hash for a page: one path is always hashed the
     * same way) and which is still as that build left it: an output that replaces that
     * folder leaves the file as it is, without writing or comparing it again; any other output writes
     * {@code bytes} (read from the published file when asked for).
     */
    default void keepPublished(String relativePath, byte[] hash, Supplier<byte[]> bytes) {
        write(relativePath, bytes.get());
    }

    /** Every path written in this build, sorted. */
    List<String> paths();

    /**
     * Every path written in this build, in no order (what {@link #paths} sorts: some 27,000 paths of a
     * 10,000-page site, sorted for nothing when only looked up).
     */
    default Set<String> pathSet() {
        return Set.copyOf(paths());
    }

    /** The bytes written at a path in this build. */
    byte[] read(String relativePath);

    /** Checks that a relative output path is safe; throws otherwise. */
    static void requireSafe(String relativePath) {
        if (relativePath.isEmpty() || relativePath.startsWith("/")) {
            throw new IllegalArgumentException("output paths are relative: '" + relativePath + "'");
        }
        // every segment checked as Safety.BAD_SEGMENT says, without a split and a matcher per write
        int start = 0;
        while (start <= relativePath.length()) {
            int end = relativePath.indexOf('/', start);
            if (end < 0) {
                end = relativePath.length();
            }
            if (badSegment(relativePath, start, end)) {
                throw new IllegalArgumentException("unsafe output path '" + relativePath + "'");
            }
            start = end + 1;
        }
    }

    /** Whether {@code path}'s segment from {@code start} to {@code end} matches {@link Safety#BAD_SEGMENT}. */
    private static boolean badSegment(String path, int start, int end) {
        int length = end - start;
        if (length == 0 || length <= 2 && path.startsWith("..".substring(0, length), start)) {
            return true; // "", "." or ".."
        }
        for (int i = start; i < end; i++) {
            char c = path.charAt(i);
            if (c == '\\' || c == ':' || c < 0x20) {
                return true;
            }
        }
        return false;
    }

    /** Holder of the pattern, so the interface exposes no constant of its own. */
    final class Safety {
        static final Pattern BAD_SEGMENT = Pattern.compile("|\\.|\\.\\.|.*[\\\\:\\x00-\\x1f].*");

        private Safety() {
        }
    }
}
