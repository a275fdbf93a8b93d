package io.answersite.graph;

import io.answersite.content.PageKey;

/** A related item after resolution: the target page and the text shown under its title. */
public record ResolvedRelated(PageKey target, String anchor, String note) {
}
