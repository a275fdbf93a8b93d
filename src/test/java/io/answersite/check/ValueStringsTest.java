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

    @Test
    void aPageScanKeepsItsLinksAndNamesButNotItsOwnMetaContent() {
        for (int page = 0; page < 3; page++) {
            PageScanner.facts(("<html><head><title>T</title><meta name=\"description\" content=\"Page " + page
                    + " says something of its own\"><link rel=\"canonical\" href=\"/p" + page + "/\"></head><body>"
                    + "<h1 id=\"top\">H</h1><a href=\"/shared/\">x</a></body></html>").getBytes(StandardCharsets.UTF_8),
                    strings);
        }
        // name, rel, the id and the shared link once each, one canonical link per page; no description
        assertEquals(4 + 3, strings.size());
    }
}
