package io.answersite.markdown;

/** A heading of a body: its level (1–6), its plain text, and its anchor id on the page. */
public record Heading(int level, String text, String id) {
}
