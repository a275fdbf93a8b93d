package io.answersite.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.SourcePos;
import io.answersite.diagnostic.Suggestions;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed reads of one YAML mapping, reporting every problem at the key or value it concerns and
 * carrying on, so that one run reports all mistakes. A read that fails returns empty.
 */
public final class Fields {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final YamlDocument document;
    private final ObjectNode node;
    private final String pointer;
    private final Diagnostics diagnostics;
    private final String documentName;

    /** Fields of a page's front matter. */
    public Fields(YamlDocument document, Diagnostics diagnostics) {
        this(document, "the front matter", diagnostics);
    }

    /** Fields of a YAML document that messages call {@code documentName} ("site.yml"). */
    public Fields(YamlDocument document, String documentName, Diagnostics diagnostics) {
        this(document, document.root(), "", diagnostics, documentName);
    }

    private Fields(YamlDocument document, ObjectNode node, String pointer, Diagnostics diagnostics, String documentName) {
        this.document = document;
        this.node = node;
        this.pointer = pointer;
        this.diagnostics = diagnostics;
        this.documentName = documentName;
    }

    /** The raw value of {@code key}, or null; for values whose type decides how they are read. */
    public JsonNode raw(String key) {
        return node.get(key);
    }

    public boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    /** Where this mapping starts (for a nested one) or the opening fence (for the front matter). */
    public SourcePos pos() {
        return pointer.isEmpty() ? document.start() : document.valuePos(pointer);
    }

    public SourcePos keyPos(String key) {
        return document.keyPos(pointer + "/" + key);
    }

    public SourcePos valuePos(String key) {
        return document.valuePos(pointer + "/" + key);
    }

    public Optional<String> string(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() && !value.isNumber()) {
            typeError(key, "a string", value);
            return Optional.empty();
        }
        String text = value.asText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    public Optional<String> requiredString(String key) {
        if (!has(key) || (node.get(key).isTextual() && node.get(key).asText().isBlank())) {
            missing(key, "text");
            return Optional.empty();
        }
        return string(key);
    }

    public Optional<Boolean> bool(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            typeError(key, "true or false", value);
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    public Optional<Integer> integer(String key, int min, int max) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            diagnostics.error(Rules.FRONT_MATTER_TYPE, valuePos(key), "'" + key + "' must be a whole number from " + min + " to "
                    + max + ", not '" + value.asText() + "'");
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    public Optional<LocalDate> date(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String text = value.asText().strip();
        if (value.isTextual() && ISO_DATE.matcher(text).matches()) {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                // falls through to the message below: the shape is right but the day does not exist
            }
        }
        diagnostics.error(Rules.DATE_FORMAT, valuePos(key), "'" + key + "' must be a date written YYYY-MM-DD, not '"
                + text + "'");
        return Optional.empty();
    }

    public Optional<LocalDate> requiredDate(String key) {
        if (!has(key)) {
            missing(key, "YYYY-MM-DD");
            return Optional.empty();
        }
        return date(key);
    }

    /** A list of strings; a single string is accepted as a list of one. */
    public List<String> strings(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isTextual() || value.isNumber()) {
            return value.asText().isBlank() ? List.of() : List.of(value.asText().strip());
        }
        if (!value.isArray()) {
            typeError(key, "a list of strings", value);
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isTextual() || item.isNumber()) {
                if (!item.asText().isBlank()) {
                    result.add(item.asText().strip());
                }
            } else {
                diagnostics.error(Rules.FRONT_MATTER_TYPE, document.valuePos(pointer + "/" + key + "/" + i),
                        "each item of '" + key + "' must be a string, not a " + YamlDocument.describe(item));
            }
        }
        return List.copyOf(result);
    }

    /** A nested mapping, read by {@code reader}. */
    public <T> Optional<T> object(String key, Function<Fields, Optional<T>> reader) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            typeError(key, "a mapping of keys to values", value);
            return Optional.empty();
        }
        return reader.apply(new Fields(document, (ObjectNode) value, pointer + "/" + key, diagnostics, documentName));
    }

    /** A list of items, each read by {@code reader} from its {@link Item}. */
    public <T> List<T> list(String key, Function<Item, Optional<T>> reader) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            typeError(key, "a list", value);
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            reader.apply(new Item(pointer + "/" + key + "/" + i, key, value.get(i))).ifPresent(result::add);
        }
        return List.copyOf(result);
    }

    /** Every key of this mapping that is not in {@code allowed} is reported, with a did-you-mean. */
    public void rejectUnknownKeys(Set<String> allowed, String where) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!allowed.contains(key)) {
                diagnostics.error(Rules.FRONT_MATTER_UNKNOWN_KEY, keyPos(key), "unknown key '" + key + "' " + where
                        + Suggestions.didYouMean(key, allowed, "allowed keys"));
            }
        }
    }

    /** The keys of this mapping, in the order they are written. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    private void missing(String key, String example) {
        String where = pointer.isEmpty() ? documentName : "'" + pointer.substring(1).replace('/', '.') + "'";
        diagnostics.error(Rules.FRONT_MATTER_REQUIRED, pos(), "missing required key '" + key + "'; add '" + key + ": "
                + example + "' to " + where);
    }

    private void typeError(String key, String expected, JsonNode value) {
        diagnostics.error(Rules.FRONT_MATTER_TYPE, valuePos(key), "'" + key + "' must be " + expected + ", not a "
                + YamlDocument.describe(value));
    }

    /** One item of a list: a string, or a mapping read through {@link #fields()}. */
    public final class Item {
        private final String itemPointer;
        private final String listKey;
        private final JsonNode value;

        private Item(String itemPointer, String listKey, JsonNode value) {
            this.itemPointer = itemPointer;
            this.listKey = listKey;
            this.value = value;
        }

        public JsonNode value() {
            return value;
        }

        public SourcePos pos() {
            return document.valuePos(itemPointer);
        }

        public boolean isString() {
            return value.isTextual() || value.isNumber();
        }

        public boolean isObject() {
            return value.isObject();
        }

        public Fields fields() {
            return new Fields(document, (ObjectNode) value, itemPointer, diagnostics, documentName);
        }

        /**
         * The item as a mapping whose keys must be among {@code keys} (an unknown key is reported
         * {@code where}), or empty after reporting that it is not {@code expected}.
         */
        public Optional<Fields> mapping(String expected, Set<String> keys, String where) {
            if (!isObject()) {
                reportType(expected);
                return Optional.empty();
            }
            Fields mapping = fields();
            mapping.rejectUnknownKeys(keys, where);
            return Optional.of(mapping);
        }

        public void reportType(String expected) {
            diagnostics.error(Rules.FRONT_MATTER_TYPE, pos(), "each item of '" + listKey + "' must be " + expected + ", not a "
                    + YamlDocument.describe(value));
        }
    }
}
