package io.answersite.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.answersite.diagnostic.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SimpleYamlTest {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    @Test
    void readsEveryFrontMatterOfTheRepositoryAsTheYamlParserDoes() throws IOException {
        int simple = 0;
        int documents = 0;
        for (String folder : List.of("content", "examples", "src/test/resources", "site")) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(Path.of(folder))) {
                files = walk.filter(file -> file.toString().endsWith(".md") || file.toString().endsWith(".yml"))
                        .sorted().toList();
            }
            for (Path file : files) {
                String text = read(file);
                String yaml = text;
                int firstLine = 1;
                if (file.toString().endsWith(".md")) {
                    Optional<FrontMatter> split = FrontMatter.split(new SourceText(file.toString(), text), "", new Diagnostics());
                    if (split.isEmpty()) {
                        continue;
                    }
                    yaml = split.get().yaml();
                    firstLine = split.get().yamlFirstLine();
                }
                documents++;
                simple += compare(file.toString(), yaml, firstLine) ? 1 : 0;
            }
        }
        assertTrue(documents > 50, "documents: " + documents);
        System.out.println(simple + " of " + documents + " front matters read without the YAML parser");
        assertTrue(simple * 2 > documents, simple + " of " + documents + " read without the YAML parser");
    }

    @Test
    void readsGeneratedDocumentsAsTheYamlParserDoesOrLeavesThemToIt() {
        List<String> values = List.of("plain words here", "\"quoted: text, with [brackets]\"", "'single quoted'",
                "2026-02-01", "42", "[t0, bench]", "请求超时 DNS", "'it''s'", "\"escaped \\\" quote\"", "2026-2-1", "0", "012", "-3", "3.5", "1e3",
                "true", "False", "yes", "No", "on", "null", "~", "[]", "[ a , b ]", "[a,b,]", "[\"x, y\", z]",
                "[a: b]", "guide:guide-0000", "a: b", "value # comment", "value#hash", "*alias", "&anchor x",
                "!tag x", "| ", ">", "{a: 1}", "@at", "`tick", "%pct", "- item", "?q", "C#", "x  y", "😀 emoji", "a\tb",
                "\"unterminated", "\"two\" lines", "[open", "text ending:", "0x1F", "1_000", ".inf", "<<", "=");
        List<String> keys = List.of("title", "tags", "q", "a", "next_steps", "related-items", "yes", "0", "-x", "_k",
                "title");
        Random random = new Random(20261201);
        int simple = 0;
        for (int round = 0; round < 4000; round++) {
            StringBuilder yaml = new StringBuilder();
            int entries = 1 + random.nextInt(6);
            for (int i = 0; i < entries; i++) {
                String key = keys.get(random.nextInt(keys.size()));
                switch (random.nextInt(6)) {
                    case 0 -> yaml.append(key).append(":\n").append(indent(random)).append("- ")
                            .append(pick(values, random)).append('\n').append(indent(random)).append("- ")
                            .append(pick(values, random)).append('\n');
                    case 1 -> {
                        String dash = random.nextBoolean() ? "  " : "";
                        yaml.append(key).append(":\n").append(dash).append("- q: ").append(pick(values, random))
                                .append('\n').append(dash).append("  a: ").append(pick(values, random)).append('\n');
                    }
                    case 2 -> yaml.append(key).append(":\n  inner: ").append(pick(values, random)).append("\n  other: ")
                            .append(pick(values, random)).append('\n');
                    case 3 -> yaml.append(key).append(random.nextInt(10) == 0 ? ":  " : ": ")
                            .append(pick(values, random)).append(random.nextInt(15) == 0 ? " " : "").append('\n');
                    case 4 -> yaml.append(random.nextInt(4) == 0 ? "\n" : "").append(key).append(": ")
                            .append(pick(values, random)).append('\n');
                    default -> yaml.append(key).append(": ").append(pick(values, random)).append('\n')
                            .append(random.nextInt(8) == 0 ? "  continued line\n" : "");
                }
            }
            simple += compare("round " + round + ":\n" + yaml, yaml.toString(), 2 + random.nextInt(3)) ? 1 : 0;
        }
        System.out.println(simple + " of 4000 generated documents read without the YAML parser");
        assertTrue(simple > 400, simple + " of 4000 generated documents read without the YAML parser");
    }

    @Test
    void leavesEmptyValuesCommentsAndEscapesToTheYamlParser() {
        assertNull(SimpleYaml.read("a.md", "title:\ntopic: x\n", 2));
        assertNull(SimpleYaml.read("a.md", "title: x # note\n", 2));
        assertNull(SimpleYaml.read("a.md", "title: \"a\\nb\"\n", 2));
        assertNull(SimpleYaml.read("a.md", "title: x\ntitle: y\n", 2));
        assertNotNull(SimpleYaml.read("a.md", "title: \"How do I fix 502?\"\ntags: [dns, tls]\ndate: 2026-02-01\n", 2));
    }

    /** Whether the simple reader took the document; when it did, the same tree and positions as the parser's. */
    private static boolean compare(String label, String yaml, int firstLine) {
        SimpleYaml simple = SimpleYaml.read("a.md", yaml, firstLine);
        if (simple == null) {
            return false;
        }
        Diagnostics diagnostics = new Diagnostics();
        Optional<YamlDocument> parsed = YamlDocument.parseWithYamlParser(FACTORY, "a.md", yaml, firstLine, diagnostics);
        assertTrue(parsed.isPresent(), label + "\nthe YAML parser rejects what the simple reader took: " + diagnostics.sorted());
        assertEquals(parsed.get().root(), simple.root(), label);
        assertEquals(parsed.get().keyPositions(), simple.keyPositions, label);
        assertEquals(parsed.get().valuePositions(), simple.valuePositions, label);
        return true;
    }

    private static String indent(Random random) {
        return random.nextBoolean() ? "  " : "";
    }

    /** Mostly one of the first seven values (simple ones), sometimes any. */
    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(random.nextInt(4) == 0 ? values.size() : 7));
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
