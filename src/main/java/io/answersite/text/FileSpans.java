package io.answersite.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file read back by position, for values a build found in it and left there: an edited build
 * restores every page's body and Markdown twin from the build cache and reads few of them, so
 * copying them all onto the heap only made the collector copy them again (about 0.3 GB at 10,000
 * pages). The file is opened once, read in parallel, never written; {@link #close} is the owner's.
 * A file replaced on disk while open is still read as it was (the channel keeps the old file).
 */
public final class FileSpans implements SpanSource, AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private volatile boolean closed;

    private FileSpans(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens {@code file} for reading. */
    public static FileSpans open(Path file) throws IOException {
        return new FileSpans(file, FileChannel.open(file, StandardOpenOption.READ));
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
        return read(channel, span, file);
    }

    @Override
    public void read(ParkedBytes.Span span, int from, byte[] buffer, int length) {
        if (closed) {
            throw new IllegalStateException("the values read from " + file + " are no longer kept");
        }
        read(channel, span, from, buffer, length, file);
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
