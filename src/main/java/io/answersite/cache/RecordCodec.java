package io.answersite.cache;

import io.answersite.text.Sha256;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A compact binary form for value records, for the build cache's files: no Java serialization, so a
 * cache file is data, never code, and domain types need not be {@code Serializable}.
 *
 * <p>A codec is made for a few root types ({@link #of}); the records, enums and sealed interfaces
 * of {@code io.answersite} reachable from them through their components are its <em>schema</em>.
 * Values are written component by component with the records' accessors and read back with their
 * canonical constructors. Every value is tagged with its runtime type (so type variables such as
 * {@code Located<T>.value} and {@code Object} components work): null, strings, {@code int},
 * {@code long}, {@code boolean}, {@code double}, byte arrays, {@link LocalDate}, lists, maps (in
 * their iteration order; a map sorted by its keys' natural order is read back as a {@link TreeMap}),
 * optionals, enums and records. A record or enum class is named once per file, the first time it
 * occurs (a small class table in the stream); a reader resolves those names in the schema only, never
 * with {@code Class.forName}, and checks every value against the type its component declares.
 * Strings of up to {@value #SHARED_STRING_CHARS} characters are written once per file and referred to
 * after that.
 *
 * <p>A stream starts with a header: a magic number, {@link #FORMAT_VERSION}, and the schema's
 * {@linkplain #fingerprint fingerprint} (a hash of every class name, component name and type, enum
 * constant and permitted subclass), so a plugin whose records changed refuses an old file instead of
 * misreading it. Anything else met while writing is a programming error:
 * {@link IllegalArgumentException} naming the type and the components that led to it. A damaged or
 * foreign stream is an {@link IOException} while reading, never another exception.
 *
 * <p>A codec is immutable and thread-safe; its {@link Output} and {@link Input} are for one stream
 * and one thread.
 */
public final class RecordCodec {

    /** The version of the encoding itself; the schema has its own fingerprint. */
    public static final int FORMAT_VERSION = 1;

    static final int MAGIC = 0x41535643; // "ASVC": Answersite value codec
    static final int FINGERPRINT_BYTES = 32;
    static final int SHARED_STRING_CHARS = 64;

    /** Nesting deeper than this in a stream is damage, not data (the records nest a few levels). */
    private static final int MAX_DEPTH = 64;

    static final int TAG_NULL = 0;
    static final int TAG_STRING = 1;
    static final int TAG_STRING_REF = 2;
    static final int TAG_INT = 3;
    static final int TAG_LONG = 4;
    static final int TAG_TRUE = 5;
    static final int TAG_FALSE = 6;
    static final int TAG_DOUBLE = 7;
    static final int TAG_BYTES = 8;
    static final int TAG_DATE = 9;
    static final int TAG_LIST = 10;
    static final int TAG_MAP = 11;
    static final int TAG_SORTED_MAP = 12;
    static final int TAG_OPTIONAL_EMPTY = 13;
    static final int TAG_OPTIONAL = 14;
    static final int TAG_ENUM = 15;
    static final int TAG_RECORD = 16;

    private static final String KEPT = "only strings, numbers, booleans, dates, byte arrays, lists, maps, optionals,"
            + " and records and enums of io.answersite reachable from ";

    /** What a value in some place may be, from the type declared there. */
    private enum Form { ANY, STRING, INT, LONG, BOOLEAN, DOUBLE, BYTES, DATE, LIST, MAP, SORTED_MAP, OPTIONAL, ENUM, RECORD, SEALED }

    /** A declared type, resolved: for records, with the shapes of their components under the type's arguments. */
    private static final class Shape {
        final Form form;
        final boolean primitive;
        final Class<?> type;
        Shape element;
        Shape key;
        Shape[] components;
        ClassInfo info;

        Shape(Form form, boolean primitive, Class<?> type) {
            this.form = form;
            this.primitive = primitive;
            this.type = type;
        }
    }

    /** A record or enum class of the schema. */
    private static final class ClassInfo {
        final Class<?> type;
        final String name;
        final Object[] constants;
        final String[] componentNames;
        final MethodHandle[] accessors;
        final MethodHandle constructor;
        /** The record with its type variables unbound: how it is read and written where {@code Object} is declared. */
        Shape unbound;

        ClassInfo(Class<?> type, Object[] constants, String[] componentNames, MethodHandle[] accessors,
                  MethodHandle constructor) {
            this.type = type;
            this.name = type.getName();
            this.constants = constants;
            this.componentNames = componentNames;
            this.accessors = accessors;
            this.constructor = constructor;
        }
    }

    private static final Shape ANY = new Shape(Form.ANY, false, Object.class);

    private final List<Class<?>> roots;
    private final Map<Class<?>, ClassInfo> classes = new HashMap<>();
    private final Map<String, ClassInfo> byName = new HashMap<>();
    private final Map<String, Shape> shapes = new HashMap<>();
    private final Map<Class<?>, Shape> sealedShapes = new HashMap<>();
    private final byte[] fingerprint;

    private RecordCodec(List<Class<?>> roots) {
        this.roots = roots;
        for (Class<?> root : roots) {
            shape(root, Map.of(), new ArrayDeque<>(List.of(root.getSimpleName())));
        }
        for (ClassInfo info : List.copyOf(classes.values())) {
            if (info.type.isRecord()) {
                info.unbound = shape(info.type, Map.of(), new ArrayDeque<>(List.of(info.type.getSimpleName())));
            }
        }
        classes.values().forEach(info -> byName.put(info.name, info));
        this.fingerprint = computeFingerprint();
    }

    /**
     * The codec whose schema is {@code roots} (records, enums or sealed interfaces of
     * {@code io.answersite}) and everything reachable from them.
     *
     * @throws IllegalArgumentException when a component declares a type the codec cannot keep
     */
    public static RecordCodec of(Class<?>... roots) {
        return new RecordCodec(List.of(roots));
    }

    /** The hash of the schema: every class name, component name and declared type, enum constant and permitted subclass. */
    public byte[] fingerprint() {
        return fingerprint.clone();
    }

    /** Writes the header to {@code out} and returns a writer of values after it. */
    public Output output(OutputStream out) throws IOException {
        Output output = new Output(out);
        output.fixedInt(MAGIC);
        output.fixedInt(FORMAT_VERSION);
        output.raw(fingerprint);
        return output;
    }

    /**
     * Reads the header from {@code in} and returns a reader of the values after it.
     *
     * @throws IOException when the stream is not of this format version and schema
     */
    public Input input(InputStream in) throws IOException {
        Input input = new Input(in);
        if (input.fixedInt() != MAGIC) {
            throw new IOException("not a cache file of this plugin");
        }
        int version = input.fixedInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("cache format " + version + ", this plugin reads " + FORMAT_VERSION);
        }
        byte[] schema = input.raw(FINGERPRINT_BYTES);
        if (!Arrays.equals(schema, fingerprint)) {
            throw new IOException("a cache file of records that have changed since");
        }
        return input;
    }

    // ---- the schema -------------------------------------------------------------------------------

    private Shape shape(Type type, Map<TypeVariable<?>, Shape> bindings, Deque<String> path) {
        if (type instanceof TypeVariable<?> variable) {
            return bindings.getOrDefault(variable, ANY);
        }
        if (type instanceof WildcardType wildcard) {
            return shape(wildcard.getUpperBounds()[0], bindings, path);
        }
        if (type instanceof GenericArrayType) {
            throw refused(type.getTypeName(), path);
        }
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        Type[] arguments = type instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
        Shape scalar = scalar(raw);
        if (scalar != null) {
            return scalar;
        }
        if (raw == List.class || raw == Optional.class) {
            Shape shape = new Shape(raw == List.class ? Form.LIST : Form.OPTIONAL, false, raw);
            shape.element = arguments.length == 1 ? shape(arguments[0], bindings, with(path, "[]")) : ANY;
            return shape;
        }
        if (raw == Map.class || raw == SortedMap.class || raw == NavigableMap.class || raw == TreeMap.class) {
            Shape shape = new Shape(raw == Map.class ? Form.MAP : Form.SORTED_MAP, false, raw);
            shape.key = arguments.length == 2 ? shape(arguments[0], bindings, with(path, "[key]")) : ANY;
            shape.element = arguments.length == 2 ? shape(arguments[1], bindings, with(path, "[]")) : ANY;
            return shape;
        }
        if (!raw.getName().startsWith("io.answersite.")) {
            throw refused(raw.getName(), path);
        }
        if (raw.isEnum()) {
            ClassInfo info = classes.computeIfAbsent(raw, c -> new ClassInfo(c, c.getEnumConstants(), null, null, null));
            Shape shape = new Shape(Form.ENUM, false, raw);
            shape.info = info;
            return shape;
        }
        if (raw.isInterface() && raw.isSealed()) {
            Shape known = sealedShapes.get(raw);
            if (known != null) {
                return known;
            }
            Shape shape = new Shape(Form.SEALED, false, raw);
            sealedShapes.put(raw, shape);
            for (Class<?> permitted : raw.getPermittedSubclasses()) {
                shape(permitted, Map.of(), with(path, "(" + permitted.getSimpleName() + ")"));
            }
            return shape;
        }
        if (raw.isRecord()) {
            return recordShape(raw, arguments, bindings, path);
        }
        throw refused(raw.getName(), path);
    }

    private static Shape scalar(Class<?> raw) {
        if (raw == String.class) {
            return new Shape(Form.STRING, false, raw);
        } else if (raw == int.class || raw == Integer.class) {
            return new Shape(Form.INT, raw.isPrimitive(), raw);
        } else if (raw == long.class || raw == Long.class) {
            return new Shape(Form.LONG, raw.isPrimitive(), raw);
        } else if (raw == boolean.class || raw == Boolean.class) {
            return new Shape(Form.BOOLEAN, raw.isPrimitive(), raw);
        } else if (raw == double.class || raw == Double.class) {
            return new Shape(Form.DOUBLE, raw.isPrimitive(), raw);
        } else if (raw == byte[].class) {
            return new Shape(Form.BYTES, false, raw);
        } else if (raw == LocalDate.class) {
            return new Shape(Form.DATE, false, raw);
        } else if (raw == Object.class) {
            return ANY;
        }
        return null;
    }

    private Shape recordShape(Class<?> raw, Type[] arguments, Map<TypeVariable<?>, Shape> outer, Deque<String> path) {
        TypeVariable<?>[] variables = raw.getTypeParameters();
        Map<TypeVariable<?>, Shape> bindings = new HashMap<>();
        StringBuilder key = new StringBuilder(raw.getName());
        for (int i = 0; i < variables.length; i++) {
            Shape argument = i < arguments.length ? shape(arguments[i], outer, path) : ANY;
            bindings.put(variables[i], argument);
            key.append(i == 0 ? '<' : ',').append(describe(argument));
        }
        Shape known = shapes.get(key.toString());
        if (known != null) {
            return known;
        }
        Shape shape = new Shape(Form.RECORD, false, raw);
        shapes.put(key.toString(), shape);
        shape.info = classes.computeIfAbsent(raw, RecordCodec::recordInfo);
        RecordComponent[] components = raw.getRecordComponents();
        shape.components = new Shape[components.length];
        for (int i = 0; i < components.length; i++) {
            shape.components[i] = shape(components[i].getGenericType(), bindings, with(path, components[i].getName()));
        }
        return shape;
    }

    private static String describe(Shape shape) {
        return switch (shape.form) {
            case LIST, OPTIONAL -> shape.form + "<" + describe(shape.element) + ">";
            case MAP, SORTED_MAP -> shape.form + "<" + describe(shape.key) + "," + describe(shape.element) + ">";
            default -> shape.type.getName();
        };
    }

    private static ClassInfo recordInfo(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        String[] names = new String[components.length];
        MethodHandle[] accessors = new MethodHandle[components.length];
        Class<?>[] types = new Class<?>[components.length];
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getType();
                Method accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                accessors[i] = lookup.unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            MethodHandle constructor = lookup.unreflectConstructor(canonical)
                    .asType(MethodType.genericMethodType(components.length))
                    .asSpreader(Object[].class, components.length);
            return new ClassInfo(type, null, names, accessors, constructor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot reach the components of " + type.getName(), e);
        }
    }

    private IllegalArgumentException refused(String type, Deque<String> path) {
        return new IllegalArgumentException("cannot keep " + type + " in the build cache (at " + String.join(".", path)
                .replace(".[", "[").replace(".(", "(") + "): " + KEPT + rootNames());
    }

    private String rootNames() {
        return roots.stream().map(Class::getSimpleName).collect(Collectors.joining(", "));
    }

    private static Deque<String> with(Deque<String> path, String step) {
        Deque<String> longer = new ArrayDeque<>(path);
        longer.addLast(step);
        return longer;
    }

    private byte[] computeFingerprint() {
        StringBuilder text = new StringBuilder("answersite value codec ").append(FORMAT_VERSION).append('\n');
        roots.forEach(root -> text.append("root ").append(root.getName()).append('\n'));
        TreeSet<String> lines = new TreeSet<>();
        for (ClassInfo info : classes.values()) {
            if (info.constants != null) {
                lines.add("enum " + info.name + " " + Arrays.stream(info.constants).map(c -> ((Enum<?>) c).name())
                        .collect(Collectors.joining(",")));
            } else {
                lines.add("record " + info.name + "(" + Arrays.stream(info.type.getRecordComponents())
                        .map(c -> c.getGenericType().getTypeName() + " " + c.getName())
                        .collect(Collectors.joining(", ")) + ")");
            }
        }
        for (Class<?> type : sealedShapes.keySet()) {
            lines.add("sealed " + type.getName() + " permits " + Arrays.stream(type.getPermittedSubclasses())
                    .map(Class::getName).collect(Collectors.joining(",")));
        }
        lines.forEach(line -> text.append(line).append('\n'));
        return Sha256.of(text.toString());
    }

    // ---- writing ---------------------------------------------------------------------------------

    /** A programming error found while writing, with the components that led to the value. */
    private static final class Refused extends RuntimeException {
        final Deque<String> path = new ArrayDeque<>();
        final String type;

        Refused(String type) {
            super(null, null, false, false);
            this.type = type;
        }
    }

    /** Writes values to one stream, after the header. Buffers; {@link #flush} when done. */
    public final class Output {
        private final OutputStream out;
        private byte[] buffer = new byte[1 << 16];
        private int position;
        private final Map<Class<?>, Integer> classRefs = new IdentityHashMap<>();
        private final Map<String, Integer> stringRefs = new HashMap<>(1 << 12);

        private Output(OutputStream out) {
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
                throw refused(refused.type, refused.path);
            }
        }

        private Shape rootShape(Object value) {
            ClassInfo info = classes.get(value.getClass());
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
                value(value, scalar(value.getClass()));
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
            ClassInfo info = classes.get(value.getClass());
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
            ClassInfo info = classes.get(type);
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

        private void fixedInt(int value) throws IOException {
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
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    // ---- reading ---------------------------------------------------------------------------------

    /** Reads values from one stream, after the header. Reads ahead: the stream is for this reader only. */
    public final class Input {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private final List<ClassInfo> classRefs = new ArrayList<>();
        private final List<String> stringRefs = new ArrayList<>();

        private Input(InputStream in) {
            this.in = in;
        }

        /**
         * Reads a value written by {@link Output#writeValue} and checks that it is a {@code type}
         * (or null).
         *
         * @throws IOException when the stream is damaged or holds another type
         */
        public <T> T readValue(Class<T> type) throws IOException {
            ClassInfo info = classes.get(type);
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
                    expect(form, Form.STRING, tag);
                    if (tag == TAG_STRING_REF) {
                        int ref = count();
                        if (ref >= stringRefs.size()) {
                            throw new IOException("string " + ref + " is not defined yet");
                        }
                        return stringRefs.get(ref);
                    }
                    String text = utf8();
                    if (text.length() <= SHARED_STRING_CHARS) {
                        stringRefs.add(text);
                    }
                    return text;
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
                        throw new IOException("a " + info.name + " where a " + describe(shape) + " is declared");
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
            return new IOException("tag " + tag + " where a " + describe(shape) + " is declared");
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
            return Collections.unmodifiableList(Arrays.asList(items));
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
            Object[] components = new Object[shape.components.length];
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

        private ClassInfo classRef() throws IOException {
            int ref = count();
            if (ref < classRefs.size()) {
                return classRefs.get(ref);
            }
            if (ref > classRefs.size()) {
                throw new IOException("class " + ref + " is not defined yet");
            }
            String name = utf8();
            ClassInfo info = byName.get(name);
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

        private int fixedInt() throws IOException {
            return (u8() << 24) | (u8() << 16) | (u8() << 8) | u8();
        }

        private String utf8() throws IOException {
            int length = count();
            if (length <= limit - position) {
                String text = new String(buffer, position, length, StandardCharsets.UTF_8);
                position += length;
                return text;
            }
            return new String(bytes(length), StandardCharsets.UTF_8);
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
            return true;
        }
    }
}
