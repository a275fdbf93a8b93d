package io.answersite.graph;

import io.answersite.content.PageKey;

/** Where a body link goes: a page and an optional anchor on it. */
public record LinkTarget(PageKey page, String anchor) {

    /** {@code base} (the page's URL) with the anchor, if any. */
    public String url(String base) {
        return anchor == null || anchor.isEmpty() ? base : base + "#" + anchor;
    }
}
