package io.answersite.markdown;

import java.util.function.IntFunction;

/**
 * A front matter text ({@code answer}, a {@code basis} item, a FAQ question, a glossary definition,
 * ...) rendered as inline Markdown: links, code spans, emphasis; block syntax stays text.
 *
 * @param doc the rendered text: its HTML has no block elements, its links are numbered from 0 and
 *     its {@code source} is the text as written
 * @param plain the text as a reader sees it, without Markdown syntax (link text kept, targets dropped)
 * @param firstSlot the page-wide slot of the text's first link: its links are the page's link slots
 *     {@code firstSlot}, {@code firstSlot + 1}, ... (after the body's own)
 */
public record InlineMarkdown(MarkdownDoc doc, String plain, int firstSlot) {

    /** The HTML, each internal link's {@code href} from {@code urlForPageSlot} (an HTML-attribute-safe URL). */
    public String html(IntFunction<String> urlForPageSlot) {
        return doc.fill(slot -> urlForPageSlot.apply(firstSlot + slot));
    }

    /** The text as Markdown, each internal link's target from {@code urlForPageSlot} (an absolute URL). */
    public String markdown(IntFunction<String> urlForPageSlot) {
        return doc.markdown(slot -> urlForPageSlot.apply(firstSlot + slot));
    }
}
