package io.answersite.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PercentDecodingTest {

    @Test
    void decodesEscapesAsUtf8() {
        assertEquals(Optional.of("a b/ü"), PercentDecoding.decode("a%20b%2F%C3%BC"));
    }

    @Test
    void keepsAPlusAsAPlus() {
        assertEquals(Optional.of("c++ and a+b"), PercentDecoding.decode("c++%20and%20a+b"));
    }

    @Test
    void givesTextWithoutEscapesAsItIs() {
        assertEquals(Optional.of("plain+text"), PercentDecoding.decode("plain+text"));
    }

    @Test
    void isEmptyForAMalformedEscape() {
        assertEquals(Optional.empty(), PercentDecoding.decode("100%zz"));
        assertEquals(Optional.empty(), PercentDecoding.decode("cut%2"));
    }

    @Test
    void decodeOrKeepKeepsMalformedTextAsWritten() {
        assertEquals("100%zz", PercentDecoding.decodeOrKeep("100%zz"));
        assertEquals("a b", PercentDecoding.decodeOrKeep("a%20b"));
    }
}
