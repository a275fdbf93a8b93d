package io.answersite.check;

import io.answersite.diagnostic.Diagnostic;
import io.answersite.text.Murmur3;
import io.answersite.text.Sha256;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The built-site link check of the preview's last rebuild, kept so that the next one checks only
 * the pages whose facts changed. A page's findings depend on its own links and on the site they
 * point into: the set of files, every page's ids, the links content already checked and the
 * templates that wrote each page. When all of that is as it was, a page with the very same facts
 * (the memory hands back the same {@link PageFacts} for the same bytes) has the same findings;
 * otherwise every page is checked again. Not thread-safe: one rebuild at a time.
 *
 * <p>A build with the build cache keeps a digest of that site instead ({@link #digest}), written
 * with the pages' facts only after a build whose pages had no finding: when the next build's digest
 * is the same, a page kept with the facts read from the cache (the same bytes as then) has none.
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

    /**
     * A digest of what a page's findings depend on besides its own links: the checker, the set of
     * files, the links content checked, the template of each page and every page's ids.
     */
    static byte[] digest(String checker, Set<String> files, Set<String> fromContent, Map<String, String> templates,
                         Map<String, PageFacts> facts) {
        MessageDigest sha = Murmur3.records();
        Sha256.updateText(sha, checker);
        for (Collection<String> texts : List.of(new TreeSet<>(files), new TreeSet<>(fromContent))) {
            Sha256.updateInt(sha, texts.size());
            texts.forEach(text -> Sha256.updateText(sha, text));
        }
        Sha256.updateInt(sha, templates.size());
        new TreeMap<>(templates).forEach((path, template) -> {
            Sha256.updateText(sha, path);
            Sha256.updateText(sha, template);
        });
        Sha256.updateInt(sha, facts.size());
        new TreeMap<>(facts).forEach((path, page) -> {
            Sha256.updateText(sha, path);
            Sha256.updateInt(sha, page.ids().size());
            page.ids().forEach(id -> Sha256.updateText(sha, id)); // in sorted order (SortedIds)
        });
        return sha.digest();
    }

    /**
     * For a build with the build cache: no finding for a page whose facts are the ones read from the
     * cache ({@code restored}) when {@code now} is the digest kept with them ({@code kept}, null when
     * none was); null (check it) for every other page.
     */
    static Known fromDisk(byte[] kept, byte[] now, Function<String, PageFacts> restored) {
        if (kept == null || !Arrays.equals(kept, now)) {
            return NONE;
        }
        return (path, facts) -> restored.apply(path) == facts ? List.of() : null;
    }

    void remember(String checker, Set<String> files, Set<String> fromContent, Map<String, String> templates,
                  Map<String, PageFacts> facts, Map<String, List<Diagnostic>> findings) {
        last = new Run(checker, Set.copyOf(files), Set.copyOf(fromContent), Map.copyOf(templates), Map.copyOf(facts),
                Map.copyOf(findings));
    }
}
