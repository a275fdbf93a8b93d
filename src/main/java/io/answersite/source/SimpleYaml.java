package io.answersite.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.answersite.diagnostic.SourcePos;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the plain front matter most pages have — block mappings and sequences indented with
 * spaces, one-line double- or single-quoted strings without escapes, flow lists of such scalars,
 * plain words, dates and integers — into the tree and positions the YAML parser gives, and gives up
 * (null) on anything else: the YAML parser then reads the document, reports its errors and types
 * whatever is left. The YAML parser was a fifth of loading a page (JFR, clean build of the
 * topics-200 10,000-page corpus, under the client compiler). {@code SimpleYamlTest} compares the
 * two on every front matter of the repository's content, the fixtures and generated documents.
 */
final class SimpleYaml {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Anything this reader does not handle: the document goes to the YAML parser. */
    private static final class NotSimple extends RuntimeException {
        NotSimple() {
            super(null, null, false, false);
        }
    }

    private static final NotSimple NOT_SIMPLE = new NotSimple();

    private final String path;
    private final int firstLine;
    private final String yaml;
    private final int[] lineStarts;
    /** Where each line's {@code \n} is (or the end of the text). */
    private final int[] lineEnds;
    private final int lineCount;
    private int line; // the next line to read
    private ObjectNode root;
    final Map<String, SourcePos> keyPositions = new HashMap<>();
    final Map<String, SourcePos> valuePositions = new HashMap<>();

    private SimpleYaml(String path, String yaml, int firstLine, int[] lineStarts, int[] lineEnds, int lineCount) {
        this.path = path;
        this.yaml = yaml;
        this.firstLine = firstLine;
        this.lineStarts = lineStarts;
        this.lineEnds = lineEnds;
        this.lineCount = lineCount;
    }

    /** The document's root mapping and positions, or null when the YAML parser must read it. */
    static SimpleYaml read(String path, String yaml, int firstLine) {
        int lines = 0;
        for (int i = 0; i < yaml.length(); i++) {
            char c = yaml.charAt(i);
            if (c == '\n') {
                lines++;
            } else if (c < ' ' || c >= 0x7F && c <= 0x9F || Character.isSurrogate(c) || c >= 0xFFFE
                    || c == '#' && (i == 0 || yaml.charAt(i - 1) == ' ' || yaml.charAt(i - 1) == '\n')) {
                // tabs, carriage returns, characters YAML does not allow, surrogates and comments:
                // the YAML parser's to judge
                return null;
            }
        }
        int[] starts = new int[lines + 1];
        int[] ends = new int[lines + 1];
        int count = 0;
        for (int at = 0; at < yaml.length(); count++) {
            int end = yaml.indexOf('\n', at);
            starts[count] = at;
            ends[count] = end < 0 ? yaml.length() : end;
            at = ends[count] + 1;
        }
        SimpleYaml reader = new SimpleYaml(path, yaml, firstLine, starts, ends, count);
        try {
            reader.skipBlankLines();
            if (reader.line == count || reader.indent(reader.line) != 0) {
                return null;
            }
            reader.root = reader.mapping(0, 0, "");
            reader.skipBlankLines();
            return reader.line == count ? reader : null;
        } catch (NotSimple | IndexOutOfBoundsException e) {
            return null;
        }
    }

    ObjectNode root() {
        return root;
    }

    private int start(int line) {
        return lineStarts[line];
    }

    private int end(int line) {
        return lineEnds[line];
    }

    private int indent(int line) {
        int at = start(line);
        int end = end(line);
        while (at < end && yaml.charAt(at) == ' ') {
            at++;
        }
        return at - start(line);
    }

    private boolean blank(int line) {
        return start(line) + indent(line) == end(line);
    }

    private void skipBlankLines() {
        while (line < lineCount && blank(line)) {
            if (end(line) > start(line)) {
                throw NOT_SIMPLE; // a line of spaces
            }
            line++;
        }
    }

    private SourcePos pos(int line, int column) {
        return new SourcePos(path, line + firstLine, column + 1);
    }

    /**
     * The block mapping whose keys start at column {@code indent}, the first on the current line at
     * column {@code firstColumn} (after a sequence's "- "), the others each on a line of its own.
     */
    private ObjectNode mapping(int indent, int firstColumn, String pointer) {
        valuePositions.put(pointer, pos(line, firstColumn));
        ObjectNode object = NODES.objectNode();
        int column = firstColumn;
        while (true) {
            int lineStart = start(line);
            int lineEnd = end(line);
            int keyStart = lineStart + column;
            int at = keyStart;
            while (at < lineEnd && isKeyChar(yaml.charAt(at))) {
                at++;
            }
            if (at == keyStart || at == lineEnd || yaml.charAt(at) != ':') {
                throw NOT_SIMPLE;
            }
            String key = yaml.substring(keyStart, at);
            if (!Character.isLetter(key.charAt(0)) && key.charAt(0) != '_' || key.length() <= 5 && isReserved(key)
                    || object.has(key)) { // a duplicate key: the YAML parser reports it
                throw NOT_SIMPLE;
            }
            String child = pointer + "/" + key;
            keyPositions.put(child, pos(line, column));
            int keyLine = line;
            if (at + 1 == lineEnd) {
                line++;
                object.set(key, block(indent, child, keyLine));
            } else {
                if (yaml.charAt(at + 1) != ' ' || at + 2 == lineEnd || yaml.charAt(at + 2) == ' ') {
                    throw NOT_SIMPLE;
                }
                object.set(key, inline(at + 2, lineEnd, child));
                line++;
            }
            skipBlankLines();
            if (line == lineCount) {
                return object;
            }
            int next = indent(line);
            if (next < indent) {
                return object;
            }
            if (next > indent) {
                throw NOT_SIMPLE;
            }
            column = indent;
            if (yaml.charAt(start(line) + indent) == '-') {
                return object; // the next item of the sequence this mapping is in, or not simple
            }
        }
    }

    /** The value of a key that ends its line: a sequence or mapping on the lines after it. */
    private JsonNode block(int keyIndent, String pointer, int keyLine) {
        skipBlankLines();
        if (line == lineCount) {
            throw NOT_SIMPLE; // an empty value
        }
        int indent = indent(line);
        int first = start(line) + indent;
        if (yaml.charAt(first) == '-' && indent >= keyIndent) {
            return sequence(indent, pointer);
        }
        if (indent > keyIndent) {
            return mapping(indent, indent, pointer);
        }
        throw NOT_SIMPLE;
    }

    /** The block sequence whose "- " marks are at column {@code indent}, from the current line on. */
    private ArrayNode sequence(int indent, String pointer) {
        valuePositions.put(pointer, pos(line, indent));
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        while (true) {
            int lineStart = start(line);
            int lineEnd = end(line);
            int mark = lineStart + indent;
            if (yaml.charAt(mark) != '-' || mark + 2 >= lineEnd || yaml.charAt(mark + 1) != ' '
                    || yaml.charAt(mark + 2) == ' ') {
                throw NOT_SIMPLE;
            }
            String item = pointer + "/" + index++;
            if (startsMapping(mark + 2, lineEnd)) {
                array.add(mapping(indent + 2, indent + 2, item));
            } else {
                array.add(inline(mark + 2, lineEnd, item));
                line++;
                skipBlankLines();
            }
            if (line == lineCount || indent(line) != indent || yaml.charAt(start(line) + indent) != '-') {
                return array;
            }
        }
    }

    /** Whether the text from {@code at} is a key and its colon. */
    private boolean startsMapping(int at, int end) {
        int i = at;
        while (i < end && isKeyChar(yaml.charAt(i))) {
            i++;
        }
        return i > at && i < end && yaml.charAt(i) == ':' && (i + 1 == end || yaml.charAt(i + 1) == ' ');
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    /** A value that fills the rest of the line from {@code at} to {@code end}. */
    private JsonNode inline(int at, int end, String pointer) {
        valuePositions.put(pointer, pos(line, at - start(line)));
        char first = yaml.charAt(at);
        if (first == '"' || first == '\'') {
            int close = quotedEnd(at, end);
            if (close != end - 1) {
                throw NOT_SIMPLE;
            }
            return NODES.textNode(yaml.substring(at + 1, close));
        }
        if (first == '[') {
            return flowList(at, end, pointer);
        }
        return plain(yaml.substring(at, end), false);
    }

    /** Where the quoted string that starts at {@code at} closes; not simple with escapes or none. */
    private int quotedEnd(int at, int end) {
        char quote = yaml.charAt(at);
        int close = yaml.indexOf(quote, at + 1);
        if (close < 0 || close >= end || quote == '"' && yaml.lastIndexOf('\\', close) > at
                || quote == '\'' && close + 1 < end && yaml.charAt(close + 1) == '\'') {
            throw NOT_SIMPLE;
        }
        return close;
    }

    private ArrayNode flowList(int at, int end, String pointer) {
        if (yaml.charAt(end - 1) != ']') {
            throw NOT_SIMPLE;
        }
        ArrayNode array = NODES.arrayNode();
        int i = at + 1;
        int index = 0;
        while (i < end - 1 && yaml.charAt(i) == ' ') {
            i++;
        }
        if (i == end - 1) {
            return array;
        }
        while (true) {
            String item = pointer + "/" + index++;
            valuePositions.put(item, pos(line, i - start(line)));
            char first = yaml.charAt(i);
            int itemEnd;
            if (first == '"' || first == '\'') {
                int close = quotedEnd(i, end);
                array.add(NODES.textNode(yaml.substring(i + 1, close)));
                itemEnd = close + 1;
            } else {
                itemEnd = i;
                while (itemEnd < end - 1 && yaml.charAt(itemEnd) != ',') {
                    itemEnd++;
                }
                int textEnd = itemEnd;
                while (textEnd > i && yaml.charAt(textEnd - 1) == ' ') {
                    textEnd--;
                }
                array.add(plain(yaml.substring(i, textEnd), true));
            }
            while (itemEnd < end - 1 && yaml.charAt(itemEnd) == ' ') {
                itemEnd++;
            }
            if (itemEnd == end - 1) {
                return array;
            }
            if (yaml.charAt(itemEnd) != ',') {
                throw NOT_SIMPLE;
            }
            i = itemEnd + 1;
            while (i < end - 1 && yaml.charAt(i) == ' ') {
                i++;
            }
            if (i == end - 1) {
                throw NOT_SIMPLE; // a trailing comma
            }
        }
    }

    /**
     * A plain scalar: words that start with a letter (not one the YAML parser reads as a boolean or
     * null), an ISO date (a string to the YAML parser) or a decimal integer.
     */
    private static JsonNode plain(String text, boolean inFlow) {
        if (text.isEmpty() || text.contains(": ") || text.endsWith(":") || text.endsWith(" ")) {
            throw NOT_SIMPLE;
        }
        if (inFlow && (text.indexOf(':') >= 0 || text.indexOf('[') >= 0 || text.indexOf(']') >= 0
                || text.indexOf('{') >= 0 || text.indexOf('}') >= 0)) {
            throw NOT_SIMPLE;
        }
        char first = text.charAt(0);
        if (Character.isLetter(first)) {
            if (text.length() <= 5 && isReserved(text)) {
                throw NOT_SIMPLE;
            }
            return NODES.textNode(text);
        }
        if (first >= '0' && first <= '9') {
            if (isDate(text)) {
                return NODES.textNode(text);
            }
            if (text.length() <= 18 && (first != '0' || text.length() == 1) && allDigits(text)) {
                return NODES.numberNode(new BigInteger(text));
            }
        }
        throw NOT_SIMPLE;
    }

    private static boolean isReserved(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "y", "n", "yes", "no", "on", "off", "true", "false", "null" -> true;
            default -> false;
        };
    }

    private static boolean isDate(String text) {
        return text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-'
                && allDigits(text.substring(0, 4)) && allDigits(text.substring(5, 7)) && allDigits(text.substring(8));
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
