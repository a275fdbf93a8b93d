package io.answersite.cache;

import io.answersite.text.LargeText;
import io.answersite.text.Murmur3;
import io.answersite.text.Sha256;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A digest ({@link io.answersite.text.Murmur3}) of what an output was made from, comparable across
 * builds: the build cache keeps it on
 * disk where the preview keeps the inputs themselves and compares them with {@code equals}. Values
 * are digested by structure (records component by component, strings, numbers, booleans, enums,
 * lists, sets and maps in an order that does not depend on hash codes, and a few immutable JDK
 * value types and regular expressions), each tagged and length-prefixed. A {@link Same} stands for a record read from a
 * file and is digested as that file ({@code identities}: its path and content hash), or, when it was
 * not read from a file, by its content (once per instance). A value of any other type makes the
 * inputs undigestable ({@link #digest} returns null): the output is then made again, never reused on
 * a guess. Thread-safe.
 */

public final class InputDigest {

    private static final byte[] UNKNOWN = new byte[0];

    private final Function<Object, byte[]> identities;
    /** Digests of records not read from a file and of {@link Shared} values, by instance (no lock on reads). */
    private final Map<Same, byte[]> byInstance = new ConcurrentHashMap<>();
    private final Map<Enum<?>, byte[]> enums = new ConcurrentHashMap<>(); // each constant's bytes, as fed
    private final RecordComponents components = new RecordComponents();

    /** @param identities for a record read from a file, a digest of the file (path and content); null otherwise */
    public InputDigest(Function<Object, byte[]> identities) {
        this.identities = identities;
    }

    /** Inputs already digested ({@link Fragments#compared}): digested as these bytes. */
    public record Digested(byte[] bytes) {
    }

    /** The digest of {@code inputs}, or null when they hold a value this class cannot digest. */
    public byte[] digest(Object inputs) {
        MessageDigest sha = Murmur3.records();
        try {
            value(sha, inputs);
        } catch (Undigestable e) {
            return null;
        }
        return sha.digest();
    }

    /**
     * The digest of the file {@code record} was read from (its path and bytes), or null when it was
     * not read from a file the build cache trusts (a file with a secret finding is never trusted).
     */
    public byte[] fileOf(Object record) {
        return identities == null ? null : identities.apply(record);
    }

    /** Fails, naming the type, when {@code inputs} hold a value this class cannot digest (for tests). */
    public void requireDigestable(Object inputs) {
        try {
            value(Murmur3.records(), inputs);
        } catch (Undigestable e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static final class Undigestable extends RuntimeException {
        Undigestable(String message) {
            super(message, null, false, false);
        }
    }

    private void value(MessageDigest sha, Object value) {
        if (value instanceof LargeText text) {
            RecordComponents.digestPlain(sha, text.toString()); // as the string: wherever the text is kept
            return;
        }
        if (RecordComponents.digestPlain(sha, value)) {
            return;
        }
        if (value instanceof Same same) {
            sha.update((byte) '=');
            sha.update(same(same.value()));
        } else if (value instanceof Digested digested) {
            sha.update((byte) 'D');
            sha.update(digested.bytes());
        } else if (value instanceof Shared once) {
            sha.update((byte) 'd');
            sha.update(shared(once));
        } else if (value instanceof Integer number) { // the commonest number: its four bytes, not its text
            sha.update((byte) 'I');
            Sha256.updateInt(sha, number);
        } else if (value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof Double || value instanceof Float
                || value instanceof Character) {
            sha.update((byte) 'i');
            Sha256.updateText(sha, value.getClass().getSimpleName() + value);
        } else if (value instanceof Enum<?> constant) {
            byte[] bytes = enums.get(constant); // not computeIfAbsent: it locks a bin past its first key
            if (bytes == null) {
                bytes = enums.computeIfAbsent(constant,
                        c -> RecordComponents.taggedText('e', c.getDeclaringClass().getName() + "." + c.name()));
            }
            sha.update(bytes);
        } else if (value instanceof Record record) {
            components.digest(sha, record, component -> value(sha, component));
        } else if (value instanceof List<?> list) {
            RecordComponents.digest(sha, list, item -> value(sha, item));
        } else if (value instanceof Map<?, ?> map) {
            sha.update((byte) 'm');
            Sha256.updateInt(sha, map.size());
            if (map instanceof SortedMap || map instanceof LinkedHashMap || map instanceof EnumMap) {
                map.forEach((k, v) -> {
                    value(sha, k);
                    value(sha, v);
                });
            } else { // a hash map's order may differ from one JVM to the next: digest each entry, sort
                unordered(sha, map.entrySet().stream().map(e -> Arrays.asList(e.getKey(), e.getValue())).toList());
            }
        } else if (value instanceof Set<?> set) {
            sha.update((byte) 'S');
            Sha256.updateInt(sha, set.size());
            if (set instanceof SortedSet) {
                set.forEach(item -> value(sha, item));
            } else {
                unordered(sha, set);
            }
        } else if (value instanceof Optional<?> optional) {
            sha.update((byte) 'o');
            value(sha, optional.orElse(null));
        } else if (value instanceof byte[] bytes) {
            sha.update((byte) 'b');
            Sha256.updateInt(sha, bytes.length);
            sha.update(bytes);
        } else if (value instanceof BitSet bits) {
            sha.update((byte) 'B');
            long[] words = bits.toLongArray();
            Sha256.updateInt(sha, words.length);
            for (long word : words) {
                Sha256.updateText(sha, Long.toHexString(word));
            }
        } else if (value instanceof Class<?> type) {
            sha.update((byte) 'c');
            Sha256.updateText(sha, type.getName());
        } else if (value instanceof URI || value instanceof Path || value instanceof LocalDate
                || value instanceof LocalDateTime || value instanceof OffsetDateTime || value instanceof Instant
                || value instanceof Duration || value instanceof ZoneId || value instanceof Locale) {
            sha.update((byte) 'v'); // immutable JDK values whose text is their whole value
            Sha256.updateText(sha, value.getClass().getName() + ":" + value);
        } else if (value instanceof Pattern pattern) {
            sha.update((byte) 'p'); // a pattern is its expression and flags
            Sha256.updateText(sha, pattern.flags() + "/" + pattern.pattern());
        } else if (value instanceof CharSequence text) {
            sha.update((byte) 's');
            Sha256.updateText(sha, text.toString());
        } else {
            throw new Undigestable("cannot digest a " + value.getClass().getName());
        }
    }

    private void unordered(MessageDigest sha, Collection<?> items) {
        List<String> digests = new ArrayList<>(items.size());
        for (Object item : items) {
            MessageDigest one = Murmur3.records();
            value(one, item);
            digests.add(Sha256.hex(one.digest()));
        }
        Collections.sort(digests);
        digests.forEach(d -> Sha256.updateText(sha, d));
    }

    private byte[] shared(Shared once) {
        // by the value's instance, not the wrapper's: the render and the emitters wrap the same list of the graph
        byte[] known = oncePer(once.value(), once.value());
        if (known == UNKNOWN) {
            throw new Undigestable("cannot digest what a Shared holds");
        }
        return known;
    }

    private byte[] same(Object record) {
        if (record == null) {
            return new byte[] {'n'};
        }
        byte[] file = identities == null ? null : identities.apply(record);
        if (file != null) {
            return file;
        }
        byte[] known = oncePer(record, record);
        if (known == UNKNOWN) {
            throw new Undigestable("cannot digest a " + record.getClass().getName());
        }
        return known;
    }

    /** The digest of {@code value}, made once per {@code instance}; {@link #UNKNOWN} when it cannot be digested. */
    private byte[] oncePer(Object instance, Object value) {
        Same key = new Same(instance);
        byte[] known = byInstance.get(key);
        if (known == null) {
            MessageDigest sha = Murmur3.records();
            try {
                value(sha, value);
                known = sha.digest();
            } catch (Undigestable e) {
                known = UNKNOWN;
            }
            byInstance.put(key, known);
        }
        return known;
    }
}
