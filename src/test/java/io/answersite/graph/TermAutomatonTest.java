package io.answersite.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermAutomatonTest {

    private static String found(TermAutomaton automaton, String text) {
        return automaton.matches(text, null).stream()
                .map(m -> m.term() + ":" + m.name() + "@" + m.start() + "-" + m.end())
                .toList().toString();
    }

    @Test
    void latinNamesMatchWholeWordsIgnoringCase() {
        TermAutomaton automaton = TermAutomaton.of(List.of(List.of("DNS"), List.of("TLS", "SSL")));
        assertEquals("[0:0@4-7, 1:1@12-15]", found(automaton, "Bad dns, or ssL; not DNSSEC or mySSL or tls_x"));
    }

    @Test
    void cjkNamesMatchInsideRunningText() {
        TermAutomaton automaton = TermAutomaton.of(List.of(List.of("超时"), List.of("接口")));
        assertEquals("[1:0@0-2, 0:0@3-5]", found(automaton, "接口的超时"));
    }

    @Test
    void overlappingNamesOfDifferentTermsAreAllFound() {
        TermAutomaton automaton = TermAutomaton.of(List.of(List.of("API key"), List.of("API"), List.of("key")));
        assertEquals("[0:0@4-11, 1:0@4-7, 2:0@8-11]", found(automaton, "Set API key now"));
    }

    @Test
    void wantedTermsFilterTheMatches() {
        TermAutomaton automaton = TermAutomaton.of(List.of(List.of("DNS"), List.of("TLS")));
        BitSet wanted = new BitSet();
        wanted.set(1);
        assertEquals(1, automaton.matches("DNS and TLS", wanted).size());
        assertEquals(8, automaton.firstUse("DNS and TLS", 1));
        assertEquals(-1, automaton.firstUse("DNS only", 1));
        assertEquals("{0, 1}", automaton.termsIn("tls, then dns").toString());
    }

    @Test
    void blankNamesAndTermsWithoutNamesMatchNothing() {
        TermAutomaton automaton = TermAutomaton.of(List.of(List.of(" ", ""), List.of()));
        assertEquals("[]", found(automaton, "anything at all"));
    }

    @Test
    void costDoesNotGrowWithTermsThatTheTextDoesNotUse() {
        // five thousand terms sharing prefixes: the automaton still reports exactly the uses
        List<List<String>> names = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            names.add(List.of("term" + i, "alias " + i));
        }
        TermAutomaton automaton = TermAutomaton.of(names);
        assertEquals("[42:0@4-10, 4999:1@15-25]", found(automaton, "see term42 and alias 4999 or term42x"));
    }
}
