package io.answersite.markdown;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.NullableDataKey;
import io.answersite.diagnostic.SourcePos;
import io.answersite.source.SourceText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one Markdown document is found to hold while it is parsed and rendered: heading and task
 * ids, checklist groups, and a slot for every internal link. It lives on the Flexmark document
 * ({@link #STATE}) so that one renderer serves many threads, and the render hooks
 * ({@link RenderHooks}) read it back; kept apart from the renderer so the walk that fills it reads on
 * its own.
 */
final class DocumentState {

    private static final Pattern EXPLICIT_ID = Pattern.compile("\\s*\\{#([A-Za-z0-9][A-Za-z0-9_-]*)\\}\\s*$");

    static final NullableDataKey<DocumentState> STATE = new NullableDataKey<>("ANSWERSITE_DOCUMENT_STATE");

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

    static void assignAnchors(Document document, DocumentState state) {
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
    static void collectLinks(Document document, DocumentState state) {
        for (Node node : document.getDescendants()) {
            if (node instanceof LinkNodeBase link) {
                String destination = link.getUrl().unescape();
                SourcePos pos = state.source.posAt(state.bodyOffset + node.getStartOffset());
                if (node instanceof Image image && image.getText().isBlank()) {
                    state.missingAlt.add(new ExternalLink(destination, pos));
                }
                LinkRef.Target target = MarkdownRenderer.target(destination);
                if (target == null || (target == LinkRef.Target.SITE && !state.sitePathSlots)) {
                    if (MarkdownRenderer.SCHEME.matcher(destination).find() || destination.startsWith("//")) {
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

    private static final class ChecklistGroupBuilder {
        final String id;
        final String title;
        final List<ChecklistGroup.ChecklistItem> items = new ArrayList<>();

        ChecklistGroupBuilder(String id, String title) {
            this.id = id;
            this.title = title;
        }
    }
}
