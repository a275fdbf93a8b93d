package io.answersite.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.SourcePos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML mapping parsed into a Jackson tree, with the file position of every key and value kept
 * beside it under a JSON-pointer-like path ({@code /faq/0/q}).
 */
public final class YamlDocument {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String path;
    private final ObjectNode root;
    private final SourcePos start;
    private final Map<String, SourcePos> keyPositions;
    private final Map<String, SourcePos> valuePositions;

    private YamlDocument(String path, ObjectNode root, SourcePos start,
                         Map<String, SourcePos> keyPositions, Map<String, SourcePos> valuePositions) {
        this.path = path;
        this.root = root;
        this.start = start;
        this.keyPositions = keyPositions;
        this.valuePositions = valuePositions;
    }

    /**
     * Parses {@code yaml}, which starts on line {@code firstLine} of the file {@code path}. Syntax
     * errors are reported at their line in the file; an empty document is an empty mapping.
     */
    public static Optional<YamlDocument> parse(YAMLFactory factory, String path, String yaml, int firstLine,
                                               Diagnostics diagnostics) {
        SimpleYaml simple = SimpleYaml.read(path, yaml, firstLine);
        if (simple != null) {
            return Optional.of(new YamlDocument(path, simple.root(), new SourcePos(path, Math.max(1, firstLine - 1), 1),
                    simple.keyPositions, simple.valuePositions));
        }
        return parseWithYamlParser(factory, path, yaml, firstLine, diagnostics);
    }

    /** As {@link #parse}, every document through the YAML parser (also the reference in tests). */
    static Optional<YamlDocument> parseWithYamlParser(YAMLFactory factory, String path, String yaml, int firstLine,
                                                      Diagnostics diagnostics) {
        Builder builder = new Builder(path, firstLine);
        try (JsonParser parser = factory.createParser(yaml)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonNode root = builder.readValue(parser, parser.nextToken(), "");
            if (root == null || root.isNull() || (root.isTextual() && root.asText().isBlank())) {
                root = NODES.objectNode();
            }
            if (!root.isObject()) {
                diagnostics.error(Rules.YAML_NOT_A_MAPPING, builder.valuePositions.getOrDefault("", new SourcePos(path, firstLine, 1)),
                        "the front matter must be 'key: value' lines, not a " + describe(root));
                return Optional.empty();
            }
            return Optional.of(new YamlDocument(path, (ObjectNode) root, new SourcePos(path, Math.max(1, firstLine - 1), 1),
                    builder.keyPositions, builder.valuePositions));
        } catch (JsonProcessingException e) {
            diagnostics.error(Rules.YAML_SYNTAX, builder.errorPosition(e), "invalid YAML: " + problem(e));
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String path() {
        return path;
    }

    public ObjectNode root() {
        return root;
    }

    Map<String, SourcePos> keyPositions() {
        return keyPositions;
    }

    Map<String, SourcePos> valuePositions() {
        return valuePositions;
    }

    /** Where the document starts: for front matter, the opening {@code ---} line. */
    public SourcePos start() {
        return start;
    }

    /** The position of the key at {@code pointer}, or of its value, or of the document. */
    public SourcePos keyPos(String pointer) {
        SourcePos pos = keyPositions.get(pointer);
        return pos != null ? pos : valuePos(pointer);
    }

    /** The position of the value at {@code pointer}, or of its key, or of the document. */
    public SourcePos valuePos(String pointer) {
        SourcePos pos = valuePositions.get(pointer);
        if (pos == null) {
            pos = keyPositions.get(pointer);
        }
        return pos != null ? pos : start;
    }

    static String describe(JsonNode node) {
        if (node.isArray()) {
            return "list";
        }
        if (node.isObject()) {
            return "mapping";
        }
        if (node.isBoolean()) {
            return "boolean (" + node.asText() + ")";
        }
        if (node.isNumber()) {
            return "number (" + node.asText() + ")";
        }
        if (node.isNull()) {
            return "empty value";
        }
        return "string";
    }

    private static String problem(JsonProcessingException e) {
        if (e instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            String context = marked.getContext() == null ? "" : marked.getContext();
            String problem = context.isEmpty() ? marked.getProblem() : marked.getProblem() + " (" + context + ")";
            return problem + hint(problem);
        }
        String message = e.getOriginalMessage();
        if (message.startsWith("Duplicate field")) {
            return message.replace("Duplicate field", "the key") + " appears twice; keep one";
        }
        return message;
    }

    /** The usual cause of a YAML error in front matter, as a fix to try. */
    private static String hint(String problem) {
        if (problem.contains("flow sequence") || problem.contains("flow mapping")) {
            return "; a value that starts with '[' or '{' is read as a list or mapping: put text in quotes";
        }
        if (problem.contains("mapping values are not allowed")) {
            return "; a value that contains ': ' must be put in quotes";
        }
        if (problem.contains("found character '\\t'") || problem.contains("tab")) {
            return "; indent with spaces, not tabs";
        }
        return "";
    }

    /** Builds the tree token by token, recording where each key and value starts. */
    private static final class Builder {
        final String path;
        final int firstLine;
        final Map<String, SourcePos> keyPositions = new HashMap<>();
        final Map<String, SourcePos> valuePositions = new HashMap<>();

        Builder(String path, int firstLine) {
            this.path = path;
            this.firstLine = firstLine;
        }

        JsonNode readValue(JsonParser parser, JsonToken token, String pointer) throws IOException {
            if (token == null) {
                return null;
            }
            valuePositions.put(pointer, pos(parser.currentTokenLocation()));
            switch (token) {
                case START_OBJECT: {
                    ObjectNode object = NODES.objectNode();
                    JsonToken next;
                    while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        String child = pointer + "/" + key;
                        keyPositions.put(child, pos(parser.currentTokenLocation()));
                        object.set(key, readValue(parser, parser.nextToken(), child));
                    }
                    return object;
                }
                case START_ARRAY: {
                    ArrayNode array = NODES.arrayNode();
                    JsonToken next;
                    int index = 0;
                    while ((next = parser.nextToken()) != JsonToken.END_ARRAY && next != null) {
                        array.add(readValue(parser, next, pointer + "/" + index++));
                    }
                    return array;
                }
                case VALUE_STRING:
                    return NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT:
                    return NODES.numberNode(parser.getBigIntegerValue());
                case VALUE_NUMBER_FLOAT:
                    return NODES.numberNode(parser.getDecimalValue());
                case VALUE_TRUE:
                    return NODES.booleanNode(true);
                case VALUE_FALSE:
                    return NODES.booleanNode(false);
                case VALUE_NULL:
                    return NODES.nullNode();
                default:
                    return NODES.textNode(parser.getText());
            }
        }

        SourcePos pos(JsonLocation location) {
            int line = Math.max(1, location.getLineNr()) + firstLine - 1;
            return new SourcePos(path, line, Math.max(1, location.getColumnNr()));
        }

        SourcePos errorPosition(JsonProcessingException e) {
            if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                // At the end of the front matter the mistake is where the unclosed construct started.
                boolean atEnd = marked.getProblem() != null && marked.getProblem().contains("<stream end>");
                var mark = atEnd && marked.getContextMark() != null ? marked.getContextMark() : marked.getProblemMark();
                return new SourcePos(path, mark.getLine() + firstLine, mark.getColumn() + 1);
            }
            JsonLocation location = e.getLocation();
            return location == null ? new SourcePos(path, firstLine, 1) : pos(location);
        }
    }
}
