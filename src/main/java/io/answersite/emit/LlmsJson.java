package io.answersite.emit;

import io.answersite.cache.Fragments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.answersite.config.Language;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.graph.ResolvedRelated;
import io.answersite.sink.SiteOutput;
import io.answersite.work.Parallel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /llms.json}: a typed index of every published page that answer engines and tools can load
 * without scraping, and its JSON Schema at {@code /schemas/llms.schema.json}. Field order is fixed
 * and pages are sorted, so the same content gives the same bytes.
 */
public final class LlmsJson {

    public static final String SCHEMA_VERSION = "1.0";
    public static final String SCHEMA_RESOURCE = "schemas/llms.schema.json";

    private final SiteText site;
    private final MarkdownTwins twins;
    private final Fragments fragments;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public LlmsJson(SiteText site, MarkdownTwins twins) {
        this(site, twins, Fragments.none());
    }

    /**
     * @param fragments entries of earlier builds (in memory for the preview, in the build cache on
     *     disk), reused while the page and everything else its entry shows are the same
     */
    public LlmsJson(SiteText site, MarkdownTwins twins, Fragments fragments) {
        this.site = site;
        this.twins = twins;
        this.fragments = fragments;
    }

    public void emit(SiteOutput output) {
        output.write("llms.json", parts());
    }

    public String json() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /**
     * The file's bytes. Each page's entry is serialized on its own (and, in the preview, kept while
     * its JSON tree is equal) and the entries are joined into the document the one-piece
     * serialization would give: Jackson's pretty printer puts array items on one line ({@code [ a, b ]})
     * and indents each object level by two spaces, so an entry written at the top level is indented
     * once more to sit inside {@code "pages"}.
     */
    public byte[] bytes() {
        return SiteOutput.join(parts());
    }

    /** {@link #bytes} in parts, in order: the head, then the entries with separators, then the tail. */
    public List<byte[]> parts() {
        ObjectNode root = mapper.createObjectNode();
        root.put("$schema", site.urls().absolute(SCHEMA_RESOURCE));
        root.put("schema_version", SCHEMA_VERSION);
        ObjectNode siteNode = root.putObject("site");
        siteNode.put("name", site.config().title());
        siteNode.put("base_url", site.config().baseUrl().toString());
        siteNode.put("default_language", site.config().defaultLanguage().code());
        ArrayNode languages = siteNode.putArray("languages");
        for (Language language : site.config().languages()) {
            ObjectNode node = languages.addObject();
            node.put("code", language.code());
            node.put("name", language.name());
            node.put("url", site.urls().absolute(site.urls().hubFolder(language.code())));
            node.put("llms_txt", site.urls().absolute(site.urls().hubFolder(language.code()) + "llms.txt"));
        }
        root.putArray("pages");
        String document = serialize(root) + "\n";
        String emptyPages = "[ ]\n}\n";
        if (site.graph().pages().isEmpty()) {
            return List.of(document.getBytes(StandardCharsets.UTF_8));
        }
        if (!document.endsWith(emptyPages)) {
            throw new IllegalStateException("llms.json: the pretty printer's layout changed; expected it to end with "
                    + emptyPages.strip());
        }
        // a large site's entries beyond the budget are read back from a file as the output writes them
        List<Supplier<byte[]>> entries = Parallel.map(List.copyOf(site.graph().pages().values()), page ->
                page instanceof Page.Hub ? fragments.parking().keep(entry(page))
                        : fragments.bytes("llms-json-entry", page.key(), page, Fragments.lazy(() -> inputs(page)),
                                () -> entry(page)));
        byte[] head = (document.substring(0, document.length() - emptyPages.length()) + "[ ")
                .getBytes(StandardCharsets.UTF_8);
        List<Supplier<byte[]>> parts = new ArrayList<>(entries.size() * 2 + 1);
        parts.add(() -> head);
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                parts.add(() -> SEPARATOR);
            }
            parts.add(entries.get(i));
        }
        parts.add(() -> TAIL);
        return new PartsAsTaken(parts);
    }

    private static final byte[] SEPARATOR = ", ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = " ]\n}\n".getBytes(StandardCharsets.UTF_8);

    /** One page's entry, serialized and indented to sit inside {@code "pages"}. */
    private byte[] entry(Page page) {
        return serialize(page(page)).replace("\n", "\n  ").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Everything a page's entry shows besides its own page: what its twin shows (whose hash is its
     * {@code content_hash}), the titles of its related pages and its translations.
     */
    private List<Object> inputs(Page page) {
        List<Object> inputs = new ArrayList<>();
        inputs.add(twins.inputs(page));
        for (ResolvedRelated item : site.graph().related().getOrDefault(page.key(), List.of())) {
            inputs.add(site.graph().require(item.target()).title());
        }
        inputs.add(site.graph().languagesOf(page.key()));
        return inputs;
    }

    private String serialize(ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode page(Page page) {
        PageKey key = page.key();
        ObjectNode node = mapper.createObjectNode();
        node.put("id", key.id());
        node.put("type", key.kind().refName());
        node.put("lang", key.language());
        node.put("url", site.url(key));
        node.put("markdown_url", site.markdownUrl(key));
        node.put("title", page.title());
        node.put("description", page.common().description());
        if (page instanceof Page.Answer answer) {
            node.put("question", answer.question());
            node.put("answer", site.fieldMarkdown(answer, "answer", answer.answer()));
            if (answer.summaryEn() != null) {
                node.put("summary_en", answer.summaryEn().strip());
            }
            ArrayNode basis = node.putArray("basis");
            for (int i = 0; i < answer.basis().size(); i++) {
                basis.add(site.fieldMarkdown(answer, "basis/" + i, answer.basis().get(i)));
            }
            ArrayNode nextSteps = node.putArray("next_steps");
            for (int i = 0; i < answer.nextSteps().size(); i++) {
                nextSteps.add(site.fieldMarkdown(answer, "next_steps/" + i, answer.nextSteps().get(i)));
            }
            ArrayNode faq = node.putArray("faq");
            for (int i = 0; i < answer.faq().size(); i++) {
                Page.Faq item = answer.faq().get(i);
                faq.addObject().put("q", site.fieldMarkdown(answer, "faq/" + i + "/q", item.question()))
                        .put("a", site.fieldMarkdown(answer, "faq/" + i + "/a", item.answer()));
            }
        }
        if (page instanceof Page.GlossaryTerm term) {
            node.put("term", term.term());
            strings(node.putArray("synonyms"), term.synonyms());
            node.put("definition", site.fieldMarkdown(term, "definition", term.definition()));
        }
        site.topicOf(page).ifPresent(topic -> node.putObject("topic").put("id", topic.id()).put("url", site.url(topic)));
        strings(node.putArray("tags"), page.common().tags());
        ArrayNode related = node.putArray("related");
        for (ResolvedRelated item : site.graph().related().getOrDefault(key, List.of())) {
            ObjectNode entry = related.addObject();
            entry.put("type", item.target().kind().refName());
            entry.put("id", item.target().id());
            entry.put("url", site.url(item.target()) + (item.anchor() == null ? "" : "#" + item.anchor()));
            entry.put("title", site.graph().require(item.target()).title());
            if (item.note() != null) {
                entry.put("note", page instanceof Page.Answer answer
                        ? site.fieldMarkdown(answer, answer.relatedNoteField(item.ref()), item.note()) : item.note());
            }
        }
        ArrayNode translations = node.putArray("translations");
        for (String lang : site.graph().languagesOf(key)) {
            if (!lang.equals(key.language())) {
                translations.addObject().put("lang", lang).put("url", site.url(key.in(lang)));
            }
        }
        if (page.common().date() != null) {
            node.put("date", page.common().date().toString());
        }
        if (page.common().updated() != null) {
            node.put("updated", page.common().updated().toString());
        }
        if (page.common().review() != null && page.common().review().next() != null) {
            node.put("review_next", page.common().review().next().toString());
        }
        node.put("content_hash", "sha256:" + twins.twinHash(page));
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
