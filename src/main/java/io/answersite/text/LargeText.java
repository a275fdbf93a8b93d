package io.answersite.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A long string (a page's HTML or Markdown) that a build may keep in a {@link ParkedBytes} file
 * instead of on the heap, as the UTF-8 bytes the build cache read it from ({@link #ofUtf8}), or in the
 * build cache's file where it was found ({@link #inFile}).
 * Immutable; equal to another when their text is, wherever each is kept. The length and blankness
 * of a string handed in are known without reading it back; everything else reads the file or
 * decodes the bytes, so a caller takes {@link #toString} once and works on that string.
 */
public final class LargeText {

    /** Shorter texts stay on the heap (parked or left in a file): the file would save less than the bookkeeping costs. */
    public static final int SHORTEST_OFF_HEAP = 512;

    private static final int UNKNOWN = -1;
    private static final byte BLANK = 1;
    private static final byte NOT_BLANK = 2;

    public static final LargeText EMPTY = new LargeText("", null, null, null, 0, BLANK);

    private final String held;
    /**
     * The text as UTF-8 when it came from the build cache: an edited build restores every page's
     * HTML and Markdown and reads few of them, so each is decoded when asked for, not all at once.
     */
    private final byte[] utf8;
    private final SpanSource store;
    private final ParkedBytes.Span span;
    private final int knownLength;
    private final byte knownBlank;
    /** {@link #utf8} decoded, once asked for (a benign race: a String is safely shared, and each thread decodes the same). */
    private String decoded;

    private LargeText(String held, byte[] utf8, SpanSource store, ParkedBytes.Span span, int knownLength,
                      byte knownBlank) {
        this.held = held;
        this.utf8 = utf8;
        this.store = store;
        this.span = span;
        this.knownLength = knownLength;
        this.knownBlank = knownBlank;
    }

    public static LargeText of(String text) {
        return text.isEmpty() ? EMPTY
                : new LargeText(text, null, null, null, text.length(), text.isBlank() ? BLANK : NOT_BLANK);
    }

    /**
     * The text whose UTF-8 encoding is {@code bytes} (as {@code new String(bytes, UTF_8)} decodes
     * them), decoded when first asked for; the caller gives up the array.
     */
    public static LargeText ofUtf8(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new LargeText(null, bytes, null, null, UNKNOWN, (byte) 0);
    }

    /**
     * The text whose UTF-8 encoding is the {@code span} of {@code source}, read back each time it is
     * asked for: a page's body an edited build restored from the build cache and left in its file.
     */
    public static LargeText inFile(SpanSource source, ParkedBytes.Span span) {
        return span.length() == 0 ? EMPTY : new LargeText(null, null, source, span, UNKNOWN, (byte) 0);
    }

    /**
     * This text kept in {@code store} when it is long and the store's budget is spent; otherwise
     * this text as it is.
     */
    public LargeText parkedIn(ParkedBytes store) {
        if (held == null && utf8 == null) {
            return this;
        }
        // measured, not encoded, first: most texts of most sites stay on the heap (bytes are never
        // fewer than chars, so a text read as bytes is not decoded to be measured)
        if ((utf8 != null ? utf8.length : knownLength) < SHORTEST_OFF_HEAP
                || !store.shouldPark(utf8 != null ? utf8.length : Utf8.length(held))) {
            return this;
        }
        byte[] bytes = utf8 != null ? utf8 : held.getBytes(StandardCharsets.UTF_8);
        return new LargeText(null, null, store, store.write(bytes), knownLength, knownBlank);
    }

    /** Whether the text is kept in a file (for tests). */
    public boolean isParked() {
        return store != null;
    }

    /** Whether the text is still the bytes it was read from, not decoded (for tests). */
    public boolean isUndecoded() {
        return utf8 != null && decoded == null;
    }

    public int length() {
        return knownLength != UNKNOWN ? knownLength : toString().length();
    }

    public boolean isEmpty() {
        return knownLength != UNKNOWN ? knownLength == 0 : utf8 != null ? utf8.length == 0 : span.length() == 0;
    }

    public boolean isBlank() {
        return knownBlank != 0 ? knownBlank == BLANK : toString().isBlank();
    }

    /**
     * The text in UTF-8. When the text is held as those bytes, the array itself is returned: callers
     * only read it (the build cache's writer).
     */
    public byte[] utf8() {
        if (utf8 != null) {
            return utf8;
        }
        return held != null ? held.getBytes(StandardCharsets.UTF_8) : store.read(span);
    }

    /** The text; read back from the file, or decoded once, when it is kept that way. */
    @Override
    public String toString() {
        if (held != null) {
            return held;
        }
        if (utf8 != null) {
            String text = decoded;
            if (text == null) {
                text = new String(utf8, StandardCharsets.UTF_8);
                decoded = text;
            }
            return text;
        }
        return new String(store.read(span), StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof LargeText that)) {
            return false;
        }
        if (utf8 != null && that.utf8 != null && Arrays.equals(utf8, that.utf8)) {
            return true;
        }
        return length() == that.length() && toString().equals(that.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
