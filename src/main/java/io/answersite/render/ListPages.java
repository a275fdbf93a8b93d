package io.answersite.render;

import io.answersite.config.SiteConfig;
import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.graph.ContentGraph;
import io.answersite.graph.UrlScheme;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * How the lists and the hub are cut: a kind's list in pages of {@code list_page_size} entries
 * ({@code answers/}, {@code answers/page/2/}, ...) and each topic on the hub to its first
 * {@code hub_answers_per_topic} answers. Shared by the pages and their dependency records
 * ({@link ViewInputs}), which must cut the same way.
 */
final class ListPages {

    private ListPages() {
    }

    /** The pages a kind's list shows, in its order: glossary terms by term, the others by id. */
    static List<Page> entries(ContentGraph graph, Kind kind, String language) {
        Comparator<Page> order = kind == Kind.GLOSSARY
                ? Comparator.comparing((Page p) -> ((Page.GlossaryTerm) p).term().toLowerCase(Locale.ROOT))
                .thenComparing(p -> p.key().id())
                : Comparator.comparing((Page p) -> p.key().id());
        return graph.pagesOf(kind, language).sorted(order).toList();
    }

    /** The entries on page {@code number} (from 1) of {@code total}. */
    static List<Page> onPage(List<Page> entries, int number, int total, SiteConfig config) {
        int size = total == 1 ? entries.size() : config.listPageSize();
        return entries.subList((number - 1) * size, Math.min(entries.size(), number * size));
    }

    /** The answers of a topic the hub shows: the first ones, as many as site.yml allows (0: all). */
    static List<PageKey> shownOnHub(List<PageKey> answers, SiteConfig config) {
        int most = config.hubAnswersPerTopic();
        return most == 0 || answers.size() <= most ? answers : answers.subList(0, most);
    }

    /** A list page's title: the list's on the first page, "Answers · Page 2" on the others. */
    static String title(String listTitle, int number, Map<String, String> strings) {
        return number == 1 ? listTitle : listTitle + " · " + pageName(number, strings);
    }

    /** Where page {@code number} of {@code total} stands among its list's pages; null for a list of one page. */
    static Views.Pagination pagination(UrlScheme urls, Kind kind, String language, int number, int total,
                                       Map<String, String> strings) {
        if (total == 1) {
            return null;
        }
        IntFunction<Views.Link> link = n -> new Views.Link(pageName(n, strings),
                urls.path(urls.listPageFolder(kind, language, n)), n == number);
        return new Views.Pagination(strings.get("pagination_label"), strings.get("pagination_status")
                .replace("{n}", Integer.toString(number)).replace("{total}", Integer.toString(total)),
                number > 1 ? link.apply(1) : null, number > 1 ? link.apply(number - 1) : null,
                number < total ? link.apply(number + 1) : null, number < total ? link.apply(total) : null);
    }

    private static String pageName(int number, Map<String, String> strings) {
        return strings.get("page_n").replace("{n}", Integer.toString(number));
    }
}
