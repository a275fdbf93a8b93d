package io.answersite.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainTextRendererTest {

    private static final List<String> PIECES = List.of("请求超时", "retry", " ", "\n", "\r\n", "\r", "\\*", "\\\\",
            "&amp;", "&#45;", "&copy;", "&bogus;", "&", "<b>", "a > b", "\"quoted\"", "'single'", "*em*", "**strong**",
            "`code & <x>`", "[link \"t\" & more](https://example.com/?a=1&b=2)", "![alt <x>](img.png)", "- ", "1. ",
            "# ", "> ", "~~gone~~", "[ ] ", "| a | b |\n|---|---|\n| 1 & 2 | <3> |\n", "    indented & <code>\n",
            "```\nfenced \"x\" & y\n```\n", "http://example.com", "😀", "\u00a0", "  ", "\t", " lead", "trail ", "a  b", "a\tb", "\uE000", "&#xE000;",
            "  two  spaces  ", "**bold  text**");

    @Test
    void rendersEveryDocumentAsFlexmarksCoreTextRendererDoes() {
        HtmlRenderer core = renderer(false);
        HtmlRenderer withPlainText = renderer(true);
        Parser parser = Parser.builder(options()).build();
        Random random = new Random(20261130);
        for (int round = 0; round < 2000; round++) {
            String text = randomDocument(random);
            Document document = parser.parse(text);
            assertEquals(core.render(document), withPlainText.render(document), "round " + round + ": " + text);
        }
    }

    @Test
    void splicesDeferredTextsIntoTheSameHtmlAsTheCoreRenderer() {
        HtmlRenderer core = renderer(false);
        HtmlRenderer withPlainText = renderer(true);
        Parser parser = Parser.builder(options()).build();
        Random random = new Random(20261201);
        int deferredDocuments = 0;
        for (int round = 0; round < 3000; round++) {
            String text = randomDocument(random);
            Document document = parser.parse(text);
            String expected = core.render(document);
            DeferredTexts deferred = new DeferredTexts();
            document.set(DeferredTexts.KEY, deferred);
            String spliced = deferred.splice(withPlainText.render(document));
            if (expected.indexOf(DeferredTexts.PLACEHOLDER) >= 0) {
                assertNull(spliced, "round " + round + ": the placeholder is in the document: " + text);
            } else {
                assertEquals(expected, spliced, "round " + round + ": " + text);
                deferredDocuments += deferred.isEmpty() ? 0 : 1;
            }
        }
        assertTrue(deferredDocuments > 1000, "documents with deferred texts: " + deferredDocuments);
    }

    @Test
    void defersOnlyTextTheWriterCopiesUnchanged() {
        for (String text : List.of("请求超时", "retry after 30 s", "a b c", "😀 x")) {
            assertTrue(DeferredTexts.deferrable(text), text);
        }
        for (String text : List.of("", " a", "a ", "a  b", "a\tb", "a\nb", "x\uE000y", " ")) {
            assertFalse(DeferredTexts.deferrable(text), text);
        }
    }

    @Test
    void takesTextAsItIsOnlyWithoutEscapesEntitiesCarriageReturnsOrHtmlCharacters() {
        assertFalse(PlainTextRenderer.actsOn("请求超时 retry 'x' 😀\n"));
        for (String text : List.of("a\\b", "a&b", "a\rb", "a<b", "a>b", "a\"b")) {
            assertTrue(PlainTextRenderer.actsOn(text), text);
        }
    }

    /** One to 25 pieces in a row: Markdown syntax, entities, escapes, whitespace and text in two scripts. */
    private static String randomDocument(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(25);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return text.toString();
    }

    private static MutableDataSet options() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create(),
                StrikethroughExtension.create(), GuardedAutolinks.create()));
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        return options;
    }

    private static HtmlRenderer renderer(boolean plainText) {
        HtmlRenderer.Builder builder = HtmlRenderer.builder(options());
        if (plainText) {
            builder.nodeRendererFactory(unused -> new PlainTextRenderer());
        }
        return builder.build();
    }
}
