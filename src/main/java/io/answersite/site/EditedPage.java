package io.answersite.site;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.answersite.check.ContentChecks;
import io.answersite.check.SecretScanner;
import io.answersite.content.ContentLoader;
import io.answersite.content.LoadCache;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.graph.ContentGraph;
import io.answersite.graph.Glossary;
import io.answersite.graph.GraphBuilder;
import io.answersite.markdown.MarkdownRenderer;
import io.answersite.render.SiteRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The preview's first answer to a save: one content file read again, its page patched into the last
 * good graph and rendered alone, in milliseconds, before the full rebuild. Apart from the facade because
 * it is a shortcut through the stages, not a stage.
 */
final class EditedPage {

    private EditedPage() {
    }

    /**
     * The page of one edited content file, rendered against the previous preview build with only
     * that file read again and only that page's edges resolved again: what the preview shows within
     * milliseconds of a save, before the full rebuild brings every other output up to date (and
     * replaces this page with the same bytes, or with bytes that also reflect other pages' changes).
     * Empty when the edit needs the full rebuild: the file is not a page, has errors, changes the
     * page's id, topic or publication, or its links do not resolve.
     */
    static Optional<SiteRenderer.RenderedPage> render(BuildRequest request, Answersite.Sources previous,
                                                     LoadCache loadCache, Path file) {
        ContentGraph graph = previous.loaded().graph().orElseThrow();
        Diagnostics diagnostics = new Diagnostics();
        Optional<Page> page = new ContentLoader(graph.config(), previous.loaded().reader(),
                new YAMLFactory(), new MarkdownRenderer(), new SecretScanner(graph.config().checks()), loadCache)
                .loadPage(request.contentDir(), file, diagnostics);
        if (page.isEmpty() || diagnostics.hasErrors()) {
            return Optional.empty();
        }
        Optional<ContentGraph> patched = new GraphBuilder(graph.config(), previous.loaded().reader()
                .label(request.contentDir()), request.contentDir(), request.includeDrafts(), request.today())
                .patch(graph, page.get());
        if (patched.isEmpty()) {
            return Optional.empty();
        }
        Glossary glossary = page.get() instanceof Page.GlossaryTerm
                ? Glossary.of(patched.get()) : previous.loaded().glossary().orElseThrow();
        Map<PageKey, List<PageKey>> autolinks = Map.of();
        if (graph.config().checks().glossaryAutolink() && page.get() instanceof Page.Answer answer) {
            autolinks = Map.of(answer.key(), new ContentChecks(patched.get(), glossary, request.today(),
                    previous.loaded().reader(), request.siteRoot()).unlinkedTerms(answer));
        }
        return new SiteRenderer(patched.get(), previous.theme(), previous.strings(), glossary, autolinks, null,
                previous.fingerprinted()).renderPage(page.get().key(), diagnostics).filter(rendered -> !diagnostics.hasErrors());
    }
}
