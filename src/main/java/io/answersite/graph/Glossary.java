package io.answersite.graph;

import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The glossary as the pages of each language see it: every term id (sorted), the term page a page
 * in that language links to, and one {@link TermAutomaton} over the names of all of them. Built
 * once per build and shared by the checks (which terms an answer uses) and the renderer (where to
 * link them), so both find the same uses.
 */
public final class Glossary {

    private final List<String> termIds;
    private final Map<String, Integer> indexById = new LinkedHashMap<>();
    private final Map<String, PageKey[]> keysByLanguage = new LinkedHashMap<>();
    private final Map<String, List<PageKey>> keyListByLanguage = new LinkedHashMap<>();
    private final Map<String, TermAutomaton> automatonByLanguage = new LinkedHashMap<>();
    private final Map<String, List<List<String>>> namesByLanguage = new LinkedHashMap<>();

    private Glossary(ContentGraph graph) {
        this.termIds = graph.pages().keySet().stream().filter(k -> k.kind() == Kind.GLOSSARY).map(PageKey::id)
                .distinct().sorted().toList();
        for (int i = 0; i < termIds.size(); i++) {
            indexById.put(termIds.get(i), i);
        }
        graph.config().languages().forEach(language -> {
            PageKey[] keys = new PageKey[termIds.size()];
            List<List<String>> names = new ArrayList<>();
            for (int i = 0; i < termIds.size(); i++) {
                keys[i] = graph.preferred(Kind.GLOSSARY, termIds.get(i), language.code()).orElse(null);
                names.add(keys[i] == null ? List.of() : namesOf((Page.GlossaryTerm) graph.require(keys[i])));
            }
            keysByLanguage.put(language.code(), keys);
            keyListByLanguage.put(language.code(), Collections.unmodifiableList(Arrays.asList(keys)));
            namesByLanguage.put(language.code(), List.copyOf(names));
            automatonByLanguage.put(language.code(), TermAutomaton.of(names));
        });
    }

    public static Glossary of(ContentGraph graph) {
        return new Glossary(graph);
    }

    /** The names a term is known by, in preference order: its term, title and synonyms. */
    public static List<String> namesOf(Page.GlossaryTerm term) {
        List<String> names = new ArrayList<>();
        names.add(term.term());
        names.add(term.title());
        names.addAll(term.synonyms());
        return names.stream().distinct().toList();
    }

    public TermAutomaton automaton(String language) {
        TermAutomaton automaton = automatonByLanguage.get(language);
        return automaton != null ? automaton : TermAutomaton.of(List.of());
    }

    /** The names of every term as pages in {@code language} see them, by term index: what the automaton finds. */
    public List<List<String>> names(String language) {
        return namesByLanguage.getOrDefault(language, List.of());
    }

    public List<String> termIds() {
        return termIds;
    }

    /** The index of {@code termId} in {@link #termIds()}, or -1. */
    public int indexOf(String termId) {
        return indexById.getOrDefault(termId, -1);
    }

    /**
     * The pages of {@code terms} (indexes of this glossary's terms) in {@code language}, in term order,
     * as a list that holds the bit set, not a reference per term; {@code terms} must not change after.
     */
    public List<PageKey> termPages(String language, BitSet terms) {
        PageKey[] keys = keysByLanguage.get(language);
        return keys == null || terms.isEmpty() ? List.of() : new TermPageList(terms, keys);
    }

    /**
     * The term page a page in {@code language} links to for each term, by term index (null where
     * none): one list per build and language, which {@link #termsOf} indexes.
     */
    public List<PageKey> termPages(String language) {
        return keyListByLanguage.getOrDefault(language, List.of());
    }

    /**
     * Which terms {@code termPages} holds, as indexes into {@link #termPages(String)}, when it is a list
     * {@link #termPages(String, BitSet)} made for {@code language}; empty for any other list. Cheaper to
     * digest and compare than the keys: on a site whose terms are common words an answer links dozens,
     * and digesting each key took a third of an edited build's render (glossary-common corpus, session 25).
     */
    public Optional<BitSet> termsOf(String language, List<PageKey> termPages) {
        return termPages instanceof TermPageList list && list.over(keysByLanguage.get(language))
                ? Optional.of(list.terms()) : Optional.empty();
    }

    /** The term page that a page in {@code language} links to for the term at {@code index}; null if none. */
    public PageKey termPage(String language, int index) {
        PageKey[] keys = keysByLanguage.get(language);
        return keys == null ? null : keys[index];
    }
}
