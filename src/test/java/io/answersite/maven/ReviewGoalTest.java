package io.answersite.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code site:review}: pages by review state, on the console and as a page in the report folder. */
class ReviewGoalTest {

    @TempDir
    Path root;

    private static String answer(String id, String review) {
        return """
                -- content/answers/%s.md --
                ---
                title: Why %s?
                description: x
                date: 2026-01-01
                topic: network
                answer: Because.
                %s
                ---
                """.formatted(id, id, review);
    }

    @Test
    void listsOverdueDueSoonAndNeverReviewedPagesWithOwnersAndDates() throws Exception {
        LocalDate today = LocalDate.now();
        Path site = TestSites.write(root, TestSites.SITE_YML
                + answer("late", "review: {owner: mei, reviewed: 2026-01-01, next: " + today.minusDays(3) + "}")
                + answer("soon", "review: {owner: tom, reviewed: 2026-01-01, next: " + today.plusDays(5) + "}")
                + answer("later", "review: {owner: ana, reviewed: 2026-01-01, next: " + today.plusDays(60) + "}")
                + answer("never", ""));
        MojoRunner runner = new MojoRunner();
        ReviewMojo goal = runner.configure(new ReviewMojo(), site);
        java.lang.reflect.Field days = ReviewMojo.class.getDeclaredField("reviewDays");
        days.setAccessible(true);
        days.setInt(goal, 14);
        goal.execute();

        List<String> table = runner.log.subList(0, 6);
        assertEquals(List.of(
                "[INFO] state           next       reviewed   owner          page",
                "[INFO] overdue         " + today.minusDays(3) + " 2026-01-01 mei            content/answers/late.md",
                "[INFO] due soon        " + today.plusDays(5) + " 2026-01-01 tom            content/answers/soon.md",
                "[INFO] never reviewed  -          -          -              content/answers/never.md",
                "[INFO] never reviewed  -          -          -              content/topics/network.md",
                "[INFO] review: 1 overdue, 1 due soon, 2 never reviewed, 1 scheduled later"), table);
        String html = Files.readString(site.resolve("target/site-report/review.html"));
        assertTrue(html.contains("<td class=\"overdue\">overdue</td><td>" + today.minusDays(3)
                + "</td><td>2026-01-01</td><td>mei</td><td>content/answers/late.md</td><td>Why late?</td>"), html);
        assertTrue(html.contains("content/answers/later.md"), "pages reviewed later are in the page too");
    }

    @Test
    void aPageWithASecretIsLeftOutOfTheReviewPlan() throws Exception {
        String key = "sk-" + "proj-" + "aB3dE5fG7hJ9kLmN2pQ4rS6tU8vWxYz0A1bC";
        Path site = TestSites.write(root, TestSites.SITE_YML + answer("leak", "review: {owner: mei}")
                .replace("title: Why leak?", "title: Why does " + key + " fail?"));
        MojoRunner runner = new MojoRunner();
        runner.configure(new ReviewMojo(), site).execute();

        assertTrue(runner.log.contains("[WARNING] answersite: content/answers/leak.md is left out of the review plan:"
                + " it has a secret finding (site:check shows it)"), runner.log.toString());
        String html = Files.readString(site.resolve("target/site-report/review.html"));
        assertTrue(!html.contains(key.substring(0, 12)) && !html.contains("leak.md"), html);
        assertTrue(runner.log.stream().noneMatch(line -> line.contains(key.substring(0, 12))), runner.log.toString());
    }
}
