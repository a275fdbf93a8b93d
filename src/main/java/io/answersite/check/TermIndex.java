package io.answersite.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds which of many glossary terms a text uses, in one pass over the text (an Aho–Corasick
 * automaton over every name of every term), with the same matching as {@link TermMatcher}: case
 * folded, substring for names with CJK characters, whole word otherwise.
 */
final class TermIndex {

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>();
        Node fail;
        final List<int[]> outputs = new ArrayList<>(); // {term, length, wholeWord}
    }

    private final Node root = new Node();
    private final List<String> terms = new ArrayList<>();

    /** Adds a term by id with the names it is known by. */
    void add(String termId, List<String> names) {
        int term = terms.size();
        terms.add(termId);
        for (String name : names) {
            String folded = name.strip().toLowerCase(Locale.ROOT);
            if (folded.isEmpty()) {
                continue;
            }
            Node node = root;
            for (char c : folded.toCharArray()) {
                node = node.next.computeIfAbsent(c, k -> new Node());
            }
            node.outputs.add(new int[] {term, folded.length(), TermMatcher.hasCjk(name) ? 0 : 1});
        }
    }

    /** Links the automaton; call once after the last {@link #add}. */
    TermIndex build() {
        Queue<Node> queue = new ArrayDeque<>();
        for (Node child : root.next.values()) {
            child.fail = root;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            Node node = queue.remove();
            for (Map.Entry<Character, Node> edge : node.next.entrySet()) {
                Node child = edge.getValue();
                Node fail = node.fail;
                while (fail != null && !fail.next.containsKey(edge.getKey())) {
                    fail = fail.fail;
                }
                child.fail = fail == null ? root : fail.next.get(edge.getKey());
                child.outputs.addAll(child.fail.outputs);
                queue.add(child);
            }
        }
        return this;
    }

    /** The ids of the terms {@code text} uses, sorted. */
    Set<String> find(String text) {
        String folded = text.toLowerCase(Locale.ROOT);
        Set<String> found = new TreeSet<>();
        Node node = root;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            while (node != root && !node.next.containsKey(c)) {
                node = node.fail;
            }
            node = node.next.getOrDefault(c, root);
            for (int[] output : node.outputs) {
                int start = i - output[1] + 1;
                if (output[2] == 0 || (!wordChar(folded, start - 1) && !wordChar(folded, i + 1))) {
                    found.add(terms.get(output[0]));
                }
            }
        }
        return found;
    }

    private static boolean wordChar(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
