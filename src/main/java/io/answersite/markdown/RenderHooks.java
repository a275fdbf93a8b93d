package io.answersite.markdown;

import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.gfm.tasklist.internal.TaskListNodeRenderer;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.MutableAttributes;

/**
 * The two places Flexmark's HTML renderer asks the project: an internal link's URL (its slot marker)
 * and an element's id. Both only read the document's {@link DocumentState}.
 */
final class RenderHooks {

    private RenderHooks() {
    }

    static final class SlotLinkResolverFactory extends IndependentLinkResolverFactory {
        @Override
        public LinkResolver apply(LinkResolverBasicContext context) {
            return (node, ctx, link) -> resolve(node, ctx, link);
        }

        /**
         * The slot marker for an internal link. Flexmark resolves each distinct URL once per document
         * and reuses the answer, so links with the same destination share the first one's slot in
         * the HTML; each still has its own slot, position and twin edit from {@link DocumentState#collectLinks}.
         */
        private static ResolvedLink resolve(Node node, LinkResolverBasicContext context, ResolvedLink link) {
            DocumentState state = DocumentState.STATE.get(context.getDocument());
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

    static final class AnchorAttributeProviderFactory extends IndependentAttributeProviderFactory {
        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            DocumentState state = DocumentState.STATE.get(context.getDocument());
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
