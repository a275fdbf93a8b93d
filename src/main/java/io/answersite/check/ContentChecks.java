package io.answersite.check;

import io.answersite.cache.Fragments;
import io.answersite.cache.Same;
import io.answersite.config.CheckSettings;
import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.SourcePos;
import io.answersite.graph.ContentGraph;
import io.answersite.graph.Glossary;
import io.answersite.graph.TermAutomaton;
import io.answersite.graph.LinkTarget;
import io.answersite.graph.ResolvedRelated;
import io.answersite.markdown.ExternalLink;
import io.answersite.markdown.LinkRef;
import io.answersite.source.SourceReader;
import io.answersite.source.SourceText;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules that look at the whole graph, the editorial limits and freshness, in named passes.
 * Returns, per answer, the glossary terms it uses without linking them, for the renderer to link
 * when site.yml turns on {@code glossary_autolink}.
 */
public final class ContentChecks {

    private static final Pattern FENCED_CODE = Pattern.compile("(?ms)^(```|~~~).*?^\\1[^\\n]*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");
    private static final Pattern LINK_DESTINATION = Pattern.compile("\\]\\([^)]*\\)");

    private final ContentGraph graph;
    private final Glossary glossary;
    private final Fragments fragments;
    private final CheckSettings settings;
    private final LocalDate today;
    private final SourceReader reader;
    private final Path siteRoot;

    /** @param siteRoot where source paths are relative to, to re-read a file for a finding's position */
    public ContentChecks(ContentGraph graph, Glossary glossary, LocalDate today, SourceReader reader, Path siteRoot) {
        this(graph, glossary, today, reader, siteRoot, Fragments.none());
    }

    /** @param fragments the glossary terms each answer used in earlier builds, reused while page and glossary are the same */
    public ContentChecks(ContentGraph graph, Glossary glossary, LocalDate today, SourceReader reader, Path siteRoot,
                         Fragments fragments) {
        this.fragments = fragments;
        this.graph = graph;
        this.glossary = glossary;
        this.settings = graph.config().checks();
        this.today = today;
        this.reader = reader;
        this.siteRoot = siteRoot;
    }

    public Map<PageKey, List<PageKey>> run(Diagnostics diagnostics) {
        Map<PageKey, Set<PageKey>> outbound = outbound();
        orphans(inboundLinks(outbound), diagnostics);
        unbackedAnswers(outbound, diagnostics);
        unusedTerms(outbound, diagnostics);
        linksAcrossLanguages(diagnostics);
        if (settings.relatedReciprocal()) {
            oneWayRelations(outbound, diagnostics);
        }
        editorialLimits(diagnostics);
        if (diagnostics.reports(Rules.QUESTION_DUPLICATE)) {
            duplicateQuestions(diagnostics);
        }
        imagesWithoutAlt(diagnostics);
        freshness(diagnostics);
        return unlinkedTerms(outbound, diagnostics);
    }

    // ---- the link graph ----

    /** Every page's editorial links: body links and related items, as page keys. */
    private Map<PageKey, Set<PageKey>> outbound() {
        Map<PageKey, Set<PageKey>> outbound = new HashMap<>();
        for (Page page : graph.pages().values()) {
            outbound.put(page.key(), outboundOf(page.key()));
        }
        return outbound;
    }

    private Set<PageKey> outboundOf(PageKey key) {
        Set<PageKey> targets = new HashSet<>();
        for (LinkTarget target : graph.linkTargets().getOrDefault(key, List.of())) {
            if (target != null && target.isPage()) {
                targets.add(target.page());
            }
        }
        graph.related().getOrDefault(key, List.of()).forEach(r -> targets.add(r.target()));
        return targets;
    }

    /** Who links to each page: other pages' links, topic pages and their members, and the hub. */
    private Map<PageKey, Set<PageKey>> inboundLinks(Map<PageKey, Set<PageKey>> outbound) {
        Map<PageKey, Set<PageKey>> inbound = new HashMap<>();
        outbound.forEach((from, targets) -> targets.forEach(to -> inbound.computeIfAbsent(to, k -> new HashSet<>()).add(from)));
        graph.topicMembers().forEach((topic, members) -> members.forEach(member -> {
            inbound.computeIfAbsent(member, k -> new HashSet<>()).add(topic);
            inbound.computeIfAbsent(topic, k -> new HashSet<>()).add(member);
        }));
        PageKey hub = new PageKey(Kind.HUB, PageKey.HUB_ID, "");
        graph.pages().values().stream().filter(p -> p.key().kind() == Kind.ANSWER)
                .forEach(answer -> inbound.computeIfAbsent(answer.key(), k -> new HashSet<>()).add(hub));
        return inbound;
    }

    private void orphans(Map<PageKey, Set<PageKey>> inbound, Diagnostics diagnostics) {
        for (Page page : graph.pages().values()) {
            if (page.key().kind() == Kind.HUB) {
                continue;
            }
            Set<PageKey> from = inbound.getOrDefault(page.key(), Set.of());
            if (from.isEmpty() || from.size() == 1 && from.contains(page.key())) { // links to itself do not count
                diagnostics.warning(Rules.ORPHAN, SourcePos.startOf(page.sourcePath()), "no other page, topic or the hub"
                        + " links to this " + page.key().kind().refName() + "; link to it from a related page"
                        + (page.key().kind().requiresTopic() || page.key().kind() == Kind.GLOSSARY
                        ? " or give it a topic" : ""));
            }
        }
    }

    private void unbackedAnswers(Map<PageKey, Set<PageKey>> outbound, Diagnostics diagnostics) {
        for (Page page : graph.pages().values()) {
            if (page instanceof Page.Answer) {
                boolean backed = outbound.getOrDefault(page.key(), Set.of()).stream()
                        .anyMatch(k -> k.kind() == Kind.GUIDE || k.kind() == Kind.CHECKLIST);
                if (!backed) {
                    diagnostics.warning(Rules.ANSWER_UNBACKED, page.common().keyPos("related", page.sourcePath()),
                            "this answer links to no guide or checklist; add one to 'related' (guide:id or"
                                    + " checklist:id) so readers can go deeper");
                }
            }
        }
    }

    private void unusedTerms(Map<PageKey, Set<PageKey>> outbound, Diagnostics diagnostics) {
        Set<String> linkedIds = new HashSet<>();
        outbound.forEach((from, targets) -> targets.stream().filter(k -> k.kind() == Kind.GLOSSARY)
                .filter(k -> !k.equals(from)).forEach(k -> linkedIds.add(k.id())));
        for (Page page : graph.pages().values()) {
            if (page.key().kind() == Kind.GLOSSARY && !linkedIds.contains(page.key().id())) {
                diagnostics.warning(Rules.TERM_UNUSED, SourcePos.startOf(page.sourcePath()), "no page links to the term '"
                        + ((Page.GlossaryTerm) page).term() + "'; link it where it is used ([" + page.title()
                        + "](glossary:" + page.key().id() + ")) or remove the term");
            }
        }
    }

    private void linksAcrossLanguages(Diagnostics diagnostics) {
        for (Page page : graph.pages().values()) {
            List<LinkTarget> targets = graph.linkTargets().getOrDefault(page.key(), List.of());
            for (LinkRef link : page.body().links()) {
                LinkTarget target = link.slot() < targets.size() ? targets.get(link.slot()) : null;
                if (target == null || !target.isPage()) {
                    continue;
                }
                String language = page.key().language();
                PageKey own = target.page().in(language);
                if (!target.page().language().equals(language) && graph.pages().containsKey(own)) {
                    diagnostics.warning(Rules.LINK_LANGUAGE, link.pos(), "'" + link.destination() + "' is in "
                            + target.page().language() + ", but this page is in " + language + " and "
                            + graph.require(own).sourcePath() + " translates it; link to the translation");
                }
            }
        }
    }

    private void oneWayRelations(Map<PageKey, Set<PageKey>> outbound, Diagnostics diagnostics) {
        for (Page page : graph.pages().values()) {
            if (!(page instanceof Page.Answer answer)) {
                continue;
            }
            List<ResolvedRelated> related = graph.related().getOrDefault(page.key(), List.of());
            for (int i = 0; i < related.size(); i++) {
                PageKey target = related.get(i).target();
                boolean linksBack = target.kind() == Kind.HUB
                        || graph.topicMembers().getOrDefault(target, List.of()).contains(page.key())
                        || outbound.getOrDefault(target, Set.of()).stream()
                        .anyMatch(k -> k.kind() == Kind.ANSWER && k.id().equals(page.key().id()));
                if (!linksBack) {
                    SourcePos pos = answer.related().stream().filter(r -> r.ref().kind() == target.kind()
                            && r.ref().id().equals(target.id())).findFirst().map(r -> r.ref().pos())
                            .orElse(SourcePos.startOf(page.sourcePath()));
                    diagnostics.warning(Rules.RELATED_ONEWAY, pos, graph.require(target).sourcePath()
                            + " does not link back to this answer; add answer:" + page.key().id()
                            + " to its related list or body");
                }
            }
        }
    }

    // ---- editorial limits and freshness ----

    private void editorialLimits(Diagnostics diagnostics) {
        for (Page page : graph.pages().values()) {
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
    private void duplicateQuestions(Diagnostics diagnostics) {
        Map<String, List<Page.Answer>> byLanguage = new TreeMap<>();
        for (Page page : graph.pages().values()) {
            if (page instanceof Page.Answer answer) {
                byLanguage.computeIfAbsent(page.key().language(), k -> new ArrayList<>()).add(answer);
            }
        }
        for (List<Page.Answer> answers : byLanguage.values()) {
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
        }
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

    private void imagesWithoutAlt(Diagnostics diagnostics) {
        for (Page page : graph.pages().values()) {
            for (ExternalLink image : page.body().imagesWithoutAlt()) {
                diagnostics.error(Rules.IMAGE_ALT, image.pos(), "the image '" + image.destination() + "' has no alt text;"
                        + " say what it shows between the brackets: ![what it shows](" + image.destination() + ")");
            }
        }
    }

    /** CJK characters count one each, runs of Latin letters and digits one per word. */
    /** No code point below the CJK radicals block is of the Han script. */
    private static final int FIRST_HAN = 0x2E80;

    static int answerLength(String text) {
        int length = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= FIRST_HAN && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
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

    private void freshness(Diagnostics diagnostics) {
        for (Page page : graph.pages().values()) {
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

    // ---- glossary terms in answers ----

    private Map<PageKey, List<PageKey>> unlinkedTerms(Map<PageKey, Set<PageKey>> outbound, Diagnostics diagnostics) {
        Map<PageKey, List<PageKey>> result = new LinkedHashMap<>();
        for (Page page : graph.pages().values()) {
            if (page instanceof Page.Answer answer) {
                List<PageKey> unlinked = unlinkedTerms(answer, outbound.getOrDefault(page.key(), Set.of()), diagnostics);
                if (!unlinked.isEmpty()) {
                    result.put(page.key(), unlinked);
                }
            }
        }
        return result;
    }

    /**
     * The glossary terms one answer uses without linking them, as {@link #run} finds them, without
     * reporting anything: for the preview, which renders an edited answer before the full checks.
     */
    public List<PageKey> unlinkedTerms(Page.Answer answer) {
        return unlinkedTerms(answer, outboundOf(answer.key()), null);
    }

    /** @param diagnostics where term-unlinked findings go; null for none */
    private List<PageKey> unlinkedTerms(Page.Answer answer, Set<PageKey> outbound, Diagnostics diagnostics) {
        String language = answer.key().language();
        TermAutomaton automaton = glossary.automaton(language);
        // the same list instance from build to build while the glossary is unchanged, so the check below is cheap
        List<List<String>> names = fragments.get("glossary-names", language, Glossary.class, glossary.names(language),
                () -> glossary.names(language));
        BitSet used = fragments.get("terms-used", answer.key(), answer, new Same(names),
                () -> automaton.termsIn(visibleText(answer)), BitSet::toByteArray, BitSet::valueOf);
        if (used.isEmpty()) {
            return List.of();
        }
        Set<String> linked = new HashSet<>();
        outbound.stream().filter(k -> k.kind() == Kind.GLOSSARY).forEach(k -> linked.add(k.id()));
        List<PageKey> unlinked = new ArrayList<>();
        BitSet unlinkedTerms = new BitSet();
        for (int index = used.nextSetBit(0); index >= 0; index = used.nextSetBit(index + 1)) {
            if (!linked.contains(glossary.termIds().get(index))) {
                unlinked.add(glossary.termPage(language, index));
                unlinkedTerms.set(index);
            }
        }
        boolean report = diagnostics != null && !settings.glossaryAutolink() && diagnostics.reports(Rules.TERM_UNLINKED);
        if (report && !unlinkedTerms.isEmpty()) {
            Map<Integer, SourcePos> firstUses = firstUses(answer, automaton, unlinkedTerms);
            for (int index = unlinkedTerms.nextSetBit(0); index >= 0; index = unlinkedTerms.nextSetBit(index + 1)) {
                String termId = glossary.termIds().get(index);
                Page.GlossaryTerm term = (Page.GlossaryTerm) graph.require(glossary.termPage(language, index));
                diagnostics.warning(Rules.TERM_UNLINKED, firstUses.getOrDefault(index, SourcePos.startOf(answer.sourcePath())),
                        "the answer uses the glossary term '" + term.term() + "' but does not link it; link one use (["
                        + term.term() + "](glossary:" + termId + ")), add glossary:" + termId + " to related, or set"
                        + " glossary_autolink: true in site.yml");
            }
        }
        return List.copyOf(unlinked);
    }

    /** What a reader sees of an answer, without code and link targets (in front matter texts as in the body). */
    static String visibleText(Page.Answer answer) {
        StringBuilder text = new StringBuilder();
        text.append(answer.title()).append('\n').append(answer.question()).append('\n')
                .append(answer.common().description()).append('\n');
        StringBuilder fields = new StringBuilder();
        fields.append(answer.answer()).append('\n');
        answer.basis().forEach(b -> fields.append(b).append('\n'));
        answer.nextSteps().forEach(s -> fields.append(s).append('\n'));
        answer.faq().forEach(f -> fields.append(f.question()).append('\n').append(f.answer()).append('\n'));
        text.append(LINK_DESTINATION.matcher(INLINE_CODE.matcher(fields).replaceAll("")).replaceAll("]"));
        if (answer.summaryEn() != null) {
            text.append(answer.summaryEn()).append('\n');
        }
        String body = FENCED_CODE.matcher(answer.body().source()).replaceAll("");
        body = INLINE_CODE.matcher(body).replaceAll("");
        text.append(LINK_DESTINATION.matcher(body).replaceAll("]"));
        return text.toString();
    }

    /** Where each of {@code terms} first appears in the file, read again once (only for findings). */
    private Map<Integer, SourcePos> firstUses(Page page, TermAutomaton automaton, BitSet terms) {
        Map<Integer, SourcePos> first = new HashMap<>();
        Optional<SourceText> source = reader.read(siteRoot.resolve(page.sourcePath()), new Diagnostics());
        if (source.isEmpty()) {
            return first;
        }
        String text = source.get().text();
        int afterFence = text.indexOf('\n') + 1;
        for (TermAutomaton.Match match : automaton.matches(text.substring(afterFence), terms)) {
            first.putIfAbsent(match.term(), source.get().posAt(afterFence + match.start()));
        }
        return first;
    }
}
