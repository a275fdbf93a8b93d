package io.answersite.graph;

import io.answersite.config.SiteConfig;
import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How the lists and the hub are cut, for the pages and their Markdown twins alike: a kind's list in
 * its order and in pages of {@code list_page_size} entries ({@code answers/}, {@code answers/page/2/},
 * ...), and each topic on the hub to its first {@code hub_answers_per_topic} answers.
 */
public final class Listings {

    /** The kinds with a list page per language, in the hub's order. */
    public static final List<Kind> KINDS = List.of(Kind.ANSWER, Kind.GUIDE, Kind.CHECKLIST, Kind.GLOSSARY, Kind.TOPIC);

    private Listings() {
    }

    /** The pages a kind's list shows, in its order: glossary terms by term, the others by id. */
    public static List<Page> entries(ContentGraph graph, Kind kind, String language) {
        Comparator<Page> order = kind == Kind.GLOSSARY
                ? Comparator.comparing((Page p) -> ((Page.GlossaryTerm) p).term().toLowerCase(Locale.ROOT))
                .thenComparing(p -> p.key().id())
                : Comparator.comparing((Page p) -> p.key().id());
        return graph.pagesOf(kind, language).sorted(order).toList();
    }

    /** How many pages a list of {@code entries} takes (at least one; {@code list_page_size: 0}: one). */
    public static int pages(List<Page> entries, SiteConfig config) {
        int size = config.listPageSize();
        return size == 0 || entries.size() <= size ? 1 : (entries.size() + size - 1) / size;
    }

    /** The entries on page {@code number} (from 1) of {@code total}. */
    public static List<Page> onPage(List<Page> entries, int number, int total, SiteConfig config) {
        int size = total == 1 ? entries.size() : config.listPageSize();
        return entries.subList((number - 1) * size, Math.min(entries.size(), number * size));
    }

    /** The answers of a topic the hub shows: the first ones, as many as site.yml allows (0: all). */
    public static List<PageKey> shownOnHub(List<PageKey> answers, SiteConfig config) {
        int most = config.hubAnswersPerTopic();
        return most == 0 || answers.size() <= most ? answers : answers.subList(0, most);
    }

    /** A list page's title: the list's on the first page, then "Answers · Page 2" ({@code pageN}: "Page {n}"). */
    public static String title(String listTitle, int number, String pageN) {
        return number == 1 ? listTitle : listTitle + " · " + pageName(number, pageN);
    }

    /** {@code pageN} ("Page {n}", from the UI strings) for page {@code number}. */
    public static String pageName(int number, String pageN) {
        return pageN.replace("{n}", Integer.toString(number));
    }

    /** {@code template} ("Page {n} of {total}", from the UI strings) for page {@code number} of {@code total}. */
    public static String status(String template, int number, int total) {
        return template.replace("{n}", Integer.toString(number)).replace("{total}", Integer.toString(total));
    }

    /** {@code template} ("See all {n}", from the UI strings) for a hub topic of {@code answers} answers. */
    public static String seeAll(String template, int answers) {
        return template.replace("{n}", Integer.toString(answers));
    }
}
