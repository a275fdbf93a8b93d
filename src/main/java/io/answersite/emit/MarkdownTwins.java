package io.answersite.emit;

import io.answersite.cache.Fragments;
import io.answersite.cache.Same;
import io.answersite.cache.Shared;
import io.answersite.config.Author;
import io.answersite.config.Language;
import io.answersite.content.Common;
import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.graph.Listings;
import io.answersite.graph.ResolvedRelated;
import io.answersite.sink.SiteOutput;
import io.answersite.text.Sha256;
import io.answersite.work.Parallel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Markdown twin of every page, at its URL plus {@code index.md}: clean Markdown, no HTML,
 * absolute links, front matter turned into readable sections. The same text makes up llms-full.txt.
 */

public final class MarkdownTwins {

    private final SiteText site;
    private final Fragments fragments;
    /**
     * Each page's twin as UTF-8, as the twin file, llms-full.txt and the hash take it (text only where
     * counted); a large site's beyond the budget read back from a file ({@link Fragments#parking}).
     */
    private final Map<PageKey, Supplier<byte[]>> twins;
    /**
     * Each page's {@link #inputs}, made once per build: the twin, its hash and the page's llms.json
     * entry ask, so on disk they are digested once ({@link Shared}).
     */
    private final Map<PageKey, Shared> inputsByPage;
    /** site.yml and the UI strings, the same instance while equal: what every twin reads. */
    private final Same constants;

    public MarkdownTwins(SiteText site) {
        this(site, Fragments.none());
    }

    /** @param fragments twins of earlier builds, reused where the page and everything its twin shows are unchanged */
    public MarkdownTwins(SiteText site, Fragments fragments) {
        this.site = site;
        this.fragments = fragments;
        // sized for every page: a table growing while both cores fill it waits for bins held by a twin being made
        int pages = site.graph().pages().size();
        this.twins = new ConcurrentHashMap<>(pages);
        this.inputsByPage = new ConcurrentHashMap<>(pages);
        // the same instance from build to build while equal, so comparing every twin's inputs stays cheap
        this.constants = fragments.same("site-constants", List.of(site.config(), site.allStrings()));
    }


    /** Writes one twin per published page, in parallel, and one per list page; returns how many. */
    public int emit(SiteOutput output) {
        Parallel.forEach(site.graph().pages().values(), page -> {
            String path = site.urls().pageFolder(page.key()) + "index.md";
            Supplier<byte[]> twin = twin(page);
            // a twin taken back from the build cache is the file the last build wrote: kept as published
            // when untouched since, so the write stage does not read it back to compare
            Optional<Supplier<byte[]>> published = page instanceof Page.Hub || !fragments.reused("twin", page.key())
                    ? Optional.empty() : fragments.published(path);
            if (published.isPresent()) {
                output.keepPublished(path, HexFormat.of().parseHex(twinHash(page)), twin);
            } else {
                output.write(path, twin.get());
            }
        });
        int lists = 0;
        for (Language language : site.config().languages()) {
            for (Kind kind : Listings.KINDS) {
                List<Page> entries = Listings.entries(site.graph(), kind, language.code());
                int total = Listings.pages(entries, site.config());
                for (int number = 1; number <= total; number++) {
                    String folder = site.urls().listPageFolder(kind, language.code(), number);
                    output.write(folder + "index.md", keptListTwin(kind, language.code(), folder,
                            Listings.onPage(entries, number, total, site.config()), number, total));
                    lists++;
                }
            }
        }
        return site.graph().pages().size() + lists;
    }

    /**
     * A list page's twin, kept while the records of the pages on it, its place among the list's pages
     * and site.yml and the UI strings are the same: an edit makes again the one page of a list that
     * shows the edited page, not every line of every list.
     */
    private byte[] keptListTwin(Kind kind, String lang, String folder, List<Page> pages, int number, int total) {
        List<Object> inputs = new ArrayList<>(pages.size() + 3);
        inputs.add(constants);
        inputs.add(number);
        inputs.add(total);
        pages.forEach(page -> inputs.add(new Same(page)));
        return fragments.get("list-twin", folder, MarkdownTwins.class, inputs,
                () -> SiteOutput.join(listTwin(kind, lang, pages, number, total)), bytes -> bytes, bytes -> bytes);
    }

    /**
     * The twin of page {@code number} of {@code total} of a kind's list in one language: its title and
     * intro, where it stands among the list's pages, then the pages on it in the order the page shows
     * them (glossary terms by term, the rest by id).
     */
    private List<byte[]> listTwin(Kind kind, String lang, List<Page> pages, int number, int total) {
        String title = Listings.title(site.t(lang, "list_" + kind.refName()), number, site.t(lang, "page_n"));
        TextParts md = new TextParts(false);
        md.append("# ").append(SiteText.oneLine(title)).append("\n\n");
        md.append("> ").append(SiteText.oneLine(site.t(lang, "list_" + kind.refName() + "_intro"))).append("\n\n");
        md.append("- URL: ").append(site.urls().absolute(site.urls().listPageFolder(kind, lang, number))).append('\n');
        if (total > 1) {
            md.append("- ").append(SiteText.oneLine(Listings.status(site.t(lang, "pagination_status"), number,
                    total))).append('\n');
            if (number > 1) {
                md.append("- ").append(site.t(lang, "pagination_previous")).append(": ")
                        .append(site.urls().absolute(site.urls().listPageFolder(kind, lang, number - 1))).append('\n');
            }
            if (number < total) {
                md.append("- ").append(site.t(lang, "pagination_next")).append(": ")
                        .append(site.urls().absolute(site.urls().listPageFolder(kind, lang, number + 1))).append('\n');
            }
        }
        md.append('\n');
        pages.forEach(page -> md.append(line(page.key())));
        if (pages.isEmpty()) {
            md.append(site.t(lang, "empty_list")).append('\n');
        }
        return md.endingInOneNewline();
    }

    /**
     * The twin of one page in UTF-8; made once, then shared by the twin file, llms-full.txt and
     * llms.json. Kept as bytes (the twin file's, and the build cache's form): the same array from
     * build to build while the page and what its twin shows are the same.
     */
    public byte[] twinBytes(Page page) {
        return twin(page).get();
    }

    /**
     * What gives the twin of one page in UTF-8 ({@link #twinBytes}) when asked, without reading it yet:
     * a twin taken back from the build cache is read from the cache's file each time (or copied from
     * it: {@link io.answersite.text.LeftBytes}).
     */
    Supplier<byte[]> twin(Page page) {
        Supplier<byte[]> known = twins.get(page.key()); // asked for again by llms.json and llms-full.txt
        if (known != null) {
            return known;
        }
        return twins.computeIfAbsent(page.key(), key -> page instanceof Page.Hub
                ? fragments.parking().keep(makeTwin(page))
                : fragments.bytes("twin", key, page, Fragments.lazy(() -> inputs(page)), () -> makeTwin(page)));
    }

    /**
     * The SHA-256 of a page's twin, in hex (llms.json's {@code content_hash}): kept with the twin it
     * hashes, in memory by the twin's text and in the build cache by what the twin is made from.
     */
    public String twinHash(Page page) {
        if (!fragments.storesOnDisk() || page instanceof Page.Hub) {
            byte[] twin = twinBytes(page);
            return fragments.get("twin-hash", page.key(), twin, null, () -> Sha256.hex(Sha256.of(twin)));
        }
        // the twin is read only when its hash is made again: taken back, it is read from the cache's file
        Supplier<byte[]> twin = twin(page);
        return fragments.get("twin-hash", page.key(), page, Fragments.lazy(() -> inputs(page)),
                () -> Sha256.hex(Sha256.of(twin.get())),
                MarkdownTwins::utf8, MarkdownTwins::text);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Everything a twin shows besides its own page: reading it here is what makes reuse safe. */
    Shared inputs(Page page) {
        // a hit takes no lock: computeIfAbsent locks the key's bin unless the key heads it
        Shared known = inputsByPage.get(page.key());
        if (known != null) {
            return known;
        }
        return inputsByPage.computeIfAbsent(page.key(), key -> new Shared(fragments.compared(madeInputs(page))));
    }

    private List<Object> madeInputs(Page page) {
        List<Object> inputs = new ArrayList<>();
        inputs.add(constants); // one instance while equal (see the constructor): digested once on disk
        // the graph's lists as they are, wrapped to be digested once: the page's view reads the same
        inputs.add(new Shared(site.graph().linkTargets().getOrDefault(page.key(), List.of())));
        site.topicOf(page).ifPresent(topic -> inputs.add(Arrays.asList(topic, site.graph().require(topic).title())));
        List<ResolvedRelated> related = site.graph().related().getOrDefault(page.key(), List.of());
        inputs.add(new Shared(related));
        for (ResolvedRelated item : related) {
            Page target = site.graph().require(item.target());
            inputs.add(Arrays.asList(target.listTitle(), target.common().description()));
        }
        if (page instanceof Page.Topic) {
            for (PageKey member : site.graph().topicMembers().getOrDefault(page.key(), List.of())) {
                Page shown = site.graph().require(member);
                inputs.add(Arrays.asList(member, shown.listTitle(), shown.summary()));
            }
        }
        return inputs;
    }

    private byte[] makeTwin(Page page) {
        String lang = page.key().language();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(SiteText.oneLine(page.title())).append("\n\n");
        md.append("> ").append(SiteText.oneLine(page.common().description())).append("\n\n");
        metadata(page, md);
        if (page instanceof Page.Answer answer) {
            answerSections(answer, md);
        } else if (page instanceof Page.GlossaryTerm term) {
            md.append("**").append(SiteText.oneLine(term.term())).append("**: ").append(SiteText.oneLine(site.fieldMarkdown(term, "definition", term.definition())))
                    .append("\n\n");
            if (!term.synonyms().isEmpty()) {
                md.append(site.t(lang, "synonyms")).append(": ").append(String.join(", ", term.synonyms())).append("\n\n");
            }
        }
        String body = site.bodyMarkdown(page);
        if (!body.isEmpty()) {
            md.append(body).append("\n\n");
        }
        if (page instanceof Page.Topic || page instanceof Page.Hub) { // their lists: each page's line as kept
            TextParts parts = new TextParts(false).append(md.toString());
            if (page instanceof Page.Topic) {
                topicSections(page.key(), parts);
            } else {
                hubSections(lang, parts);
            }
            return SiteOutput.join(parts.endingInOneNewline());
        }
        return utf8(SiteText.endingInOneNewline(md));
    }

    private void metadata(Page page, StringBuilder md) {
        String lang = page.key().language();
        Common common = page.common();
        md.append("- URL: ").append(site.url(page.key())).append('\n');
        md.append("- ").append(site.t(lang, "kind_" + page.key().kind().refName())).append(" · ").append(lang).append('\n');
        String authorId = common.author() != null ? common.author().value() : site.config().defaultAuthor();
        Author author = authorId == null ? null : site.config().authors().get(authorId);
        if (author != null) {
            md.append("- ").append(site.t(lang, "author")).append(": ").append(author.name()).append('\n');
        }
        if (common.date() != null) {
            md.append("- ").append(site.t(lang, "published")).append(": ").append(common.date()).append('\n');
        }
        if (common.updated() != null) {
            md.append("- ").append(site.t(lang, "updated")).append(": ").append(common.updated()).append('\n');
        }
        site.topicOf(page).ifPresent(topic -> md.append("- ").append(site.t(lang, "topic")).append(": [")
                .append(SiteText.oneLine(site.graph().require(topic).title())).append("](").append(site.url(topic))
                .append(")\n"));
        if (!common.tags().isEmpty()) {
            md.append("- ").append(site.t(lang, "tags")).append(": ").append(String.join(", ", common.tags())).append('\n');
        }
        md.append('\n');
    }

    private void answerSections(Page.Answer answer, StringBuilder md) {
        String lang = answer.key().language();
        md.append("## ").append(site.t(lang, "answer_direct")).append("\n\n");
        md.append("**").append(site.t(lang, "original_question")).append(":** ").append(SiteText.oneLine(answer.question()))
                .append("\n\n");
        md.append(SiteText.oneLine(site.fieldMarkdown(answer, "answer", answer.answer()))).append("\n\n");
        list(site.t(lang, "basis"), fields(answer, "basis", answer.basis()), md);
        list(site.t(lang, "next_steps"), fields(answer, "next_steps", answer.nextSteps()), md);
        if (!answer.faq().isEmpty()) {
            md.append("## ").append(site.t(lang, "faq")).append("\n\n");
            for (int i = 0; i < answer.faq().size(); i++) {
                Page.Faq faq = answer.faq().get(i);
                md.append("### ").append(SiteText.oneLine(site.fieldMarkdown(answer, "faq/" + i + "/q", faq.question())))
                        .append("\n\n")
                        .append(SiteText.oneLine(site.fieldMarkdown(answer, "faq/" + i + "/a", faq.answer())))
                        .append("\n\n");
            }
        }
        List<ResolvedRelated> related = site.graph().related().getOrDefault(answer.key(), List.of());
        if (!related.isEmpty()) {
            md.append("## ").append(site.t(lang, "related")).append("\n\n");
            for (ResolvedRelated item : related) {
                Page target = site.graph().require(item.target());
                String url = site.url(item.target()) + (item.anchor() == null ? "" : "#" + item.anchor());
                md.append("- [").append(SiteText.oneLine(target.listTitle())).append("](").append(url).append("): ")
                        .append(SiteText.oneLine(item.note() != null ? note(answer, item) : target.common().description()))
                        .append('\n');
            }
            md.append('\n');
        }
        if (answer.summaryEn() != null) {
            md.append("## ").append(site.t(lang, "summary_en")).append("\n\n");
            for (String line : answer.summaryEn().split("\n")) {
                if (!line.isBlank()) {
                    md.append(line.strip()).append("\n\n");
                }
            }
        }
    }

    private void topicSections(PageKey topic, TextParts md) {
        String lang = topic.language();
        Map<Kind, List<PageKey>> byKind = new TreeMap<>();
        for (PageKey member : site.graph().topicMembers().getOrDefault(topic, List.of())) {
            byKind.computeIfAbsent(member.kind(), k -> new ArrayList<>()).add(member);
        }
        byKind.forEach((kind, members) -> {
            md.append("## ").append(site.t(lang, "list_" + kind.refName())).append("\n\n");
            members.forEach(member -> md.append(line(member)));
            md.append('\n');
        });
    }

    /** The hub's topics as its page shows them: each topic's first answers, then a link to all of them. */
    private void hubSections(String lang, TextParts md) {
        site.graph().answersByTopic(lang).forEach((topicId, answers) -> {
            Optional<PageKey> topic = site.graph().preferred(Kind.TOPIC, topicId, lang);
            String heading = topic.map(k -> site.graph().require(k).title()).orElse(site.t(lang, "list_answer"));
            md.append("## ").append(SiteText.oneLine(heading)).append("\n\n");
            List<PageKey> shown = Listings.shownOnHub(answers, site.config());
            shown.forEach(answer -> md.append(line(answer)));
            if (shown.size() < answers.size()) {
                md.append("- [").append(SiteText.oneLine(Listings.seeAll(site.t(lang, "hub_see_all"),
                        answers.size()))).append("](")
                        .append(topic.map(site::url).orElse(site.urls().absolute(site.urls().listFolder(Kind.ANSWER,
                                lang)))).append(")\n");
            }
            md.append('\n');
        });
    }

    /**
     * A page's line in the twins that list it (its topic's, its kind's list, the hub): kept in the
     * preview while the page record and site.yml are the same, since every rebuild makes the hub's
     * and the lists' twins again and would otherwise make every line of the site again. Not by the
     * build cache: an edited build makes again only the lists that show the edited page (a few
     * hundred lines), and 13,000 more entries in the cache's index of fragments, read and kept live
     * by every build, cost more than that.
     */
    private TextParts.Line line(PageKey key) {
        Page page = site.graph().require(key);
        return fragments.get("twin-item", key, page, constants, () -> TextParts.Line.of("- ["
                + SiteText.oneLine(page.listTitle()) + "](" + site.url(key) + "): " + SiteText.oneLine(page.summary())
                + "\n", false));
    }

    /** site.yml and the UI strings, one instance while equal, compared by identity: what every line of a twin reads. */
    Same sameConstants() {
        return constants;
    }

    /** The items of a list field ({@code basis}, {@code next_steps}) as Markdown with absolute links. */
    private List<String> fields(Page page, String field, List<String> items) {
        List<String> markdown = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            markdown.add(site.fieldMarkdown(page, field + "/" + i, items.get(i)));
        }
        return markdown;
    }

    /** A related item's note as Markdown with absolute links. */
    private String note(Page.Answer answer, ResolvedRelated item) {
        return site.fieldMarkdown(answer, answer.relatedNoteField(item.ref()), item.note());
    }

    private static void list(String heading, List<String> items, StringBuilder md) {
        if (items.isEmpty()) {
            return;
        }
        md.append("## ").append(heading).append("\n\n");
        items.forEach(item -> md.append("- ").append(SiteText.oneLine(item)).append('\n'));
        md.append('\n');
    }
}
