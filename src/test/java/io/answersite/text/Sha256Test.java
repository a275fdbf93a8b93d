package io.answersite.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha256Test {

    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hashesTextAsUtf8() {
        assertEquals(ABC, Sha256.hex("abc"));
        assertEquals(ABC, Sha256.hex(Sha256.of("abc".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void shortensToTheFirstBytes() {
        assertEquals("ba7816bf8f", Sha256.hex(Sha256.of("abc"), 5));
    }

    @Test
    void aDigestFedInPartsEqualsTheWhole() {
        var digest = Sha256.digest();
        digest.update("a".getBytes(StandardCharsets.UTF_8));
        digest.update("bc".getBytes(StandardCharsets.UTF_8));
        assertEquals(ABC, Sha256.hex(digest.digest()));
    }
}
