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
 * The preview's first answer to a change of the site's templates, which every page shows: the pages a
 * browser has open, rendered with the templates and UI strings as they are now against the last good
 * build (its graph, glossary, glossary links and assets), in milliseconds, before the full rebuild
 * renders every page again (seconds at 10,000 pages). Apart from the facade, as {@link EditedPage}.
 */
final class ShownPagesAhead {

    private ShownPagesAhead() {
    }

    /**
     * The content pages among {@code paths} (output paths, {@code answers/x/index.html}) rendered with
     * {@code theme}; none after a template or UI-string error, which the full rebuild reports.
     */
    static List<SiteRenderer.RenderedPage> render(Answersite.Sources previous, Theme theme, Set<String> paths) {
        LoadedSite loaded = previous.loaded();
        ContentGraph graph = loaded.graph().orElseThrow();
        Diagnostics diagnostics = new Diagnostics();
        Map<String, Map<String, String>> strings = new LinkedHashMap<>();
        graph.config().languages().forEach(l -> strings.put(l.code(), theme.strings(l.code(), diagnostics)));
        Map<PageKey, List<PageKey>> autolinks = graph.config().checks().glossaryAutolink()
                ? loaded.unlinkedTerms() : Map.of();
        SiteRenderer renderer = new SiteRenderer(graph, theme, strings, loaded.glossary().orElseThrow(), autolinks,
                null, previous.fingerprinted());
        List<SiteRenderer.RenderedPage> rendered = new ArrayList<>();
        for (PageKey key : graph.pages().keySet()) {
            if (key.kind() != Kind.HUB && paths.contains(UrlScheme.indexFile(graph.urls().pageFolder(key)))) {
                renderer.renderPage(key, diagnostics).ifPresent(rendered::add);
            }
        }
        return diagnostics.hasErrors() ? List.of() : rendered;
    }
}
