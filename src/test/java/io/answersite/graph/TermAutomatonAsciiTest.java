package io.answersite.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The automaton's ASCII shortcuts against the JDK's case mappings and character classes they stand for. */
class TermAutomatonAsciiTest {

    @Test
    void foldsAndTellsWordCharactersOfAsciiAsTheGeneralRulesDo() {
        for (char c = 0; c < 0x80; c++) {
            assertEquals(Character.toLowerCase(Character.toUpperCase(c)), TermAutomaton.fold(c), "fold of " + (int) c);
            int type = Character.getType(c);
            boolean word = c == '_' || Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER
                    || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
            assertEquals(word, TermAutomaton.isWord(c), "word character " + (int) c);
        }
    }
}
