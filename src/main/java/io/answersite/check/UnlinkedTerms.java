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
import io.answersite.source.SourceReader;
import io.answersite.source.SourceText;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Glossary terms an answer uses without linking them: reported as findings, or, with
 * {@code glossary_autolink}, handed to the renderer to link at their first use. One pass of the
 * glossary's automaton over what a reader sees of the answer, kept per answer in the fragments.
 */
final class UnlinkedTerms {

    private static final Pattern FENCED_CODE = Pattern.compile("(?ms)^(```|~~~).*?^\\1[^\\n]*$");

    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");

    private static final Pattern LINK_DESTINATION = Pattern.compile("\\]\\([^)]*\\)");

    private final ContentGraph graph;
    private final Glossary glossary;
    private final Fragments fragments;
    private final CheckSettings settings;
    private final SourceReader reader;
    private final Path siteRoot;

    /** @param siteRoot where source paths are relative to, to re-read a file for a finding's position */
    UnlinkedTerms(ContentGraph graph, Glossary glossary, Fragments fragments, SourceReader reader, Path siteRoot) {
        this.graph = graph;
        this.glossary = glossary;
        this.fragments = fragments;
        this.settings = graph.config().checks();
        this.reader = reader;
        this.siteRoot = siteRoot;
    }

    /** The kind of the fragments that keep which glossary terms each answer uses. */
    static final String TERMS_USED = "terms-used";

    /** @param outbound a page's editorial links, asked for the answers that use a term */
    Map<PageKey, List<PageKey>> all(Function<PageKey, Set<PageKey>> outbound, Diagnostics diagnostics) {
        List<Page.Answer> answers = graph.pages().values().stream()
                .filter(page -> page instanceof Page.Answer).map(page -> (Page.Answer) page).toList();
        // each language's names made once before the answers share them (one instance: see of)
        answers.stream().map(answer -> answer.key().language()).distinct().forEach(this::names);
        // one answer's terms do not depend on another's: both cores scan (findings are sorted when reported)
        List<List<PageKey>> unlinked = answers.parallelStream()
                .map(answer -> of(answer, () -> outbound.apply(answer.key()), diagnostics)).toList();
        Map<PageKey, List<PageKey>> result = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            if (!unlinked.get(i).isEmpty()) {
                result.put(answers.get(i).key(), unlinked.get(i));
            }
        }
        return result;
    }

    /**
     * As {@link #all}, reporting nothing, each answer's terms found when first asked for: for a renderer
     * that makes few pages again, the others taken back with their recorded inputs
     * ({@code render.RenderCache#keptInputs}). Its entries, if listed, are found all at once.
     */
    Map<PageKey, List<PageKey>> onDemand(Function<PageKey, Set<PageKey>> outbound) {
        Map<PageKey, List<PageKey>> found = new ConcurrentHashMap<>();
        return new AbstractMap<>() {
            @Override
            public List<PageKey> get(Object key) {
                if (!(key instanceof PageKey page) || !(graph.pages().get(page) instanceof Page.Answer answer)) {
                    return null;
                }
                List<PageKey> terms = found.computeIfAbsent(page, k -> of(answer, () -> outbound.apply(k), null));
                return terms.isEmpty() ? null : terms;
            }

            @Override
            public boolean containsKey(Object key) {
                return get(key) != null;
            }

            @Override
            public Set<Entry<PageKey, List<PageKey>>> entrySet() {
                return all(outbound, null).entrySet();
            }
        };
    }

    private List<List<String>> names(String language) {
        // the same list instance from build to build while the glossary is unchanged, so the check in of is cheap
        return fragments.get("glossary-names", language, Glossary.class, glossary.names(language),
                () -> glossary.names(language));
    }

    /** @param diagnostics where term-unlinked findings go; null for none */
    List<PageKey> of(Page.Answer answer, Supplier<Set<PageKey>> outbound, Diagnostics diagnostics) {
        String language = answer.key().language();
        TermAutomaton automaton = glossary.automaton(language);
        List<List<String>> names = names(language);
        BitSet used = fragments.get(TERMS_USED, answer.key(), answer, new Same(names),
                () -> automaton.termsIn(visibleText(answer)), BitSet::toByteArray, BitSet::valueOf);
        if (used.isEmpty()) {
            return List.of();
        }
        Set<String> linked = new HashSet<>();
        outbound.get().stream().filter(k -> k.kind() == Kind.GLOSSARY).forEach(k -> linked.add(k.id()));
        BitSet unlinkedTerms = new BitSet();
        for (int index = used.nextSetBit(0); index >= 0; index = used.nextSetBit(index + 1)) {
            if (!linked.contains(glossary.termIds().get(index))) {
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
        return glossary.termPages(language, unlinkedTerms);
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
        text.append(withoutLinkTargets(withoutInlineCode(fields.toString())));
        if (answer.summaryEn() != null) {
            text.append(answer.summaryEn()).append('\n');
        }
        String body = answer.body().source();
        if (body.contains("```") || body.contains("~~~")) {
            body = FENCED_CODE.matcher(body).replaceAll("");
        }
        text.append(withoutLinkTargets(withoutInlineCode(body)));
        return text.toString();
    }

    // each pattern needs a character most texts lack: looked for first, as the regex engine would try every position

    private static String withoutInlineCode(String text) {
        return text.indexOf('`') < 0 ? text : INLINE_CODE.matcher(text).replaceAll("");
    }

    private static String withoutLinkTargets(String text) {
        return text.contains("](") ? LINK_DESTINATION.matcher(text).replaceAll("]") : text;
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
