package io.answersite.graph;

import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.work.Lazy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
     * first, then more shared tags, then the answers that follow it by id (wrapping around). Answers of a topic with the same tags rank the topic
     * alike, so each set of tags ranks the topic's sets of tags once ({@link TopicTags}) and each
     * answer then walks that ranking only until it has enough: the cost is answers plus sets of tags
     * squared per topic, never answers × topic size; answers outside the topic come from a tag index.
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

    /**
     * The answers of one topic, sorted by key, grouped by their set of tags (as bit masks over the
     * topic's tags): how many tags two answers share depends only on their groups, so an answer's
     * ranking of the topic is a ranking of the groups, made once per group. A topic's answers mostly
     * share a few tag sets, so the cost is the answers plus the groups squared, not the answers squared.
     */
    private static final class TopicTags {
        final List<Page.Answer> answers;
        /** Each answer's group, by index in {@link #answers}. */
        final int[] groupOf;
        /** Each group's answers, by index, ascending (key order). */
        final List<int[]> members = new ArrayList<>();
        /** Each group's tags as a bit mask over the topic's tags. */
        private final List<long[]> masks = new ArrayList<>();
        /**
         * For each group, the groups by how many tags they share with it, most first (groups sharing
         * as many in one array); made for a group when one of its answers first asks.
         */
        private final int[][][] ranking;

        TopicTags(List<Page.Answer> answers) {
            this.answers = answers;
            Map<String, Integer> bits = new HashMap<>();
            answers.forEach(a -> a.common().tags().forEach(t -> bits.putIfAbsent(t, bits.size())));
            int words = Math.max(1, (bits.size() + 63) / 64);
            Map<List<Long>, Integer> groups = new HashMap<>();
            List<List<Integer>> grouped = new ArrayList<>();
            groupOf = new int[answers.size()];
            for (int i = 0; i < answers.size(); i++) {
                long[] mask = new long[words];
                for (String tag : answers.get(i).common().tags()) {
                    int bit = bits.get(tag);
                    mask[bit / 64] |= 1L << (bit % 64);
                }
                List<Long> asKey = new ArrayList<>(words);
                for (long word : mask) {
                    asKey.add(word);
                }
                Integer group = groups.get(asKey);
                if (group == null) {
                    group = masks.size();
                    groups.put(asKey, group);
                    masks.add(mask);
                    grouped.add(new ArrayList<>());
                }
                groupOf[i] = group;
                grouped.get(group).add(i);
            }
            grouped.forEach(list -> members.add(list.stream().mapToInt(Integer::intValue).toArray()));
            ranking = new int[masks.size()][][];
        }

        /** The groups ranked for the answers of {@code group}: see {@link #ranking}. */
        synchronized int[][] rankingFor(int group) {
            if (ranking[group] == null) {
                TreeMap<Integer, List<Integer>> byShared = new TreeMap<>(Comparator.reverseOrder());
                long[] own = masks.get(group);
                for (int other = 0; other < masks.size(); other++) {
                    long[] mask = masks.get(other);
                    int count = 0;
                    for (int w = 0; w < own.length; w++) {
                        count += Long.bitCount(own[w] & mask[w]);
                    }
                    byShared.computeIfAbsent(count, c -> new ArrayList<>()).add(other);
                }
                ranking[group] = byShared.values().stream()
                        .map(groups -> groups.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
            }
            return ranking[group];
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
        // the best `wanted` of the topic: more shared tags first, then the answers that follow this one in
        // key order, wrapping around to the topic's first: its neighbours, so that each answer is shown
        // under about as many others (not the topic's first few under all of them), and an edit to one
        // answer's card changes a few pages, not every page of its topic. The groups sharing the same
        // number of tags are walked together, each from its first answer after this one, merged by
        // how far after this one each answer comes.
        int size = topic.answers.size();
        List<PageKey> chosen = new ArrayList<>();
        for (int[] groups : topic.rankingFor(topic.groupOf[index])) {
            int[] start = new int[groups.length];
            for (int g = 0; g < groups.length; g++) {
                int[] list = topic.members.get(groups[g]);
                int at = Arrays.binarySearch(list, index + 1);
                start[g] = at >= 0 ? at : -at - 1;
            }
            int[] taken = new int[groups.length];
            while (chosen.size() < wanted) {
                int pick = -1;
                int pickIndex = -1;
                int pickDistance = Integer.MAX_VALUE;
                for (int g = 0; g < groups.length; g++) {
                    int[] list = topic.members.get(groups[g]);
                    if (taken[g] < list.length) {
                        int candidate = list[(start[g] + taken[g]) % list.length];
                        int distance = Math.floorMod(candidate - index - 1, size); // this answer itself comes last
                        if (distance < pickDistance) {
                            pick = g;
                            pickIndex = candidate;
                            pickDistance = distance;
                        }
                    }
                }
                if (pick < 0) {
                    break;
                }
                taken[pick]++;
                PageKey key = topic.answers.get(pickIndex).key();
                if (!excluded.contains(key)) {
                    chosen.add(key);
                }
            }
            if (chosen.size() == wanted) {
                break;
            }
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
