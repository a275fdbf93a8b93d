package io.answersite.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Finds every use of many glossary names in one pass over a text (Aho–Corasick). A name matches
 * ignoring case; a name with a CJK character matches anywhere (Chinese has no spaces between
 * words), any other name only as a whole word. Case is folded one {@code char} at a time, so match
 * offsets are offsets into the text as given. Immutable once built; safe to share between threads.
 *
 * <p>Why one automaton: a glossary of common words (DNS, TLS, 504, timeout) occurs on most pages,
 * and matching each term separately made the cost terms × text; this is text × matches.
 */
public final class TermAutomaton {

    /** One use of a name: {@code [start, end)} in the text, the term's index, the name's index within the term. */
    public record Match(int start, int end, int term, int name) {
    }

    // transitions: open addressing over (state << 16 | char) -> state
    private long[] keys;
    private int[] targets;
    private int transitionCount;
    private int[] fail;
    /** Per state, the names ending here (own and by failure links): packed term, name, length, wholeWord. */
    private int[][][] outputs;
    private int stateCount;
    /** Whether a folded character occurs in any name (a char array: the scan asks at every character). */
    private final boolean[] alphabet = new boolean[1 << 16];
    /** The root's transitions by character, -1 for none: most steps of a scan start at the root. */
    private int[] rootNext;
    private final int termCount;
    /** {@link #fold} of every char, computed once: for CJK text the two case mappings cost more than the rest of a step. */
    private static final char[] FOLDED = foldTable();

    private TermAutomaton(int termCount) {
        this.termCount = termCount;
        this.keys = new long[1024];
        Arrays.fill(keys, -1L);
        this.targets = new int[1024];
        this.fail = new int[64];
        this.outputs = new int[64][][];
        this.stateCount = 1;
    }

    /**
     * An automaton over {@code namesByTerm}: index i holds the names of term i, in preference order
     * (when two names of a term match at the same place, the first one is the match).
     */
    public static TermAutomaton of(List<List<String>> namesByTerm) {
        TermAutomaton automaton = new TermAutomaton(namesByTerm.size());
        List<List<int[]>> own = new ArrayList<>();
        own.add(new ArrayList<>());
        for (int term = 0; term < namesByTerm.size(); term++) {
            List<String> names = namesByTerm.get(term);
            for (int name = 0; name < names.size(); name++) {
                String stripped = names.get(name).strip();
                if (stripped.isEmpty()) {
                    continue;
                }
                int state = 0;
                for (int i = 0; i < stripped.length(); i++) {
                    char c = fold(stripped.charAt(i));
                    automaton.alphabet[c] = true;
                    int next = automaton.next(state, c);
                    if (next < 0) {
                        next = automaton.newState();
                        own.add(new ArrayList<>());
                        automaton.put(state, c, next);
                    }
                    state = next;
                }
                own.get(state).add(new int[] {term, name, stripped.length(), hasCjk(stripped) ? 0 : 1});
            }
        }
        automaton.link(own);
        automaton.rootNext = new int[1 << 16];
        for (int c = 0; c < automaton.rootNext.length; c++) {
            automaton.rootNext[c] = automaton.alphabet[c] ? automaton.next(0, (char) c) : -1;
        }
        return automaton;
    }

    /**
     * Every use in {@code text} of a name of a term in {@code wanted} (all terms when null),
     * sorted by start, then term index, then name index.
     */
    public List<Match> matches(String text, BitSet wanted) {
        List<Match> found = new ArrayList<>();
        scan(text, wanted, (start, end, term, name) -> found.add(new Match(start, end, term, name)));
        found.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start)
                : a.term != b.term ? Integer.compare(a.term, b.term) : Integer.compare(a.name, b.name));
        return found;
    }

    /** The indexes of the terms {@code text} uses: the scan of {@link #matches}, keeping only which terms matched. */
    public BitSet termsIn(String text) {
        BitSet used = new BitSet(termCount);
        scan(text, null, (start, end, term, name) -> used.set(term));
        return used;
    }

    @FunctionalInterface
    private interface MatchSink {
        void accept(int start, int end, int term, int name);
    }

    /** Hands every use of a wanted term's name to {@code sink}, in the order the scan ends them. */
    private void scan(String text, BitSet wanted, MatchSink sink) {
        // a copy of the chars: with the client compiler alone, charAt's checks were a tenth of a scan
        // (JFR, glossary-common 10,000-page corpus)
        char[] chars = text.toCharArray();
        int state = 0;
        for (int i = 0; i < chars.length; i++) {
            char c = FOLDED[chars[i]];
            if (!alphabet[c]) {
                state = 0;
                continue;
            }
            int next = -1;
            while (state != 0 && (next = next(state, c)) < 0) {
                state = fail[state];
            }
            state = state == 0 ? Math.max(rootNext[c], 0) : next;
            for (int[] output : outputs[state]) {
                if (wanted != null && !wanted.get(output[0])) {
                    continue;
                }
                int start = i - output[2] + 1;
                if (output[3] == 0 || (!wordBefore(text, start) && !wordAt(text, i + 1))) {
                    sink.accept(start, i + 1, output[0], output[1]);
                }
            }
        }
    }

    /** Where a name of {@code term} is first used in {@code text}, or -1. */
    public int firstUse(String text, int term) {
        BitSet wanted = new BitSet(termCount);
        wanted.set(term);
        List<Match> found = matches(text, wanted);
        return found.isEmpty() ? -1 : found.get(0).start();
    }

    public static boolean hasCjk(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private static char[] foldTable() {
        char[] table = new char[1 << 16];
        for (int c = 0; c < table.length; c++) {
            table[c] = fold((char) c);
        }
        return table;
    }

    static char fold(char c) {
        if (c < 0x80) { // most characters of most texts: the two case mappings come down to this
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    private static boolean wordBefore(String text, int index) {
        return index > 0 && isWord(Character.codePointBefore(text, index));
    }

    private static boolean wordAt(String text, int index) {
        return index < text.length() && isWord(Character.codePointAt(text, index));
    }

    static boolean isWord(int codePoint) {
        if (codePoint < 0x80) { // ASCII: letters, digits and '_', as the classes below say
            return codePoint >= 'a' && codePoint <= 'z' || codePoint >= 'A' && codePoint <= 'Z'
                    || codePoint >= '0' && codePoint <= '9' || codePoint == '_';
        }
        if (codePoint == '_' || Character.isLetter(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    // ---- construction ----

    private int newState() {
        if (stateCount == fail.length) {
            fail = Arrays.copyOf(fail, stateCount * 2);
            outputs = Arrays.copyOf(outputs, stateCount * 2);
        }
        return stateCount++;
    }

    private void link(List<List<int[]>> own) {
        int[] queue = new int[stateCount];
        int head = 0;
        int tail = 0;
        outputs[0] = new int[0][];
        long[][] edges = edgesByState();
        for (long edge : edges[0]) {
            fail[(int) edge] = 0;
            queue[tail++] = (int) edge;
        }
        // breadth first: a state's failure link and outputs are set before its children's
        while (head < tail) {
            int state = queue[head++];
            List<int[]> mine = new ArrayList<>(own.get(state));
            mine.addAll(Arrays.asList(outputs[fail[state]]));
            outputs[state] = mine.toArray(new int[0][]);
            for (long edge : edges[state]) {
                int child = (int) edge;
                char c = (char) (edge >>> 32);
                int f = fail[state];
                int next;
                while ((next = next(f, c)) < 0 && f != 0) {
                    f = fail[f];
                }
                fail[child] = Math.max(next, 0);
                queue[tail++] = child;
            }
        }
    }

    /** Per state, its edges as {@code char << 32 | child}, sorted (independent of the hash layout). */
    private long[][] edgesByState() {
        int[] counts = new int[stateCount];
        for (long key : keys) {
            if (key >= 0) {
                counts[(int) (key >>> 16)]++;
            }
        }
        long[][] edges = new long[stateCount][];
        for (int s = 0; s < stateCount; s++) {
            edges[s] = new long[counts[s]];
            counts[s] = 0;
        }
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] >= 0) {
                int parent = (int) (keys[slot] >>> 16);
                edges[parent][counts[parent]++] = ((keys[slot] & 0xFFFF) << 32) | targets[slot];
            }
        }
        for (long[] list : edges) {
            Arrays.sort(list);
        }
        return edges;
    }

    private int next(int state, char c) {
        long key = ((long) state << 16) | c;
        int mask = keys.length - 1;
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) {
                return targets[slot];
            }
            if (k < 0) {
                return -1;
            }
        }
    }

    private void put(int state, char c, int target) {
        if ((transitionCount + 1) * 2 > keys.length) {
            grow();
        }
        long key = ((long) state << 16) | c;
        int mask = keys.length - 1;
        int slot = hash(key) & mask;
        while (keys[slot] >= 0) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        targets[slot] = target;
        transitionCount++;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldTargets = targets;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, -1L);
        targets = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] >= 0) {
                int slot = hash(oldKeys[i]) & mask;
                while (keys[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                targets[slot] = oldTargets[i];
            }
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
