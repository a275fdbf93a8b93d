package io.answersite.check;

import java.nio.ByteBuffer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Near-duplicate questions among the answers of one language, without comparing every pair.
 *
 * <p>A question is a set of tokens: Latin words (lower case, NFKC, a plural {@code s} dropped) and
 * the bigrams of each run of CJK characters (a run of one character is itself a token). Two
 * questions are near-duplicates when the Jaccard similarity of their sets (shared tokens over all
 * tokens) reaches the threshold. Candidates come from a prefix-filtered token index (All-Pairs /
 * PPJoin): tokens are ordered rarest first, and two sets that reach the threshold must share a token
 * among the first few of each, so each question is indexed by its rarest tokens only and looked up
 * by a few more; questions that differ in size by more than the threshold allows are never paired.
 * Every candidate is then measured exactly, so the result is the same as comparing all pairs, while
 * the work grows with the number of questions times the lengths of the few postings they meet.
 */

final class DuplicateQuestions {

    /** A question to compare: who asks it (an index the caller knows) and its text. */
    record Question(int owner, String text) {
    }

    /** Two near-duplicate questions, {@code first < second} as owners, and their similarity in percent (rounded down). */
    record Pair(int first, int second, int percent) {
    }

    private DuplicateQuestions() {
    }

    /**
     * Every pair of questions whose similarity is at least {@code percent}, each pair once, sorted
     * by owners.
     */
    static List<Pair> find(List<Question> questions, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be 1 to 100: " + percent);
        }
        List<List<String>> tokenLists = new ArrayList<>();
        Map<String, Integer> frequency = new HashMap<>();
        for (Question question : questions) {
            List<String> tokens = List.copyOf(tokens(question.text()));
            tokenLists.add(tokens);
            tokens.forEach(t -> frequency.merge(t, 1, Integer::sum));
        }
        List<String> order = new ArrayList<>(frequency.keySet());
        order.sort(Comparator.<String>comparingInt(frequency::get).thenComparing(Comparator.naturalOrder()));
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i), i);
        }
        List<int[]> sets = new ArrayList<>();
        for (List<String> tokens : tokenLists) {
            int[] set = tokens.stream().mapToInt(rank::get).toArray();
            Arrays.sort(set);
            sets.add(set);
        }
        Integer[] bySize = new Integer[questions.size()];
        for (int i = 0; i < bySize.length; i++) {
            bySize[i] = i;
        }
        Arrays.sort(bySize, Comparator.<Integer>comparingInt(i -> sets.get(i).length).thenComparingInt(i -> i));

        int[][] postings = new int[order.size()][];
        int[] postingSizes = new int[order.size()];
        int[] seenBy = new int[questions.size()];
        Arrays.fill(seenBy, -1);
        int[] candidates = new int[questions.size()];
        List<Pair> pairs = new ArrayList<>();
        for (int x : bySize) {
            int[] xs = sets.get(x);
            if (xs.length == 0) {
                continue;
            }
            int probe = xs.length - ceilDiv(percent * xs.length, 100) + 1;
            int found = 0;
            for (int p = 0; p < probe; p++) {
                int token = xs[p];
                for (int k = 0; k < postingSizes[token]; k++) {
                    int y = postings[token][k];
                    if (seenBy[y] != x && sets.get(y).length * 100 >= percent * xs.length) {
                        seenBy[y] = x;
                        candidates[found++] = y;
                    }
                }
            }
            for (int c = 0; c < found; c++) {
                int y = candidates[c];
                int[] ys = sets.get(y);
                int shared = shared(xs, ys);
                int union = xs.length + ys.length - shared;
                if (shared * 100 >= percent * union) {
                    int a = questions.get(x).owner();
                    int b = questions.get(y).owner();
                    pairs.add(new Pair(Math.min(a, b), Math.max(a, b), shared * 100 / union));
                }
            }
            int indexed = xs.length - ceilDiv(2 * percent * xs.length, 100 + percent) + 1;
            for (int p = 0; p < indexed; p++) {
                int token = xs[p];
                if (postings[token] == null) {
                    postings[token] = new int[4];
                } else if (postingSizes[token] == postings[token].length) {
                    postings[token] = Arrays.copyOf(postings[token], postings[token].length * 2);
                }
                postings[token][postingSizes[token]++] = x;
            }
        }
        pairs.sort(Comparator.comparingInt(Pair::first).thenComparingInt(Pair::second));
        return pairs;
    }

    /**
     * Questions with their token sets and pairs, so that a few edited questions are measured again
     * against the others instead of the whole set being joined again (the preview keeps one per
     * language between builds).
     */
    record Known(List<Question> questions, List<Set<String>> tokenSets, int percent, List<Pair> pairs) {

        static Known of(List<Question> questions, int percent) {
            return new Known(questions, questions.stream().map(q -> Set.copyOf(DuplicateQuestions.tokens(q.text()))).toList(),
                    percent, find(questions, percent));
        }

        /** At most this many changed questions are measured one by one; more are joined again. */
        private static final int MAX_CHANGED = 32;

        /**
         * The same as {@link #of} for {@code now}, made from this one when {@code now} holds the same
         * owners in the same order with at most a few texts changed: the pairs of unchanged questions
         * are kept and each changed question is measured against every other. Empty otherwise.
         */
        Optional<Known> updatedTo(List<Question> now, int percentNow) {
            if (percentNow != percent || now.size() != questions.size()) {
                return Optional.empty();
            }
            List<Integer> changed = new ArrayList<>();
            for (int i = 0; i < now.size(); i++) {
                if (now.get(i).owner() != questions.get(i).owner()) {
                    return Optional.empty();
                }
                if (!now.get(i).text().equals(questions.get(i).text())) {
                    changed.add(i);
                    if (changed.size() > MAX_CHANGED) {
                        return Optional.empty();
                    }
                }
            }
            if (changed.isEmpty()) {
                return Optional.of(new Known(now, tokenSets, percent, pairs));
            }
            List<Set<String>> tokensNow = new ArrayList<>(tokenSets);
            Set<Integer> changedOwners = new HashSet<>();
            for (int i : changed) {
                tokensNow.set(i, Set.copyOf(DuplicateQuestions.tokens(now.get(i).text())));
                changedOwners.add(now.get(i).owner());
            }
            List<Pair> pairsNow = new ArrayList<>();
            for (Pair pair : pairs) {
                if (!changedOwners.contains(pair.first()) && !changedOwners.contains(pair.second())) {
                    pairsNow.add(pair);
                }
            }
            Set<Integer> changedIndexes = new HashSet<>(changed);
            for (int c : changed) {
                for (int j = 0; j < now.size(); j++) {
                    if (j == c || (changedIndexes.contains(j) && j < c)) {
                        continue; // itself, or a pair of two changed questions already measured
                    }
                    Set<String> a = tokensNow.get(c);
                    Set<String> b = tokensNow.get(j);
                    if (a.isEmpty() || b.isEmpty()) {
                        continue;
                    }
                    Set<String> small = a.size() <= b.size() ? a : b;
                    Set<String> large = small == a ? b : a;
                    int shared = 0;
                    for (String token : small) {
                        if (large.contains(token)) {
                            shared++;
                        }
                    }
                    int union = a.size() + b.size() - shared;
                    if (shared * 100 >= percent * union) {
                        int x = now.get(c).owner();
                        int y = now.get(j).owner();
                        pairsNow.add(new Pair(Math.min(x, y), Math.max(x, y), shared * 100 / union));
                    }
                }
            }
            pairsNow.sort(Comparator.comparingInt(Pair::first).thenComparingInt(Pair::second));
            return Optional.of(new Known(now, List.copyOf(tokensNow), percent, List.copyOf(pairsNow)));
        }
    }

    /** The distinct tokens of a question, in the order they first occur. */
    static List<String> tokens(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        LinkedHashSet<String> tokens = new LinkedHashSet<>();
        StringBuilder word = new StringBuilder();
        StringBuilder cjk = new StringBuilder();
        for (int i = 0; i <= normalized.length(); ) {
            int cp = i < normalized.length() ? normalized.codePointAt(i) : ' ';
            i += i < normalized.length() ? Character.charCount(cp) : 1;
            boolean cjkLetter = isCjk(cp) && Character.isLetterOrDigit(cp);
            boolean latinLetter = !isCjk(cp) && Character.isLetterOrDigit(cp);
            if (!cjkLetter) {
                flushCjk(cjk, tokens);
            }
            if (!latinLetter) {
                flushWord(word, tokens);
            }
            if (cjkLetter) {
                cjk.appendCodePoint(cp);
            } else if (latinLetter) {
                word.appendCodePoint(cp);
            }
        }
        return List.copyOf(tokens);
    }

    private static void flushWord(StringBuilder word, Set<String> tokens) {
        if (word.length() > 0) {
            String w = word.toString();
            if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
                w = w.substring(0, w.length() - 1);
            }
            tokens.add(w);
            word.setLength(0);
        }
    }

    private static void flushCjk(StringBuilder run, Set<String> tokens) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1) {
            tokens.add(new String(cps, 0, 1));
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            tokens.add(new String(cps, i, 2));
        }
        run.setLength(0);
    }

    private static boolean isCjk(int cp) {
        return switch (Character.UnicodeScript.of(cp)) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, BOPOMOFO -> true;
            default -> false;
        };
    }

    private static int shared(int[] xs, int[] ys) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < xs.length && j < ys.length) {
            if (xs[i] == ys[j]) {
                shared++;
                i++;
                j++;
            } else if (xs[i] < ys[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** The build cache's form of a list of pairs: three integers each. */
    static byte[] bytes(List<Pair> pairs) {
        ByteBuffer buffer = ByteBuffer.allocate(pairs.size() * 12);
        pairs.forEach(pair -> buffer.putInt(pair.first()).putInt(pair.second()).putInt(pair.percent()));
        return buffer.array();
    }

    static List<Pair> pairs(byte[] bytes) {
        if (bytes.length % 12 != 0) {
            throw new IllegalArgumentException("not a list of question pairs");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        List<Pair> pairs = new ArrayList<>(bytes.length / 12);
        while (buffer.hasRemaining()) {
            pairs.add(new Pair(buffer.getInt(), buffer.getInt(), buffer.getInt()));
        }
        return List.copyOf(pairs);
    }
}
