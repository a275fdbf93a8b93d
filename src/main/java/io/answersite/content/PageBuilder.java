package io.answersite.content;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.answersite.source.SourceText;
import io.answersite.source.YamlDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes a typed page record out of a file's parsed front matter and body: the keys each kind may and
 * must have, ids, the common fields, an answer's FAQ and related items, and the front matter texts
 * written in inline Markdown with their links. Apart from {@link ContentLoader}, which finds, reads and
 * splits the files, so that what a page is made of is read in one place.
 */
final class PageBuilder {

    private static final Set<String> COMMON_KEYS = Set.of("id", "title", "description", "date", "updated", "author",
            "tags", "topic", "draft", "aliases", "review");

    private static final Set<String> ANSWER_KEYS = union(COMMON_KEYS, "question", "answer", "basis", "next_steps",
            "summary_en", "faq", "related");

    private static final Set<String> GLOSSARY_KEYS = union(COMMON_KEYS, "term", "synonyms", "definition");

    private static final Set<String> NO_TOPIC_KEYS = COMMON_KEYS.stream().filter(k -> !k.equals("topic"))
            .collect(Collectors.toUnmodifiableSet());

    /** The kind part of a reference that did not parse, to say which kinds there are (compiled once: one per related item). */
    private static final Pattern WRITTEN_KIND = Pattern.compile("^([A-Za-z_]+):");
    private static final Set<String> REVIEW_KEYS = Set.of("owner", "reviewed", "next");

    private static final Set<String> FAQ_KEYS = Set.of("q", "a");

    private static final Set<String> RELATED_KEYS = Set.of("ref", "note");

    private static final List<String> REF_KINDS = Kind.refNames();

    private final MarkdownRenderer markdown;
    /**
     * One instance of each page id that related items name, by itself: an answer names about as many
     * pages as it has related items, and at 50,000 pages with 20 each the copies took 50 MB (heap
     * dump, docs/PERFORMANCE.md, session 19). Per loader, so per build.
     */
    private final Map<String, String> refIds = new ConcurrentHashMap<>();

    PageBuilder(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    /**
     * The page of {@code kind} that a file's front matter ({@code document}) and body make, its
     * front matter texts rendered; empty when the file has errors (each reported).
     *
     * @param base the file name without language and extension, the id when the front matter sets none
     */
    Optional<Page> build(SourceText source, FrontMatter split, YamlDocument document, Kind kind, String base,
                         String language, Diagnostics diagnostics) {
        Fields fields = new Fields(document, diagnostics);
        long errorsBefore = diagnostics.errorCount();
        fields.rejectUnknownKeys(allowedKeys(kind), "for " + article(kind) + " " + kind.refName() + " page");

        String id = kind == Kind.HUB ? PageKey.HUB_ID : id(fields, base, source.path(), diagnostics);
        SourcePos idPos = fields.has("id") ? fields.valuePos("id") : SourcePos.startOf(source.path());
        Common common = common(fields, kind, diagnostics);
        MarkdownDoc body = markdown.render(source, split.body(), split.bodyOffset(), diagnostics)
                .orElse(MarkdownDoc.EMPTY);
        PageKey key = new PageKey(kind, id == null ? "" : id, language);
        String path = source.path();

        Page page = switch (kind) {
            case ANSWER -> answer(fields, key, path, idPos, common, body);
            case GUIDE -> new Page.Guide(key, path, idPos, common, body);
            case CHECKLIST -> new Page.Checklist(key, path, idPos, common, body);
            case GLOSSARY -> new Page.GlossaryTerm(key, path, idPos, common, body,
                    fields.string("term").orElse(common.title()), fields.strings("synonyms"),
                    fields.requiredString("definition").orElse(""), Map.of());
            case TOPIC -> new Page.Topic(key, path, idPos, common, body);
            case HUB -> new Page.Hub(key, path, idPos, common, body);
        };
        page = withFieldLinks(page, fields, source, split.bodyOffset(), diagnostics);
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
        MarkdownDoc body = new MarkdownDoc(b.htmlText(), slotPrefix, b.headings(), List.copyOf(links),
                b.checklistGroups(), b.anchors(), b.sourceText(), b.edits(), List.copyOf(external), b.imagesWithoutAlt());
        Map<String, InlineMarkdown> texts = Collections.unmodifiableMap(inline);
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

    private static String id(Fields fields, String base, String path, Diagnostics diagnostics) {
        if (fields.has("id")) {
            Optional<String> id = fields.string("id");
            if (id.isEmpty()) {
                return null;
            }
            if (!ContentLoader.ID_PATTERN.matcher(id.get()).matches()) {
                diagnostics.error(Rules.ID_PATTERN, fields.valuePos("id"), "id '" + id.get() + "' must match"
                        + " [a-z0-9][a-z0-9-]* (lower-case letters, digits and '-'), for example '"
                        + suggestId(id.get()) + "'");
                return null;
            }
            return id.get();
        }
        if (!ContentLoader.ID_PATTERN.matcher(base).matches()) {
            diagnostics.error(Rules.ID_PATTERN, SourcePos.startOf(path), "the file name gives the id '" + base
                    + "', which must match [a-z0-9][a-z0-9-]*; rename the file (for example to '"
                    + suggestId(base) + ".md') or set 'id:'");
            return null;
        }
        return base;
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
                review, positions); // kept compact and unmodifiable by Common
    }

    private Page.Answer answer(Fields fields, PageKey key, String path, SourcePos idPos, Common common,
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
                fields.strings("next_steps"), fields.string("summary_en").orElse(null), faq, related, Map.of());
    }

    private Optional<TypedRef> typedRef(String text, SourcePos pos, Diagnostics diagnostics) {
        Optional<TypedRef> ref = TypedRef.parse(text, pos);
        if (ref.isPresent()) {
            TypedRef parsed = ref.get();
            return Optional.of(new TypedRef(parsed.kind(), refIds.computeIfAbsent(parsed.id(), id -> id),
                    parsed.anchor(), parsed.pos()));
        }
        Matcher kind = WRITTEN_KIND.matcher(text.strip());
        if (kind.find() && !REF_KINDS.contains(kind.group(1))) {
            diagnostics.error(Rules.FRONT_MATTER_ENUM, pos, "'" + kind.group(1) + "' in '" + text + "' is not a kind of page; use one of "
                    + String.join(", ", REF_KINDS) + Suggestions.closest(kind.group(1), REF_KINDS)
                    .map(k -> " (did you mean '" + k + "'?)").orElse(""));
            return ref;
        }
        diagnostics.error(Rules.FRONT_MATTER_TYPE, pos, "'" + text + "' is not a typed reference; write kind:id, where"
                + " kind is answer, guide, checklist, glossary, topic or hub (for example guide:network-troubleshooting)");
        return ref;
    }

    /** The front matter keys a page of {@code kind} may have (the published schema's properties). */
    static Set<String> allowedKeys(Kind kind) {
        return switch (kind) {
            case ANSWER -> ANSWER_KEYS;
            case GLOSSARY -> GLOSSARY_KEYS;
            case TOPIC, HUB -> NO_TOPIC_KEYS;
            default -> COMMON_KEYS;
        };
    }

    static String needs(Kind kind) {
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
}
