package io.answersite.content;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.answersite.config.Language;
import io.answersite.config.SiteConfig;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.SourcePos;
import io.answersite.markdown.MarkdownRenderer;
import io.answersite.source.Fields;
import io.answersite.source.FrontMatter;
import io.answersite.source.RelativePaths;
import io.answersite.source.SourceReader;
import io.answersite.source.SourceText;
import io.answersite.source.YamlDocument;
import io.answersite.work.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.SortedMap;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.FileVisitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads every page and snippet under the content folder into typed records. */
public final class ContentLoader {

    public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]*");
    static final String SNIPPETS = "_snippets";
    static final String HUB_FILE = "_index";

    private static final Set<String> SNIPPET_KEYS = Set.of("title");

    private final SiteConfig config;
    private final SourceReader reader;
    private final YAMLFactory yaml;
    private final MarkdownRenderer markdown;
    private final SourceCheck sourceCheck;
    private final LoadCache cache;
    private final PageBuilder pages;

    /** @param sourceCheck runs on the text of every file read (pages and snippets) */
    public ContentLoader(SiteConfig config, SourceReader reader, YAMLFactory yaml, MarkdownRenderer markdown,
                         SourceCheck sourceCheck) {
        this(config, reader, yaml, markdown, sourceCheck, null);
    }

    /** @param cache the previous load's results by file, reused for unchanged files; may be null */
    public ContentLoader(SiteConfig config, SourceReader reader, YAMLFactory yaml, MarkdownRenderer markdown,
                         SourceCheck sourceCheck, LoadCache cache) {
        this.config = config;
        this.reader = reader;
        this.yaml = yaml;
        this.markdown = markdown;
        this.sourceCheck = sourceCheck;
        this.cache = cache;
        this.pages = new PageBuilder(markdown);
    }

    /**
     * An answer with the parts pages have (front matter with lists and related items, headings, a
     * list, a table, code, emphasis, typed and relative links), read by {@link #warmUp}. Lines joined,
     * not a text block: the plugin descriptor's source parser reads no text block in a field.
     */
    private static final String WARM_UP_PAGE = String.join("\n",
            "---",
            "title: \"Why does my API call fail with a 504?\"",
            "description: \"A gateway timed out waiting for the upstream.\"",
            "date: 2026-01-01",
            "topic: warm-up",
            "tags: [warm-up]",
            "answer: \"The gateway gave up waiting: raise its timeout or make the call stream.\"",
            "basis:",
            "  - \"A 504 comes from the proxy, not the API.\"",
            "next_steps:",
            "  - \"Check the **proxy's** read timeout.\"",
            "faq:",
            "  - q: \"Is a 504 my fault?\"",
            "    a: \"Usually not: retry with `Retry-After`.\"",
            "related:",
            "  - ref: guide:warm-up#s1",
            "    note: \"Timeouts, step by step.\"",
            "  - glossary:timeout",
            "---",
            "",
            "## What happened",
            "",
            "The call went through a *gateway* that timed out; see [the guide](../guides/warm-up.md#s1) and",
            "[timeouts](glossary:timeout).",
            "",
            "1. Read the `Retry-After` header.",
            "2. Retry ~~at once~~ later.",
            "",
            "| Code | Meaning |",
            "| --- | --- |",
            "| 502 | bad gateway |",
            "",
            "```sh",
            "curl -sS https://example.com/v1/chat",
            "```",
            "",
            "- [x] checked",
            "- [ ] retried",
            "");

    /**
     * Reads a built-in answer through every step a page file takes, the secret scan, the YAML and the
     * Markdown included, and drops the result: run on a thread of its own while the build cache is
     * restored, so that an edited build's first changed page does not load and run that code for the
     * first time on the load's critical path (about 0.2 s of an edited build's load at 10,000 pages,
     * default corpus shape, session 25).
     */
    public static void warmUp(MarkdownRenderer markdown, YAMLFactory yaml, SourceCheck sourceCheck) {
        warmUpPage(markdown, yaml, sourceCheck, new Diagnostics());
    }

    /** The page {@link #warmUp} reads, what it found reported to {@code diagnostics}. */
    static Optional<Page> warmUpPage(MarkdownRenderer markdown, YAMLFactory yaml, SourceCheck sourceCheck,
                                     Diagnostics diagnostics) {
        SourceText source = new SourceText("warm-up.md", WARM_UP_PAGE);
        sourceCheck.check(source, diagnostics);
        return FrontMatter.split(source, PageBuilder.needs(Kind.ANSWER), diagnostics).flatMap(split ->
                YamlDocument.parse(yaml, source.path(), split.yaml(), split.yamlFirstLine(), diagnostics)
                        .flatMap(document -> new PageBuilder(markdown).build(source, split, document, Kind.ANSWER,
                                "warm-up", "en", diagnostics)));
    }

    /** One file's result: a page, a snippet, or neither (the file had errors). */
    private record Item(Page page, Snippet snippet) {
        static final Item NONE = new Item(null, null);
    }

    /** Reads every file, in parallel; the result lists pages and snippets in file order. */
    public LoadedContent load(Path contentDir, Diagnostics diagnostics) {
        SortedMap<Path, BasicFileAttributes> listed = cache == null ? markdownFiles(contentDir)
                : cache.listing().list(contentDir, () -> cache.walked(contentDir)
                        .map(files -> markdownFiles(contentDir, files)).orElseGet(() -> markdownFiles(contentDir)));
        // the entries, not a lookup per file: a sorted map of some 13,000 long paths compares each lookup's
        // path about fourteen times (about 20 ms of CPU in an edited 10,000-page build, default corpus
        // shape, session 29)
        List<Map.Entry<Path, BasicFileAttributes>> entries = List.copyOf(listed.entrySet());
        List<Path> files = List.copyOf(listed.keySet());
        List<Item> items = Parallel.map(entries, entry -> loadOne(contentDir, entry.getKey(), entry.getValue(),
                diagnostics));
        List<Page> pages = new ArrayList<>();
        List<Snippet> snippets = new ArrayList<>();
        for (Item item : items) {
            if (item.page != null) {
                pages.add(item.page);
            }
            if (item.snippet != null) {
                snippets.add(item.snippet);
            }
        }
        if (cache != null) {
            cache.retainOnly(files);
            cache.forgetHashes();
        }
        return new LoadedContent(List.copyOf(pages), List.copyOf(snippets));
    }

    /**
     * Reads one file (through the cache, when there is one), for the preview's first answer to an
     * edit. Empty when the file is not a page (a snippet, a misplaced file) or has errors.
     */
    public Optional<Page> loadPage(Path contentDir, Path file, Diagnostics diagnostics) {
        return Optional.ofNullable(loadOne(contentDir, file, null, diagnostics).page);
    }

    /** @param attributes the file's, as the listing read them (null: read them now) */
    private Item loadOne(Path contentDir, Path file, BasicFileAttributes attributes, Diagnostics diagnostics) {
        String relative = RelativePaths.of(contentDir, file);
        String label = reader.label(file);
        Optional<FileName> name = FileName.parse(file.getFileName().toString(), config, label, diagnostics);
        if (name.isEmpty()) {
            return Item.NONE;
        }
        FileName fileName = name.get();
        int slash = relative.indexOf('/');
        if (slash < 0) {
            if (fileName.base.equals(HUB_FILE)) {
                return cached(file, attributes, d -> readPage(file, Kind.HUB, fileName, d), diagnostics)
                        .map(p -> new Item(p, null)).orElse(Item.NONE);
            }
            diagnostics.error(Rules.CONTENT_LOCATION, SourcePos.startOf(label), "'" + relative
                    + "' is not in a content folder; move it to answers/, guides/, checklists/, glossary/"
                    + " or topics/ (or name it _index.md for the hub)");
            return Item.NONE;
        }
        String folder = relative.substring(0, slash);
        if (relative.indexOf('/', slash + 1) >= 0) {
            diagnostics.error(Rules.CONTENT_LOCATION, SourcePos.startOf(label), "'" + relative + "' is in a subfolder;"
                    + " pages sit directly in " + folder + "/ (the id, not the folder, makes the URL)");
            return Item.NONE;
        }
        if (folder.equals(SNIPPETS)) {
            return cached(file, attributes, d -> readSnippet(file, fileName, d), diagnostics)
                    .map(s -> new Item(null, s)).orElse(Item.NONE);
        }
        Optional<Kind> kind = Kind.fromFolder(folder);
        if (kind.isEmpty()) {
            diagnostics.error(Rules.CONTENT_LOCATION, SourcePos.startOf(label), "unknown content folder '" + folder
                    + "'; pages belong in answers/, guides/, checklists/, glossary/ or topics/");
            return Item.NONE;
        }
        return cached(file, attributes, d -> readPage(file, kind.get(), fileName, d), diagnostics)
                .map(p -> new Item(p, null)).orElse(Item.NONE);
    }

    /**
     * Loads one file with its own collector (a file's validity is judged by its own errors, while
     * other files load in parallel), through the cache when there is one.
     */
    private <T> Optional<T> cached(Path file, BasicFileAttributes attributes, Function<Diagnostics, Optional<T>> load,
                                   Diagnostics diagnostics) {
        if (cache != null) {
            return cache.get(file, attributes, load, diagnostics);
        }
        Diagnostics local = new Diagnostics();
        Optional<T> result = load.apply(local);
        local.sorted().forEach(diagnostics::add);
        return result;
    }

    /**
     * The Markdown files of the content folder, sorted, with the attributes the walk read (one stat
     * per file: the load cache compares them, so an edit in the preview costs no second stat of every
     * file); hidden files and folders left out.
     */
    static SortedMap<Path, BasicFileAttributes> markdownFiles(Path contentDir) {
        SortedMap<Path, BasicFileAttributes> files = new TreeMap<>();
        if (!Files.isDirectory(contentDir)) {
            return files;
        }
        try {
            Files.walkFileTree(contentDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                    return folder.equals(contentDir) || !isHidden(contentDir.relativize(folder))
                            ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (!file.getFileName().toString().endsWith(".md") || isHidden(contentDir.relativize(file))) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attributes.isRegularFile()) {
                        files.put(file, attributes);
                    } else if (attributes.isSymbolicLink() && Files.isRegularFile(file)) {
                        files.put(file, Files.readAttributes(file, BasicFileAttributes.class)); // the linked file's
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + contentDir, e);
        }
        return files;
    }

    /**
     * The Markdown files of {@code files} (every file under the content folder, with its attributes, as
     * a walk of the whole folder found them): what {@link #markdownFiles(Path)} lists, without walking again.
     */
    static SortedMap<Path, BasicFileAttributes> markdownFiles(Path contentDir, SortedMap<Path, BasicFileAttributes> files) {
        // copied whole, then the few other files taken out: a copy of a sorted map is built in one pass,
        // while putting each of some 13,000 long paths compared it about fourteen times (about 20 ms of CPU
        // in an edited 10,000-page build, default corpus shape, session 29)
        TreeMap<Path, BasicFileAttributes> markdown = new TreeMap<>(files);
        files.keySet().forEach(file -> {
            if (!file.toString().endsWith(".md") || isHidden(contentDir, file)) { // the path ends with its name
                markdown.remove(file);
            }
        });
        return markdown;
    }

    /**
     * Whether a name of {@code file} under {@code contentDir} starts with a dot, read off the paths' text
     * where {@link RelativePaths} can (a relativized path per file was about 70 ms of an edited
     * 10,000-page build's load stage, default corpus shape, session 26).
     */
    private static boolean isHidden(Path contentDir, Path file) {
        String relative = RelativePaths.of(contentDir, file);
        return relative.startsWith(".") || relative.contains("/.");
    }

    static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private Optional<Page> readPage(Path file, Kind kind, FileName name, Diagnostics diagnostics) {
        Optional<SourceText> source = read(file, diagnostics);
        Optional<Parsed> parsed = source.flatMap(s -> frontMatter(s, PageBuilder.needs(kind), diagnostics));
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        return pages.build(source.get(), parsed.get().split(), parsed.get().document(), kind, name.base,
                name.language.code(), diagnostics);
    }

    /** A file's text, after the checks every file's text gets (the secret scan); empty when unreadable. */
    private Optional<SourceText> read(Path file, Diagnostics diagnostics) {
        Optional<SourceText> source = reader.read(file, diagnostics);
        source.ifPresent(text -> sourceCheck.check(text, diagnostics));
        return source;
    }

    /** A file's front matter split from its body and parsed as YAML. */
    private record Parsed(FrontMatter split, YamlDocument document) {
    }

    /**
     * The one place a file's front matter is split off and parsed, for pages and snippets alike;
     * empty after an error.
     *
     * @param needs the keys a missing front matter should have had, for the message
     */
    private Optional<Parsed> frontMatter(SourceText source, String needs, Diagnostics diagnostics) {
        Optional<FrontMatter> split = FrontMatter.split(source, needs, diagnostics);
        if (split.isEmpty()) {
            return Optional.empty();
        }
        return YamlDocument.parse(yaml, source.path(), split.get().yaml(), split.get().yamlFirstLine(), diagnostics)
                .map(document -> new Parsed(split.get(), document));
    }

    private Optional<Snippet> readSnippet(Path file, FileName name, Diagnostics diagnostics) {
        Optional<SourceText> source = read(file, diagnostics);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        String body = source.get().text();
        int offset = 0;
        if (body.startsWith("---\n") || body.equals("---")) {
            Optional<Parsed> parsed = frontMatter(source.get(), "optional", diagnostics);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            new Fields(parsed.get().document(), diagnostics).rejectUnknownKeys(SNIPPET_KEYS, "in a snippet");
            body = parsed.get().split().body();
            offset = parsed.get().split().bodyOffset();
        }
        String path = source.get().path();
        return markdown.renderSnippet(source.get(), body, offset, diagnostics)
                .map(doc -> new Snippet(name.base, name.language.code(), path, doc));
    }

    /** A file name split into its base ({@code network}) and language ({@code .en}). */
    private record FileName(String base, Language language) {

        static Optional<FileName> parse(String fileName, SiteConfig config, String label, Diagnostics diagnostics) {
            String stem = fileName.substring(0, fileName.length() - ".md".length());
            int dot = stem.lastIndexOf('.');
            if (dot < 0) {
                return Optional.of(new FileName(stem, config.defaultLanguage()));
            }
            String suffix = stem.substring(dot + 1);
            Optional<Language> language = config.language(suffix);
            if (language.isEmpty() || language.get().isDefault()) {
                String listed = config.languages().stream().filter(l -> !l.isDefault())
                        .map(l -> "." + l.code() + ".md").collect(Collectors.joining(", "));
                diagnostics.error(Rules.LANGUAGE_UNKNOWN, SourcePos.startOf(label), "'" + fileName + "' ends in '." + suffix
                        + ".md', but '" + suffix + "' is not a translation language in site.yml"
                        + (listed.isEmpty() ? "; site.yml lists no other language" : "; use one of " + listed)
                        + " (files in the default language " + config.defaultLanguage().code() + " have no suffix)");
                return Optional.empty();
            }
            return Optional.of(new FileName(stem.substring(0, dot), language.get()));
        }
    }
}
