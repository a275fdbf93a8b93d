package io.answersite.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.answersite.config.Author;
import io.answersite.config.Organization;
import io.answersite.config.SiteConfig;
import io.answersite.content.Page;
import io.answersite.markdown.ChecklistGroup;
import io.answersite.work.Background;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * The JSON-LD of a page: one {@code @graph} whose nodes all have an {@code @id}. Nodes of other
 * pages (the website, the topic, the term set) are embedded with their name and URL, so every bare
 * {@code {"@id": …}} reference resolves inside the page's own graph. Text is plain, but for an FAQ
 * answer written with inline Markdown: HTML with the tags Google allows there. Serialized with
 * Jackson; {@code <}, {@code >} and {@code &} are written as unicode escapes so that no content can
 * close the script element or open a comment.
 */
final class StructuredData {

    /** A breadcrumb: name and absolute URL. */
    record Crumb(String name, String url) {
    }

    /** A list entry: name and absolute URL. */
    record Entry(String name, String url, String description) {
    }

    private static final String CONTEXT = "https://schema.org";

    /**
     * The tags Google allows in an FAQ answer's {@code acceptedAnswer.text}, of those inline Markdown
     * renders: links (with their {@code href} only), emphasis, strong emphasis and line breaks.
     */
    private static final org.jsoup.safety.Safelist ANSWER_TAGS = org.jsoup.safety.Safelist.none()
            .addTags("a", "b", "strong", "i", "em", "br").addAttributes("a", "href");

    /**
     * Rendered inline Markdown as {@code acceptedAnswer.text} allows it: every other element (code
     * spans, strikethrough) is replaced by its text, {@code <br />} becomes {@code <br>}.
     */
    static String answerHtml(String html) {
        org.jsoup.nodes.Document.OutputSettings output = new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false);
        return org.jsoup.Jsoup.clean(html, "", ANSWER_TAGS, output);
    }

    /**
     * Made on a thread of its own when the build starts (see {@code Answersite}): Jackson's classes took
     * about 90 ms to load on the render's thread, before an edited build's first page.
     */
    private final Background<ObjectMapper> json;
    private final SiteConfig config;
    private final String siteUrl;
    private final String imageUrl;
    private final String logoUrl;

    /**
     * @param logoUrl the organization's logo, absolute, or null
     * @param json the mapper that writes the JSON-LD, maybe still being made
     */
    StructuredData(SiteConfig config, String siteUrl, String imageUrl, String logoUrl, Background<ObjectMapper> json) {
        this.json = json;
        this.config = config;
        this.siteUrl = siteUrl;
        this.imageUrl = imageUrl;
        this.logoUrl = logoUrl;
    }

    /** A graph being built for one page at {@code url}. */
    final class Graph {
        private final ObjectNode root = json.get().createObjectNode();
        private final ArrayNode nodes;
        private final String url;
        private final String lang;

        Graph(String url, String lang) {
            this.url = url;
            this.lang = lang;
            root.put("@context", CONTEXT);
            nodes = root.putArray("@graph");
        }

        /** The WebPage (or CollectionPage) node of the page, with its breadcrumb. */
        ObjectNode webPage(String type, String name, String description, List<Crumb> crumbs) {
            ObjectNode page = nodes.addObject();
            page.put("@type", type);
            page.put("@id", url);
            page.put("url", url);
            page.put("name", name);
            if (description != null && !description.isEmpty()) {
                page.put("description", description);
            }
            page.put("inLanguage", lang);
            page.set("isPartOf", website(false));
            if (!crumbs.isEmpty()) {
                page.putObject("breadcrumb").put("@id", url + "#breadcrumb");
                ObjectNode list = nodes.addObject();
                list.put("@type", "BreadcrumbList");
                list.put("@id", url + "#breadcrumb");
                ArrayNode items = list.putArray("itemListElement");
                for (int i = 0; i < crumbs.size(); i++) {
                    ObjectNode item = items.addObject();
                    item.put("@type", "ListItem");
                    item.put("position", i + 1);
                    item.put("name", crumbs.get(i).name());
                    item.put("item", crumbs.get(i).url());
                }
            }
            return page;
        }

        /** An Article about the page's content. */
        ObjectNode article(Page page, String description, Author author, String topicName, String topicUrl) {
            ObjectNode article = nodes.addObject();
            article.put("@type", "Article");
            article.put("@id", url + "#article");
            article.put("headline", headline(page.title()));
            article.put("description", description);
            article.put("image", imageUrl);
            article.set("author", author(author));
            article.set("publisher", organization());
            article.put("datePublished", dateTime(page.common().date()));
            article.put("dateModified", dateTime(page.common().lastModified()));
            article.put("inLanguage", lang);
            article.putObject("mainEntityOfPage").put("@id", url);
            article.set("isPartOf", website(false));
            if (topicName != null) {
                ObjectNode about = article.putObject("about");
                about.put("@type", "Thing");
                about.put("@id", topicUrl + "#topic");
                about.put("name", topicName);
                about.put("url", topicUrl);
            }
            if (!page.common().tags().isEmpty()) {
                article.put("keywords", String.join(", ", page.common().tags()));
            }
            return article;
        }

        /**
         * The FAQPage: the page's question first, then the follow-up questions; questions as plain
         * text, answers as {@code answerText(field, asWritten)} gives them.
         */
        void faqPage(Page.Answer answer, BinaryOperator<String> answerText) {
            ObjectNode faq = nodes.addObject();
            faq.put("@type", "FAQPage");
            faq.put("@id", url + "#faq");
            faq.put("inLanguage", lang);
            faq.putObject("mainEntityOfPage").put("@id", url);
            ArrayNode questions = faq.putArray("mainEntity");
            question(questions, url + "#answer", answer.question(), answerText.apply("answer", answer.answer()));
            for (int i = 0; i < answer.faq().size(); i++) {
                Page.Faq item = answer.faq().get(i);
                question(questions, url + "#faq-" + (i + 1), answer.plain("faq/" + i + "/q", item.question()),
                        answerText.apply("faq/" + i + "/a", item.answer()));
            }
        }

        private void question(ArrayNode questions, String id, String name, String text) {
            ObjectNode question = questions.addObject();
            question.put("@type", "Question");
            question.put("@id", id);
            question.put("name", name);
            ObjectNode accepted = question.putObject("acceptedAnswer");
            accepted.put("@type", "Answer");
            accepted.put("text", text);
        }

        /** A HowTo with a section per checklist group and a step per item. */
        void howTo(String name, String description, List<ChecklistGroup> groups) {
            ObjectNode howTo = nodes.addObject();
            howTo.put("@type", "HowTo");
            howTo.put("@id", url + "#howto");
            howTo.put("name", name);
            howTo.put("description", description);
            howTo.put("inLanguage", lang);
            howTo.putObject("mainEntityOfPage").put("@id", url);
            ArrayNode sections = howTo.putArray("step");
            for (ChecklistGroup group : groups) {
                ObjectNode section = sections.addObject();
                section.put("@type", "HowToSection");
                section.put("name", group.title().isEmpty() ? name : group.title());
                if (!group.id().isEmpty()) {
                    section.put("url", url + "#" + group.id());
                }
                ArrayNode steps = section.putArray("itemListElement");
                for (int i = 0; i < group.items().size(); i++) {
                    ChecklistGroup.ChecklistItem item = group.items().get(i);
                    ObjectNode step = steps.addObject();
                    step.put("@type", "HowToStep");
                    step.put("position", i + 1);
                    step.put("name", item.text());
                    step.put("text", item.text());
                    step.put("url", url + "#" + item.id());
                }
            }
        }

        void definedTerm(Page.GlossaryTerm term, String setName, String setUrl) {
            ObjectNode node = nodes.addObject();
            node.put("@type", "DefinedTerm");
            node.put("@id", url + "#term");
            node.put("name", term.term());
            node.put("description", term.summary());
            node.put("url", url);
            node.put("inLanguage", lang);
            if (!term.synonyms().isEmpty()) {
                ArrayNode names = node.putArray("alternateName");
                term.synonyms().forEach(names::add);
            }
            ObjectNode set = node.putObject("inDefinedTermSet");
            set.put("@type", "DefinedTermSet");
            set.put("@id", setUrl + "#set");
            set.put("name", setName);
            set.put("url", setUrl);
        }

        void definedTermSet(String name, String description, List<Entry> terms) {
            ObjectNode set = nodes.addObject();
            set.put("@type", "DefinedTermSet");
            set.put("@id", url + "#set");
            set.put("name", name);
            set.put("description", description);
            set.put("url", url);
            set.put("inLanguage", lang);
            ArrayNode members = set.putArray("hasDefinedTerm");
            for (Entry term : terms) {
                ObjectNode node = members.addObject();
                node.put("@type", "DefinedTerm");
                node.put("@id", term.url() + "#term");
                node.put("name", term.name());
                node.put("description", term.description());
                node.put("url", term.url());
            }
        }

        /** The ItemList a CollectionPage shows, as its main entity. */
        void itemList(ObjectNode page, List<Entry> entries) {
            page.putObject("mainEntity").put("@id", url + "#items");
            ObjectNode list = nodes.addObject();
            list.put("@type", "ItemList");
            list.put("@id", url + "#items");
            list.put("numberOfItems", entries.size());
            ArrayNode items = list.putArray("itemListElement");
            for (int i = 0; i < entries.size(); i++) {
                ObjectNode item = items.addObject();
                item.put("@type", "ListItem");
                item.put("position", i + 1);
                item.put("name", entries.get(i).name());
                item.put("url", entries.get(i).url());
            }
        }

        /** The home page's WebSite and Organization nodes. */
        void websiteAndOrganization() {
            nodes.add(website(true));
            ObjectNode organization = organization();
            nodes.add(organization);
        }

        /** The tree as it stands: equal trees give equal scripts. */
        Object tree() {
            return root;
        }

        SafeString toScript() {
            try {
                String text = json.get().writeValueAsString(root);
                return new SafeString(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    Graph graph(String url, String lang) {
        return new Graph(url, lang);
    }

    private ObjectNode website(boolean full) {
        ObjectNode site = json.get().createObjectNode();
        site.put("@type", "WebSite");
        site.put("@id", siteUrl + "#website");
        site.put("name", config.title());
        site.put("url", siteUrl);
        if (full) {
            if (!config.description().isEmpty()) {
                site.put("description", config.description());
            }
            ArrayNode languages = site.putArray("inLanguage");
            config.languages().forEach(l -> languages.add(l.code()));
            site.putObject("publisher").put("@id", siteUrl + "#organization");
        }
        return site;
    }

    private ObjectNode organization() {
        Organization org = config.organization();
        ObjectNode node = json.get().createObjectNode();
        node.put("@type", "Organization");
        node.put("@id", siteUrl + "#organization");
        node.put("name", org.name());
        node.put("url", org.url() != null ? org.url() : siteUrl);
        if (logoUrl != null) {
            node.put("logo", logoUrl);
        }
        return node;
    }

    private ObjectNode author(Author author) {
        if (author == null) {
            return organization();
        }
        ObjectNode node = json.get().createObjectNode();
        node.put("@type", author.type());
        node.put("name", author.name());
        node.put("url", author.url() != null ? author.url() : siteUrl);
        return node;
    }

    private String dateTime(LocalDate date) {
        return date.atStartOfDay(config.timezone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Google shows at most 110 characters of a headline. */
    private static String headline(String title) {
        return title.codePointCount(0, title.length()) <= 110 ? title
                : title.substring(0, title.offsetByCodePoints(0, 109)) + "…";
    }
}
