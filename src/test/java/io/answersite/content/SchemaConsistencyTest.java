package io.answersite.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.answersite.TestSites;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published front matter schemas (for editors' tools) and the build's own checks must agree:
 * the same keys per kind, every real page valid under both, and front matter the build rejects
 * rejected by the schema too.
 */
class SchemaConsistencyTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<Kind, String> SCHEMAS = Map.of(Kind.ANSWER, "answer", Kind.GUIDE, "guide",
            Kind.CHECKLIST, "checklist", Kind.GLOSSARY, "glossary", Kind.TOPIC, "topic", Kind.HUB, "hub");

    private static JsonSchema schema(Kind kind) throws IOException {
        try (InputStream in = SchemaConsistencyTest.class.getResourceAsStream("/schemas/" + SCHEMAS.get(kind)
                + ".schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in,
                    SchemaValidatorsConfig.builder().locale(Locale.ENGLISH).build());
        }
    }

    @Test
    void everySchemaDefinesExactlyTheKeysTheBuildAccepts() throws IOException {
        for (Kind kind : Kind.values()) {
            JsonNode properties = YAML.readTree(SchemaConsistencyTest.class.getResource("/schemas/" + SCHEMAS.get(kind)
                    + ".schema.json")).path("properties");
            TreeSet<String> keys = new TreeSet<>();
            properties.fieldNames().forEachRemaining(keys::add);
            assertEquals(new TreeSet<>(PageBuilder.allowedKeys(kind)), keys, kind.toString());
        }
    }

    @Test
    void everyPageOfTheRepositoryAndTheFixturesIsValidUnderItsSchema() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String folder : List.of("content", "examples/minimal-site/content", "src/test/resources/sites/golden/content")) {
            Path content = TestSites.repositoryRoot().resolve(folder);
            try (Stream<Path> files = Files.walk(content)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    Path relative = content.relativize(file);
                    Kind kind = relative.getNameCount() == 1 ? Kind.HUB
                            : Kind.fromFolder(relative.getName(0).toString()).orElse(null);
                    if (kind == null) {
                        continue;
                    }
                    JsonNode frontMatter = frontMatter(Files.readString(file));
                    schema(kind).validate(frontMatter).forEach(m -> problems.add(file + ": " + m.getMessage()));
                    checked++;
                }
            }
        }
        assertEquals(List.of(), problems);
        assertFalse(checked < 40, "pages checked: " + checked);
    }

    @Test
    void frontMatterTheBuildRejectsTheSchemaRejectsToo() throws IOException {
        String valid = """
                title: Why?
                description: Because.
                date: 2026-02-01
                topic: network
                answer: Because.
                """;
        assertEquals(0, schema(Kind.ANSWER).validate(YAML.readTree(valid)).size());
        for (String broken : List.of(
                valid.replace("title: Why?\n", ""),
                valid.replace("answer: Because.\n", ""),
                valid + "titel: typo\n",
                valid.replace("date: 2026-02-01", "date: 1 Feb 2026"),
                valid + "id: Bad_Id\n",
                valid + "tags: {a: b}\n",
                valid + "draft: maybe\n",
                valid + "related: [guid:x]\n",
                valid + "faq: [{q: only a question}]\n")) {
            assertFalse(schema(Kind.ANSWER).validate(YAML.readTree(broken)).isEmpty(), broken);
        }
    }

    private static JsonNode frontMatter(String text) throws IOException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int end = body.indexOf("\n---", 3);
        return YAML.readTree(body.substring(4, end + 1));
    }
}
