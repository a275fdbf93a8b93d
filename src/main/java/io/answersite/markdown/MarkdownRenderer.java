package io.answersite.markdown;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.SourcePos;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.gfm.tasklist.internal.TaskListNodeRenderer;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.html.MutableAttributes;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.source.SourceText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

    public static final String RULE_NESTING = Rules.MARKDOWN_NESTING;

    private static final Pattern EXPLICIT_ID = Pattern.compile("\\s*\\{#([A-Za-z0-9][A-Za-z0-9_-]*)\\}\\s*$");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    /**
     * The reference names of {@code content.Kind}, spelled here because this package sits below the
     * content package; {@code TypedReferenceNamesTest} keeps the two the same.
     */
    private static final Set<String> TYPED_PREFIXES = Set.of("answer", "guide", "checklist", "glossary", "topic", "hub");
    private static final String SLOT_MARKER = "answersite-slot";
    private static final NullableDataKey<DocumentState> STATE = new NullableDataKey<>("ANSWERSITE_DOCUMENT_STATE");

    private final Parser parser;
    /**
     * The parser of front matter texts: inline syntax only. Every block parser is off, link reference
     * definitions too (a leaf block in CommonMark), and bare URLs are not linked (GFM's extended
     * autolinks run on into the CJK text that follows a URL without a space).
     */
    private final Parser inlineParser;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create(),
                StrikethroughExtension.create(), AutolinkExtension.create()));
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
        MutableDataSet inline = new MutableDataSet(options);
        inline.set(Parser.EXTENSIONS, List.of(StrikethroughExtension.create()));
        for (var block : List.of(Parser.BLOCK_QUOTE_PARSER, Parser.FENCED_CODE_BLOCK_PARSER, Parser.HEADING_PARSER,
                Parser.HTML_BLOCK_PARSER, Parser.INDENTED_CODE_BLOCK_PARSER, Parser.LIST_BLOCK_PARSER,
                Parser.THEMATIC_BREAK_PARSER, Parser.REFERENCE_PARAGRAPH_PRE_PROCESSOR)) {
            inline.set(block, false);
        }
        this.inlineParser = Parser.builder(inline).build();
        this.renderer = HtmlRenderer.builder(options)
                .linkResolverFactory(new SlotLinkResolverFactory())
                .attributeProviderFactory(new AnchorAttributeProviderFactory())
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
        try {
            while (true) {
                DocumentState state = new DocumentState(source, bodyOffset, marker + "-", sitePathSlots);
                Document document = parser.parse(body);
                assignAnchors(document, state);
                collectLinks(document, state);
                document.set(STATE, state);
                String html = labelCheckboxes(renderer.render(document));
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
            diagnostics.error(RULE_NESTING, source.posAt(bodyOffset + deepestLine(body)), "the Markdown is nested too deeply (or"
                    + " has a line of thousands of repeated marks) for the Markdown parser; keep block quotes"
                    + " and lists to a few levels and break up the long line");
            return Optional.empty();
        }
    }

    /**
     * Where the line starts that most likely exhausted the parser: the one that opens the most
     * quotes and lists (counting two columns of its indentation as one level), or is the longest run of
     * thematic-break marks; the body's start when no line opens more than one.
     */
    static int deepestLine(String body) {
        int best = 0;
        int bestScore = 1;
        for (int start = 0; start < body.length(); ) {
            int end = body.indexOf('\n', start);
            end = end < 0 ? body.length() : end;
            int score = Math.max(nesting(body, start, end), breakMarks(body, start, end));
            if (score > bestScore) {
                best = start;
                bestScore = score;
            }
            start = end + 1;
        }
        return best;
    }

    private static int nesting(String body, int start, int end) {
        int levels = 0;
        int spaces = 0;
        int i = start;
        while (i < end) {
            char c = body.charAt(i);
            if (c == ' ' || c == '\t') {
                spaces += levels == 0 ? (c == '\t' ? 4 : 1) : 0; // indentation, not the space after a marker
                i++;
            } else if (c == '>') {
                levels++;
                i++;
            } else if ((c == '-' || c == '+' || c == '*') && i + 1 < end && body.charAt(i + 1) == ' ') {
                levels++;
                i += 2;
            } else {
                int digits = i;
                while (digits < end && digits - i < 9 && Character.isDigit(body.charAt(digits))) {
                    digits++;
                }
                if (digits == i || digits + 1 >= end || (body.charAt(digits) != '.' && body.charAt(digits) != ')')
                        || body.charAt(digits + 1) != ' ') {
                    break;
                }
                levels++;
                i = digits + 2;
            }
        }
        return levels + spaces / 2;
    }

    private static int breakMarks(String body, int start, int end) {
        int marks = 0;
        for (int i = start; i < end; i++) {
            char c = body.charAt(i);
            if (c == '-' || c == '*' || c == '_') {
                marks++;
            } else if (c != ' ' && c != '\t') {
                return 0;
            }
        }
        return marks;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static void assignAnchors(Document document, DocumentState state) {
        TextCollectingVisitor text = new TextCollectingVisitor();
        ChecklistGroupBuilder group = null;
        for (Node node : document.getDescendants()) {
            if (node instanceof com.vladsch.flexmark.ast.Heading heading) {
                String explicit = takeExplicitId(heading, state);
                String title = text.collectAndGetText(heading).strip();
                String id = state.unique(explicit != null ? explicit : Slugs.slug(title));
                state.ids.put(heading, id);
                state.headings.add(new Heading(heading.getLevel(), title, id));
                if (heading.getLevel() == 2) {
                    group = new ChecklistGroupBuilder(id, title);
                    state.openGroups.add(group);
                }
            } else if (node instanceof TaskListItem item) {
                Node paragraph = item.getFirstChild();
                String explicit = paragraph == null ? null : takeExplicitId(paragraph, state);
                String itemText = text.collectAndGetText(paragraph == null ? item : paragraph).strip();
                String base = explicit != null ? explicit
                        : (group == null ? "" : group.id + "-") + Slugs.slug(itemText);
                String id = state.unique(base);
                state.ids.put(item, id);
                if (group == null) {
                    group = new ChecklistGroupBuilder("", "");
                    state.openGroups.add(group);
                }
                group.items.add(new ChecklistGroup.ChecklistItem(id, itemText));
            }
        }
        for (ChecklistGroupBuilder open : state.openGroups) {
            if (!open.items.isEmpty()) {
                state.groups.add(new ChecklistGroup(open.id, open.title, List.copyOf(open.items)));
            }
        }
    }

    /**
     * Gives every internal link, image and reference definition a slot, in the order they are
     * written, and notes external and alt-less ones. A reference-style use ({@code [text][label]})
     * gets no slot of its own: it renders with the slot of the definition it uses, so every use
     * gets the definition's resolved URL, the Markdown twin (which keeps the definition) rewrites it
     * once, and a broken target is reported once, at the definition.
     */
    private static void collectLinks(Document document, DocumentState state) {
        for (Node node : document.getDescendants()) {
            if (node instanceof LinkNodeBase link) {
                String destination = link.getUrl().unescape();
                SourcePos pos = state.source.posAt(state.bodyOffset + node.getStartOffset());
                if (node instanceof Image image && image.getText().isBlank()) {
                    state.missingAlt.add(new ExternalLink(destination, pos));
                }
                LinkRef.Target target = target(destination);
                if (target == null || (target == LinkRef.Target.SITE && !state.sitePathSlots)) {
                    if (SCHEME.matcher(destination).find() || destination.startsWith("//")) {
                        state.external.add(new ExternalLink(destination, pos));
                    }
                    continue;
                }
                int slot = state.links.size();
                state.links.add(new LinkRef(slot, destination, pos, target));
                state.slots.put(node, slot);
                state.edits.add(new MarkdownDoc.Edit(link.getUrl().getStartOffset(), link.getUrl().getEndOffset(), slot));
            } else if (node instanceof ImageRef image && image.getText().isBlank()) {
                Reference reference = image.getReferenceNode(document);
                if (reference != null) {
                    state.missingAlt.add(new ExternalLink(reference.getUrl().unescape(),
                            state.source.posAt(state.bodyOffset + node.getStartOffset())));
                }
            }
        }
    }

    private static final Pattern TASK_CHECKBOX = Pattern.compile(
            "(<li class=\"task-list-item[^\"]*\" id=\"([^\"]+)\">(?:<p>)?)<input type=\"checkbox\"");

    /** Names each task item's checkbox after its item (screen readers read the item's text). */
    private static String labelCheckboxes(String html) {
        return html.indexOf("task-list-item") < 0 ? html
                : TASK_CHECKBOX.matcher(html).replaceAll("$1<input aria-labelledby=\"$2\" type=\"checkbox\"");
    }

    /** Removes a trailing {@code {#id}} from the node's last text and returns the id, if there is one. */
    private static String takeExplicitId(Node node, DocumentState state) {
        Node last = node.getLastChild();
        if (!(last instanceof Text)) {
            return null;
        }
        Matcher matcher = EXPLICIT_ID.matcher(last.getChars());
        if (!matcher.find()) {
            return null;
        }
        state.edits.add(new MarkdownDoc.Edit(last.getChars().getStartOffset() + matcher.start(),
                last.getChars().getEndOffset(), -1));
        last.setChars(last.getChars().subSequence(0, matcher.start()));
        return matcher.group(1);
    }

    private static final class DocumentState {
        final SourceText source;
        final int bodyOffset;
        final String slotPrefix;
        /** Whether paths from the site's root get slots (pages) or are left as written (snippets). */
        final boolean sitePathSlots;
        final Map<Node, String> ids = new IdentityHashMap<>();
        /** The slot of each internal link, image and reference definition. */
        final Map<Node, Integer> slots = new IdentityHashMap<>();
        final Set<String> taken = new HashSet<>();
        final List<String> usedIds = new ArrayList<>();
        final List<Heading> headings = new ArrayList<>();
        final List<LinkRef> links = new ArrayList<>();
        final List<MarkdownDoc.Edit> edits = new ArrayList<>();
        final List<ExternalLink> external = new ArrayList<>();
        final List<ExternalLink> missingAlt = new ArrayList<>();
        final List<ChecklistGroupBuilder> openGroups = new ArrayList<>();
        final List<ChecklistGroup> groups = new ArrayList<>();

        DocumentState(SourceText source, int bodyOffset, String slotPrefix, boolean sitePathSlots) {
            this.source = source;
            this.bodyOffset = bodyOffset;
            this.slotPrefix = slotPrefix;
            this.sitePathSlots = sitePathSlots;
        }

        String unique(String base) {
            String id = base;
            for (int n = 2; !taken.add(id); n++) {
                id = base + "-" + n;
            }
            usedIds.add(id);
            return id;
        }
    }

    private static final class ChecklistGroupBuilder {
        final String id;
        final String title;
        final List<ChecklistGroup.ChecklistItem> items = new ArrayList<>();

        ChecklistGroupBuilder(String id, String title) {
            this.id = id;
            this.title = title;
        }
    }

    private static final class SlotLinkResolverFactory extends IndependentLinkResolverFactory {
        @Override
        public LinkResolver apply(LinkResolverBasicContext context) {
            return (node, ctx, link) -> resolve(node, ctx, link);
        }

        /**
         * The slot marker for an internal link. Flexmark resolves each distinct URL once per document
         * and reuses the answer, so links with the same destination share the first one's slot in
         * the HTML; each still has its own slot, position and twin edit from {@link #collectLinks}.
         */
        private static ResolvedLink resolve(Node node, LinkResolverBasicContext context, ResolvedLink link) {
            DocumentState state = STATE.get(context.getDocument());
            if (state == null || (link.getLinkType() != LinkType.LINK && link.getLinkType() != LinkType.IMAGE)) {
                return link;
            }
            Node owner = node instanceof RefNode use ? use.getReferenceNode(context.getDocument()) : node;
            Integer slot = owner == null ? null : state.slots.get(owner);
            if (slot == null) {
                return link;
            }
            return link.withStatus(LinkStatus.VALID).withUrl(state.slotPrefix + slot + "-");
        }
    }

    private static final class AnchorAttributeProviderFactory extends IndependentAttributeProviderFactory {
        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            DocumentState state = STATE.get(context.getDocument());
            return (Node node, AttributablePart part, MutableAttributes attributes) -> {
                // task items are rendered with their own parts (TIGHT_LIST_ITEM, ...): the id goes on the
                // <li>, never on the paragraph inside a loose item
                if (state != null && part != TaskListNodeRenderer.TASK_ITEM_PARAGRAPH
                        && (part == AttributablePart.NODE || node instanceof TaskListItem)) {
                    String id = state.ids.get(node);
                    if (id != null) {
                        attributes.replaceValue("id", id);
                    }
                }
            };
        }
    }
}
