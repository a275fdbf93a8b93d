package io.answersite.cache;

import static io.answersite.cache.CodecSchema.ANY;
import static io.answersite.cache.RecordCodec.TAG_NULL;
import static io.answersite.cache.RecordCodec.TAG_STRING;
import static io.answersite.cache.RecordCodec.TAG_STRING_REF;
import static io.answersite.cache.RecordCodec.TAG_INT;
import static io.answersite.cache.RecordCodec.TAG_LONG;
import static io.answersite.cache.RecordCodec.TAG_TRUE;
import static io.answersite.cache.RecordCodec.TAG_FALSE;
import static io.answersite.cache.RecordCodec.TAG_DOUBLE;
import static io.answersite.cache.RecordCodec.TAG_BYTES;
import static io.answersite.cache.RecordCodec.TAG_DATE;
import static io.answersite.cache.RecordCodec.TAG_LIST;
import static io.answersite.cache.RecordCodec.TAG_MAP;
import static io.answersite.cache.RecordCodec.TAG_SORTED_MAP;
import static io.answersite.cache.RecordCodec.TAG_OPTIONAL_EMPTY;
import static io.answersite.cache.RecordCodec.TAG_OPTIONAL;
import static io.answersite.cache.RecordCodec.TAG_ENUM;
import static io.answersite.cache.RecordCodec.TAG_RECORD;
import static io.answersite.cache.RecordCodec.LONGEST_SHARED_UTF8;
import static io.answersite.cache.RecordCodec.SHARED_STRING_CHARS;

import io.answersite.cache.CodecSchema.ClassInfo;
import io.answersite.cache.CodecSchema.Form;
import io.answersite.cache.CodecSchema.Shape;
import io.answersite.text.LargeText;
import io.answersite.text.ParkedBytes;
import io.answersite.text.Utf8Decoder;
import io.answersite.text.SpanSource;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads values from one stream of a {@link RecordCodec}, after the header, trusting nothing in it:
 * classes are looked up in the schema only, every value is checked against the type its component
 * declares, and damage of any kind is an {@link IOException}. Reads ahead: the stream is for this
 * reader only, and for one thread.
 */
public final class ValueInput {

    /** Nesting deeper than this in a stream is damage, not data (the records nest a few levels). */
    private static final int MAX_DEPTH = 64;

    private final CodecSchema schema;
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    /** Decodes the strings: text that is not ASCII through one reused buffer (see {@link Utf8Decoder}). */
    private final Utf8Decoder utf8 = new Utf8Decoder();
    /** Arrays of record components by nesting depth and length ({@link #components}). */
    private final Object[][][] componentArrays = new Object[MAX_DEPTH + 2][][];
    private int position;
    private int limit;
    /** How many bytes of the stream the buffer's reads took, the current one included. */
    private long taken;
    /** Where large texts are left and read back from (null: they are read onto the heap). */
    private SpanSource spans;
    private final List<ClassInfo> classRefs = new ArrayList<>();
    private final List<String> stringRefs = new ArrayList<>();

    ValueInput(CodecSchema schema, InputStream in) {
        this.schema = schema;
        this.in = in;
    }

    /**
     * Leaves each large text of {@link LargeText#SHORTEST_OFF_HEAP} bytes or more in the file this
     * stream reads from its first byte on, as a {@link LargeText#inFile} of {@code file}, instead of
     * reading it onto the heap; the file must stay open, and as it is, while those texts are read.
     */
    void leaveLargeTextsIn(SpanSource file) {
        this.spans = file;
    }

    /**
     * Reads a value written by {@link ValueOutput#writeValue} and checks that it is a {@code type}
     * (or null).
     *
     * @throws IOException when the stream is damaged or holds another type
     */
    public <T> T readValue(Class<T> type) throws IOException {
        ClassInfo info = schema.classes.get(type);
        Shape shape = info != null && info.unbound != null ? info.unbound : ANY;
        Object value = value(shape, 0);
        if (value != null && !type.isInstance(value)) {
            throw new IOException("a " + value.getClass().getName() + " where a " + type.getName() + " was expected");
        }
        return type.cast(value);
    }

    public String readString() throws IOException {
        return utf8();
    }

    public int readCount() throws IOException {
        return count();
    }

    public long readLong() throws IOException {
        return unzigzag(varlong());
    }

    /** Whether the stream has ended (nothing follows what was read). */
    public boolean atEnd() throws IOException {
        return position == limit && !fill();
    }

    private Object value(Shape shape, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("values nested deeper than " + MAX_DEPTH);
        }
        int tag = u8();
        if (tag == TAG_NULL) {
            if (shape.primitive) {
                throw new IOException("null for a " + shape.type.getName());
            }
            return null;
        }
        Form form = shape.form;
        switch (tag) {
            case TAG_STRING, TAG_STRING_REF -> {
                boolean large = form == Form.LARGE_TEXT;
                if (!large) {
                    expect(form, Form.STRING, tag);
                }
                String text;
                if (tag == TAG_STRING_REF) {
                    int ref = count();
                    if (ref >= stringRefs.size()) {
                        throw new IOException("string " + ref + " is not defined yet");
                    }
                    text = stringRefs.get(ref);
                } else {
                    int length = count();
                    if (large && spans != null && length >= LargeText.SHORTEST_OFF_HEAP) {
                        long at = taken - limit + position;
                        skip(length);
                        return LargeText.inFile(spans, new ParkedBytes.Span(at, length));
                    }
                    if (large && length > LONGEST_SHARED_UTF8) { // more chars than are ever shared
                        return LargeText.ofUtf8(bytes(length));
                    }
                    text = utf8(length);
                    if (text.length() <= SHARED_STRING_CHARS) {
                        stringRefs.add(text);
                    }
                }
                return large ? LargeText.of(text) : text;
            }
            case TAG_INT -> {
                expect(form, Form.INT, tag);
                long value = unzigzag(varlong());
                if (value != (int) value) {
                    throw new IOException("an int out of range");
                }
                return (int) value;
            }
            case TAG_LONG -> {
                expect(form, Form.LONG, tag);
                return unzigzag(varlong());
            }
            case TAG_TRUE, TAG_FALSE -> {
                expect(form, Form.BOOLEAN, tag);
                return tag == TAG_TRUE;
            }
            case TAG_DOUBLE -> {
                expect(form, Form.DOUBLE, tag);
                return Double.longBitsToDouble(varlong());
            }
            case TAG_BYTES -> {
                expect(form, Form.BYTES, tag);
                return bytes(count());
            }
            case TAG_DATE -> {
                expect(form, Form.DATE, tag);
                long day = unzigzag(varlong());
                try {
                    return LocalDate.ofEpochDay(day);
                } catch (RuntimeException e) {
                    throw new IOException("no such date: day " + day, e);
                }
            }
            case TAG_LIST -> {
                expect(form, Form.LIST, tag);
                return list(form == Form.ANY ? ANY : shape.element, depth);
            }
            case TAG_MAP, TAG_SORTED_MAP -> {
                if (form != Form.ANY && form != Form.MAP && !(form == Form.SORTED_MAP && tag == TAG_SORTED_MAP)) {
                    throw mismatch(shape, tag);
                }
                return map(tag == TAG_SORTED_MAP, form == Form.ANY ? ANY : shape.key,
                        form == Form.ANY ? ANY : shape.element, depth);
            }
            case TAG_OPTIONAL_EMPTY -> {
                expect(form, Form.OPTIONAL, tag);
                return Optional.empty();
            }
            case TAG_OPTIONAL -> {
                expect(form, Form.OPTIONAL, tag);
                Object value = value(form == Form.ANY ? ANY : shape.element, depth + 1);
                if (value == null) {
                    throw new IOException("an optional of null");
                }
                return Optional.of(value);
            }
            case TAG_ENUM -> {
                ClassInfo info = classRef();
                if (info.constants == null || (form != Form.ANY && !(form == Form.ENUM && shape.info == info))) {
                    throw mismatch(shape, tag);
                }
                int ordinal = count();
                if (ordinal >= info.constants.length) {
                    throw new IOException("no constant " + ordinal + " in " + info.name);
                }
                return info.constants[ordinal];
            }
            case TAG_RECORD -> {
                ClassInfo info = classRef();
                if (info.constants != null) {
                    throw mismatch(shape, tag);
                }
                Shape declared;
                if (form == Form.RECORD && shape.info == info) {
                    declared = shape;
                } else if (form == Form.ANY || (form == Form.SEALED && shape.type.isAssignableFrom(info.type))) {
                    declared = info.unbound;
                } else {
                    throw new IOException("a " + info.name + " where a " + CodecSchema.describe(shape) + " is declared");
                }
                return readRecord(declared, depth);
            }
            default -> throw new IOException("unknown tag " + tag);
        }
    }

    private void expect(Form form, Form wanted, int tag) throws IOException {
        if (form != Form.ANY && form != wanted) {
            throw new IOException("tag " + tag + " where a " + form + " is declared");
        }
    }

    private IOException mismatch(Shape shape, int tag) {
        return new IOException("tag " + tag + " where a " + CodecSchema.describe(shape) + " is declared");
    }

    private List<Object> list(Shape element, int depth) throws IOException {
        int size = count();
        if (size == 0) {
            return Collections.emptyList();
        }
        Object[] items = new Object[Math.min(size, 1 << 12)];
        for (int i = 0; i < size; i++) {
            if (i == items.length) {
                items = Arrays.copyOf(items, Math.min(size, items.length * 2));
            }
            items[i] = value(element, depth + 1);
        }
        for (Object item : items) {
            if (item == null) {
                return Collections.unmodifiableList(Arrays.asList(items));
            }
        }
        // an edited 10,000-page build holds the load records' 86,000 lists to its end, more than half of
        // them of one or two items: as List.of gives them they are one or two objects instead of three
        // (an array, Arrays.asList's view and the unmodifiable one), which each collection copies
        return switch (items.length) {
            case 1 -> List.of(items[0]);
            case 2 -> List.of(items[0], items[1]);
            default -> List.of(items);
        };
    }

    private Map<Object, Object> map(boolean sorted, Shape key, Shape element, int depth) throws IOException {
        int size = count();
        Map<Object, Object> map = sorted ? new TreeMap<>() : new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            Object k = value(key, depth + 1);
            Object v = value(element, depth + 1);
            if (sorted && !(k instanceof Comparable<?>)) {
                throw new IOException("a sorted map with a key that has no order");
            }
            try {
                if (map.put(k, v) != null || map.size() != i + 1) {
                    throw new IOException("a map with a key twice");
                }
            } catch (ClassCastException | NullPointerException e) {
                throw new IOException("a sorted map whose keys cannot be compared", e);
            }
        }
        return sorted ? Collections.unmodifiableNavigableMap((TreeMap<Object, Object>) map)
                : Collections.unmodifiableMap(map);
    }

    private Object readRecord(Shape shape, int depth) throws IOException {
        ClassInfo info = shape.info;
        Object[] components = components(depth, shape.components.length);
        for (int i = 0; i < components.length; i++) {
            components[i] = value(shape.components[i], depth + 1);
        }
        try {
            return info.constructor.invokeExact(components);
        } catch (RuntimeException e) {
            throw new IOException("cannot make a " + info.name + " of what the file holds: " + e.getMessage(), e);
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("cannot make a " + info.name, e);
        }
    }

    /**
     * An array for a record's {@code length} components at nesting {@code depth}, reused: the constructor
     * takes the values out of it, and a record's components are read one level deeper, so no two records
     * being read share one (a new array per record was about 20 MB of an edited 10,000-page build's restore,
     * default corpus shape). Emptied by the next record that takes it, so it holds a record's values no
     * longer than that.
     */
    private Object[] components(int depth, int length) {
        Object[][] byLength = componentArrays[depth];
        if (byLength == null || byLength.length <= length) {
            byLength = byLength == null ? new Object[Math.max(16, length + 1)][] : Arrays.copyOf(byLength, length + 1);
            componentArrays[depth] = byLength;
        }
        Object[] array = byLength[length];
        if (array == null) {
            array = new Object[length];
            byLength[length] = array;
        }
        return array;
    }

    private ClassInfo classRef() throws IOException {
        int ref = count();
        if (ref < classRefs.size()) {
            return classRefs.get(ref);
        }
        if (ref > classRefs.size()) {
            throw new IOException("class " + ref + " is not defined yet");
        }
        String name = utf8();
        ClassInfo info = schema.byName.get(name);
        if (info == null) {
            throw new IOException("class " + name + " is not in the cache's schema");
        }
        classRefs.add(info);
        return info;
    }

    private int u8() throws IOException {
        if (position == limit && !fill()) {
            throw new EOFException("the cache file ends early");
        }
        return buffer[position++] & 0xFF;
    }

    private int count() throws IOException {
        long value = varlong();
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IOException("a count out of range");
        }
        return (int) value;
    }

    private long varlong() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("a number longer than 64 bits");
    }

    int fixedInt() throws IOException {
        return (u8() << 24) | (u8() << 16) | (u8() << 8) | u8();
    }

    private String utf8() throws IOException {
        return utf8(count());
    }

    private String utf8(int length) throws IOException {
        if (length <= limit - position) {
            String text = utf8.decode(buffer, position, length);
            position += length;
            return text;
        }
        return utf8.decode(bytes(length), 0, length);
    }

    byte[] raw(int length) throws IOException {
        return bytes(length);
    }

    /** Reads {@code length} bytes, allocating no more than the stream really holds (a damaged length fails at its end). */
    private byte[] bytes(int length) throws IOException {
        byte[] bytes = new byte[Math.min(length, 1 << 20)];
        int done = 0;
        while (done < length) {
            if (position == limit && !fill()) {
                throw new EOFException("the cache file ends early");
            }
            if (done == bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(length, bytes.length * 2L));
            }
            int n = Math.min(limit - position, bytes.length - done);
            System.arraycopy(buffer, position, bytes, done, n);
            position += n;
            done += n;
        }
        return bytes;
    }

    /** Passes over {@code length} bytes; the stream must hold them. */
    private void skip(int length) throws IOException {
        int left = length;
        while (left > 0) {
            if (position == limit && !fill()) {
                throw new EOFException("the cache file ends early");
            }
            int n = Math.min(limit - position, left);
            position += n;
            left -= n;
        }
    }

    private boolean fill() throws IOException {
        position = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        limit = n;
        taken += n;
        return true;
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }
}
