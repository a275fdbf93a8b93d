package io.answersite.graph;

import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * "More answers" under each answer: the choice with the tightest loop of the graph (same topic first,
 * then shared tags, tags compared as bit masks), kept apart so that it can be read and tuned without the
 * rest of the graph in view.
 */
final class MoreAnswers {

    private MoreAnswers() {
    }

    /**
     * For each answer, other answers in its language, not already listed as related: same topic
     * first, then more shared tags, then by id. Each answer scans the answers of its own topic once,
     * comparing tags as bit masks (one popcount per pair), so the cost is answers × topic size with
     * a tight inner loop, never answers × site; answers outside the topic come from a tag index.
     */
    static Map<PageKey, List<PageKey>> ofAll(Map<PageKey, Page> pages, Map<PageKey, List<ResolvedRelated>> related,
                                             int wanted) {
        Elsewhere elsewhere = new Elsewhere(new HashMap<>(), new HashMap<>());
        Map<String, List<Page.Answer>> byTopic = new HashMap<>();
        for (Page page : pages.values()) { // in key order, so every list below is sorted by key
            if (page instanceof Page.Answer answer) {
                elsewhere.add(answer);
                byTopic.computeIfAbsent(answer.key().language() + "\n" + topicOf(answer), k -> new ArrayList<>())
                        .add(answer);
            }
        }
        Map<PageKey, List<PageKey>> result = new ConcurrentHashMap<>();
        if (wanted == 0) {
            elsewhere.byLanguage().values().forEach(list -> list.forEach(a -> result.put(a.key(), List.of())));
            return result;
        }
        byTopic.values().parallelStream().forEach(topic -> {
            TopicTags tags = new TopicTags(topic);
            for (int i = 0; i < topic.size(); i++) {
                Page.Answer answer = topic.get(i);
                result.put(answer.key(), chooseMore(answer, i, tags, wanted, related, () -> elsewhere));
            }
        });
        return result;
    }

    /**
     * "More answers" for one answer, as {@link #ofAll} would choose them, for the preview's patched
     * graph: the answer's topic is read from {@code topicMembers} (the topic page's members, sorted by
     * key, as {@code ofAll} scans them), so the cost is the topic's size; the whole site is scanned only
     * when the answer names no topic page or the topic has too few answers.
     */
    static List<PageKey> of(Page.Answer answer, Map<PageKey, Page> pages, Map<PageKey, List<ResolvedRelated>> related,
                            Map<PageKey, List<PageKey>> topicMembers, int wanted) {
        String language = answer.key().language();
        List<PageKey> members = answer.common().topic() == null ? null
                : topicMembers.get(new PageKey(Kind.TOPIC, topicOf(answer), language));
        if (members == null) { // no topic page lists them: the topic's answers come from the scan
            Elsewhere elsewhere = Elsewhere.of(pages, language);
            List<Page.Answer> topic = elsewhere.byLanguage().getOrDefault(language, List.of()).stream()
                    .filter(other -> topicOf(other).equals(topicOf(answer))).toList();
            return chooseMore(answer, topic.indexOf(answer), new TopicTags(topic), wanted, related, () -> elsewhere);
        }
        List<Page.Answer> topic = new ArrayList<>();
        for (PageKey member : members) {
            if (pages.get(member) instanceof Page.Answer other) {
                topic.add(other);
            }
        }
        return chooseMore(answer, topic.indexOf(answer), new TopicTags(topic), wanted, related,
                new Lazy<>(() -> Elsewhere.of(pages, language)));
    }

    /**
     * The answers outside a topic that "more answers" falls back on when the topic has too few: every
     * answer by language, in key order, and by language and tag ({@code language + "\n" + tag}).
     */
    private record Elsewhere(Map<String, List<Page.Answer>> byLanguage, Map<String, List<Page.Answer>> byTag) {

        /** The answers in {@code language}, from a scan of the site. */
        static Elsewhere of(Map<PageKey, Page> pages, String language) {
            Elsewhere elsewhere = new Elsewhere(new HashMap<>(), new HashMap<>());
            for (Page page : pages.values()) {
                if (page instanceof Page.Answer answer && answer.key().language().equals(language)) {
                    elsewhere.add(answer);
                }
            }
            return elsewhere;
        }

        void add(Page.Answer answer) {
            String language = answer.key().language();
            byLanguage.computeIfAbsent(language, k -> new ArrayList<>()).add(answer);
            for (String tag : new TreeSet<>(answer.common().tags())) {
                byTag.computeIfAbsent(language + "\n" + tag, k -> new ArrayList<>()).add(answer);
            }
        }
    }

    /** The answers of one topic, sorted by key, with their tags as bit masks over the topic's tags. */
    private static final class TopicTags {
        final List<Page.Answer> answers;
        final int words;
        final long[] masks;

        TopicTags(List<Page.Answer> answers) {
            this.answers = answers;
            Map<String, Integer> bits = new HashMap<>();
            answers.forEach(a -> a.common().tags().forEach(t -> bits.putIfAbsent(t, bits.size())));
            words = Math.max(1, (bits.size() + 63) / 64);
            masks = new long[answers.size() * words];
            for (int i = 0; i < answers.size(); i++) {
                for (String tag : answers.get(i).common().tags()) {
                    int bit = bits.get(tag);
                    masks[i * words + bit / 64] |= 1L << (bit % 64);
                }
            }
        }

        int shared(int a, int b) {
            int count = 0;
            for (int w = 0; w < words; w++) {
                count += Long.bitCount(masks[a * words + w] & masks[b * words + w]);
            }
            return count;
        }
    }

    private record Scored(PageKey key, int score) {
    }

    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingInt(Scored::score).reversed()
            .thenComparing(Scored::key);

    private static List<PageKey> chooseMore(Page.Answer answer, int index, TopicTags topic, int wanted,
                                            Map<PageKey, List<ResolvedRelated>> related,
                                            Supplier<Elsewhere> elsewhere) {
        String language = answer.key().language();
        Set<PageKey> excluded = new HashSet<>();
        excluded.add(answer.key());
        related.getOrDefault(answer.key(), List.of()).forEach(r -> excluded.add(r.target()));
        // the best `wanted` of the topic: more shared tags first; scanning in key order and moving an
        // answer ahead only for strictly more tags keeps ties in key order
        int[] best = new int[wanted];
        int[] bestShared = new int[wanted];
        int found = 0;
        for (int j = 0; j < topic.answers.size(); j++) {
            int shared = topic.shared(index, j);
            // the score first: most answers of a big topic fall short of it, and only the rest pay a lookup
            if (found == wanted && shared <= bestShared[wanted - 1]
                    || excluded.contains(topic.answers.get(j).key())) {
                continue;
            }
            int at = Math.min(found, wanted - 1);
            while (at > 0 && bestShared[at - 1] < shared) {
                best[at] = best[at - 1];
                bestShared[at] = bestShared[at - 1];
                at--;
            }
            best[at] = j;
            bestShared[at] = shared;
            found = Math.min(found + 1, wanted);
        }
        List<PageKey> chosen = new ArrayList<>();
        for (int i = 0; i < found; i++) {
            chosen.add(topic.answers.get(best[i]).key());
        }
        if (chosen.size() == wanted) {
            return List.copyOf(chosen);
        }
        // too few in the topic (so all of it was taken): answers elsewhere sharing the most tags,
        // then the rest by id
        Set<PageKey> taken = new HashSet<>(excluded);
        topic.answers.forEach(a -> taken.add(a.key()));
        Map<PageKey, Integer> shared = new HashMap<>();
        for (String tag : Set.copyOf(answer.common().tags())) {
            for (Page.Answer other : elsewhere.get().byTag().getOrDefault(language + "\n" + tag, List.of())) {
                if (!taken.contains(other.key())) {
                    shared.merge(other.key(), 1, Integer::sum);
                }
            }
        }
        List<Scored> byShared = new ArrayList<>();
        shared.forEach((key, count) -> byShared.add(new Scored(key, count)));
        byShared.sort(BEST_FIRST);
        for (Scored scored : byShared) {
            if (chosen.size() == wanted) {
                return List.copyOf(chosen);
            }
            chosen.add(scored.key());
            taken.add(scored.key());
        }
        for (Page.Answer other : elsewhere.get().byLanguage().get(language)) {
            if (chosen.size() == wanted) {
                break;
            }
            if (!taken.contains(other.key())) {
                chosen.add(other.key());
            }
        }
        return List.copyOf(chosen);
    }

    static String topicOf(Page page) {
        return page.common().topic() == null ? "" : page.common().topic().value();
    }
}
