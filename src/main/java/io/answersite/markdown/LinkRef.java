package io.answersite.markdown;

import io.answersite.diagnostic.SourcePos;

/**
 * A link or image in a body that the graph resolves: to a page (a relative {@code .md} path or a
 * typed reference {@code answer:api-key-leak}) or to a file in the content folder (an image, a
 * PDF). {@code slot} numbers it within its document.
 */
public record LinkRef(int slot, String destination, SourcePos pos, Target target) implements java.io.Serializable {

    /** What a link points at. */
    public enum Target {
        /** Another page: a {@code .md} file or a typed reference. */
        PAGE,
        /** Another file in the content folder, copied with the site. */
        FILE
    }
}
