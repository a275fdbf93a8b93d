package io.answersite.content;

import io.answersite.diagnostic.SourcePos;

/** A front matter value and where it was written, for checks that run after loading. */
public record Located<T>(T value, SourcePos pos) {
}
