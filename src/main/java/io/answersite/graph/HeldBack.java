package io.answersite.graph;

import io.answersite.content.PageKey;

/** A page kept out of the built site, and why ("draft", or "scheduled for 2026-12-01"). */
public record HeldBack(PageKey key, String sourcePath, String reason) {
}
