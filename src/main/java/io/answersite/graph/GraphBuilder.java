package io.answersite.graph;

import io.answersite.config.Language;
import io.answersite.config.SiteConfig;
import io.answersite.content.Kind;
import io.answersite.content.LoadedContent;
import io.answersite.content.Located;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.content.Snippet;
import io.answersite.content.TypedRef;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.SourcePos;
import io.answersite.diagnostic.Suggestions;
import io.answersite.markdown.ExternalLink;
import io.answersite.markdown.LinkRef;
import io.answersite.markdown.MarkdownDoc;
import io.answersite.text.PercentDecoding;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Builds the {@link ContentGraph} in named passes, reporting what does not hold together. */
public final class GraphBuilder {

    public static final String RULE_DUPLICATE_ID = Rules.ID_DUPLICATE;
    public static final String RULE_TOPIC_UNKNOWN = Rules.TOPIC_UNKNOWN;
    public static final String RULE_AUTHOR_UNKNOWN = Rules.AUTHOR_UNKNOWN;
    public static final String RULE_LINK_TARGET = Rules.LINK_TARGET;
    public static final String RULE_LINK_DRAFT = Rules.LINK_DRAFT;
    public static final String RULE_ALIAS_PATH = Rules.ALIAS_PATH;
    public static final String RULE_URL_COLLISION = Rules.URL_COLLISION;
    public static final String RULE_DATE_ORDER = Rules.DATE_ORDER;
    public static final String RULE_LINK_ANCHOR = Rules.LINK_ANCHOR;
    public static final String RULE_LINK_TYPE = Rules.LINK_TYPE;
    public static final String RULE_LINK_FILE = Rules.LINK_FILE;
    public static final String RULE_LINK_EXTERNAL = Rules.LINK_EXTERNAL;

    /** Where files of the content folder that pages link to are copied, relative to the output root. */
    public static final String CONTENT_ASSETS = "assets/content/";

    private static final Pattern SAFE_ALIAS_SEGMENT = Pattern.compile("[\\p{L}\\p{N}._~-]+");

    private final SiteConfig config;
    private final UrlScheme urls;
    private final boolean includeDrafts;
    private final LocalDate today;
    private final String contentFolder;
    private final Path contentDir;

    /**
     * @param contentFolder the content folder as reports name it ({@code content}), to map relative
     *     links onto source files
     * @param contentDir the content folder on disk, where linked files must exist; null to skip
     * @param today pages dated after it are scheduled, not published
     */
    public GraphBuilder(SiteConfig config, String contentFolder, Path contentDir, boolean includeDrafts,
                        LocalDate today) {
        this.config = config;
        this.urls = new UrlScheme(config);
        this.contentFolder = contentFolder;
        this.contentDir = contentDir;
        this.includeDrafts = includeDrafts;
        this.today = today;
    }

    public ContentGraph build(LoadedContent content, Diagnostics diagnostics) {
        Map<PageKey, Page> all = indexPages(content.pages(), diagnostics);
        Map<String, PageKey> bySource = new HashMap<>();
        all.values().forEach(p -> bySource.put(p.sourcePath(), p.key()));
        List<HeldBack> heldBack = new ArrayList<>();
        SortedMap<PageKey, Page> published = holdBackUnpublished(all, heldBack);
        Map<PageKey, String> shownUnpublished = new TreeMap<>();
        if (includeDrafts) {
            for (Page page : all.values()) {
                if (page.common().draft()) {
                    shownUnpublished.put(page.key(), "draft");
                } else if (page.common().date() != null && page.common().date().isAfter(today)) {
                    shownUnpublished.put(page.key(), "scheduled " + page.common().date());
                }
            }
        }
        checkDates(published, diagnostics);
        checkTopics(all, diagnostics);
        checkAuthors(published, diagnostics);
        checkUrls(published, diagnostics);
        Resolver resolver = new Resolver(all, published, bySource, diagnostics);
        Map<PageKey, List<ResolvedRelated>> relatedPages = resolveRelated(published, resolver);
        Map<PageKey, List<PageKey>> topicMembers = topicMembers(published);
        Map<PageKey, List<PageKey>> moreAnswers = moreAnswers(published, relatedPages);
        Map<String, Map<String, Snippet>> snippets = snippets(content.snippets());
        // what every page shows is known now, so anchors can be checked against it
        SortedMap<PageKey, Page> pageIndex = new PageIndex(published);
        ContentGraph shown = new ContentGraph(config, urls, pageIndex, Map.of(),
                Map.copyOf(relatedPages), Map.copyOf(moreAnswers), Map.copyOf(topicMembers), snippets, Map.of(),
                List.copyOf(heldBack), Collections.unmodifiableMap(shownUnpublished));
        resolver.anchorsOf(shown);
        Map<PageKey, List<LinkTarget>> linkTargets = resolveBodyLinks(published, resolver);
        Map<String, Map<String, List<LinkTarget>>> snippetLinks = resolveSnippetLinks(shown, resolver, diagnostics);
        checkExternalLinks(published.values().stream().map(Page::body).toList(), diagnostics);
        checkExternalLinks(content.snippets().stream().map(Snippet::body).toList(), diagnostics);
        Map<PageKey, List<ResolvedRelated>> related = checkRelatedAnchors(relatedPages, resolver);
        return new ContentGraph(config, urls, pageIndex, Map.copyOf(linkTargets),
                Map.copyOf(related), Map.copyOf(moreAnswers), Map.copyOf(topicMembers), snippets, snippetLinks,
                List.copyOf(heldBack), Collections.unmodifiableMap(shownUnpublished));
    }

    /**
     * The previous graph with one edited page put in its place and that page's own edges computed
     * again (its body links, related items, "more answers" and the topic it joins), for the
     * preview's first answer to an edit: the edited page can be rendered from it in milliseconds.
     * Other pages' edges and the snippets' links are left as they were; the full build that follows
     * brings them up to date and reports findings. Empty when the edit is not a plain change of one
     * published page (a new key, a new source file, a page held back now) or when its links do not
     * resolve.
     */
    public Optional<ContentGraph> patch(ContentGraph previous, Page edited) {
        Page before = previous.pages().get(edited.key());
        boolean unpublished = edited.common().draft()
                || edited.common().date() != null && edited.common().date().isAfter(today);
        if (before == null || !before.sourcePath().equals(edited.sourcePath()) || (unpublished && !includeDrafts)
                || !Objects.equals(topicOf(before), topicOf(edited)) || edited instanceof Page.Hub) {
            return Optional.empty();
        }
        SortedMap<PageKey, Page> published = new TreeMap<>(previous.pages());
        published.put(edited.key(), edited);
        Map<String, PageKey> bySource = new HashMap<>();
        published.values().forEach(p -> bySource.put(p.sourcePath(), p.key()));
        Diagnostics findings = new Diagnostics();
        Resolver resolver = new Resolver(published, published, bySource, findings);
        Map<PageKey, List<ResolvedRelated>> related = new HashMap<>(previous.related());
        related.putAll(resolveRelated(Map.of(edited.key(), edited), resolver));
        Map<PageKey, List<PageKey>> moreAnswers = new HashMap<>(previous.moreAnswers());
        if (edited instanceof Page.Answer answer && config.moreAnswers() > 0) {
            moreAnswers.put(answer.key(), moreAnswersOf(answer, published, related));
        }
        Map<PageKey, String> shownUnpublished = new TreeMap<>(previous.shownUnpublished());
        shownUnpublished.remove(edited.key());
        if (includeDrafts && edited.common().draft()) {
            shownUnpublished.put(edited.key(), "draft");
        } else if (includeDrafts && unpublished) {
            shownUnpublished.put(edited.key(), "scheduled " + edited.common().date());
        }
        SortedMap<PageKey, Page> pageIndex = new PageIndex(published);
        resolver.anchorsOf(new ContentGraph(config, urls, pageIndex, Map.of(),
                Map.copyOf(related), Map.copyOf(moreAnswers), previous.topicMembers(), previous.snippets(),
                previous.snippetLinks(), previous.heldBack(), Collections.unmodifiableMap(shownUnpublished)));
        Map<PageKey, List<LinkTarget>> linkTargets = new HashMap<>(previous.linkTargets());
        linkTargets.putAll(resolveBodyLinks(Map.of(edited.key(), edited), resolver));
        if (related.containsKey(edited.key())) {
            related.putAll(checkRelatedAnchors(Map.of(edited.key(), related.get(edited.key())), resolver));
        }
        if (findings.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new ContentGraph(config, urls, pageIndex,
                Map.copyOf(linkTargets), Map.copyOf(related), Map.copyOf(moreAnswers), previous.topicMembers(),
                previous.snippets(), previous.snippetLinks(), previous.heldBack(),
                Collections.unmodifiableMap(shownUnpublished)));
    }

    /** "More answers" for one answer, as {@link #moreAnswers} would choose them. */
    private List<PageKey> moreAnswersOf(Page.Answer answer, Map<PageKey, Page> pages,
                                        Map<PageKey, List<ResolvedRelated>> related) {
        String language = answer.key().language();
        Map<String, List<Page.Answer>> byLanguage = new HashMap<>();
        Map<String, List<Page.Answer>> byTag = new HashMap<>();
        List<Page.Answer> topic = new ArrayList<>();
        for (Page page : pages.values()) {
            if (page instanceof Page.Answer other && other.key().language().equals(language)) {
                byLanguage.computeIfAbsent(language, k -> new ArrayList<>()).add(other);
                if (topicOf(other).equals(topicOf(answer))) {
                    topic.add(other);
                }
                for (String tag : new TreeSet<>(other.common().tags())) {
                    byTag.computeIfAbsent(language + "\n" + tag, k -> new ArrayList<>()).add(other);
                }
            }
        }
        return chooseMore(answer, topic.indexOf(answer), new TopicTags(topic), config.moreAnswers(), related,
                byLanguage, byTag);
    }

    /**
     * The pages by key. Pages that share a key are each reported at their id (the {@code id} key, or
     * the start of the file when the id is the file name), naming where the others set it; the first
     * by source path is kept.
     */
    private static Map<PageKey, Page> indexPages(List<Page> pages, Diagnostics diagnostics) {
        Map<PageKey, List<Page>> byKey = new TreeMap<>();
        List<Page> ordered = new ArrayList<>(pages);
        ordered.sort(Comparator.comparing(Page::sourcePath));
        for (Page page : ordered) {
            byKey.computeIfAbsent(page.key(), k -> new ArrayList<>()).add(page);
        }
        Map<PageKey, Page> result = new TreeMap<>();
        byKey.forEach((key, sharing) -> {
            result.put(key, sharing.get(0));
            for (Page page : sharing.size() > 1 ? sharing : List.<Page>of()) {
                List<String> others = sharing.stream().filter(other -> other != page)
                        .map(other -> other.idPos().toString()).toList();
                diagnostics.error(RULE_DUPLICATE_ID, page.idPos(), "duplicate id '" + key.id() + "' for "
                        + describe(key) + ": " + String.join(" and ", others) + (others.size() == 1 ? " uses" : " use")
                        + " it too; give " + (others.size() == 1 ? "one of them" : "all but one of them")
                        + " another id");
            }
        });
        return result;
    }

    private SortedMap<PageKey, Page> holdBackUnpublished(Map<PageKey, Page> all, List<HeldBack> heldBack) {
        SortedMap<PageKey, Page> published = new TreeMap<>();
        for (Page page : all.values()) {
            if (!includeDrafts && page.common().draft()) {
                heldBack.add(new HeldBack(page.key(), page.sourcePath(), "draft"));
            } else if (!includeDrafts && page.common().date() != null && page.common().date().isAfter(today)) {
                heldBack.add(new HeldBack(page.key(), page.sourcePath(), "scheduled for " + page.common().date()));
            } else {
                published.put(page.key(), page);
            }
        }
        return published;
    }

    private static void checkDates(Map<PageKey, Page> pages, Diagnostics diagnostics) {
        for (Page page : pages.values()) {
            LocalDate date = page.common().date();
            LocalDate updated = page.common().updated();
            if (date != null && updated != null && updated.isBefore(date)) {
                diagnostics.error(RULE_DATE_ORDER, page.common().keyPos("updated", page.sourcePath()), "'updated' ("
                        + updated + ") is before 'date' (" + date + "); a page cannot change before it is published");
            }
        }
    }

    private static void checkTopics(Map<PageKey, Page> all, Diagnostics diagnostics) {
        Set<String> topics = new TreeSet<>();
        all.keySet().stream().filter(k -> k.kind() == Kind.TOPIC).forEach(k -> topics.add(k.id()));
        for (Page page : all.values()) {
            Located<String> topic = page.common().topic();
            if (topic != null && !topics.contains(topic.value())) {
                diagnostics.error(RULE_TOPIC_UNKNOWN, topic.pos(), "unknown topic '" + topic.value() + "'"
                        + Suggestions.didYouMean(topic.value(), topics, "known topics")
                        + (topics.isEmpty() ? "; add content/topics/" + topic.value() + ".md" : ""));
            }
        }
    }

    private void checkAuthors(Map<PageKey, Page> pages, Diagnostics diagnostics) {
        for (Page page : pages.values()) {
            Located<String> author = page.common().author();
            if (author != null && !config.authors().containsKey(author.value())) {
                diagnostics.error(RULE_AUTHOR_UNKNOWN, author.pos(), "unknown author '" + author.value() + "'"
                        + Suggestions.didYouMean(author.value(), config.authors().keySet(), "authors in site.yml"));
            }
        }
    }

    /** Folders the generator writes files into; no alias may sit inside them. */
    private static final List<String> RESERVED_FOLDERS = List.of("assets/", "schemas/");

    /** Aliases must be safe paths inside the site, and no two outputs may claim the same URL. */
    private void checkUrls(Map<PageKey, Page> pages, Diagnostics diagnostics) {
        Map<String, String> claimedBy = new HashMap<>();
        for (Page page : pages.values()) {
            claimedBy.put(urls.pageFolder(page.key()), page.sourcePath());
        }
        for (Language language : config.languages()) {
            claimedBy.putIfAbsent(urls.hubFolder(language.code()), "the hub");
            for (Kind kind : List.of(Kind.ANSWER, Kind.GUIDE, Kind.CHECKLIST, Kind.GLOSSARY, Kind.TOPIC)) {
                claimedBy.put(urls.listFolder(kind, language.code()), "the list of " + kind.folder());
            }
        }
        for (Page page : pages.values()) {
            for (Located<String> alias : page.common().aliases()) {
                Optional<String> folder = aliasFolder(alias.value());
                if (folder.isEmpty()) {
                    diagnostics.error(RULE_ALIAS_PATH, alias.pos(), "alias '" + alias.value() + "' is not a site path;"
                            + " write it like /old/path/ (no '..', '\\', '?', '#' or '//')");
                    continue;
                }
                String owner = claimedBy.putIfAbsent(folder.get(), page.sourcePath());
                if (owner == null) {
                    owner = RESERVED_FOLDERS.stream().filter(folder.get()::startsWith).findFirst()
                            .map(reserved -> "the generator's /" + reserved + " folder").orElse(null);
                }
                if (owner != null) {
                    diagnostics.error(RULE_URL_COLLISION, alias.pos(), "alias '" + alias.value() + "' is the URL /"
                            + folder.get() + " that " + owner + " already has; remove the alias or change it");
                }
            }
        }
    }

    /** The output folder of an alias ({@code old/path/}), or empty when it is not a safe path. */
    public static Optional<String> aliasFolder(String alias) {
        if (!alias.startsWith("/") || alias.startsWith("//")) {
            return Optional.empty();
        }
        String trimmed = alias.substring(1);
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        for (String segment : trimmed.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || !SAFE_ALIAS_SEGMENT.matcher(segment).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(trimmed + "/");
    }

    private Map<PageKey, List<LinkTarget>> resolveBodyLinks(Map<PageKey, Page> pages, Resolver resolver) {
        // the resolver only reads (findings go to a synchronized collector, sorted when reported): both cores resolve
        Map<PageKey, List<LinkTarget>> result = new ConcurrentHashMap<>();
        pages.values().parallelStream().forEach(page -> {
            List<LinkTarget> slots = new ArrayList<>();
            for (LinkRef link : page.body().links()) {
                // an unresolved link is an error, so the build stops before anything reads this null
                slots.add(resolver.bodyLink(page.sourcePath(), page.key().language(), link).orElse(null));
            }
            result.put(page.key(), Collections.unmodifiableList(slots));
        });
        return result;
    }

    /**
     * Where each snippet's link slots go, by snippet name and then by the language of the pages that
     * show it: a language without its own snippet shows the default language's, whose typed
     * references then prefer pages in the showing language, as a page's own links do. Relative paths
     * are relative to the snippet's file. A broken link is reported once, at the link: as the
     * snippet's own language finds it, or else as the first language (in site.yml order) showing
     * it does.
     */
    private Map<String, Map<String, List<LinkTarget>>> resolveSnippetLinks(ContentGraph shown, Resolver resolver,
                                                                           Diagnostics diagnostics) {
        Map<String, Map<String, List<LinkTarget>>> result = new TreeMap<>();
        shown.snippets().forEach((name, own) -> {
            List<String> languages = new ArrayList<>();
            config.languages().forEach(l -> languages.add(l.code()));
            languages.sort(Comparator.comparing(language -> !own.containsKey(language)));
            Set<SourcePos> reported = new HashSet<>();
            Map<String, List<LinkTarget>> byLanguage = new TreeMap<>();
            for (String language : languages) {
                shown.snippet(name, language).ifPresent(snippet -> {
                    Diagnostics found = new Diagnostics();
                    Resolver reporting = resolver.reportingTo(found);
                    List<LinkTarget> slots = new ArrayList<>();
                    for (LinkRef link : snippet.body().links()) {
                        slots.add(reporting.bodyLink(snippet.sourcePath(), language, link).orElse(null));
                    }
                    found.sorted().stream().filter(finding -> reported.add(finding.pos())).forEach(diagnostics::add);
                    byLanguage.put(language, Collections.unmodifiableList(slots));
                });
            }
            result.put(name, Collections.unmodifiableMap(byLanguage));
        });
        return Collections.unmodifiableMap(result);
    }

    private static void checkExternalLinks(List<MarkdownDoc> bodies, Diagnostics diagnostics) {
        for (MarkdownDoc body : bodies) {
            for (ExternalLink link : body.externalLinks()) {
                String url = link.destination();
                if (!(url.startsWith("http://") || url.startsWith("https://"))) {
                    continue;
                }
                try {
                    URI uri = new URI(url);
                    if (uri.getHost() == null || uri.getHost().isEmpty()) {
                        throw new URISyntaxException(url, "no host");
                    }
                } catch (URISyntaxException e) {
                    diagnostics.error(RULE_LINK_EXTERNAL, link.pos(), "'" + url + "' is not a valid URL ("
                            + e.getReason() + "); encode spaces as %20 and check the host");
                }
            }
        }
    }

    /** Each answer's related items whose page exists and is published; anchors are checked later. */
    private static Map<PageKey, List<ResolvedRelated>> resolveRelated(Map<PageKey, Page> pages, Resolver resolver) {
        Map<PageKey, List<ResolvedRelated>> result = new HashMap<>();
        for (Page page : pages.values()) {
            if (page instanceof Page.Answer answer) {
                List<ResolvedRelated> items = new ArrayList<>();
                for (Page.Related related : answer.related()) {
                    resolver.typed(page.key().language(), related.ref()).ifPresent(target -> items.add(
                            new ResolvedRelated(target, related.ref().anchor(), related.note(), related.ref())));
                }
                result.put(page.key(), List.copyOf(items));
            }
        }
        return result;
    }

    /** The related items whose anchor, if any, their page shows; the others are reported. */
    private static Map<PageKey, List<ResolvedRelated>> checkRelatedAnchors(Map<PageKey, List<ResolvedRelated>> related,
                                                                           Resolver resolver) {
        Map<PageKey, List<ResolvedRelated>> result = new HashMap<>();
        related.forEach((key, items) -> result.put(key, items.stream().filter(item -> resolver.anchorExists(
                item.target(), item.anchor(), item.ref().pos(), item.ref().toString())).toList()));
        return result;
    }

    private static Map<PageKey, List<PageKey>> topicMembers(Map<PageKey, Page> pages) {
        Map<PageKey, List<PageKey>> members = new HashMap<>();
        for (Page page : pages.values()) {
            if (page.key().kind() == Kind.TOPIC) {
                members.put(page.key(), new ArrayList<>());
            }
        }
        for (Page page : pages.values()) {
            Located<String> topic = page.common().topic();
            if (topic != null) {
                List<PageKey> list = members.get(new PageKey(Kind.TOPIC, topic.value(), page.key().language()));
                if (list != null) {
                    list.add(page.key());
                }
            }
        }
        Map<PageKey, List<PageKey>> result = new HashMap<>();
        members.forEach((topic, list) -> result.put(topic, list.stream().sorted().toList()));
        return result;
    }

    /**
     * For each answer, other answers in its language, not already listed as related: same topic
     * first, then more shared tags, then by id. Each answer scans the answers of its own topic once,
     * comparing tags as bit masks (one popcount per pair), so the cost is answers × topic size with
     * a tight inner loop, never answers × site; answers outside the topic come from a tag index.
     */
    private Map<PageKey, List<PageKey>> moreAnswers(Map<PageKey, Page> pages, Map<PageKey, List<ResolvedRelated>> related) {
        int wanted = config.moreAnswers();
        Map<String, List<Page.Answer>> byLanguage = new HashMap<>();
        Map<String, List<Page.Answer>> byTopic = new HashMap<>();
        Map<String, List<Page.Answer>> byTag = new HashMap<>();
        for (Page page : pages.values()) { // in key order, so every list below is sorted by key
            if (page instanceof Page.Answer answer) {
                String language = answer.key().language();
                byLanguage.computeIfAbsent(language, k -> new ArrayList<>()).add(answer);
                byTopic.computeIfAbsent(language + "\n" + topicOf(answer), k -> new ArrayList<>()).add(answer);
                for (String tag : new TreeSet<>(answer.common().tags())) {
                    byTag.computeIfAbsent(language + "\n" + tag, k -> new ArrayList<>()).add(answer);
                }
            }
        }
        Map<PageKey, List<PageKey>> result = new ConcurrentHashMap<>();
        if (wanted == 0) {
            byLanguage.values().forEach(list -> list.forEach(a -> result.put(a.key(), List.of())));
            return result;
        }
        byTopic.values().parallelStream().forEach(topic -> {
            TopicTags tags = new TopicTags(topic);
            for (int i = 0; i < topic.size(); i++) {
                Page.Answer answer = topic.get(i);
                result.put(answer.key(), chooseMore(answer, i, tags, wanted, related, byLanguage, byTag));
            }
        });
        return result;
    }

    /** The answers of one topic, sorted by key, with their tags as bit masks over the topic's tags. */
    private static final class TopicTags {
        final List<Page.Answer> answers;
        final int words;
        final long[] masks;

        TopicTags(List<Page.Answer> answers) {
            this.answers = answers;
            Map<String, Integer> bits = new HashMap<>();
            answers.forEach(a -> a.common().tags().forEach(t -> bits.putIfAbsent(t, bits.size())));
            words = Math.max(1, (bits.size() + 63) / 64);
            masks = new long[answers.size() * words];
            for (int i = 0; i < answers.size(); i++) {
                for (String tag : answers.get(i).common().tags()) {
                    int bit = bits.get(tag);
                    masks[i * words + bit / 64] |= 1L << (bit % 64);
                }
            }
        }

        int shared(int a, int b) {
            int count = 0;
            for (int w = 0; w < words; w++) {
                count += Long.bitCount(masks[a * words + w] & masks[b * words + w]);
            }
            return count;
        }
    }

    private record Scored(PageKey key, int score) {
    }

    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingInt(Scored::score).reversed()
            .thenComparing(Scored::key);

    private static List<PageKey> chooseMore(Page.Answer answer, int index, TopicTags topic, int wanted,
                                            Map<PageKey, List<ResolvedRelated>> related,
                                            Map<String, List<Page.Answer>> byLanguage,
                                            Map<String, List<Page.Answer>> byTag) {
        String language = answer.key().language();
        Set<PageKey> excluded = new HashSet<>();
        excluded.add(answer.key());
        related.getOrDefault(answer.key(), List.of()).forEach(r -> excluded.add(r.target()));
        // the best `wanted` of the topic: more shared tags first; scanning in key order and moving an
        // answer ahead only for strictly more tags keeps ties in key order
        int[] best = new int[wanted];
        int[] bestShared = new int[wanted];
        int found = 0;
        for (int j = 0; j < topic.answers.size(); j++) {
            if (excluded.contains(topic.answers.get(j).key())) {
                continue;
            }
            int shared = topic.shared(index, j);
            if (found == wanted && shared <= bestShared[wanted - 1]) {
                continue;
            }
            int at = Math.min(found, wanted - 1);
            while (at > 0 && bestShared[at - 1] < shared) {
                best[at] = best[at - 1];
                bestShared[at] = bestShared[at - 1];
                at--;
            }
            best[at] = j;
            bestShared[at] = shared;
            found = Math.min(found + 1, wanted);
        }
        List<PageKey> chosen = new ArrayList<>();
        for (int i = 0; i < found; i++) {
            chosen.add(topic.answers.get(best[i]).key());
        }
        if (chosen.size() == wanted) {
            return List.copyOf(chosen);
        }
        // too few in the topic (so all of it was taken): answers elsewhere sharing the most tags,
        // then the rest by id
        Set<PageKey> taken = new HashSet<>(excluded);
        topic.answers.forEach(a -> taken.add(a.key()));
        Map<PageKey, Integer> shared = new HashMap<>();
        for (String tag : Set.copyOf(answer.common().tags())) {
            for (Page.Answer other : byTag.getOrDefault(language + "\n" + tag, List.of())) {
                if (!taken.contains(other.key())) {
                    shared.merge(other.key(), 1, Integer::sum);
                }
            }
        }
        List<Scored> byShared = new ArrayList<>();
        shared.forEach((key, count) -> byShared.add(new Scored(key, count)));
        byShared.sort(BEST_FIRST);
        for (Scored scored : byShared) {
            if (chosen.size() == wanted) {
                return List.copyOf(chosen);
            }
            chosen.add(scored.key());
            taken.add(scored.key());
        }
        for (Page.Answer other : byLanguage.get(language)) {
            if (chosen.size() == wanted) {
                break;
            }
            if (!taken.contains(other.key())) {
                chosen.add(other.key());
            }
        }
        return List.copyOf(chosen);
    }

    private static String topicOf(Page page) {
        return page.common().topic() == null ? "" : page.common().topic().value();
    }

    private static Map<String, Map<String, Snippet>> snippets(List<Snippet> snippets) {
        Map<String, Map<String, Snippet>> result = new TreeMap<>();
        for (Snippet snippet : snippets) {
            result.computeIfAbsent(snippet.name(), n -> new TreeMap<>()).put(snippet.language(), snippet);
        }
        Map<String, Map<String, Snippet>> frozen = new LinkedHashMap<>();
        result.forEach((name, byLanguage) -> frozen.put(name, Collections.unmodifiableMap(byLanguage)));
        return Collections.unmodifiableMap(frozen);
    }

    static String describe(PageKey key) {
        String kind = switch (key.kind()) {
            case ANSWER -> "an answer";
            case GUIDE -> "a guide";
            case CHECKLIST -> "a checklist";
            case GLOSSARY -> "a glossary term";
            case TOPIC -> "a topic";
            case HUB -> "the hub";
        };
        return kind + " in " + key.language();
    }

    /** Resolves references from one page to another, reporting the ones that lead nowhere. */
    private final class Resolver {
        private final Map<PageKey, Page> all;
        private final Map<PageKey, Page> published;
        private final Map<String, PageKey> bySource;
        private final Diagnostics diagnostics;

        /** What each page shows, for anchors; set once related items and "more answers" are known. */
        private ContentGraph shown;
        /** Site folders ({@code answers/x/}) of every page, held-back ones included, and of their aliases. */
        private final Map<String, PageKey> byFolder;
        /** Folders of pages the generator writes without a page record, with their anchors: lists, hubs. */
        private final Map<String, Set<String>> generatedFolders;
        /** The folders of each kind's pages ({@code answers/}, {@code en/answers/}): no other page lives there. */
        private final Map<String, Kind> kindFolders;

        Resolver(Map<PageKey, Page> all, Map<PageKey, Page> published, Map<String, PageKey> bySource,
                 Diagnostics diagnostics) {
            this.all = all;
            this.published = published;
            this.bySource = bySource;
            this.diagnostics = diagnostics;
            this.byFolder = new HashMap<>();
            this.generatedFolders = new HashMap<>();
            this.kindFolders = new HashMap<>();
            for (Page page : all.values()) {
                byFolder.put(urls.pageFolder(page.key()), page.key());
            }
            for (Page page : all.values()) {
                page.common().aliases().forEach(alias -> aliasFolder(alias.value())
                        .ifPresent(folder -> byFolder.putIfAbsent(folder, page.key())));
            }
            for (Language language : config.languages()) {
                for (Kind kind : Kind.values()) {
                    if (kind != Kind.HUB) {
                        generatedFolders.put(urls.listFolder(kind, language.code()), PageAnchors.ofList());
                        kindFolders.put(urls.listFolder(kind, language.code()), kind);
                    }
                }
                generatedFolders.put(urls.hubFolder(language.code()), PageAnchors.ofHubWithoutIntro());
            }
        }

        /** A resolver sharing {@code other}'s pages, folders and anchors that reports to {@code findings}. */
        private Resolver(Resolver other, Diagnostics findings) {
            this.all = other.all;
            this.published = other.published;
            this.bySource = other.bySource;
            this.diagnostics = findings;
            this.shown = other.shown;
            this.byFolder = other.byFolder;
            this.generatedFolders = other.generatedFolders;
            this.kindFolders = other.kindFolders;
        }

        Resolver reportingTo(Diagnostics findings) {
            return new Resolver(this, findings);
        }

        void anchorsOf(ContentGraph shown) {
            this.shown = shown;
        }

        /**
         * The page (and anchor), content file or site path a body link points to.
         *
         * @param fromSource the file the link is written in, which relative paths start from
         * @param language the language of the page that shows the link, which typed references prefer
         */
        Optional<LinkTarget> bodyLink(String fromSource, String language, LinkRef link) {
            if (link.target() == LinkRef.Target.FILE) {
                return file(fromSource, link);
            }
            if (link.target() == LinkRef.Target.SITE) {
                return sitePath(link);
            }
            Optional<TypedRef> typed = TypedRef.parse(link.destination(), link.pos());
            if (typed.isPresent()) {
                return typed(language, typed.get()).filter(key -> anchorExists(key, typed.get().anchor(), link.pos(),
                        link.destination())).map(key -> LinkTarget.page(key, typed.get().anchor()));
            }
            String destination = link.destination();
            int hash = destination.indexOf('#');
            String pathPart = hash < 0 ? destination : destination.substring(0, hash);
            String anchor = hash < 0 ? null : destination.substring(hash + 1);
            Optional<String> target = sourcePathOf(fromSource, pathPart);
            if (target.isEmpty()) {
                diagnostics.error(RULE_LINK_FILE, link.pos(), "link '" + destination + "' leaves the content folder;"
                        + " link to pages by their .md file inside it, or use a typed reference such as guide:id");
                return Optional.empty();
            }
            PageKey key = bySource.get(target.get());
            if (key == null) {
                diagnostics.error(RULE_LINK_TARGET, link.pos(), "link target '" + destination + "' does not exist"
                        + " (no page at " + target.get() + "); link to the .md file of an existing page, or use a"
                        + " typed reference such as guide:id");
                return Optional.empty();
            }
            if (!published.containsKey(key)) {
                reportHeldBack(link.pos(), destination);
                return Optional.empty();
            }
            if (!anchorExists(key, anchor, link.pos(), destination)) {
                return Optional.empty();
            }
            return Optional.of(LinkTarget.page(key, anchor));
        }

        private Optional<LinkTarget> file(String fromSource, LinkRef link) {
            String pathPart = link.destination().replaceFirst("[#?].*$", "");
            Optional<String> target = sourcePathOf(fromSource, pathPart);
            if (target.isEmpty()) {
                diagnostics.error(RULE_LINK_FILE, link.pos(), "link '" + link.destination() + "' leaves the content"
                        + " folder; put the file under content/ and link to it relatively");
                return Optional.empty();
            }
            String inContent = Path.of(contentFolder).relativize(Path.of(target.get())).toString().replace('\\', '/');
            return contentFile(link, inContent, target.get());
        }

        /** A file of the content folder, {@code inContent} relative to it, {@code sourcePath} as reports name it. */
        private Optional<LinkTarget> contentFile(LinkRef link, String inContent, String sourcePath) {
            if (contentDir != null && !Files.isRegularFile(contentDir.resolve(inContent))) {
                diagnostics.error(RULE_LINK_FILE, link.pos(), "link '" + link.destination() + "' names no file (nothing"
                        + " at " + sourcePath + "); fix the path or add the file");
                return Optional.empty();
            }
            if (!GraphBuilder.aliasFolder("/" + inContent).isPresent()) {
                diagnostics.error(RULE_LINK_FILE, link.pos(), "file name '" + inContent + "' has characters a URL"
                        + " path cannot carry safely; rename it with letters, digits, '-', '_' and '.'");
                return Optional.empty();
            }
            return Optional.of(LinkTarget.asset(CONTENT_ASSETS + inContent));
        }

        /**
         * A link written from the site's root: {@code /answers/x/#faq}. Pages (by their folder or an
         * alias), list pages, the hub and content files are resolved here like any other link; other
         * paths (the search page, machine and static files) are files the generator writes later, so
         * the built-site check looks for them once they are written and reports them at the link.
         */
        private Optional<LinkTarget> sitePath(LinkRef link) {
            String destination = link.destination();
            int hash = destination.indexOf('#');
            String pathAndQuery = hash < 0 ? destination : destination.substring(0, hash);
            String anchor = hash < 0 ? null : destination.substring(hash + 1);
            int question = pathAndQuery.indexOf('?');
            String path = PercentDecoding.decodeOrKeep(question < 0 ? pathAndQuery : pathAndQuery.substring(0, question));
            String basePath = config.basePath();
            if (!basePath.isEmpty() && (path + "/").startsWith(basePath + "/")) {
                diagnostics.error(RULE_LINK_TARGET, link.pos(), "link '" + destination + "' starts with the base"
                        + " path " + basePath + "; write paths from the site's root, without it: '"
                        + destination.substring(basePath.length()) + "'");
                return Optional.empty();
            }
            String relative = path.substring(1);
            if (relative.contains("//") || relative.contains("\\") || Arrays.stream(relative.split("/"))
                    .anyMatch(segment -> segment.equals(".") || segment.equals(".."))) {
                diagnostics.error(RULE_LINK_TARGET, link.pos(), "link '" + destination + "' is not a path of the"
                        + " site; write it like /answers/id/ (no '.', '..', '\\' or '//' segments)");
                return Optional.empty();
            }
            String folder = siteFolder(relative);
            if (question >= 0) {
                return Optional.of(LinkTarget.sitePath(folder + pathAndQuery.substring(question), anchor));
            }
            PageKey key = byFolder.get(folder);
            if (key == null && generatedFolders.containsKey(folder)) {
                return anchorOnGeneratedPage(folder, anchor, link.pos(), destination)
                        ? Optional.of(LinkTarget.sitePath(folder, anchor)) : Optional.empty();
            }
            if (key != null) {
                if (!published.containsKey(key)) {
                    reportHeldBack(link.pos(), destination);
                    return Optional.empty();
                }
                return anchorExists(key, anchor, link.pos(), destination)
                        ? Optional.of(LinkTarget.page(key, anchor)) : Optional.empty();
            }
            if (folder.startsWith(CONTENT_ASSETS)) {
                return contentFile(link, folder.substring(CONTENT_ASSETS.length()), contentFolder + "/"
                        + folder.substring(CONTENT_ASSETS.length()));
            }
            // under a kind's folder the graph knows every page; files there (Markdown twins) are written later
            Optional<Kind> kind = kindFolders.entrySet().stream().filter(e -> folder.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst();
            if (kind.isPresent() && folder.endsWith("/")) {
                diagnostics.error(RULE_LINK_TARGET, link.pos(), "link target '" + destination + "' does not exist"
                        + " (no page, list or alias has the URL /" + folder + "); link to the .md file of an existing"
                        + " page, or use a typed reference such as " + kind.get().refName() + ":id");
                return Optional.empty();
            }
            return Optional.of(LinkTarget.sitePath(folder, anchor));
        }

        /**
         * A path as the output names it: {@code answers/x/} for {@code answers/x},
         * {@code answers/x/index.html} and {@code answers/x/}; a file name ({@code llms.txt}) as it is.
         */
        private static String siteFolder(String path) {
            if (path.equals("index.html") || path.endsWith("/index.html")) {
                return path.substring(0, path.length() - "index.html".length());
            }
            String lastSegment = path.substring(path.lastIndexOf('/') + 1);
            return path.isEmpty() || path.endsWith("/") || lastSegment.contains(".") ? path : path + "/";
        }

        private boolean anchorOnGeneratedPage(String folder, String anchor, SourcePos pos, String destination) {
            if (anchor == null || anchor.isEmpty() || generatedFolders.get(folder).contains(anchor)) {
                return true;
            }
            diagnostics.error(RULE_LINK_ANCHOR, pos, "'" + destination + "' points to '#" + anchor + "', which the"
                    + " page /" + folder + " does not have; it has "
                    + String.join(", ", generatedFolders.get(folder).stream().map(a -> "#" + a).toList()));
            return false;
        }

        /** Whether {@code anchor} (may be null) exists on the target page as it is shown; reports it when not. */
        boolean anchorExists(PageKey key, String anchor, SourcePos pos, String destination) {
            if (anchor == null || anchor.isEmpty()) {
                return true;
            }
            Page page = published.get(key);
            Set<String> anchors = PageAnchors.of(shown, page);
            if (anchors.contains(anchor)) {
                return true;
            }
            String section = PageAnchors.missingSection(page, anchor);
            diagnostics.error(RULE_LINK_ANCHOR, pos, "'" + destination + "' points to '#" + anchor + "', which "
                    + page.sourcePath() + " does not have"
                    + (section != null ? " (" + section + ")" : Suggestions.didYouMean(anchor, anchors.stream()
                    .filter(a -> !a.equals(PageAnchors.MAIN)).toList(), "its anchors")));
            return false;
        }

        /** The page a typed reference names, preferring its translation in {@code language}. */
        Optional<PageKey> typed(String language, TypedRef ref) {
            Optional<PageKey> key = preferred(published, ref.kind(), ref.id(), language);
            if (key.isPresent()) {
                return key;
            }
            if (preferred(all, ref.kind(), ref.id(), language).isPresent()) {
                reportHeldBack(ref.pos(), ref.toString());
                return Optional.empty();
            }
            Optional<PageKey> otherKind = all.keySet().stream()
                    .filter(k -> k.id().equals(ref.id()) && k.kind() != ref.kind() && k.kind() != Kind.HUB)
                    .findFirst();
            if (otherKind.isPresent()) {
                diagnostics.error(RULE_LINK_TYPE, ref.pos(), "'" + ref + "' names no " + ref.kind().refName()
                        + ", but " + describe(otherKind.get()).replaceFirst(" in .*$", "") + " has the id '" + ref.id()
                        + "'; write " + otherKind.get().kind().refName() + ":" + ref.id()
                        + (ref.anchor() == null ? "" : "#" + ref.anchor()));
                return Optional.empty();
            }
            Set<String> ids = new TreeSet<>();
            all.keySet().stream().filter(k -> k.kind() == ref.kind()).forEach(k -> ids.add(k.id()));
            diagnostics.error(RULE_LINK_TARGET, ref.pos(), "'" + ref + "' names no " + ref.kind().refName() + " page"
                    + (ref.kind() == Kind.HUB ? "; add content/_index.md"
                    : Suggestions.didYouMean(ref.id(), ids, "known " + ref.kind().refName() + " ids")));
            return Optional.empty();
        }

        private void reportHeldBack(SourcePos pos, String destination) {
            diagnostics.error(RULE_LINK_DRAFT, pos, "'" + destination + "' is a draft or scheduled page and will not"
                    + " be published; publish it or remove the link");
        }

        private Optional<PageKey> preferred(Map<PageKey, Page> pages, Kind kind, String id, String language) {
            PageKey same = new PageKey(kind, id, language);
            if (pages.containsKey(same)) {
                return Optional.of(same);
            }
            PageKey fallback = new PageKey(kind, id, config.defaultLanguage().code());
            return pages.containsKey(fallback) ? Optional.of(fallback) : Optional.empty();
        }

        /** The site-root-relative source path a relative link points to, if it stays in the content folder. */
        private Optional<String> sourcePathOf(String fromSource, String relative) {
            String decoded = PercentDecoding.decodeOrKeep(relative);
            Path base = Path.of(fromSource).getParent();
            Path resolved = (base == null ? Path.of(decoded) : base.resolve(decoded)).normalize();
            if (!resolved.startsWith(contentFolder) || resolved.startsWith("..")) {
                return Optional.empty();
            }
            return Optional.of(resolved.toString().replace('\\', '/'));
        }
    }

}
