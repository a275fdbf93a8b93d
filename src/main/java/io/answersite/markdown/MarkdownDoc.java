package io.answersite.markdown;

import io.answersite.text.LargeText;
import io.answersite.text.ParkedBytes;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A Markdown body rendered to HTML, with its internal links left as numbered slots.
 *
 * @param htmlText the rendered HTML ({@link #html}); each internal link's {@code href} is
 *     {@code slotPrefix + n + "-"}
 * @param slotPrefix a marker that occurs in the HTML only as a slot (not in the source, nor spelled
 *     with entities), so filling cannot touch content
 * @param headings every heading, in order, with its anchor id
 * @param links every internal link, in order of appearance
 * @param checklistGroups H2 groups with task items (empty for bodies without task lists)
 * @param anchors every id the body gives an element (headings and task items)
 * @param sourceText the Markdown as written ({@link #source}), for the Markdown twin
 * @param edits what the twin changes in {@code source}: link targets to fill, {@code {#id}} to drop
 * @param externalLinks absolute links, for the syntax check
 * @param imagesWithoutAlt images whose alt text is empty, by position (an accessibility finding)
 */
public record MarkdownDoc(LargeText htmlText, String slotPrefix, List<Heading> headings, List<LinkRef> links,
                          List<ChecklistGroup> checklistGroups, List<String> anchors, LargeText sourceText,
                          List<Edit> edits, List<ExternalLink> externalLinks, List<ExternalLink> imagesWithoutAlt) {

    public MarkdownDoc(String html, String slotPrefix, List<Heading> headings, List<LinkRef> links,
                       List<ChecklistGroup> checklistGroups, List<String> anchors, String source,
                       List<Edit> edits, List<ExternalLink> externalLinks, List<ExternalLink> imagesWithoutAlt) {
        this(LargeText.of(html), slotPrefix, headings, links, checklistGroups, anchors, LargeText.of(source), edits,
                externalLinks, imagesWithoutAlt);
    }

    public static final MarkdownDoc EMPTY = new MarkdownDoc("", "", List.of(), List.of(), List.of(), List.of(), "",
            List.of(), List.of(), List.of());

    /** The rendered HTML, with link slots; read back from the file when parked, so take it once per use. */
    public String html() {
        return htmlText.toString();
    }

    /** The Markdown as written; read back from the file when parked, so take it once per use. */
    public String source() {
        return sourceText.toString();
    }

    /**
     * The same document with its HTML and Markdown kept in {@code store} where they are long and the
     * store's budget is spent (see {@link LargeText#parkedIn}).
     */
    public MarkdownDoc parkedIn(ParkedBytes store) {
        LargeText parkedHtml = htmlText.parkedIn(store);
        LargeText parkedSource = sourceText.parkedIn(store);
        if (parkedHtml == htmlText && parkedSource == sourceText) {
            return this;
        }
        return new MarkdownDoc(parkedHtml, slotPrefix, headings, links, checklistGroups, anchors, parkedSource, edits,
                externalLinks, imagesWithoutAlt);
    }

    /**
     * A change the Markdown twin makes to the source: the characters {@code [start, end)} are replaced
     * by the URL of link {@code slot}, or dropped when {@code slot} is -1.
     */
    public record Edit(int start, int end, int slot) {
    }

    /**
     * The body as clean Markdown: internal links replaced by {@code urlForSlot} (absolute URLs), and
     * explicit {@code {#id}} markers removed.
     */
    public String markdown(IntFunction<String> urlForSlot) {
        String source = source();
        StringBuilder out = new StringBuilder(source.length() + 64);
        int from = 0;
        for (Edit edit : edits) {
            if (edit.start() < from) {
                continue;
            }
            out.append(source, from, edit.start());
            if (edit.slot() >= 0) {
                out.append(urlForSlot.apply(edit.slot()));
            }
            from = edit.end();
        }
        return out.append(source, from, source.length()).toString().strip();
    }

    public boolean isEmpty() {
        return htmlText.isBlank();
    }

    /**
     * The HTML with every link slot replaced by {@code urlForSlot.apply(slot)}, which must return an
     * HTML-attribute-safe URL.
     */
    public String fill(IntFunction<String> urlForSlot) {
        if (links.isEmpty() || slotPrefix.isEmpty()) {
            // no prefix: the body is empty (its links, if any, are those of front matter texts)
            return html();
        }
        String html = html();
        StringBuilder out = new StringBuilder(html.length() + links.size() * 16);
        int from = 0;
        while (true) {
            int at = html.indexOf(slotPrefix, from);
            if (at < 0) {
                break;
            }
            int numberStart = at + slotPrefix.length();
            int numberEnd = numberStart;
            while (numberEnd < html.length() && numberEnd - numberStart < 9 && html.charAt(numberEnd) >= '0'
                    && html.charAt(numberEnd) <= '9') {
                numberEnd++;
            }
            int slot = numberEnd > numberStart && numberEnd < html.length() && html.charAt(numberEnd) == '-'
                    ? Integer.parseInt(html.substring(numberStart, numberEnd)) : -1;
            if (slot < 0 || slot >= links.size()) {
                out.append(html, from, numberStart); // text that only looks like a slot stays as it is
                from = numberStart;
                continue;
            }
            out.append(html, from, at).append(urlForSlot.apply(slot));
            from = numberEnd + 1;
        }
        return out.append(html, from, html.length()).toString();
    }
}
