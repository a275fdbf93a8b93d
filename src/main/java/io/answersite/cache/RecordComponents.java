package io.answersite.cache;

import io.answersite.text.Sha256;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
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

    private final Map<Class<?>, Method[]> accessors = new ConcurrentHashMap<>();

    /**
     * Feeds {@code record}'s class name, then hands each component's value to {@code value}, in
     * declaration order. An {@link IllegalArgumentException} from {@code value} is given the
     * component's name, so that a test failure says where an unexpected type sits.
     */
    public void digest(MessageDigest sha, Record record, Consumer<Object> value) {
        sha.update((byte) 'r');
        Sha256.updateText(sha, record.getClass().getName());
        for (Method accessor : accessors.computeIfAbsent(record.getClass(), RecordComponents::accessorsOf)) {
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

    private static Method[] accessorsOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Method[] methods = new Method[components.length];
        for (int i = 0; i < components.length; i++) {
            methods[i] = components[i].getAccessor();
            methods[i].setAccessible(true);
        }
        return methods;
    }
}
