package io.answersite.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;
import java.util.Set;

/**
 * Renders a text node as Flexmark's core renderer does (escapes and entities resolved, line ends
 * made {@code \n}, HTML's special characters escaped), taking the text as it is when it has none of
 * the characters those steps act on: most text of most pages. Each step runs a regular expression
 * over the text to find that it has nothing to do, which was a sixth of rendering a page's HTML
 * (JFR, clean build of the default 10,000-page corpus). Such text goes to the writer as a
 * placeholder when {@link DeferredTexts} can splice it in afterwards.
 */
final class PlainTextRenderer implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(Text.class, PlainTextRenderer::render));
    }

    private static void render(Text node, NodeRendererContext context, HtmlWriter html) {
        String text = textOf(node.getChars());
        if (actsOn(text)) {
            html.text(Escaping.normalizeEOL(node.getChars().unescape())); // the core renderer's own steps
            return;
        }
        DeferredTexts deferred = DeferredTexts.KEY.get(context.getDocument());
        html.raw(deferred != null && DeferredTexts.deferrable(text) ? deferred.defer(text) : text);
    }

    /**
     * The characters of a text node; a piece of the body as one substring (Flexmark's own
     * {@code toString} copies a piece character by character).
     */
    static String textOf(BasedSequence chars) {
        if (chars instanceof SubSequence piece && piece.getBase() instanceof String body) {
            return body.substring(piece.getStartOffset(), piece.getEndOffset());
        }
        return chars.toString();
    }

    /** Whether the core renderer would change {@code text}: an escape, an entity, a carriage return or HTML. */
    static boolean actsOn(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '\\', '&', '\r', '<', '>', '"' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }
}
