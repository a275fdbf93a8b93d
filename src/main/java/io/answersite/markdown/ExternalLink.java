package io.answersite.markdown;

import io.answersite.diagnostic.SourcePos;

/** An absolute link in a body ({@code https://…}, {@code mailto:…}), checked for syntax only. */
public record ExternalLink(String destination, SourcePos pos) {
}
