package io.answersite.cache;

import io.answersite.text.LargeText;
import io.answersite.text.Sha256;
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
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a {@link RecordCodec} may meet, worked out once from its root types so that writing and
 * reading only look things up: the shape of every declared type (records with their type arguments
 * bound), the record and enum classes by name (the only classes a stream may name), and the schema's
 * fingerprint. Refusing a type the cache cannot keep happens here, while the codec is made.
 */
final class CodecSchema {

    private static final String KEPT = "only strings, numbers, booleans, dates, byte arrays, lists, maps, optionals,"
            + " and records and enums of io.answersite reachable from ";

    /** What a value in some place may be, from the type declared there. */
    enum Form { ANY, STRING, LARGE_TEXT, INT, LONG, BOOLEAN, DOUBLE, BYTES, DATE, LIST, MAP, SORTED_MAP, OPTIONAL, ENUM, RECORD, SEALED }

    /** A declared type, resolved: for records, with the shapes of their components under the type's arguments. */
    static final class Shape {
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
    static final class ClassInfo {
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

    static final Shape ANY = new Shape(Form.ANY, false, Object.class);

    private final List<Class<?>> roots;
    final Map<Class<?>, ClassInfo> classes = new HashMap<>();
    final Map<String, ClassInfo> byName = new HashMap<>();
    private final Map<String, Shape> shapes = new HashMap<>();
    private final Map<Class<?>, Shape> sealedShapes = new HashMap<>();
    final byte[] fingerprint;

    CodecSchema(List<Class<?>> roots) {
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

    static Shape scalar(Class<?> raw) {
        if (raw == String.class) {
            return new Shape(Form.STRING, false, raw);
        } else if (raw == LargeText.class) {
            return new Shape(Form.LARGE_TEXT, false, raw);
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
        shape.info = classes.computeIfAbsent(raw, CodecSchema::recordInfo);
        RecordComponent[] components = raw.getRecordComponents();
        shape.components = new Shape[components.length];
        for (int i = 0; i < components.length; i++) {
            shape.components[i] = shape(components[i].getGenericType(), bindings, with(path, components[i].getName()));
        }
        return shape;
    }

    static String describe(Shape shape) {
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

    IllegalArgumentException refused(String type, Deque<String> path) {
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
        StringBuilder text = new StringBuilder("answersite value codec ").append(RecordCodec.FORMAT_VERSION).append('\n');
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
}
