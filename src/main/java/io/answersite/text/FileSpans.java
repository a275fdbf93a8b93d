package io.answersite.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file read back by position, for values a build found in it and left there: an edited build
 * restores every page's body and Markdown twin from the build cache and reads few of them, so
 * copying them all onto the heap only made the collector copy them again (about 0.3 GB at 10,000
 * pages). The file is opened once, read in parallel, never written; {@link #close} is the owner's.
 * A file replaced on disk while open is still read as it was (the channel keeps the old file).
 *
 * <p>Read through a memory mapping where the system lets a mapped file be replaced (not Windows) and
 * the file is under 2 GB: an edited 10,000-page build (default corpus shape) copies about 27,000
 * values left in the cache's files into llms-full.txt and llms.json, and with one {@code pread} each
 * reading them took 126 ms of CPU against 36 ms mapped (async-profiler, docs/PERFORMANCE.md, session
 * 28). The mapping goes with the object, when it is collected; a closed file is not read again either
 * way.
 */
public final class FileSpans implements SpanSource, AutoCloseable {

    /** Windows cannot replace or delete a mapped file, and a mapping is let go only when it is collected. */
    private static final boolean MAPS = !System.getProperty("os.name", "").startsWith("Windows");

    private final Path file;
    private final FileChannel channel;
    /** The file's bytes, mapped; null: read by position. */
    private final MappedByteBuffer mapped;
    private volatile boolean closed;

    private FileSpans(Path file, FileChannel channel, MappedByteBuffer mapped) {
        this.file = file;
        this.channel = channel;
        this.mapped = mapped;
    }

    /** Opens {@code file} for reading. */
    public static FileSpans open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        MappedByteBuffer mapped = null;
        try {
            long size = channel.size();
            if (MAPS && size > 0 && size <= Integer.MAX_VALUE) {
                mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            }
        } catch (IOException | UnsupportedOperationException e) {
            mapped = null; // read by position
        }
        return new FileSpans(file, channel, mapped);
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    @Override
    public byte[] read(ParkedBytes.Span span) {
        if (closed) {
            throw new IllegalStateException("the values read from " + file + " are no longer kept");
        }
        if (mapped == null) {
            return read(channel, span, file);
        }
        byte[] bytes = new byte[span.length()];
        read(span, 0, bytes, bytes.length);
        return bytes;
    }

    @Override
    public void read(ParkedBytes.Span span, int from, byte[] buffer, int length) {
        if (closed) {
            throw new IllegalStateException("the values read from " + file + " are no longer kept");
        }
        if (mapped == null) {
            read(channel, span, from, buffer, length, file);
            return;
        }
        if (from < 0 || length < 0 || (long) from + length > span.length() || length > buffer.length) {
            throw new IndexOutOfBoundsException(length + " bytes from " + from + " of a span of " + span.length());
        }
        long at = span.offset() + from;
        if (at < 0 || at + length > mapped.capacity()) {
            throw new UncheckedIOException("cannot read back " + file,
                    new IOException("the file ends before " + (span.offset() + span.length())));
        }
        try {
            mapped.get((int) at, buffer, 0, length);
        } catch (InternalError e) {
            // the file was cut short under the mapping since it was opened: the JVM reports the fault so
            throw new UncheckedIOException("cannot read back " + file, new IOException(e.getMessage(), e));
        }
    }

    /** The bytes of {@code span} in {@code channel}, the open file {@code file}, read by position. */
    static byte[] read(FileChannel channel, ParkedBytes.Span span, Path file) {
        byte[] bytes = new byte[span.length()];
        read(channel, span, 0, bytes, bytes.length, file);
        return bytes;
    }

    /** {@code length} bytes of {@code span} from {@code from} on, into the start of {@code into}, read by position. */
    static void read(FileChannel channel, ParkedBytes.Span span, int from, byte[] into, int length, Path file) {
        if (from < 0 || length < 0 || (long) from + length > span.length() || length > into.length) {
            throw new IndexOutOfBoundsException(length + " bytes from " + from + " of a span of " + span.length());
        }
        ByteBuffer buffer = ByteBuffer.wrap(into, 0, length);
        try {
            long at = span.offset() + from;
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, at);
                if (read < 0) {
                    throw new IOException("the file ends before " + (span.offset() + span.length()));
                }
                at += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + file, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written: nothing is lost
        }
    }
}
