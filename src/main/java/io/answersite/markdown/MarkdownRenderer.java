package io.answersite.markdown;

import io.answersite.diagnostic.Rules;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.source.SourceText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and renders Markdown bodies. One instance serves a whole build and may be used from
 * several threads: all per-document state lives on the Flexmark document.
 *
 * <p>Raw HTML in Markdown is escaped, not passed through: content cannot inject markup or scripts.
 */
public final class MarkdownRenderer {

    static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    /**
     * The reference names of {@code content.Kind}, spelled here because this package sits below the
     * content package; {@code TypedReferenceNamesTest} keeps the two the same.
     */
    private static final Set<String> TYPED_PREFIXES = Set.of("answer", "guide", "checklist", "glossary", "topic", "hub");
    private static final String SLOT_MARKER = "answersite-slot";

    private final Parser parser;
    /**
     * The parser of front matter texts: inline syntax only. Every block parser is off, link reference
     * definitions too (a leaf block in CommonMark), and bare URLs are not linked (GFM's extended
     * autolinks run on into the CJK text that follows a URL without a space).
     */
    private final Parser inlineParser;
    /**
     * The body parser without the tables extension, for a body without a '|' (no table can form):
     * the extension sets up its paragraph pre-processor for every document and asks it about every
     * paragraph, about a tenth of parsing a page (JFR, clean build of the default 10,000-page corpus).
     */
    private final Parser parserWithoutTables;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create(),
                StrikethroughExtension.create(), GuardedAutolinks.create()));
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        options.set(HtmlRenderer.RENDER_HEADER_ID, false);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(TablesExtension.CLASS_NAME, "table");
        // Flexmark's default checkbox carries readonly, which HTML allows only on text-like inputs; the
        // reader ticks them (assets/answersite.js keeps the ticks of a checklist page in the browser)
        options.set(TaskListExtension.ITEM_DONE_MARKER,
                "<input type=\"checkbox\" class=\"task-list-item-checkbox\" checked>");
        options.set(TaskListExtension.ITEM_NOT_DONE_MARKER,
                "<input type=\"checkbox\" class=\"task-list-item-checkbox\">");
        this.parser = Parser.builder(options).build();
        MutableDataSet withoutTables = new MutableDataSet(options);
        withoutTables.set(Parser.EXTENSIONS, List.of(TaskListExtension.create(), StrikethroughExtension.create(),
                GuardedAutolinks.create()));
        this.parserWithoutTables = Parser.builder(withoutTables).build();
        MutableDataSet inline = new MutableDataSet(options);
        inline.set(Parser.EXTENSIONS, List.of(StrikethroughExtension.create()));
        for (var block : List.of(Parser.BLOCK_QUOTE_PARSER, Parser.FENCED_CODE_BLOCK_PARSER, Parser.HEADING_PARSER,
                Parser.HTML_BLOCK_PARSER, Parser.INDENTED_CODE_BLOCK_PARSER, Parser.LIST_BLOCK_PARSER,
                Parser.THEMATIC_BREAK_PARSER, Parser.REFERENCE_PARAGRAPH_PRE_PROCESSOR)) {
            inline.set(block, false);
        }
        this.inlineParser = Parser.builder(inline).build();
        this.renderer = HtmlRenderer.builder(options)
                .linkResolverFactory(new RenderHooks.SlotLinkResolverFactory())
                .attributeProviderFactory(new RenderHooks.AnchorAttributeProviderFactory())
                .nodeRendererFactory(unused -> new PlainTextRenderer())
                .build();
    }

    /** Whether a link destination points into the site (and must be resolved) rather than outside. */
    public static boolean isInternal(String destination) {
        return target(destination) != null;
    }

    /**
     * What a destination points at: a page, a file of the content folder, a path from the site's
     * root, or (null) something the generator leaves alone: an absolute URL, a protocol-relative
     * URL ({@code //host/x}), or an anchor on the same page.
     */
    static LinkRef.Target target(String destination) {
        if (destination.isEmpty() || destination.startsWith("#") || destination.startsWith("//")) {
            return null;
        }
        if (destination.startsWith("/")) {
            return LinkRef.Target.SITE;
        }
        Matcher scheme = SCHEME.matcher(destination);
        if (scheme.find()) {
            String name = destination.substring(0, scheme.end() - 1);
            return TYPED_PREFIXES.contains(name) ? LinkRef.Target.PAGE : null;
        }
        String path = destination.replaceFirst("[#?].*$", "");
        return path.endsWith(".md") ? LinkRef.Target.PAGE : LinkRef.Target.FILE;
    }

    /**
     * Renders a body that starts at {@code bodyOffset} in {@code source}; positions of links are
     * reported in the file. A body the parser cannot read (nested thousands of levels deep) is
     * reported at its deepest line, and gives no result.
     */
    public Optional<MarkdownDoc> render(SourceText source, String body, int bodyOffset, Diagnostics diagnostics) {
        return render(source, body, bodyOffset, diagnostics, true);
    }

    /**
     * As {@link #render(SourceText, String, int, Diagnostics)}, for a snippet: its {@code .md} links,
     * typed references and content files become slots the graph resolves, but paths from the site's
     * root are left as written.
     */
    public Optional<MarkdownDoc> renderSnippet(SourceText source, String body, int bodyOffset, Diagnostics diagnostics) {
        return render(source, body, bodyOffset, diagnostics, false, parser);
    }

    /**
     * Whether a front matter text reads the same as inline Markdown and as plain text: it has none of
     * the characters inline syntax starts with (nor entities, escapes, autolinks, line breaks), so it
     * needs no rendering and its HTML is the text escaped.
     */
    public static boolean isPlainText(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '`', '*', '_', '[', ']', '<', '&', '\\', '~', '!', '\n', '\r' -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return true;
    }

    /**
     * Renders a front matter text as inline Markdown: links and images (to every target the body's
     * may have: {@code .md} paths, typed references, anchors, paths from the site's root, absolute
     * URLs), autolinks ({@code <https://…>}), code spans, emphasis, strikethrough, hard line breaks.
     * Block syntax (headings, lists, quotes, code blocks, rules, link reference definitions) is not
     * recognised and stays text, bare URLs stay text, raw HTML is escaped as in bodies, and
     * paragraphs run on as one.
     * Its links are numbered from 0, at positions in {@code text} (the caller knows where the text
     * is written); {@code firstSlot} is the page-wide slot of the first.
     */
    public Optional<InlineMarkdown> renderInline(SourceText source, String text, int firstSlot, Diagnostics diagnostics) {
        return render(source, text, 0, diagnostics, true, inlineParser).map(doc -> {
            String html = doc.html().strip();
            if (html.startsWith("<p>") && html.endsWith("</p>")) {
                // raw HTML is escaped, so every <p> and </p> here is the renderer's
                html = html.substring("<p>".length(), html.length() - "</p>".length()).replace("</p>\n<p>", "\n");
            }
            MarkdownDoc inline = new MarkdownDoc(html, doc.slotPrefix(), doc.headings(), doc.links(),
                    doc.checklistGroups(), doc.anchors(), text, doc.edits(), doc.externalLinks(), doc.imagesWithoutAlt());
            return new InlineMarkdown(inline, org.jsoup.Jsoup.parseBodyFragment(html).text(), firstSlot);
        });
    }

    private Optional<MarkdownDoc> render(SourceText source, String body, int bodyOffset, Diagnostics diagnostics,
                                         boolean sitePathSlots) {
        return render(source, body, bodyOffset, diagnostics, sitePathSlots, parser);
    }

    private Optional<MarkdownDoc> render(SourceText source, String body, int bodyOffset, Diagnostics diagnostics,
                                         boolean sitePathSlots, Parser parser) {
        if (body.isBlank()) {
            return Optional.of(MarkdownDoc.EMPTY);
        }
        String marker = SLOT_MARKER;
        while (body.contains(marker)) {
            marker = marker + "x";
        }
        boolean deferTexts = true;
        try {
            while (true) {
                DocumentState state = new DocumentState(source, bodyOffset, marker + "-", sitePathSlots);
                Document document = (parser == this.parser && body.indexOf('|') < 0 ? parserWithoutTables : parser)
                        .parse(body);
                DocumentState.assignAnchors(document, state);
                DocumentState.collectLinks(document, state);
                document.set(DocumentState.STATE, state);
                DeferredTexts deferred = deferTexts ? new DeferredTexts() : null;
                document.set(DeferredTexts.KEY, deferred);
                String written = renderer.render(document);
                if (deferred != null && !deferred.isEmpty()) {
                    written = deferred.splice(written);
                    if (written == null) { // the placeholder character is in the document itself
                        deferTexts = false;
                        continue;
                    }
                }
                String html = labelCheckboxes(written);
                // Entities such as &#45; can spell the marker in the HTML though the source does not:
                // then not every marker is a slot, and a longer one is tried (the HTML's text is never
                // longer than the source, so this ends).
                if (occurrences(html, state.slotPrefix) == state.links.size() || marker.length() > body.length()) {
                    List<MarkdownDoc.Edit> edits = new ArrayList<>(state.edits);
                    edits.sort(Comparator.comparingInt(MarkdownDoc.Edit::start));
                    return Optional.of(new MarkdownDoc(html, state.slotPrefix, List.copyOf(state.headings),
                            List.copyOf(state.links), List.copyOf(state.groups), List.copyOf(state.usedIds), body,
                            List.copyOf(edits), List.copyOf(state.external), List.copyOf(state.missingAlt)));
                }
                marker = marker + "x".repeat(marker.length() - SLOT_MARKER.length() + 1);
            }
        } catch (StackOverflowError e) {
            // Flexmark parses and renders nested blocks by recursion, and matches some lines with
            // regular expressions that recurse once per repetition: thousands of nested quotes or
            // lists, or a line of thousands of '-' or '*', exhaust the stack. Nothing of the
            // document is kept, so the error is the whole outcome of this body.
            diagnostics.error(Rules.MARKDOWN_NESTING, source.posAt(bodyOffset + DeepNesting.of(body)), "the Markdown is nested too deeply (or"
                    + " has a line of thousands of repeated marks) for the Markdown parser; keep block quotes"
                    + " and lists to a few levels and break up the long line");
            return Optional.empty();
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static final Pattern TASK_CHECKBOX = Pattern.compile(
            "(<li class=\"task-list-item[^\"]*\" id=\"([^\"]+)\">(?:<p>)?)<input type=\"checkbox\"");

    /** Names each task item's checkbox after its item (screen readers read the item's text). */
    private static String labelCheckboxes(String html) {
        return html.indexOf("task-list-item") < 0 ? html
                : TASK_CHECKBOX.matcher(html).replaceAll("$1<input aria-labelledby=\"$2\" type=\"checkbox\"");
    }
}
