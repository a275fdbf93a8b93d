package io.answersite.cache;

import io.answersite.text.Sha256;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * How the structural digests ({@link InputDigest} of what a page is made from, the render stage's
 * digest of a view) feed records and lists: the same tags and order for both, with each value fed by
 * the digest's own rules. Record accessors are looked up once per class.
 */
public final class RecordComponents {

    /**
     * Per record class: the bytes that open its digest (the tag and its name, length-prefixed, as
     * {@link Sha256#updateText} feeds them) and its accessors. A page's inputs hold hundreds of small
     * records (keys, references, positions); feeding each one's class name char by char was about a
     * tenth of the digests' samples on a site with many related items (JFR, related-many corpus).
     */
    private record Shape(byte[] header, Method[] accessors) {
    }

    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

    /**
     * Feeds {@code record}'s class name, then hands each component's value to {@code value}, in
     * declaration order. An {@link IllegalArgumentException} from {@code value} is given the
     * component's name, so that a test failure says where an unexpected type sits.
     */
    public void digest(MessageDigest sha, Record record, Consumer<Object> value) {
        Shape shape = shapes.get(record.getClass()); // computeIfAbsent locks a bin past its first key: both cores wait
        if (shape == null) {
            shape = shapes.computeIfAbsent(record.getClass(), RecordComponents::shapeOf);
        }
        sha.update(shape.header());
        for (Method accessor : shape.accessors()) {
            Object component;
            try {
                component = accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + accessor, e);
            }
            try {
                value.accept(component);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " in " + accessor.getName() + " of "
                        + record.getClass().getSimpleName(), e);
            }
        }
    }

    /** Feeds a null, a string or a boolean, each with its tag; whether {@code value} was one. */
    public static boolean digestPlain(MessageDigest sha, Object value) {
        if (value == null) {
            sha.update((byte) 'n');
        } else if (value instanceof String text) {
            sha.update((byte) 's');
            Sha256.updateText(sha, text);
        } else if (value instanceof Boolean flag) {
            sha.update((byte) (flag ? 'T' : 'F'));
        } else {
            return false;
        }
        return true;
    }

    /** Feeds a list's size, then hands each item to {@code value}, in order. */
    public static void digest(MessageDigest sha, List<?> list, Consumer<Object> value) {
        sha.update((byte) 'l');
        Sha256.updateInt(sha, list.size());
        for (Object item : list) {
            value.accept(item);
        }
    }

    private static Shape shapeOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Method[] methods = new Method[components.length];
        for (int i = 0; i < components.length; i++) {
            methods[i] = components[i].getAccessor();
            methods[i].setAccessible(true);
        }
        return new Shape(taggedText('r', type.getName()), methods);
    }

    /** {@code tag}, then {@code text} as {@link Sha256#updateText} feeds it: to feed a constant text in one call. */
    public static byte[] taggedText(char tag, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int length = text.length();
        byte[] bytes = new byte[5 + utf8.length];
        bytes[0] = (byte) tag;
        bytes[1] = (byte) (length >>> 24);
        bytes[2] = (byte) (length >>> 16);
        bytes[3] = (byte) (length >>> 8);
        bytes[4] = (byte) length;
        System.arraycopy(utf8, 0, bytes, 5, utf8.length);
        return bytes;
    }
}
