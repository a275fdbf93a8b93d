package io.answersite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BuiltSitePagesTest {

    private static byte[] page(String link) {
        return ("<html><head><title>T</title><link rel=\"canonical\" href=\"/p/\"></head><body><h1 id=\"top\">H</h1>"
                + "<a href=\"" + link + "\">x</a></body></html>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theTableOfSharedValuesGoesOnceThePagesAreWrittenAndAPageWrittenLaterFillsANewOne() {
        BuiltSiteCheck.Pages pages = new BuiltSiteCheck.Pages(BuiltSiteCheck.Memory.none());
        pages.written("a/index.html", page("/shared/"));
        pages.written("b/index.html", page("/shared/"));
        // the rel value, the canonical link, the id and the link: once each for both pages
        assertEquals(4, pages.sharedValues());
        pages.pagesWritten();
        assertEquals(0, pages.sharedValues());
        pages.written("c/index.html", page("/other/"));
        assertEquals(4, pages.sharedValues());
    }
}
