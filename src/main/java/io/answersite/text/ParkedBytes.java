package io.answersite.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Where a build keeps the large values it makes once and reads a few times (pages' bodies, Markdown
 * twins) when they no longer fit a budget: one temporary file, appended to and read back by position.
 * Without it a 50,000-page build held about 1 GB of such values from the load stage to its end; with
 * it, at most the budget, and the operating system's file cache holds the rest. A site whose values
 * fit the budget creates no file.
 *
 * <p>Only values that may sit on disk come here (never a page with a secret finding: the load stage
 * keeps those on the heap). The file is named {@code parked-….tmp}, in the folder given (the site's
 * build cache): {@link #close} deletes it, and one a stopped build leaves behind is deleted by the next
 * build of the site. Thread-safe: reads are positional and run in parallel.
 */
public final class ParkedBytes implements SpanSource, AutoCloseable {

    /** Where a value went: {@code length} bytes from {@code offset}. */
    public record Span(long offset, int length) {
    }

    private final Path folder;
    private final long budget;
    private final AtomicLong held = new AtomicLong();
    private Path file;
    private FileChannel channel;
    private long end;
    private volatile boolean closed;

    private ParkedBytes(Path folder, long budget) {
        this.folder = folder;
        this.budget = budget;
    }

    /**
     * A store that lets values of {@code budget} bytes in all stay on the heap, then takes the rest
     * into a temporary file in {@code folder}, created when the first value comes.
     */
    public static ParkedBytes in(Path folder, long budget) {
        return new ParkedBytes(folder, budget);
    }

    /**
     * Whether a value of {@code size} bytes should be written here: false while the values kept on
     * the heap so far, this one included, fit the budget (it is then counted as held).
     */
    public boolean shouldPark(long size) {
        if (budget == Long.MAX_VALUE || held.addAndGet(size) <= budget) {
            return false;
        }
        held.addAndGet(-size);
        return true;
    }

    /** A store that never writes: every value stays on the heap (builds without a cache, the preview). */
    public static ParkedBytes none() {
        return new ParkedBytes(null, Long.MAX_VALUE);
    }

    /**
     * {@code bytes} to be taken back later: held while the budget lasts (the same array each time),
     * otherwise written to the file and read back at each call.
     */
    public Supplier<byte[]> keep(byte[] bytes) {
        if (!shouldPark(bytes.length)) {
            return () -> bytes;
        }
        return new LeftBytes(this, write(bytes));
    }

    /** Appends {@code bytes} to the file. */
    public synchronized Span write(byte[] bytes) {
        if (closed) {
            throw new IllegalStateException("parked values are closed");
        }
        try {
            if (channel == null) {
                Files.createDirectories(folder);
                file = Files.createTempFile(folder, "parked-", ".tmp");
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long at = end;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
            Span span = new Span(end, bytes.length);
            end = at;
            return span;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary file in " + folder, e);
        }
    }

    /** The bytes written to {@code span}. */
    @Override
    public byte[] read(Span span) {
        return FileSpans.read(open(), span, file);
    }

    @Override
    public void read(Span span, int from, byte[] buffer, int length) {
        FileSpans.read(open(), span, from, buffer, length, file);
    }

    private FileChannel open() {
        FileChannel open;
        synchronized (this) {
            open = channel;
        }
        if (open == null || closed) {
            throw new IllegalStateException("parked values are closed");
        }
        return open;
    }

    /** Whether the file exists (some value did not fit the budget); for tests and the stage summary. */
    public synchronized boolean usedFile() {
        return file != null;
    }

    /**
     * Deletes the file. One that cannot be deleted is left for the next build of the site to delete
     * rather than failing a build whose output is already in place.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (channel == null) {
            return;
        }
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left for the next build of the site, which deletes every temporary file in the cache folder
        } finally {
            channel = null;
        }
    }
}
