package io.answersite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ValueStringsTest {

    private final ValueStrings strings = new ValueStrings();

    @Test
    void theSameBytesOnAnotherPageGiveTheSameString() {
        byte[] one = "<a href=\"/help/answers/超时/\">".getBytes(StandardCharsets.UTF_8);
        byte[] two = "<p><a class=\"x\" href=\"/help/answers/超时/\">".getBytes(StandardCharsets.UTF_8);
        String first = strings.of(one, 9, one.length - 2);
        assertEquals("/help/answers/超时/", first);
        assertSame(first, strings.of(two, 22, two.length - 2));
    }

    @Test
    void entitiesAreResolvedAndOtherBytesGiveOtherStrings() {
        byte[] bytes = "a&amp;b a&quot;b a&#39;b ab".getBytes(StandardCharsets.UTF_8);
        assertEquals("a&b", strings.of(bytes, 0, 7));
        assertEquals("a\"b", strings.of(bytes, 8, 16));
        assertEquals("a'b", strings.of(bytes, 17, 24));
        assertEquals("ab", strings.of(bytes, 25, 27));
        assertEquals("", strings.of(bytes, 3, 3));
    }
}
