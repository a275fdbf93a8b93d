package io.answersite.graph;

import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The anchors a page has: its body's heading and checklist-item ids, and the ids of the sections
 * the built-in theme shows on it. A section's anchor is there exactly when the template shows the
 * section, by the same condition on the same data: {@code answer.peb} shows {@code #faq} when the
 * answer has FAQ items, {@code #related} when a related item resolved, {@code #handoff} when there
 * is a handoff snippet for its language, and so on. {@code PageAnchorsTest} builds a site and
 * compares these sets with the ids of every rendered page, so a template and this class cannot
 * drift apart unnoticed; the built-site check catches a site's own templates that show less.
 */
public final class PageAnchors {

    /** Section ids the built-in answer template can show, in page order. */
    static final List<String> ANSWER_SECTIONS = List.of("answer", "basis", "next-steps", "summary-en", "faq", "related",
            "handoff", "review-safety", "more-answers");
    /** Section ids the topic template can show: one per kind of member. */
    static final List<String> TOPIC_SECTIONS = List.of("answers", "guides", "checklists", "terms");
    static final List<String> HUB_SECTIONS = List.of("by-topic", "sections");
    /** The layout's main element, on every page. */
    static final String MAIN = "main";

    private PageAnchors() {
    }

    /** The anchors of {@code page} as {@code graph} shows it. */
    public static Set<String> of(ContentGraph graph, Page page) {
        Set<String> anchors = new LinkedHashSet<>(page.body().anchors());
        if (page instanceof Page.Answer answer) {
            anchors.addAll(answerSections(graph, answer));
            for (int i = 1; i <= answer.faq().size(); i++) {
                anchors.add("faq-" + i);
            }
        } else if (page instanceof Page.Topic) {
            List<PageKey> members = graph.topicMembers().getOrDefault(page.key(), List.of());
            addIf(anchors, "answers", members.stream().anyMatch(k -> k.kind() == Kind.ANSWER));
            addIf(anchors, "guides", members.stream().anyMatch(k -> k.kind() == Kind.GUIDE));
            addIf(anchors, "checklists", members.stream().anyMatch(k -> k.kind() == Kind.CHECKLIST));
            addIf(anchors, "terms", members.stream().anyMatch(k -> k.kind() == Kind.GLOSSARY));
        } else if (page instanceof Page.Hub) {
            anchors.addAll(HUB_SECTIONS);
        }
        anchors.add(MAIN);
        return anchors;
    }

    /** The anchors of a hub that has no intro page ({@code content/_index.md}): its sections. */
    public static Set<String> ofHubWithoutIntro() {
        Set<String> anchors = new LinkedHashSet<>(HUB_SECTIONS);
        anchors.add(MAIN);
        return anchors;
    }

    /** The anchors of a kind's list page ({@code /answers/}). */
    public static Set<String> ofList() {
        return Set.of(MAIN);
    }

    /**
     * The sections {@code answer.peb} shows, each by the condition its {@code {% if %}} tests on the
     * view model that {@code SiteRenderer.answerView} builds from the same fields.
     */
    private static List<String> answerSections(ContentGraph graph, Page.Answer answer) {
        String language = answer.key().language();
        List<String> shown = new ArrayList<>();
        shown.add("answer");
        addIf(shown, "basis", !answer.basis().isEmpty());
        addIf(shown, "next-steps", !answer.nextSteps().isEmpty());
        addIf(shown, "summary-en", answer.summaryEn() != null && !answer.summaryEn().isBlank());
        addIf(shown, "faq", !answer.faq().isEmpty());
        addIf(shown, "related", !graph.related().getOrDefault(answer.key(), List.of()).isEmpty());
        addIf(shown, "handoff", graph.snippet("handoff", language).isPresent());
        addIf(shown, "review-safety", graph.snippet("review-safety", language).isPresent());
        addIf(shown, "more-answers", !graph.moreAnswers().getOrDefault(answer.key(), List.of()).isEmpty());
        return shown;
    }

    /**
     * Why {@code anchor} is not on {@code page} although its kind of page can show it, or null when
     * the kind never has such a section.
     */
    static String missingSection(Page page, String anchor) {
        if (page instanceof Page.Answer && ANSWER_SECTIONS.contains(anchor)) {
            return "an answer shows #" + anchor + " only when it has content for that section";
        }
        if (page instanceof Page.Answer && anchor.matches("faq-[0-9]+")) {
            int items = ((Page.Answer) page).faq().size();
            return "the answer has " + (items == 0 ? "no FAQ items" : items == 1 ? "1 FAQ item" : items + " FAQ items");
        }
        if (page instanceof Page.Topic && TOPIC_SECTIONS.contains(anchor)) {
            return "a topic shows #" + anchor + " only when it has pages of that kind";
        }
        return null;
    }

    private static void addIf(Collection<String> anchors, String anchor, boolean shown) {
        if (shown) {
            anchors.add(anchor);
        }
    }
}
