package io.answersite.text;

/**
 * Where a value kept off the heap is read back from, by position: a build's {@link ParkedBytes} file,
 * or a build cache file the value was found in ({@link FileSpans}). Reads may run in parallel.
 */
public interface SpanSource {

    /** The {@code span.length()} bytes at {@code span.offset()}. */
    byte[] read(ParkedBytes.Span span);

    /**
     * Reads {@code length} bytes of {@code span}, from {@code from} bytes into it, into the start of
     * {@code buffer}: a long span taken piece by piece, without an array of its own (see {@link LeftBytes}).
     */
    void read(ParkedBytes.Span span, int from, byte[] buffer, int length);
}
