package io.answersite.text;

import java.nio.charset.StandardCharsets;

/**
 * A long string (a page's HTML or Markdown) that a build may keep in a {@link ParkedBytes} file
 * instead of on the heap. Immutable; equal to another when their text is, wherever each is kept.
 * Its length and whether it is blank are known without reading it back; everything else reads the
 * file, so a caller takes {@link #toString} once and works on that string.
 */
public final class LargeText {

    /** Shorter texts stay on the heap: the file would save less than the bookkeeping costs. */
    static final int SHORTEST_PARKED = 512;

    public static final LargeText EMPTY = new LargeText("", null, null, 0, true);

    private final String held;
    private final ParkedBytes store;
    private final ParkedBytes.Span span;
    private final int length;
    private final boolean blank;

    private LargeText(String held, ParkedBytes store, ParkedBytes.Span span, int length, boolean blank) {
        this.held = held;
        this.store = store;
        this.span = span;
        this.length = length;
        this.blank = blank;
    }

    public static LargeText of(String text) {
        return text.isEmpty() ? EMPTY : new LargeText(text, null, null, text.length(), text.isBlank());
    }

    /**
     * This text kept in {@code store} when it is long and the store's budget is spent; otherwise
     * this text as it is.
     */
    public LargeText parkedIn(ParkedBytes store) {
        if (held == null || length < SHORTEST_PARKED) {
            return this;
        }
        // measured, not encoded, first: most texts of most sites stay on the heap
        if (!store.shouldPark(Utf8.length(held))) {
            return this;
        }
        return new LargeText(null, store, store.write(held.getBytes(StandardCharsets.UTF_8)), length, blank);
    }

    /** Whether the text is kept in a file (for tests). */
    public boolean isParked() {
        return held == null;
    }

    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    public boolean isBlank() {
        return blank;
    }

    /** The text; read back from the file when it is kept there. */
    @Override
    public String toString() {
        return held != null ? held : new String(store.read(span), StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof LargeText that && length == that.length
                && toString().equals(that.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
