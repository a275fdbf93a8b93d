package io.answersite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The token index finds exactly the pairs that comparing every pair finds. */
class DuplicateQuestionsTest {

    @Test
    void tokensAreLatinWordsAndCjkBigrams() {
        assertEquals(List.of("openai", "sdk", "的", "base", "url", "应该", "该怎", "怎么", "么配", "配置"),
                DuplicateQuestions.tokens("OpenAI SDK 的 base_url 应该怎么配置？"));
        assertEquals(List.of("why", "doe", "connection", "fail", "after", "proxy", "setting", "change", "class"),
                DuplicateQuestions.tokens("Why does connections fail after PROXY settings change, class?"));
    }

    @Test
    void findsTheSamePairsAsComparingEveryPair() {
        Random random = new Random(15);
        String[] latin = {"how", "do", "i", "fix", "the", "api", "key", "proxy", "gateway", "error", "model", "quota",
                "base", "url", "sdk", "timeout", "why", "does", "fail"};
        String[] cjk = {"请求", "接口", "模型", "网关", "代理", "证书", "超时", "怎么", "排查", "密钥", "为什么"};
        for (int round = 0; round < 20; round++) {
            List<DuplicateQuestions.Question> questions = new ArrayList<>();
            int count = 40 + random.nextInt(80);
            for (int i = 0; i < count; i++) {
                StringBuilder text = new StringBuilder();
                int words = 1 + random.nextInt(6);
                for (int w = 0; w < words; w++) {
                    text.append(random.nextBoolean() ? latin[random.nextInt(latin.length)] + " "
                            : cjk[random.nextInt(cjk.length)]);
                }
                questions.add(new DuplicateQuestions.Question(i, text.toString()));
            }
            int percent = 50 + random.nextInt(51);
            assertEquals(everyPair(questions, percent), DuplicateQuestions.find(questions, percent),
                    "round " + round + " at " + percent + "%");
        }
    }

    @Test
    void editedQuestionsMeasuredAgainstTheOthersGiveThePairsOfAWholeJoin() {
        Random random = new Random(16);
        String[] words = {"how", "do", "i", "fix", "the", "api", "key", "proxy", "gateway", "error", "请求", "接口",
                "模型", "网关", "代理", "怎么", "排查"};
        for (int round = 0; round < 20; round++) {
            List<DuplicateQuestions.Question> questions = new ArrayList<>();
            int count = 40 + random.nextInt(80);
            for (int i = 0; i < count; i++) {
                questions.add(new DuplicateQuestions.Question(i, randomText(random, words)));
            }
            int percent = 50 + random.nextInt(51);
            DuplicateQuestions.Known known = DuplicateQuestions.Known.of(questions, percent);
            for (int edit = 0; edit < 5; edit++) {
                List<DuplicateQuestions.Question> edited = new ArrayList<>(questions);
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    int at = random.nextInt(count);
                    edited.set(at, new DuplicateQuestions.Question(at, random.nextBoolean()
                            ? randomText(random, words) : edited.get(random.nextInt(count)).text()));
                }
                known = known.updatedTo(edited, percent).orElseThrow();
                assertEquals(DuplicateQuestions.find(edited, percent), known.pairs(),
                        "round " + round + ", edit " + edit + " at " + percent + "%");
                questions = edited;
            }
            assertTrue(known.updatedTo(questions.subList(1, count), percent).isEmpty(), "another set of answers");
            assertTrue(known.updatedTo(questions, percent == 100 ? 99 : percent + 1).isEmpty(), "another threshold");
        }
    }

    private static String randomText(Random random, String[] words) {
        StringBuilder text = new StringBuilder();
        for (int w = 1 + random.nextInt(6); w > 0; w--) {
            text.append(words[random.nextInt(words.length)]).append(' ');
        }
        return text.toString();
    }

    @Test
    void numberedQuestionsOfOneTemplateAreNotDuplicates() {
        List<DuplicateQuestions.Question> questions = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            questions.add(new DuplicateQuestions.Question(i, "How do I fix problem " + i + "?"));
        }
        assertEquals(List.of(), DuplicateQuestions.find(questions, 80));
    }

    private static List<DuplicateQuestions.Pair> everyPair(List<DuplicateQuestions.Question> questions, int percent) {
        List<DuplicateQuestions.Pair> pairs = new ArrayList<>();
        for (int a = 0; a < questions.size(); a++) {
            Set<String> x = new HashSet<>(DuplicateQuestions.tokens(questions.get(a).text()));
            for (int b = a + 1; b < questions.size(); b++) {
                Set<String> y = new HashSet<>(DuplicateQuestions.tokens(questions.get(b).text()));
                Set<String> shared = new HashSet<>(x);
                shared.retainAll(y);
                int union = x.size() + y.size() - shared.size();
                if (!x.isEmpty() && !y.isEmpty() && shared.size() * 100 >= percent * union) {
                    pairs.add(new DuplicateQuestions.Pair(a, b, shared.size() * 100 / union));
                }
            }
        }
        return pairs;
    }
}
