package io.answersite.graph;

import io.answersite.content.Kind;
import io.answersite.content.Page;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The anchors a page has: its body's heading and checklist-item ids, and the ids of the sections
 * the theme gives each kind of page (an answer's {@code #basis}, its follow-up questions
 * {@code #faq-1}…). The built-site check verifies that pages really carry them.
 */
public final class PageAnchors {

    static final List<String> ANSWER_SECTIONS = List.of("answer", "basis", "next-steps", "summary-en", "faq", "related",
            "handoff", "review-safety", "more-answers");
    static final List<String> TOPIC_SECTIONS = List.of("answers", "guides", "checklists", "terms");
    static final List<String> HUB_SECTIONS = List.of("by-topic", "sections");

    private PageAnchors() {
    }

    public static Set<String> of(Page page) {
        Set<String> anchors = new LinkedHashSet<>(page.body().anchors());
        if (page instanceof Page.Answer answer) {
            anchors.addAll(ANSWER_SECTIONS);
            for (int i = 1; i <= answer.faq().size(); i++) {
                anchors.add("faq-" + i);
            }
        } else if (page.key().kind() == Kind.TOPIC) {
            anchors.addAll(TOPIC_SECTIONS);
        } else if (page.key().kind() == Kind.HUB) {
            anchors.addAll(HUB_SECTIONS);
        }
        anchors.add("main");
        return anchors;
    }
}
