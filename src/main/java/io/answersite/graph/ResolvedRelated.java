package io.answersite.graph;

import io.answersite.content.PageKey;
import io.answersite.content.TypedRef;

/**
 * A related item after resolution: the target page, the anchor on it, the text shown under its
 * title, and the reference as written (for positions in reports).
 */
public record ResolvedRelated(PageKey target, String anchor, String note, TypedRef ref) {
}
