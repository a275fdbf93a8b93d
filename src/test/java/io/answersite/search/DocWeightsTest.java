package io.answersite.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DocWeightsTest {

    @Test
    void replacesLinkTargetsAndAnchorMarkersWithASpace() {
        StringBuilder out = new StringBuilder();
        DocWeights.appendWithoutLinkTargets("See [the guide](guide:tls \"TLS\") and ## Heading {#tls-errors} end](", out);
        assertEquals("See [the guide  and ## Heading   end](", out.toString());
    }

    @Test
    void removesWhatACharacterByCharacterScanRemoves() {
        Random random = new Random(20261201);
        String alphabet = "](){#}a 请";
        for (int round = 0; round < 20000; round++) {
            StringBuilder markdown = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                markdown.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            StringBuilder out = new StringBuilder();
            DocWeights.appendWithoutLinkTargets(markdown.toString(), out);
            assertEquals(byCharacter(markdown.toString()), out.toString(), markdown.toString());
        }
    }

    /** The scan as first written: each position asked whether a target or a marker starts there. */
    private static String byCharacter(String markdown) {
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i + 1 < markdown.length(); i++) {
            char c = markdown.charAt(i);
            char next = markdown.charAt(i + 1);
            int end = -1;
            if (c == ']' && next == '(') {
                end = markdown.indexOf(')', i + 2);
            } else if (c == '{' && next == '#') {
                end = markdown.indexOf('}', i + 2);
            }
            if (end >= 0) {
                out.append(markdown, copied, i).append(' ');
                copied = end + 1;
                i = end;
            }
        }
        return out.append(markdown, copied, markdown.length()).toString();
    }
}
