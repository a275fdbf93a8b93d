package io.answersite.render;

import io.answersite.content.Kind;
import io.answersite.graph.Listings;
import io.answersite.graph.UrlScheme;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A list page's links to the list's other pages (which pages there are and how they are cut:
 * {@link Listings}).
 */
final class ListPages {

    private ListPages() {
    }

    /** Where page {@code number} of {@code total} stands among its list's pages; null for a list of one page. */
    static Views.Pagination pagination(UrlScheme urls, Kind kind, String language, int number, int total,
                                       Map<String, String> strings) {
        if (total == 1) {
            return null;
        }
        IntFunction<Views.Link> link = n -> new Views.Link(Listings.pageName(n, strings.get("page_n")),
                urls.path(urls.listPageFolder(kind, language, n)), n == number);
        return new Views.Pagination(strings.get("pagination_label"),
                Listings.status(strings.get("pagination_status"), number, total),
                number > 1 ? link.apply(1) : null, number > 1 ? link.apply(number - 1) : null,
                number < total ? link.apply(number + 1) : null, number < total ? link.apply(total) : null);
    }
}
