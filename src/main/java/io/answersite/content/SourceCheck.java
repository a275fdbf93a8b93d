package io.answersite.content;

import io.answersite.diagnostic.Diagnostics;
import io.answersite.source.SourceText;

/**
 * A check on the raw text of every content file, run while it is read (so the text is read once):
 * the content-safety scan is one. Implementations live in the check stage.
 */
@FunctionalInterface
public interface SourceCheck {

    SourceCheck NONE = (text, diagnostics) -> { };

    void check(SourceText text, Diagnostics diagnostics);
}
