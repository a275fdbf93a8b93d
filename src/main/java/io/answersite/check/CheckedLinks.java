package io.answersite.check;

import io.answersite.diagnostic.Diagnostic;
import io.answersite.text.Murmur3;
import io.answersite.text.Sha256;
import io.answersite.work.Parallel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

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
        // sorted on both cores, then digested in blocks on both cores, each block's digest fed in order:
        // sorting and digesting every output path and every page's ids one after the other was half the
        // verify stage of an edited 10,000-page build
        digestSorted(sha, files, (block, path) -> Sha256.updateText(block, path));
        digestSorted(sha, fromContent, (block, url) -> Sha256.updateText(block, url));
        digestSorted(sha, templates.keySet(), (block, path) -> {
            Sha256.updateText(block, path);
            Sha256.updateText(block, templates.get(path));
        });
        digestSorted(sha, facts.keySet(), (block, path) -> {
            Sha256.updateText(block, path);
            Set<String> ids = facts.get(path).ids();
            Sha256.updateInt(block, ids.size());
            ids.forEach(id -> Sha256.updateText(block, id)); // in sorted order (SortedIds)
        });
        return sha.digest();
    }

    /** Pages or paths digested together in one block. */
    private static final int BLOCK = 2048;

    /** Feeds {@code keys}' count, then the digest of each block of them in sorted order, each key fed by {@code feed}. */
    private static void digestSorted(MessageDigest sha, Set<String> keys, BiConsumer<MessageDigest, String> feed) {
        String[] sorted = keys.toArray(new String[0]);
        Arrays.parallelSort(sorted);
        Sha256.updateInt(sha, sorted.length);
        List<Integer> starts = new ArrayList<>();
        for (int start = 0; start < sorted.length; start += BLOCK) {
            starts.add(start);
        }
        List<byte[]> blocks = Parallel.map(starts, start -> {
            MessageDigest block = Murmur3.records();
            for (int i = start; i < Math.min(sorted.length, start + BLOCK); i++) {
                feed.accept(block, sorted[i]);
            }
            return block.digest();
        });
        blocks.forEach(sha::update);
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
