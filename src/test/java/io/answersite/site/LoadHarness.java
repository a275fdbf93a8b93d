package io.answersite.site;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.answersite.TestSites;
import io.answersite.check.ContentChecks;
import io.answersite.check.SecretScanner;
import io.answersite.config.SiteConfig;
import io.answersite.config.SiteConfigReader;
import io.answersite.content.ContentLoader;
import io.answersite.content.LoadedContent;
import io.answersite.content.Page;
import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.graph.ContentGraph;
import io.answersite.graph.GraphBuilder;
import io.answersite.graph.HeldBack;
import io.answersite.markdown.MarkdownDoc;
import io.answersite.markdown.MarkdownRenderer;
import io.answersite.source.SourceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One content file's bytes through the load phase of a build (what {@link Answersite#load} runs after
 * site.yml: the secret scan, front matter splitter, YAML reader, typed binder, Markdown renderer,
 * graph and checks), then through the Markdown post-processing of render and emit (slots filled,
 * the Markdown twin).
 * The bytes are written as an answer, a glossary term and a snippet of a small site, so one input
 * reaches every binder. {@link #load} throws whatever escapes the build, and an
 * {@link AssertionError} when an input ends as neither pages nor diagnostics with a position in
 * the file. Used by the fuzz test and by the replay of inputs that once failed.
 */
final class LoadHarness {

    /** Where the bytes go, relative to the site root: one binder each. */
    static final List<String> FILES = List.of("content/answers/fuzzed.md", "content/glossary/fuzzed.md",
            "content/_snippets/fuzzed.md");

    private static final String SITE = """
            -- site/site.yml --
            title: Fuzzed
            description: Any bytes in a content file.
            base_url: https://fuzz.example.com/docs/
            default_language: en
            languages:
              - code: en
                name: English
              - code: zh-CN
                name: 简体中文
            authors:
              team:
                name: Team
            default_author: team
            safety:
              patterns:
                - name: internal host
                  regex: '[a-z0-9-]+\\.corp\\.example\\.net'
            -- content/topics/network.md --
            ---
            title: Network
            description: Connections.
            date: 2026-01-01
            ---
            Answers about [connections](answer:fuzzed).
            """;

    private final Path root;
    private final BuildRequest request;
    private final SourceReader reader;
    private final SiteConfig config;
    private final ContentLoader loader;

    /**
     * A site in {@code root} (an empty folder) into which each input is written. Configuration,
     * parsers and the loader are made once, as {@link Answersite#load} makes them once per build.
     */
    LoadHarness(Path root) {
        this.root = TestSites.write(root, SITE);
        this.request = TestSites.request(root).withIncludeDrafts(true);
        this.reader = new SourceReader(root);
        YAMLFactory yaml = new YAMLFactory();
        Diagnostics diagnostics = new Diagnostics();
        this.config = reader.read(request.configFile(), diagnostics)
                .flatMap(text -> new SiteConfigReader(yaml).read(text, request.baseUrl(), diagnostics))
                .orElseThrow(() -> new AssertionError("the harness's site.yml does not load: " + diagnostics.sorted()));
        this.loader = new ContentLoader(config, reader, yaml, new MarkdownRenderer(), new SecretScanner(config.checks()));
    }

    /** Writes {@code bytes} to every file of {@link #FILES}, loads the site and checks the outcome. */
    void load(byte[] bytes) {
        try {
            for (String file : FILES) {
                Files.createDirectories(root.resolve(file).getParent());
                Files.write(root.resolve(file), bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.usePolicy(config.checks().severities());
        LoadedContent content = loader.load(request.contentDir(), diagnostics);
        ContentGraph graph = new GraphBuilder(config, reader.label(request.contentDir()), request.contentDir(),
                request.includeDrafts(), request.today()).build(content, diagnostics);
        new ContentChecks(graph, io.answersite.graph.Glossary.of(graph), request.today(), reader, request.siteRoot())
                .run(diagnostics);
        Set<String> loaded = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Page page : graph.pages().values()) {
            postProcess(page.sourcePath(), page.body(), problems);
            loaded.add(page.sourcePath());
        }
        graph.snippets().values().forEach(byLanguage -> byLanguage.values().forEach(snippet -> {
            postProcess(snippet.sourcePath(), snippet.body(), problems);
            loaded.add(snippet.sourcePath());
        }));
        graph.heldBack().stream().map(HeldBack::sourcePath).forEach(loaded::add);
        check(bytes, diagnostics.sorted(), loaded, problems);
    }

    /**
     * What render and emit do with a body: fill every link slot (none may be left), and write the
     * Markdown twin.
     */
    private static void postProcess(String path, MarkdownDoc body, List<String> problems) {
        String html = body.fill(slot -> "/docs/answers/target-" + slot + "/");
        if (!body.links().isEmpty() && html.contains(body.slotPrefix())) {
            problems.add(path + ": a link slot was left unfilled: " + html);
        }
        body.markdown(slot -> "https://fuzz.example.com/docs/answers/target-" + slot + "/");
    }

    private static void check(byte[] bytes, List<Diagnostic> diagnostics, Set<String> loaded, List<String> problems) {
        List<String> lines = lines(bytes);
        for (Diagnostic diagnostic : diagnostics) {
            if (Rules.find(diagnostic.ruleId()).isEmpty()) {
                problems.add("unknown rule id: " + diagnostic.format());
            }
            if (!FILES.contains(diagnostic.pos().path())) {
                continue;
            }
            int line = diagnostic.pos().line();
            int column = diagnostic.pos().column();
            if (line < 1 || line > lines.size() || column < 1 || column > lines.get(line - 1).length() + 1) {
                problems.add("position outside the file (" + lines.size() + " lines): " + diagnostic.format());
            }
        }
        for (String file : FILES) {
            boolean reported = diagnostics.stream().anyMatch(d -> d.isError() && d.pos().path().equals(file));
            if (!loaded.contains(file) && !reported) {
                problems.add(file + " gave neither a page nor an error");
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }

    /**
     * The file's lines as the build counts them: UTF-8 (a bad byte and what follows it replaced by
     * one character each), without a byte-order mark, with CR LF and CR as line ends.
     */
    static List<String> lines(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not fail", e);
        }
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    }

    /** The inputs that once failed, kept in {@code src/test/resources/fuzz-regressions/} (all but README.md). */
    static List<Path> regressions() {
        try (Stream<Path> files = Files.list(TestSites.repositoryRoot().resolve("src/test/resources/fuzz-regressions"))) {
            return files.filter(f -> !f.getFileName().toString().equals("README.md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every Markdown file of the fixture sites, the example site and this repository's content. */
    static List<Path> fixtureFiles() {
        Path repository = TestSites.repositoryRoot();
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("src/test/resources/sites", "examples/minimal-site/content", "content")) {
            try (Stream<Path> walk = Files.walk(repository.resolve(dir))) {
                walk.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
