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
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Writes values to one stream of a {@link RecordCodec}, after the header: tags each value with its
 * runtime type, names a class or short string once per stream and refers to it after that, and
 * refuses (as a programming error naming the components that led there) any value the schema does not
 * keep. Buffers; {@link #flush} when done. For one stream and one thread.
 */
public final class ValueOutput {

    /** A programming error found while writing, with the components that led to the value. */
    private static final class Refused extends RuntimeException {
        final Deque<String> path = new ArrayDeque<>();
        final String type;

        Refused(String type) {
            super(null, null, false, false);
            this.type = type;
        }
    }

    private final CodecSchema schema;
    private final OutputStream out;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private final Map<Class<?>, Integer> classRefs = new IdentityHashMap<>();
    private final Map<String, Integer> stringRefs = new HashMap<>(1 << 12);

    ValueOutput(CodecSchema schema, OutputStream out) {
        this.schema = schema;
        this.out = out;
    }

    /**
     * Writes {@code value}: null, or anything the codec keeps.
     *
     * @throws IllegalArgumentException when {@code value} holds a type outside the schema
     */
    public void writeValue(Object value) throws IOException {
        try {
            value(value, value == null ? ANY : rootShape(value));
        } catch (Refused refused) {
            if (value != null) {
                refused.path.addFirst(value.getClass().getSimpleName());
            }
            throw schema.refused(refused.type, refused.path);
        }
    }

    private Shape rootShape(Object value) {
        ClassInfo info = schema.classes.get(value.getClass());
        return info != null && info.unbound != null ? info.unbound : ANY;
    }

    /** Writes a string of any length, untagged. */
    public void writeString(String text) throws IOException {
        utf8(text);
    }

    /** Writes a non-negative int in one to five bytes. */
    public void writeCount(int count) throws IOException {
        if (count < 0) {
            throw new IllegalArgumentException("a count is not negative: " + count);
        }
        varint(count);
    }

    public void writeLong(long value) throws IOException {
        varlong(zigzag(value));
    }

    /** Writes the buffered bytes to the stream (it stays open). */
    public void flush() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
        out.flush();
    }

    private void value(Object value, Shape shape) throws IOException {
        if (value == null) {
            if (shape.primitive) {
                throw new Refused("null");
            }
            tag(TAG_NULL);
            return;
        }
        switch (shape.form) {
            case STRING -> string(cast(String.class, value));
            case LARGE_TEXT -> largeText(cast(LargeText.class, value));
            case INT -> {
                tag(TAG_INT);
                varlong(zigzag(cast(Integer.class, value)));
            }
            case LONG -> {
                tag(TAG_LONG);
                varlong(zigzag(cast(Long.class, value)));
            }
            case BOOLEAN -> tag(cast(Boolean.class, value) ? TAG_TRUE : TAG_FALSE);
            case DOUBLE -> {
                tag(TAG_DOUBLE);
                varlong(Double.doubleToRawLongBits(cast(Double.class, value)));
            }
            case BYTES -> {
                byte[] bytes = cast(byte[].class, value);
                tag(TAG_BYTES);
                varint(bytes.length);
                raw(bytes);
            }
            case DATE -> {
                tag(TAG_DATE);
                varlong(zigzag(cast(LocalDate.class, value).toEpochDay()));
            }
            case LIST -> list(cast(List.class, value), shape.element);
            case MAP, SORTED_MAP -> map(cast(Map.class, value), shape);
            case OPTIONAL -> {
                Optional<?> optional = cast(Optional.class, value);
                if (optional.isEmpty()) {
                    tag(TAG_OPTIONAL_EMPTY);
                } else {
                    tag(TAG_OPTIONAL);
                    nested(optional.get(), shape.element, "get()");
                }
            }
            case ENUM -> enumValue(cast(shape.type, value));
            case RECORD -> writeRecord(cast(shape.type, value), shape);
            case SEALED -> writeRecord(cast(shape.type, value), unbound(value));
            case ANY -> any(value);
            default -> throw new IllegalStateException("no writer for " + shape.form);
        }
    }

    private void any(Object value) throws IOException {
        if (value instanceof String text) {
            string(text);
        } else if (value instanceof Integer number) {
            tag(TAG_INT);
            varlong(zigzag(number));
        } else if (value instanceof Long number) {
            tag(TAG_LONG);
            varlong(zigzag(number));
        } else if (value instanceof Boolean bool) {
            tag(bool ? TAG_TRUE : TAG_FALSE);
        } else if (value instanceof Double number) {
            tag(TAG_DOUBLE);
            varlong(Double.doubleToRawLongBits(number));
        } else if (value instanceof byte[] || value instanceof LocalDate) {
            value(value, CodecSchema.scalar(value.getClass()));
        } else if (value instanceof List<?> list) {
            list(list, ANY);
        } else if (value instanceof Map<?, ?> map) {
            Shape shape = new Shape(Form.MAP, false, Map.class);
            shape.key = ANY;
            shape.element = ANY;
            map(map, shape);
        } else if (value instanceof Optional<?>) {
            Shape shape = new Shape(Form.OPTIONAL, false, Optional.class);
            shape.element = ANY;
            value(value, shape);
        } else if (value instanceof Enum<?> constant) {
            enumValue(constant);
        } else {
            writeRecord(value, unbound(value));
        }
    }

    private Shape unbound(Object value) {
        ClassInfo info = schema.classes.get(value.getClass());
        if (info == null || info.unbound == null) {
            throw new Refused(value.getClass().getName());
        }
        return info.unbound;
    }

    private <T> T cast(Class<T> type, Object value) {
        if (!type.isInstance(value)) {
            throw new Refused(value.getClass().getName());
        }
        return type.cast(value);
    }

    private void nested(Object value, Shape shape, String step) throws IOException {
        try {
            value(value, shape);
        } catch (Refused refused) {
            refused.path.addFirst(step);
            throw refused;
        }
    }

    private void list(List<?> list, Shape element) throws IOException {
        tag(TAG_LIST);
        varint(list.size());
        int i = 0;
        for (Object item : list) {
            try {
                value(item, element);
            } catch (Refused refused) {
                refused.path.addFirst("[" + i + "]");
                throw refused;
            }
            i++;
        }
    }

    private void map(Map<?, ?> map, Shape shape) throws IOException {
        boolean sorted = map instanceof SortedMap<?, ?> s && s.comparator() == null;
        if (shape.form == Form.SORTED_MAP && !sorted) {
            throw new Refused(map.getClass().getName() + " (a map sorted by another order than its keys' own)");
        }
        tag(sorted ? TAG_SORTED_MAP : TAG_MAP);
        varint(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            nested(entry.getKey(), shape.key, "[key]");
            try {
                value(entry.getValue(), shape.element);
            } catch (Refused refused) {
                refused.path.addFirst("[" + entry.getKey() + "]");
                throw refused;
            }
        }
    }

    private void enumValue(Object value) throws IOException {
        Class<?> type = ((Enum<?>) value).getDeclaringClass();
        ClassInfo info = schema.classes.get(type);
        if (info == null) {
            throw new Refused(type.getName());
        }
        tag(TAG_ENUM);
        classRef(info);
        varint(((Enum<?>) value).ordinal());
    }

    private void writeRecord(Object value, Shape shape) throws IOException {
        ClassInfo info = shape.info;
        if (value.getClass() != info.type) {
            throw new Refused(value.getClass().getName());
        }
        tag(TAG_RECORD);
        classRef(info);
        for (int i = 0; i < info.accessors.length; i++) {
            Object component;
            try {
                component = info.accessors[i].invokeExact(value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("accessor " + info.componentNames[i] + " of " + info.name, e);
            }
            nested(component, shape.components[i], info.componentNames[i]);
        }
    }

    private void classRef(ClassInfo info) throws IOException {
        Integer known = classRefs.get(info.type);
        if (known != null) {
            varint(known);
            return;
        }
        int next = classRefs.size();
        classRefs.put(info.type, next);
        varint(next);
        utf8(info.name);
    }

    private void string(String text) throws IOException {
        if (text.length() <= SHARED_STRING_CHARS) {
            Integer known = stringRefs.putIfAbsent(text, stringRefs.size());
            if (known != null) {
                tag(TAG_STRING_REF);
                varint(known);
                return;
            }
        }
        tag(TAG_STRING);
        utf8(text);
    }

    /** As {@link #string}; a text read from the cache and never decoded is written back as it was read. */
    private void largeText(LargeText text) throws IOException {
        byte[] bytes = text.utf8();
        if (bytes.length <= LONGEST_SHARED_UTF8) {
            string(text.toString());
            return;
        }
        tag(TAG_STRING);
        varint(bytes.length);
        raw(bytes);
    }

    void tag(int tag) throws IOException {
        room(1);
        buffer[position++] = (byte) tag;
    }

    void utf8(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        varint(bytes.length);
        raw(bytes);
    }

    void varint(int value) throws IOException {
        varlong(value & 0xFFFFFFFFL);
    }

    private void varlong(long value) throws IOException {
        room(10);
        while ((value & ~0x7FL) != 0) {
            buffer[position++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[position++] = (byte) value;
    }

    void fixedInt(int value) throws IOException {
        room(4);
        buffer[position++] = (byte) (value >>> 24);
        buffer[position++] = (byte) (value >>> 16);
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
    }

    void raw(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - position) {
            out.write(buffer, 0, position);
            position = 0;
            if (bytes.length > buffer.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    private void room(int bytes) throws IOException {
        if (buffer.length - position < bytes) {
            out.write(buffer, 0, position);
            position = 0;
        }
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }
}
