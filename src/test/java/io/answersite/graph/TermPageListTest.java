package io.answersite.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.answersite.content.Kind;
import io.answersite.content.PageKey;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TermPageListTest {

    private static final PageKey[] PAGES = new PageKey[70];

    static {
        for (int i = 0; i < PAGES.length; i++) {
            PAGES[i] = new PageKey(Kind.GLOSSARY, "term-" + i, "zh-CN");
        }
    }

    @Test
    void readsAsTheListOfTheChosenTermsPagesInTermOrder() {
        Random random = new Random(20261201);
        for (int round = 0; round < 500; round++) {
            BitSet terms = new BitSet();
            List<PageKey> expected = new ArrayList<>();
            for (int i = 0; i < PAGES.length; i++) {
                if (random.nextInt(3) == 0) {
                    terms.set(i);
                    expected.add(PAGES[i]);
                }
            }
            TermPageList list = new TermPageList(terms, PAGES);
            assertEquals(expected, list);
            assertEquals(list, expected);
            assertEquals(expected.hashCode(), list.hashCode());
            assertEquals(expected.size(), list.size());
            assertEquals(expected, new ArrayList<>(list));
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), list.get(i));
            }
            assertEquals(list, new TermPageList((BitSet) terms.clone(), PAGES));
        }
    }

    @Test
    void differsFromAListOfOtherKeysOrLength() {
        BitSet terms = new BitSet();
        terms.set(3);
        terms.set(5);
        TermPageList list = new TermPageList(terms, PAGES);
        assertNotEquals(List.of(PAGES[3]), list);
        assertNotEquals(List.of(PAGES[3], PAGES[6]), list);
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(2));
    }
}
