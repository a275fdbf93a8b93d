package io.answersite.graph;

import io.answersite.config.Language;
import io.answersite.config.SiteConfig;
import io.answersite.content.Kind;
import io.answersite.content.Located;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.Suggestions;
import io.answersite.markdown.ExternalLink;
import io.answersite.markdown.MarkdownDoc;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The graph's checks that need every page but no link: one page per key, dates in order, known topics
 * and authors, aliases that are safe paths and claim no URL another output has, external URLs that
 * parse. Apart from the building so that what is reported reads as one list.
 */
final class GraphChecks {

    private final SiteConfig config;
    private final UrlScheme urls;

    GraphChecks(SiteConfig config, UrlScheme urls) {
        this.config = config;
        this.urls = urls;
    }

    /**
     * The pages by key. Pages that share a key are each reported at their id (the {@code id} key, or
     * the start of the file when the id is the file name), naming where the others set it; the first
     * by source path is kept.
     */
    static SortedMap<PageKey, Page> indexPages(List<Page> pages, Diagnostics diagnostics) {
        Map<PageKey, List<Page>> byKey = new TreeMap<>();
        List<Page> ordered = new ArrayList<>(pages);
        ordered.sort(Comparator.comparing(Page::sourcePath));
        for (Page page : ordered) {
            byKey.computeIfAbsent(page.key(), k -> new ArrayList<>()).add(page);
        }
        SortedMap<PageKey, Page> result = new TreeMap<>();
        byKey.forEach((key, sharing) -> {
            result.put(key, sharing.get(0));
            for (Page page : sharing.size() > 1 ? sharing : List.<Page>of()) {
                List<String> others = sharing.stream().filter(other -> other != page)
                        .map(other -> other.idPos().toString()).toList();
                diagnostics.error(Rules.ID_DUPLICATE, page.idPos(), "duplicate id '" + key.id() + "' for "
                        + describe(key) + ": " + String.join(" and ", others) + (others.size() == 1 ? " uses" : " use")
                        + " it too; give " + (others.size() == 1 ? "one of them" : "all but one of them")
                        + " another id");
            }
        });
        return result;
    }

    static void checkDates(Map<PageKey, Page> pages, Diagnostics diagnostics) {
        for (Page page : pages.values()) {
            LocalDate date = page.common().date();
            LocalDate updated = page.common().updated();
            if (date != null && updated != null && updated.isBefore(date)) {
                diagnostics.error(Rules.DATE_ORDER, page.common().keyPos("updated", page.sourcePath()), "'updated' ("
                        + updated + ") is before 'date' (" + date + "); a page cannot change before it is published");
            }
        }
    }

    static void checkTopics(Map<PageKey, Page> all, Diagnostics diagnostics) {
        Set<String> topics = new TreeSet<>();
        all.keySet().stream().filter(k -> k.kind() == Kind.TOPIC).forEach(k -> topics.add(k.id()));
        for (Page page : all.values()) {
            Located<String> topic = page.common().topic();
            if (topic != null && !topics.contains(topic.value())) {
                diagnostics.error(Rules.TOPIC_UNKNOWN, topic.pos(), "unknown topic '" + topic.value() + "'"
                        + Suggestions.didYouMean(topic.value(), topics, "known topics")
                        + (topics.isEmpty() ? "; add content/topics/" + topic.value() + ".md" : ""));
            }
        }
    }

    void checkAuthors(Map<PageKey, Page> pages, Diagnostics diagnostics) {
        for (Page page : pages.values()) {
            Located<String> author = page.common().author();
            if (author != null && !config.authors().containsKey(author.value())) {
                diagnostics.error(Rules.AUTHOR_UNKNOWN, author.pos(), "unknown author '" + author.value() + "'"
                        + Suggestions.didYouMean(author.value(), config.authors().keySet(), "authors in site.yml"));
            }
        }
    }

    /** A later page of a list, after the list's own folder: {@code page/2/}. */
    private static final Pattern LIST_PAGE = Pattern.compile("page/[0-9]+/");

    /** Folders the generator writes files into; no alias may sit inside them. */
    private static final List<String> RESERVED_FOLDERS = List.of("assets/", "schemas/");

    /** Aliases must be safe paths inside the site, and no two outputs may claim the same URL. */
    void checkUrls(Map<PageKey, Page> pages, Diagnostics diagnostics) {
        Map<String, String> claimedBy = new HashMap<>();
        for (Page page : pages.values()) {
            claimedBy.put(urls.pageFolder(page.key()), page.sourcePath());
        }
        for (Language language : config.languages()) {
            claimedBy.putIfAbsent(urls.hubFolder(language.code()), "the hub");
            for (Kind kind : Listings.KINDS) {
                claimedBy.put(urls.listFolder(kind, language.code()), "the list of " + kind.folder());
            }
        }
        for (Page page : pages.values()) {
            for (Located<String> alias : page.common().aliases()) {
                Optional<String> folder = UrlScheme.aliasFolder(alias.value());
                if (folder.isEmpty()) {
                    diagnostics.error(Rules.ALIAS_PATH, alias.pos(), "alias '" + alias.value() + "' is not a site path;"
                            + " write it like /old/path/ (no '..', '\\', '?', '#' or '//')");
                    continue;
                }
                String owner = claimedBy.putIfAbsent(folder.get(), page.sourcePath());
                if (owner == null) {
                    owner = RESERVED_FOLDERS.stream().filter(folder.get()::startsWith).findFirst()
                            .map(reserved -> "the generator's /" + reserved + " folder").orElse(null);
                }
                if (owner == null) {
                    owner = listPageOwning(folder.get());
                }
                if (owner != null) {
                    diagnostics.error(Rules.URL_COLLISION, alias.pos(), "alias '" + alias.value() + "' is the URL /"
                            + folder.get() + " that " + owner + " already has; remove the alias or change it");
                }
            }
        }
    }

    /**
     * The list a folder like {@code answers/page/3/} is a page of, whether or not the list is that long
     * today: a list grows into its next page without an alias in the way. Null for any other folder.
     */
    private String listPageOwning(String folder) {
        for (Language language : config.languages()) {
            for (Kind kind : Listings.KINDS) {
                String list = urls.listFolder(kind, language.code());
                if (folder.startsWith(list + "page/") && LIST_PAGE.matcher(folder.substring(list.length())).matches()) {
                    return "the list of " + kind.folder() + " (one of its pages)";
                }
            }
        }
        return null;
    }

    static void checkExternalLinks(List<MarkdownDoc> bodies, Diagnostics diagnostics) {
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
                    diagnostics.error(Rules.LINK_EXTERNAL, link.pos(), "'" + url + "' is not a valid URL ("
                            + e.getReason() + "); encode spaces as %20 and check the host");
                }
            }
        }
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
}
