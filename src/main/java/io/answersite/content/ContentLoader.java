package io.answersite.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.answersite.config.Language;
import io.answersite.config.SiteConfig;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.SourcePos;
import io.answersite.diagnostic.Suggestions;
import io.answersite.markdown.ExternalLink;
import io.answersite.markdown.InlineMarkdown;
import io.answersite.markdown.LinkRef;
import io.answersite.markdown.MarkdownDoc;
import io.answersite.markdown.MarkdownRenderer;
import io.answersite.source.Fields;
import io.answersite.source.FrontMatter;
import io.answersite.source.SourceReader;
import io.answersite.source.SourceText;
import io.answersite.source.YamlDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads every page and snippet under the content folder into typed records. */
public final class ContentLoader {

    public static final String RULE_ID_PATTERN = Rules.ID_PATTERN;
    public static final String RULE_LANGUAGE = Rules.LANGUAGE_UNKNOWN;
    public static final String RULE_LOCATION = Rules.CONTENT_LOCATION;

    public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]*");
    static final String SNIPPETS = "_snippets";
    static final String HUB_FILE = "_index";

    private static final Set<String> COMMON_KEYS = Set.of("id", "title", "description", "date", "updated", "author",
            "tags", "topic", "draft", "aliases", "review");
    private static final Set<String> ANSWER_KEYS = union(COMMON_KEYS, "question", "answer", "basis", "next_steps",
            "summary_en", "faq", "related");
    private static final Set<String> GLOSSARY_KEYS = union(COMMON_KEYS, "term", "synonyms", "definition");
    private static final Set<String> NO_TOPIC_KEYS = COMMON_KEYS.stream().filter(k -> !k.equals("topic"))
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> REVIEW_KEYS = Set.of("owner", "reviewed", "next");
    private static final Set<String> FAQ_KEYS = Set.of("q", "a");
    private static final Set<String> RELATED_KEYS = Set.of("ref", "note");
    private static final Set<String> SNIPPET_KEYS = Set.of("title");

    private final SiteConfig config;
    private final SourceReader reader;
    private final YAMLFactory yaml;
    private final MarkdownRenderer markdown;
    private final SourceCheck sourceCheck;
    private final LoadCache cache;

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
    }

    /** One file's result: a page, a snippet, or neither (the file had errors). */
    private record Item(Page page, Snippet snippet) {
        static final Item NONE = new Item(null, null);
    }

    /** Reads every file, in parallel; the result lists pages and snippets in file order. */
    public LoadedContent load(Path contentDir, Diagnostics diagnostics) {
        List<Path> files = markdownFiles(contentDir);
        List<Item> items = files.parallelStream().map(file -> loadOne(contentDir, file, diagnostics)).toList();
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
        }
        return new LoadedContent(List.copyOf(pages), List.copyOf(snippets));
    }

    /**
     * Reads one file (through the cache, when there is one), for the preview's first answer to an
     * edit. Empty when the file is not a page (a snippet, a misplaced file) or has errors.
     */
    public Optional<Page> loadPage(Path contentDir, Path file, Diagnostics diagnostics) {
        return Optional.ofNullable(loadOne(contentDir, file, diagnostics).page);
    }

    private Item loadOne(Path contentDir, Path file, Diagnostics diagnostics) {
        Path relative = contentDir.relativize(file);
        String label = reader.label(file);
        Optional<FileName> name = FileName.parse(file.getFileName().toString(), config, label, diagnostics);
        if (name.isEmpty()) {
            return Item.NONE;
        }
        FileName fileName = name.get();
        if (relative.getNameCount() == 1) {
            if (fileName.base.equals(HUB_FILE)) {
                return cached(file, d -> readPage(file, Kind.HUB, fileName, d), diagnostics)
                        .map(p -> new Item(p, null)).orElse(Item.NONE);
            }
            diagnostics.error(RULE_LOCATION, SourcePos.startOf(label), "'" + relative
                    + "' is not in a content folder; move it to answers/, guides/, checklists/, glossary/"
                    + " or topics/ (or name it _index.md for the hub)");
            return Item.NONE;
        }
        String folder = relative.getName(0).toString();
        if (relative.getNameCount() > 2) {
            diagnostics.error(RULE_LOCATION, SourcePos.startOf(label), "'" + relative + "' is in a subfolder;"
                    + " pages sit directly in " + folder + "/ (the id, not the folder, makes the URL)");
            return Item.NONE;
        }
        if (folder.equals(SNIPPETS)) {
            return cached(file, d -> readSnippet(file, fileName, d), diagnostics)
                    .map(s -> new Item(null, s)).orElse(Item.NONE);
        }
        Optional<Kind> kind = Kind.fromFolder(folder);
        if (kind.isEmpty()) {
            diagnostics.error(RULE_LOCATION, SourcePos.startOf(label), "unknown content folder '" + folder
                    + "'; pages belong in answers/, guides/, checklists/, glossary/ or topics/");
            return Item.NONE;
        }
        return cached(file, d -> readPage(file, kind.get(), fileName, d), diagnostics)
                .map(p -> new Item(p, null)).orElse(Item.NONE);
    }

    /**
     * Loads one file with its own collector (a file's validity is judged by its own errors, while
     * other files load in parallel), through the cache when there is one.
     */
    private <T> Optional<T> cached(Path file, Function<Diagnostics, Optional<T>> load,
                                   Diagnostics diagnostics) {
        if (cache != null) {
            return cache.get(file, load, diagnostics);
        }
        Diagnostics local = new Diagnostics();
        Optional<T> result = load.apply(local);
        local.sorted().forEach(diagnostics::add);
        return result;
    }

    private static List<Path> markdownFiles(Path contentDir) {
        if (!Files.isDirectory(contentDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(contentDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".md"))
                    .filter(f -> contentDir.relativize(f).toString().chars().noneMatch(c -> c == '\0'))
                    .filter(f -> !isHidden(contentDir.relativize(f)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + contentDir, e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private Optional<Page> readPage(Path file, Kind kind, FileName name, Diagnostics diagnostics) {
        Optional<SourceText> source = reader.read(file, diagnostics);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        sourceCheck.check(source.get(), diagnostics);
        Optional<FrontMatter> split = FrontMatter.split(source.get(), needs(kind), diagnostics);
        if (split.isEmpty()) {
            return Optional.empty();
        }
        Optional<YamlDocument> document = YamlDocument.parse(yaml, source.get().path(), split.get().yaml(),
                split.get().yamlFirstLine(), diagnostics);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = new Fields(document.get(), diagnostics);
        long errorsBefore = diagnostics.errorCount();
        fields.rejectUnknownKeys(allowedKeys(kind), "for " + article(kind) + " " + kind.refName() + " page");

        String id = kind == Kind.HUB ? PageKey.HUB_ID : id(fields, name, source.get().path(), diagnostics);
        SourcePos idPos = fields.has("id") ? fields.valuePos("id") : SourcePos.startOf(source.get().path());
        Common common = common(fields, kind, diagnostics);
        MarkdownDoc body = markdown.render(source.get(), split.get().body(), split.get().bodyOffset(), diagnostics)
                .orElse(MarkdownDoc.EMPTY);
        PageKey key = new PageKey(kind, id == null ? "" : id, name.language.code());
        String path = source.get().path();

        Page page = switch (kind) {
            case ANSWER -> answer(fields, key, path, idPos, common, body);
            case GUIDE -> new Page.Guide(key, path, idPos, common, body);
            case CHECKLIST -> new Page.Checklist(key, path, idPos, common, body);
            case GLOSSARY -> new Page.GlossaryTerm(key, path, idPos, common, body,
                    fields.string("term").orElse(common.title()), fields.strings("synonyms"),
                    fields.requiredString("definition").orElse(""), java.util.Map.of());
            case TOPIC -> new Page.Topic(key, path, idPos, common, body);
            case HUB -> new Page.Hub(key, path, idPos, common, body);
        };
        page = withFieldLinks(page, fields, source.get(), split.get().bodyOffset(), diagnostics);
        boolean valid = id != null && diagnostics.errorCount() == errorsBefore;
        return valid ? Optional.of(page) : Optional.empty();
    }

    /**
     * Renders the front matter texts written with inline Markdown (answer, basis, next_steps, faq
     * questions and answers, related notes, a glossary definition) and adds their links to the page's
     * body links after the body's own, so the graph resolves and checks them like body links, every
     * form, each at the {@code [} where it is written in the file (or at the value when the YAML text
     * is folded beyond recognition). Each rendered text knows its first page-wide slot.
     */
    private Page withFieldLinks(Page page, Fields fields, SourceText source, int frontMatterEnd,
                                Diagnostics diagnostics) {
        List<String> pointers = new ArrayList<>();
        if (page instanceof Page.Answer answer) {
            pointers.add("answer");
            for (int i = 0; i < answer.basis().size(); i++) {
                pointers.add("basis/" + i);
            }
            for (int i = 0; i < answer.nextSteps().size(); i++) {
                pointers.add("next_steps/" + i);
            }
            for (int i = 0; i < answer.faq().size(); i++) {
                pointers.add("faq/" + i + "/q");
                pointers.add("faq/" + i + "/a");
            }
            for (int i = 0; i < answer.related().size(); i++) {
                pointers.add("related/" + i + "/note");
            }
        } else if (page instanceof Page.GlossaryTerm) {
            pointers.add("definition");
        } else {
            return page;
        }
        List<LinkRef> links = new ArrayList<>(page.body().links());
        List<ExternalLink> external = new ArrayList<>(page.body().externalLinks());
        Map<String, InlineMarkdown> inline = new LinkedHashMap<>();
        for (String pointer : pointers) {
            JsonNode value = fields.raw(pointer.contains("/")
                    ? pointer.substring(0, pointer.indexOf('/')) : pointer);
            String text = textAt(value, pointer);
            if (text == null || MarkdownRenderer.isPlainText(text)) {
                continue;
            }
            SourcePos valuePos = fields.valuePos(pointer);
            int valueOffset = source.offsetOfLine(valuePos.line()) + valuePos.column() - 1;
            Diagnostics quiet = new Diagnostics();
            Optional<InlineMarkdown> rendered = markdown.renderInline(new SourceText(source.path(), text), text,
                    links.size(), quiet);
            if (rendered.isEmpty()) {
                continue;
            }
            inline.put(pointer, rendered.get());
            for (LinkRef link : rendered.get().doc().links()) {
                links.add(new LinkRef(links.size(), link.destination(),
                        written(source, valueOffset, frontMatterEnd, link.destination(), valuePos), link.target()));
            }
            for (ExternalLink link : rendered.get().doc().externalLinks()) {
                external.add(new ExternalLink(link.destination(),
                        written(source, valueOffset, frontMatterEnd, link.destination(), valuePos)));
            }
        }
        if (inline.isEmpty()) {
            return page;
        }
        MarkdownDoc b = page.body();
        // an empty body has no slot prefix; it gets one that its (empty) HTML cannot contain
        String slotPrefix = b.slotPrefix().isEmpty() ? "answersite-slot-" : b.slotPrefix();
        MarkdownDoc body = new MarkdownDoc(b.html(), slotPrefix, b.headings(), List.copyOf(links),
                b.checklistGroups(), b.anchors(), b.source(), b.edits(), List.copyOf(external), b.imagesWithoutAlt());
        java.util.Map<String, InlineMarkdown> texts = java.util.Collections.unmodifiableMap(inline);
        if (page instanceof Page.Answer a) {
            return new Page.Answer(a.key(), a.sourcePath(), a.idPos(), a.common(), body, a.question(), a.answer(),
                    a.basis(), a.nextSteps(), a.summaryEn(), a.faq(), a.related(), texts);
        }
        Page.GlossaryTerm g = (Page.GlossaryTerm) page;
        return new Page.GlossaryTerm(g.key(), g.sourcePath(), g.idPos(), g.common(), body, g.term(), g.synonyms(),
                g.definition(), texts);
    }

    /** The text at a pointer below a top-level value ({@code basis/2}, {@code faq/0/a}), or null. */
    private static String textAt(JsonNode value, String pointer) {
        JsonNode node = value;
        String[] parts = pointer.split("/");
        for (int i = 1; i < parts.length && node != null; i++) {
            node = node.isArray() && parts[i].matches("\\d+") ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
        }
        return node != null && node.isTextual() ? node.asText() : null;
    }

    /** Where a link to {@code destination} is written in the value that starts at {@code from}: its {@code [}. */
    private static SourcePos written(SourceText source, int from, int end, String destination, SourcePos fallback) {
        String text = source.text();
        int at = text.indexOf("](" + destination, from);
        if (at < 0 || at >= end) {
            at = text.indexOf("]: " + destination, from);
        }
        if (at < 0 || at >= end) {
            return fallback;
        }
        int depth = 0;
        for (int i = at; i >= from; i--) {
            char c = text.charAt(i);
            if (c == ']') {
                depth++;
            } else if (c == '[' && --depth == 0) {
                return source.posAt(i);
            }
        }
        return fallback;
    }

    private static String id(Fields fields, FileName name, String path, Diagnostics diagnostics) {
        if (fields.has("id")) {
            Optional<String> id = fields.string("id");
            if (id.isEmpty()) {
                return null;
            }
            if (!ID_PATTERN.matcher(id.get()).matches()) {
                diagnostics.error(RULE_ID_PATTERN, fields.valuePos("id"), "id '" + id.get() + "' must match"
                        + " [a-z0-9][a-z0-9-]* (lower-case letters, digits and '-'), for example '"
                        + suggestId(id.get()) + "'");
                return null;
            }
            return id.get();
        }
        if (!ID_PATTERN.matcher(name.base).matches()) {
            diagnostics.error(RULE_ID_PATTERN, SourcePos.startOf(path), "the file name gives the id '" + name.base
                    + "', which must match [a-z0-9][a-z0-9-]*; rename the file (for example to '"
                    + suggestId(name.base) + ".md') or set 'id:'");
            return null;
        }
        return name.base;
    }

    private static String suggestId(String raw) {
        String suggestion = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return suggestion.isEmpty() ? "my-page" : suggestion;
    }

    private Common common(Fields fields, Kind kind, Diagnostics diagnostics) {
        String title = fields.requiredString("title").orElse("");
        String description = fields.requiredString("description").orElse("");
        var date = fields.requiredDate("date").orElse(null);
        var updated = fields.date("updated").orElse(null);
        Located<String> author = fields.string("author").map(a -> new Located<>(a, fields.valuePos("author")))
                .orElse(null);
        Located<String> topic = null;
        if (kind.requiresTopic()) {
            topic = fields.requiredString("topic").map(t -> new Located<>(t, fields.valuePos("topic"))).orElse(null);
        } else if (kind == Kind.GLOSSARY) {
            topic = fields.string("topic").map(t -> new Located<>(t, fields.valuePos("topic"))).orElse(null);
        }
        boolean draft = fields.bool("draft").orElse(false);
        List<Located<String>> aliases = fields.list("aliases", item -> {
            if (!item.isString()) {
                item.reportType("a path such as /old/path/");
                return Optional.empty();
            }
            return Optional.of(new Located<>(item.value().asText().strip(), item.pos()));
        });
        Common.Review review = fields.object("review", r -> {
            r.rejectUnknownKeys(REVIEW_KEYS, "in 'review'");
            return Optional.of(new Common.Review(r.string("owner").orElse(null), r.date("reviewed").orElse(null),
                    r.date("next").orElse(null)));
        }).orElse(null);
        Map<String, SourcePos> positions = new LinkedHashMap<>();
        fields.keys().forEach(key -> positions.put(key, fields.keyPos(key)));
        return new Common(title, description, date, updated, author, fields.strings("tags"), topic, draft, aliases,
                review, Collections.unmodifiableMap(positions));
    }

    private static Page.Answer answer(Fields fields, PageKey key, String path, SourcePos idPos, Common common,
                                      MarkdownDoc body) {
        String question = fields.string("question").orElse(common.title());
        String answer = fields.requiredString("answer").orElse("");
        List<Page.Faq> faq = fields.list("faq", item -> item.mapping("a mapping with 'q' and 'a'", FAQ_KEYS,
                "in a faq item").flatMap(entry -> {
            Optional<String> q = entry.requiredString("q");
            Optional<String> a = entry.requiredString("a");
            return q.isPresent() && a.isPresent() ? Optional.of(new Page.Faq(q.get(), a.get())) : Optional.empty();
        }));
        List<Page.Related> related = fields.list("related", item -> {
            if (item.isString()) {
                return typedRef(item.value().asText(), item.pos(), fields.diagnostics())
                        .map(ref -> new Page.Related(ref, null));
            }
            return item.mapping("a reference 'type:id' or a mapping with 'ref' and 'note'", RELATED_KEYS,
                    "in a related item").flatMap(entry -> entry.requiredString("ref")
                    .flatMap(r -> typedRef(r, entry.valuePos("ref"), fields.diagnostics()))
                    .map(r -> new Page.Related(r, entry.string("note").orElse(null))));
        });
        return new Page.Answer(key, path, idPos, common, body, question, answer, fields.strings("basis"),
                fields.strings("next_steps"), fields.string("summary_en").orElse(null), faq, related, java.util.Map.of());
    }

    public static final String RULE_ENUM = Rules.FRONT_MATTER_ENUM;
    private static final List<String> REF_KINDS = Kind.refNames();

    private static Optional<TypedRef> typedRef(String text, SourcePos pos, Diagnostics diagnostics) {
        Optional<TypedRef> ref = TypedRef.parse(text, pos);
        Matcher kind = Pattern.compile("^([A-Za-z_]+):").matcher(text.strip());
        if (ref.isEmpty() && kind.find() && !REF_KINDS.contains(kind.group(1))) {
            diagnostics.error(RULE_ENUM, pos, "'" + kind.group(1) + "' in '" + text + "' is not a kind of page; use one of "
                    + String.join(", ", REF_KINDS) + Suggestions.closest(kind.group(1), REF_KINDS)
                    .map(k -> " (did you mean '" + k + "'?)").orElse(""));
            return ref;
        }
        if (ref.isEmpty()) {
            diagnostics.error(Fields.RULE_TYPE, pos, "'" + text + "' is not a typed reference; write kind:id, where"
                    + " kind is answer, guide, checklist, glossary, topic or hub (for example guide:network-troubleshooting)");
        }
        return ref;
    }

    private Optional<Snippet> readSnippet(Path file, FileName name, Diagnostics diagnostics) {
        Optional<SourceText> source = reader.read(file, diagnostics);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        sourceCheck.check(source.get(), diagnostics);
        String body = source.get().text();
        int offset = 0;
        if (body.startsWith("---\n") || body.equals("---")) {
            Optional<FrontMatter> split = FrontMatter.split(source.get(), "optional", diagnostics);
            if (split.isEmpty()) {
                return Optional.empty();
            }
            Optional<YamlDocument> document = YamlDocument.parse(yaml, source.get().path(), split.get().yaml(),
                    split.get().yamlFirstLine(), diagnostics);
            if (document.isEmpty()) {
                return Optional.empty();
            }
            new Fields(document.get(), diagnostics).rejectUnknownKeys(SNIPPET_KEYS, "in a snippet");
            body = split.get().body();
            offset = split.get().bodyOffset();
        }
        String path = source.get().path();
        return markdown.renderSnippet(source.get(), body, offset, diagnostics)
                .map(doc -> new Snippet(name.base, name.language.code(), path, doc));
    }

    /** The front matter keys a page of {@code kind} may have (the published schema's properties). */
    public static Set<String> allowedKeys(Kind kind) {
        return switch (kind) {
            case ANSWER -> ANSWER_KEYS;
            case GLOSSARY -> GLOSSARY_KEYS;
            case TOPIC, HUB -> NO_TOPIC_KEYS;
            default -> COMMON_KEYS;
        };
    }

    private static String needs(Kind kind) {
        return switch (kind) {
            case ANSWER -> "title, description, date, topic and answer";
            case GLOSSARY -> "title, description, date and definition";
            case GUIDE, CHECKLIST -> "title, description, date and topic";
            default -> "title, description and date";
        };
    }

    private static String article(Kind kind) {
        return kind == Kind.ANSWER ? "an" : "a";
    }

    private static Set<String> union(Set<String> base, String... more) {
        return Stream.concat(base.stream(), Stream.of(more)).collect(Collectors.toUnmodifiableSet());
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
                diagnostics.error(RULE_LANGUAGE, SourcePos.startOf(label), "'" + fileName + "' ends in '." + suffix
                        + ".md', but '" + suffix + "' is not a translation language in site.yml"
                        + (listed.isEmpty() ? "; site.yml lists no other language" : "; use one of " + listed)
                        + " (files in the default language " + config.defaultLanguage().code() + " have no suffix)");
                return Optional.empty();
            }
            return Optional.of(new FileName(stem.substring(0, dot), language.get()));
        }
    }
}
