package io.answersite.markdown;

import io.answersite.diagnostic.SourcePos;

/**
 * A link in a body that points into the site: a relative path ({@code ../guides/x.md#dns}) or a
 * typed reference ({@code answer:api-key-leak}). {@code slot} numbers it within its document.
 */
public record LinkRef(int slot, String destination, SourcePos pos) {
}
