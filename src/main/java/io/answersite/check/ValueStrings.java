package io.answersite.check;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The attribute values of a build's pages as strings, one instance per distinct run of bytes: a
 * value is decoded (and its entities resolved) from the first page that has it, and found by its
 * bytes on every other. The same links and ids are on thousands of pages, and decoding, hashing and
 * comparing a new string for each was a fifth of the built-site scan's samples (JFR, clean build of
 * the default 10,000-page corpus). Thread-safe.
 */
final class ValueStrings {

    /** A run of bytes, equal to another with the same bytes; the probe borrows the page's array. */
    private record Run(byte[] bytes, int from, int to, int hash) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Run that && hash == that.hash
                    && Arrays.equals(bytes, from, to, that.bytes, that.from, that.to);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Map<Run, String> byBytes = new ConcurrentHashMap<>();

    /** The value of bytes {@code from} to {@code to}, as UTF-8 with the templates' entities resolved. */
    String of(byte[] bytes, int from, int to) {
        int hash = 1;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + bytes[i];
        }
        String known = byBytes.get(new Run(bytes, from, to, hash));
        if (known != null) {
            return known;
        }
        String value = PageScanner.decode(bytes, from, to);
        String first = byBytes.putIfAbsent(new Run(Arrays.copyOfRange(bytes, from, to), 0, to - from, hash), value);
        return first != null ? first : value;
    }

    /** How many distinct values are held (for tests of what the table keeps). */
    int size() {
        return byBytes.size();
    }
}
