package io.answersite.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.zip.Checksum;

/**
 * Bytes left in a file ({@code source}, at {@code span}): read into an array of their own when asked
 * for ({@link #get}), or copied and compared through a caller's buffer. An edited 10,000-page build
 * (default corpus shape) writes llms-full.txt and llms.json from about 100 MB of such parts (the
 * pages' twins and entries taken back from the build cache); read one array each, they were a twelfth
 * of what the build allocated (async-profiler, session 24).
 */
public record LeftBytes(SpanSource source, ParkedBytes.Span span) implements Supplier<byte[]> {

    @Override
    public byte[] get() {
        return source.read(span);
    }

    public int length() {
        return span.length();
    }

    /** Writes the bytes to {@code out} through {@code buffer}, adding them to {@code checksum} (or none: null). */
    public void copyTo(OutputStream out, Checksum checksum, byte[] buffer) throws IOException {
        for (int at = 0; at < span.length(); ) {
            int chunk = Math.min(buffer.length, span.length() - at);
            source.read(span, at, buffer, chunk);
            out.write(buffer, 0, chunk);
            if (checksum != null) {
                checksum.update(buffer, 0, chunk);
            }
            at += chunk;
        }
    }

    /** Whether the next {@link #length} bytes of {@code in} are these, read through two buffers of one size. */
    public boolean sameAs(InputStream in, byte[] mine, byte[] theirs) throws IOException {
        for (int at = 0; at < span.length(); ) {
            int chunk = Math.min(mine.length, span.length() - at);
            if (in.readNBytes(theirs, 0, chunk) != chunk) {
                return false;
            }
            source.read(span, at, mine, chunk);
            if (!Arrays.equals(mine, 0, chunk, theirs, 0, chunk)) {
                return false;
            }
            at += chunk;
        }
        return true;
    }
}
