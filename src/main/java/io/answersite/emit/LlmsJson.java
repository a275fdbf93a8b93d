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
import io.answersite.output.SiteOutput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

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

    /** @param fragments twin hashes of earlier builds, reused while the twin is the same text */
    public LlmsJson(SiteText site, MarkdownTwins twins, Fragments fragments) {
        this.site = site;
        this.twins = twins;
        this.fragments = fragments;
    }

    public void emit(SiteOutput output) {
        output.write("llms.json", json());
    }

    public String json() {
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
        ArrayNode pages = root.putArray("pages");
        for (Page page : site.graph().pages().values()) {
            pages.add(page(page));
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
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
            node.put("answer", answer.answer());
            if (answer.summaryEn() != null) {
                node.put("summary_en", answer.summaryEn().strip());
            }
            strings(node.putArray("basis"), answer.basis());
            strings(node.putArray("next_steps"), answer.nextSteps());
            ArrayNode faq = node.putArray("faq");
            answer.faq().forEach(item -> faq.addObject().put("q", item.question()).put("a", item.answer()));
        }
        if (page instanceof Page.GlossaryTerm term) {
            node.put("term", term.term());
            strings(node.putArray("synonyms"), term.synonyms());
            node.put("definition", term.definition());
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
                entry.put("note", item.note());
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
        String twin = twins.twin(page);
        node.put("content_hash", "sha256:" + fragments.get("twin-hash", page.key(), twin, null, () -> sha256(twin)));
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
