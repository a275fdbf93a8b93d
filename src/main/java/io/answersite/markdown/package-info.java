/**
 * Markdown bodies, parsed once with Flexmark and rendered once to HTML during loading. Links to
 * other pages cannot be resolved before every page is known, so each one is rendered as a slot
 * that the graph stage resolves and the render stage fills in ({@link MarkdownDoc#fill}). Heading
 * and checklist-item anchors are computed here, so that the graph can check links to them.
 */
package io.answersite.markdown;
