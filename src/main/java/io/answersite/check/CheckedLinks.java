package io.answersite.check;

import io.answersite.diagnostic.Diagnostic;
import io.answersite.text.Murmur3;
import io.answersite.text.Sha256;
import io.answersite.work.Parallel;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
        // each set digested as the sum of its members' digests, on both cores, in no order: sorting every
        // output path and every page's path first was two thirds of this digest, about 40 ms of CPU in an
        // edited 10,000-page build, default and glossary-common corpus shapes (session 29; before that,
        // digesting them one after the other in sorted order was half the verify stage)
        digestAsSet(sha, files, (member, path) -> Sha256.updateText(member, path));
        digestAsSet(sha, fromContent, (member, url) -> Sha256.updateText(member, url));
        digestAsSet(sha, templates.keySet(), (member, path) -> {
            Sha256.updateText(member, path);
            Sha256.updateText(member, templates.get(path));
        });
        digestAsSet(sha, facts.keySet(), (member, path) -> {
            Sha256.updateText(member, path);
            Set<String> ids = facts.get(path).ids();
            Sha256.updateInt(member, ids.size());
            ids.forEach(id -> Sha256.updateText(member, id)); // in sorted order (SortedIds)
        });
        return sha.digest();
    }

    /** Keys digested by one task. */
    private static final int BLOCK = 2048;

    /**
     * Feeds {@code keys}' count, then the sum of each key's own digest ({@code feed} puts the key's
     * bytes into a digest of its own), as four 64-bit lanes: the same for the same keys in any order, so
     * nothing is sorted. The keys are not chosen to collide (they are the site's own paths and ids),
     * and a 256-bit sum of 256-bit digests leaves two sets no practical chance of one sum.
     */
    private static void digestAsSet(MessageDigest sha, Set<String> keys, BiConsumer<MessageDigest, String> feed) {
        String[] all = keys.toArray(new String[0]);
        Sha256.updateInt(sha, all.length);
        List<Integer> starts = new ArrayList<>();
        for (int start = 0; start < all.length; start += BLOCK) {
            starts.add(start);
        }
        long[] sum = new long[LANES];
        for (long[] block : Parallel.map(starts, start -> {
            MessageDigest member = Murmur3.records();
            long[] lanes = new long[LANES];
            for (int i = start; i < Math.min(all.length, start + BLOCK); i++) {
                feed.accept(member, all[i]);
                byte[] digest = member.digest(); // and reset for the next key
                for (int lane = 0; lane < LANES; lane++) {
                    lanes[lane] += (long) LONGS.get(digest, lane * Long.BYTES);
                }
            }
            return lanes;
        })) {
            for (int lane = 0; lane < LANES; lane++) {
                sum[lane] += block[lane];
            }
        }
        byte[] bytes = new byte[LANES * Long.BYTES];
        for (int lane = 0; lane < LANES; lane++) {
            LONGS.set(bytes, lane * Long.BYTES, sum[lane]);
        }
        sha.update(bytes);
    }

    private static final int LANES = 4;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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
