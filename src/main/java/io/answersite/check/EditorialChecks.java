package io.answersite.check;

import io.answersite.cache.Fragments;
import io.answersite.config.CheckSettings;
import io.answersite.content.Page;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.SourcePos;
import io.answersite.graph.ContentGraph;
import io.answersite.markdown.ExternalLink;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The editorial limits and freshness: what site.yml's {@code limits} ask of each page (lengths,
 * titles, basis, next steps, alt texts, review dates) and near-duplicate questions. Apart from the
 * link checks because each of these reads one page (or one language's questions) and its settings.
 */
final class EditorialChecks {

    private final ContentGraph graph;
    private final Fragments fragments;
    private final CheckSettings settings;
    private final LocalDate today;

    EditorialChecks(ContentGraph graph, Fragments fragments, LocalDate today) {
        this.graph = graph;
        this.fragments = fragments;
        this.settings = graph.config().checks();
        this.today = today;
    }

    /**
     * The findings about single pages, each from that page alone (lengths, titles, basis and next
     * steps, images, reviews), for {@code pages} only.
     */
    void pageRules(Collection<Page> pages, Diagnostics diagnostics) {
        editorialLimits(pages, diagnostics);
        imagesWithoutAlt(pages, diagnostics);
        freshness(pages, diagnostics);
    }

    /** Answers whose questions are near-duplicates, unless site.yml switched the rule off. */
    void duplicateQuestions(Diagnostics diagnostics) {
        if (diagnostics.reports(Rules.QUESTION_DUPLICATE)) {
            questionPairs(diagnostics);
        }
    }

    private void editorialLimits(Collection<Page> pages, Diagnostics diagnostics) {
        for (Page page : pages) {
            String path = page.sourcePath();
            int description = page.common().description().codePointCount(0, page.common().description().length());
            if (description > settings.descriptionMaxChars()) {
                diagnostics.warning(Rules.DESCRIPTION_LENGTH, page.common().keyPos("description", path), "the description"
                        + " is " + description + " characters; search engines show about " + settings.descriptionMaxChars()
                        + " (limits.description_max_chars): shorten it");
            }
            titleLength(page, diagnostics);
            if (!(page instanceof Page.Answer answer)) {
                continue;
            }
            // kept with the answer's record in the preview: the script of every character is a table search
            int length = fragments.get("answer-length", answer.key(), answer, null, () -> answerLength(answer.summary()));
            if (length > settings.answerMaxLength()) {
                diagnostics.warning(Rules.ANSWER_LENGTH, page.common().keyPos("answer", path), "the short answer is "
                        + length + " long (CJK characters plus Latin words), over " + settings.answerMaxLength()
                        + " (limits.answer_max_length); keep it to what an answer engine can quote, move the rest"
                        + " to basis, next_steps or the body");
            }
            String title = answer.title().strip();
            if (!(title.endsWith("?") || title.endsWith("？"))) {
                diagnostics.warning(Rules.TITLE_QUESTION, page.common().keyPos("title", path), "the title of an answer"
                        + " should be the question it answers, ending with '?': '" + title + "'");
            }
            if (answer.basis().isEmpty()) {
                diagnostics.warning(Rules.BASIS_EMPTY, page.common().keyPos("basis", path), "the answer has no 'basis';"
                        + " list the grounds for it and where it applies");
            }
            if (answer.nextSteps().isEmpty()) {
                diagnostics.warning(Rules.NEXT_STEPS_EMPTY, page.common().keyPos("next_steps", path), "the answer has no"
                        + " 'next_steps'; list what the reader should do next");
            }
        }
    }

    /**
     * Answers of one language whose questions (the {@code question} key, or the title) are
     * near-duplicates: each pair once, at the title of the answer whose file sorts first.
     */
    private void questionPairs(Diagnostics diagnostics) {
        Map<String, List<Page.Answer>> byLanguage = new TreeMap<>();
        for (Page page : graph.pages().values()) {
            if (page instanceof Page.Answer answer) {
                byLanguage.computeIfAbsent(page.key().language(), k -> new ArrayList<>()).add(answer);
            }
        }
        byLanguage.values().parallelStream().forEach(answers -> { // languages apart: one core each
            answers.sort(Comparator.comparing(Page::sourcePath));
            List<DuplicateQuestions.Question> questions = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                questions.add(new DuplicateQuestions.Question(i, questionOf(answers.get(i))));
            }
            // the preview keeps the pairs while every question of the language is the same
            String language = answers.get(0).key().language();
            int percent = settings.questionSimilarityPercent();
            // the preview measures only edited questions again; the build cache keeps the pairs
            List<DuplicateQuestions.Pair> pairs = fragments.storesOnDisk()
                    ? fragments.get("question-duplicates", language, DuplicateQuestions.class,
                            List.of(questions, percent), () -> DuplicateQuestions.find(questions, percent),
                            DuplicateQuestions::bytes, DuplicateQuestions::pairs)
                    : fragments.get("question-duplicates", language, DuplicateQuestions.class,
                            List.of(questions, percent), () -> fragments.<DuplicateQuestions.Known>last(
                                    "question-duplicates", language)
                                    .flatMap(known -> known.updatedTo(questions, percent))
                                    .orElseGet(() -> DuplicateQuestions.Known.of(questions, percent))).pairs();
            for (DuplicateQuestions.Pair pair : pairs) {
                Page.Answer first = answers.get(pair.first());
                Page.Answer second = answers.get(pair.second());
                diagnostics.warning(Rules.QUESTION_DUPLICATE, first.common().keyPos("title", first.sourcePath()),
                        "the question '" + questionOf(first) + "' is " + pair.percent() + "% like the question of "
                                + second.common().keyPos("title", second.sourcePath()) + ", '" + questionOf(second)
                                + "' (limits.question_similarity_percent: " + settings.questionSimilarityPercent()
                                + "); answer engines see one question: merge the two answers, or make each question"
                                + " say what sets it apart");
            }
        });
    }

    private static String questionOf(Page.Answer answer) {
        return answer.question() != null && !answer.question().isBlank() ? answer.question().strip()
                : answer.title().strip();
    }

    /**
     * A title wider than result pages show: counted in half-width characters (full-width ones count
     * two) against {@code limits.title_max_chars}, or, when it has CJK characters, against twice
     * {@code limits.title_max_chars_cjk}.
     */
    private void titleLength(Page page, Diagnostics diagnostics) {
        String title = page.title().strip();
        int width = TitleWidth.of(title);
        SourcePos pos = page.common().keyPos("title", page.sourcePath());
        if (TitleWidth.hasCjk(title)) {
            if (width > 2 * settings.titleMaxCharsCjk()) {
                diagnostics.warning(Rules.TITLE_LENGTH, pos, "the title is " + width + " characters long, counting"
                        + " full-width characters as two; result pages show about " + settings.titleMaxCharsCjk()
                        + " full-width characters (" + 2 * settings.titleMaxCharsCjk()
                        + " counted this way; limits.title_max_chars_cjk): shorten it");
            }
        } else if (width > settings.titleMaxChars()) {
            diagnostics.warning(Rules.TITLE_LENGTH, pos, "the title is " + width + " characters long; result pages show"
                    + " about " + settings.titleMaxChars() + " (limits.title_max_chars): shorten it");
        }
    }

    private void imagesWithoutAlt(Collection<Page> pages, Diagnostics diagnostics) {
        for (Page page : pages) {
            for (ExternalLink image : page.body().imagesWithoutAlt()) {
                diagnostics.error(Rules.IMAGE_ALT, image.pos(), "the image '" + image.destination() + "' has no alt text;"
                        + " say what it shows between the brackets: ![what it shows](" + image.destination() + ")");
            }
        }
    }

    /** No code point below the CJK radicals block is of the Han script. */
    private static final int FIRST_HAN = 0x2E80;

    /** Whether {@code cp} is of the Han script, as {@link Character.UnicodeScript#of} says. */
    static boolean isHan(int cp) {
        return cp < Character.MIN_SUPPLEMENTARY_CODE_POINT ? HanInBmp.SET.get(cp)
                : Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /**
     * The Han characters of the Basic Multilingual Plane, looked up once per JVM: {@code UnicodeScript.of}
     * searches the script ranges for each character, and the short answers of a 10,000-page site (default
     * corpus shape, mostly Chinese) took it a million times, the longest pass of the checks (session 26).
     */
    private static final class HanInBmp {
        static final BitSet SET = new BitSet(Character.MIN_SUPPLEMENTARY_CODE_POINT);

        static {
            for (int cp = FIRST_HAN; cp < Character.MIN_SUPPLEMENTARY_CODE_POINT; cp++) {
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                    SET.set(cp);
                }
            }
        }
    }

    /** CJK characters count one each, runs of Latin letters and digits one per word. */
    static int answerLength(String text) {
        int length = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= FIRST_HAN && isHan(cp)) {
                length++;
                inWord = false;
            } else if (Character.isLetterOrDigit(cp)) {
                if (!inWord) {
                    length++;
                }
                inWord = true;
            } else {
                inWord = inWord && (cp == '\'' || cp == '-' || cp == '_');
            }
        }
        return length;
    }

    private void freshness(Collection<Page> pages, Diagnostics diagnostics) {
        for (Page page : pages) {
            if (page.common().review() == null || page.common().review().next() == null) {
                continue;
            }
            LocalDate next = page.common().review().next();
            if (next.isBefore(today)) {
                long days = ChronoUnit.DAYS.between(next, today);
                String message = "review was due on " + next + " (" + days + (days == 1 ? " day" : " days")
                        + " ago); review the page, then set review.reviewed and a new review.next";
                SourcePos pos = page.common().keyPos("review", page.sourcePath());
                if (settings.reviewOverdueErrorDays() > 0 && days > settings.reviewOverdueErrorDays()) {
                    diagnostics.raisedToError(Rules.REVIEW_OVERDUE, pos, message + " (over "
                            + settings.reviewOverdueErrorDays() + " days late: limits.review_overdue_error_days)");
                } else {
                    diagnostics.warning(Rules.REVIEW_OVERDUE, pos, message);
                }
            }
        }
    }
}
