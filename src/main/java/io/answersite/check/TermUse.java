package io.answersite.check;

import io.answersite.content.PageKey;

/** An answer that uses a glossary term without linking it: the term page to link. */
public record TermUse(PageKey term, TermMatcher matcher) {
}
