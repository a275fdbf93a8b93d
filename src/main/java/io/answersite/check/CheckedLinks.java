package io.answersite.check;

import io.answersite.diagnostic.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-site link check of the preview's last rebuild, kept so that the next one checks only
 * the pages whose facts changed. A page's findings depend on its own links and on the site they
 * point into: the set of files, every page's ids, the links content already checked and the
 * templates that wrote each page. When all of that is as it was, a page with the very same facts
 * (the memory hands back the same {@link PageFacts} for the same bytes) has the same findings;
 * otherwise every page is checked again. Not thread-safe: one rebuild at a time.
 */
final class CheckedLinks {

    private record Run(String checker, Set<String> files, Set<String> fromContent, Map<String, String> templates,
                       Map<String, PageFacts> facts, Map<String, List<Diagnostic>> findings) {
    }

    private Run last;

    /**
     * The findings of the page at {@code path} as the last run found them, when {@code facts} are
     * that run's and the site around them is the same; null when it must be checked.
     */
    interface Known {
        List<Diagnostic> findings(String path, PageFacts facts);
    }

    private static final Known NONE = (path, facts) -> null;

    Known known(String checker, Set<String> files, Set<String> fromContent, Map<String, String> templates,
                Map<String, PageFacts> facts) {
        Run run = last;
        if (run == null || !run.checker.equals(checker) || !run.facts.keySet().equals(facts.keySet())
                || !run.files.equals(files) || !run.fromContent.equals(fromContent) || !run.templates.equals(templates)) {
            return NONE;
        }
        for (Map.Entry<String, PageFacts> page : facts.entrySet()) {
            PageFacts before = run.facts.get(page.getKey());
            if (before != page.getValue() && !before.ids().equals(page.getValue().ids())) {
                return NONE; // an id another page may link to came or went
            }
        }
        return (path, now) -> run.facts.get(path) == now ? run.findings.get(path) : null;
    }

    void remember(String checker, Set<String> files, Set<String> fromContent, Map<String, String> templates,
                  Map<String, PageFacts> facts, Map<String, List<Diagnostic>> findings) {
        last = new Run(checker, Set.copyOf(files), Set.copyOf(fromContent), Map.copyOf(templates), Map.copyOf(facts),
                Map.copyOf(findings));
    }
}
