package io.answersite.render;

import io.answersite.cache.RecordComponents;
import io.answersite.text.Murmur3;
import io.answersite.text.Sha256;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * A structural digest ({@link io.answersite.text.Murmur3}) of a view: records by their components, strings, numbers, booleans, lists,
 * maps (the UI strings, the template context) and pre-rendered HTML ({@link SafeString}), each
 * tagged and length-prefixed so that no two different views share an encoding. Any other type is a
 * programming error and fails: a view must be a value, or reuse by digest would be unsound (a
 * {@code toString} that leaves something out would hide a change).
 */
final class ViewDigest {

    private final RecordComponents components = new RecordComponents();

    byte[] digest(String template, Object view) {
        MessageDigest sha = Murmur3.records();
        Sha256.updateText(sha, template);
        value(sha, view);
        return sha.digest();
    }

    /** Fails with the path to the first value that is not allowed in a view. */
    void requireValue(Object view) {
        value(Murmur3.records(), view);
    }

    private void value(MessageDigest sha, Object value) {
        if (RecordComponents.digestPlain(sha, value)) {
            return;
        }
        if (value instanceof SafeString html) {
            sha.update((byte) 'h');
            Sha256.updateText(sha, html.toString());
        } else if (value instanceof Integer || value instanceof Long) {
            sha.update((byte) 'i');
            Sha256.updateText(sha, value.toString());
        } else if (value instanceof List<?> list) {
            RecordComponents.digest(sha, list, item -> value(sha, item));
        } else if (value instanceof Map<?, ?> map) {
            sha.update((byte) 'm');
            Sha256.updateInt(sha, map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                value(sha, entry.getKey());
                value(sha, entry.getValue());
            }
        } else if (value instanceof Record record) {
            components.digest(sha, record, component -> value(sha, component));
        } else {
            throw new IllegalArgumentException("a view holds a " + value.getClass().getName()
                    + "; views hold only records, strings, numbers, booleans, lists, maps and SafeString HTML");
        }
    }
}
