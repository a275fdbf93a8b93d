package io.answersite.site;

import io.answersite.content.Kind;
import io.answersite.content.PageKey;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.graph.ContentGraph;
import io.answersite.graph.UrlScheme;
import io.answersite.render.SiteRenderer;
import io.answersite.render.Theme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pages browsers have open, rendered ahead of the rest: after a change of the site's templates,
 * which every page shows, with the templates and UI strings as they are now against the last good build
 * (its graph, glossary, glossary links and assets), in milliseconds; and in every rebuild, once the site
 * has loaded, before every other page (after a site.yml edit, seconds before the rebuild ends at 10,000
 * pages). Apart from the facade, as {@link EditedPage}.
 */
final class ShownPagesAhead {

    private ShownPagesAhead() {
    }

    /**
     * The content pages among {@code paths} (output paths, {@code answers/x/index.html}) rendered with
     * {@code theme}; none after a template or UI-string error, which the full rebuild reports.
     */
    static List<SiteRenderer.RenderedPage> render(Answersite.Sources previous, Theme theme, Set<String> paths) {
        return render(previous.loaded(), theme, previous.fingerprinted(), paths);
    }

    /**
     * As {@link #render(Answersite.Sources, Theme, Set)}, from a site just loaded with its assets'
     * fingerprinted names: a rebuild's pages browsers have open, before every other page.
     */
    static List<SiteRenderer.RenderedPage> render(LoadedSite loaded, Theme theme, Map<String, String> fingerprinted,
                                                  Set<String> paths) {
        ContentGraph graph = loaded.graph().orElseThrow();
        Diagnostics diagnostics = new Diagnostics();
        Map<String, Map<String, String>> strings = new LinkedHashMap<>();
        graph.config().languages().forEach(l -> strings.put(l.code(), theme.strings(l.code(), diagnostics)));
        Map<PageKey, List<PageKey>> autolinks = graph.config().checks().glossaryAutolink()
                ? loaded.unlinkedTerms() : Map.of();
        SiteRenderer renderer = new SiteRenderer(graph, theme, strings, loaded.glossary().orElseThrow(), autolinks,
                null, fingerprinted);
        List<SiteRenderer.RenderedPage> rendered = new ArrayList<>();
        for (PageKey key : graph.pages().keySet()) {
            if (key.kind() != Kind.HUB && paths.contains(UrlScheme.indexFile(graph.urls().pageFolder(key)))) {
                renderer.renderPage(key, diagnostics).ifPresent(rendered::add);
            }
        }
        return diagnostics.hasErrors() ? List.of() : rendered;
    }
}
