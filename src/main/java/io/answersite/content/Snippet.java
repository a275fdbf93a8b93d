package io.answersite.content;

import io.answersite.markdown.MarkdownDoc;

/** A reusable block from {@code content/_snippets/}, by name and language. */
public record Snippet(String name, String language, String sourcePath, MarkdownDoc body) {
}
