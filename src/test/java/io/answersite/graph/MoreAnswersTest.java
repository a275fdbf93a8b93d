package io.answersite.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.answersite.content.Common;
import io.answersite.content.Kind;
import io.answersite.content.Located;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.content.TypedRef;
import io.answersite.diagnostic.SourcePos;
import io.answersite.markdown.MarkdownDoc;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * "More answers" against its definition, written out the slow way: for each answer, the other answers
 * of its topic and language by shared tags (most first), then those that follow it by key (wrapping
 * around to the topic's first); short of that, answers elsewhere in
 * its language by shared tags, then the rest by key; never itself or its related items.
 */
class MoreAnswersTest {

    private static final String[] TAGS = {"dns", "tls", "cors", "504", "keys", "limits", "nginx"};

    private static Page.Answer answer(String id, String language, String topic, List<String> tags) {
        SourcePos pos = SourcePos.startOf("content/answers/" + id + ".md");
        Common common = new Common(id, "about " + id, LocalDate.of(2026, 1, 1), null, null, tags,
                topic == null ? null : new Located<>(topic, pos), false, List.of(), null, Map.of());
        return new Page.Answer(new PageKey(Kind.ANSWER, id, language), pos.path(), pos, common, MarkdownDoc.EMPTY,
                id + "?", "short " + id, List.of(), List.of(), null, List.of(), List.of(), Map.of());
    }

    /** The definition, pair by pair. */
    private static List<PageKey> expected(Page.Answer answer, List<Page.Answer> all, Set<PageKey> excluded, int wanted) {
        String language = answer.key().language();
        Comparator<Page.Answer> byShared = Comparator.<Page.Answer>comparingInt(other -> -shared(answer, other))
                .thenComparing(Page::key);
        List<PageKey> chosen = new ArrayList<>();
        Set<PageKey> taken = new HashSet<>(excluded);
        List<Page.Answer> topic = all.stream().filter(o -> o.key().language().equals(language)
                && MoreAnswers.topicOf(o).equals(MoreAnswers.topicOf(answer))).sorted(Comparator.comparing(Page::key))
                .toList();
        int self = topic.indexOf(answer);
        // within as many shared tags, the answers that follow this one by key, wrapping around
        Comparator<Page.Answer> neighboursFirst = Comparator.<Page.Answer>comparingInt(other -> -shared(answer, other))
                .thenComparingInt(other -> Math.floorMod(topic.indexOf(other) - self - 1, topic.size()));
        List<Page.Answer> sameTopic = topic.stream().sorted(neighboursFirst).toList();
        for (Page.Answer other : sameTopic) {
            if (chosen.size() < wanted && !excluded.contains(other.key())) {
                chosen.add(other.key());
            }
            taken.add(other.key());
        }
        if (chosen.size() < wanted) {
            all.stream().filter(o -> o.key().language().equals(language) && !taken.contains(o.key())
                            && shared(answer, o) > 0).sorted(byShared)
                    .forEach(o -> {
                        if (chosen.size() < wanted) {
                            chosen.add(o.key());
                            taken.add(o.key());
                        }
                    });
        }
        all.stream().filter(o -> o.key().language().equals(language) && !taken.contains(o.key()))
                .sorted(Comparator.comparing(Page::key)).forEach(o -> {
                    if (chosen.size() < wanted) {
                        chosen.add(o.key());
                    }
                });
        return chosen;
    }

    private static int shared(Page.Answer a, Page.Answer b) {
        Set<String> tags = new HashSet<>(a.common().tags());
        return (int) b.common().tags().stream().distinct().filter(tags::contains).count();
    }

    @Test
    void eachAnswerGetsTheAnswersItsDefinitionChoosesOnSeededSites() {
        for (long seed = 1; seed <= 60; seed++) {
            Random random = new Random(seed);
            List<Page.Answer> all = new ArrayList<>();
            int count = 5 + random.nextInt(60);
            for (int i = 0; i < count; i++) {
                List<String> tags = new ArrayList<>();
                for (int t = random.nextInt(4); t > 0; t--) {
                    tags.add(TAGS[random.nextInt(random.nextBoolean() ? 3 : TAGS.length)]);
                }
                String topic = random.nextInt(8) == 0 ? null : "topic-" + random.nextInt(1 + random.nextInt(4));
                all.add(answer(String.format("answer-%03d", i), random.nextInt(4) == 0 ? "en" : "zh-CN", topic, tags));
            }
            Map<PageKey, Page> pages = new TreeMap<>();
            all.forEach(a -> pages.put(a.key(), a));
            Map<PageKey, List<ResolvedRelated>> related = new HashMap<>();
            for (Page.Answer a : all) {
                List<ResolvedRelated> items = new ArrayList<>();
                for (int r = random.nextInt(3); r > 0; r--) {
                    Page.Answer target = all.get(random.nextInt(all.size()));
                    items.add(new ResolvedRelated(target.key(), null, null, TypedRef.parse("answer:" + target.key().id(),
                            a.idPos()).orElseThrow()));
                }
                related.put(a.key(), items);
            }
            int wanted = 1 + random.nextInt(5);
            Map<PageKey, List<PageKey>> chosen = MoreAnswers.ofAll(pages, related, wanted);
            Map<PageKey, List<PageKey>> topicMembers = new HashMap<>();
            all.stream().filter(a -> a.common().topic() != null).forEach(a -> topicMembers.computeIfAbsent(
                    new PageKey(Kind.TOPIC, MoreAnswers.topicOf(a), a.key().language()), k -> new ArrayList<>()).add(a.key()));
            topicMembers.values().forEach(list -> list.sort(Comparator.naturalOrder()));
            for (Page.Answer a : all) {
                Set<PageKey> excluded = new HashSet<>();
                excluded.add(a.key());
                related.get(a.key()).forEach(r -> excluded.add(r.target()));
                List<PageKey> want = expected(a, all, excluded, wanted);
                String where = "seed " + seed + ", " + a.key() + " (wanted " + wanted + ")";
                assertEquals(want, chosen.get(a.key()), where);
                assertEquals(want, MoreAnswers.of(a, pages, related, topicMembers, wanted), "alone: " + where);
            }
        }
    }

    @Test
    void inATopicOfAlikeAnswersEachIsShownUnderAsManyOthersAsAnswerShows() {
        List<Page.Answer> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add(answer(String.format("answer-%03d", i), "zh-CN", "big", List.of("dns", "tls")));
        }
        Map<PageKey, Page> pages = new TreeMap<>();
        all.forEach(a -> pages.put(a.key(), a));

        Map<PageKey, List<PageKey>> chosen = MoreAnswers.ofAll(pages, Map.of(), 5);

        Map<PageKey, Integer> shownUnder = new HashMap<>();
        chosen.values().forEach(list -> list.forEach(key -> shownUnder.merge(key, 1, Integer::sum)));
        all.forEach(a -> assertEquals(5, shownUnder.get(a.key()), a.key() + ": an edit to its card changes five pages"));
        assertEquals(List.of("answer-098", "answer-099", "answer-000", "answer-001", "answer-002"),
                chosen.get(all.get(97).key()).stream().map(PageKey::id).toList(), "the next ones, wrapping around");
    }
}
