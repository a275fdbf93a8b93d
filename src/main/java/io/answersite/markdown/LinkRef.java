package io.answersite.markdown;

import io.answersite.diagnostic.SourcePos;

/**
 * A link, image or reference definition in a body that the graph resolves: to a page (a relative
 * {@code .md} path or a typed reference {@code answer:api-key-leak}), to a file in the content
 * folder (an image, a PDF), or to a path from the site's root. {@code slot} numbers it within its
 * document; {@code pos} is where it starts (for a reference definition, its {@code [label]:}).
 */
public record LinkRef(int slot, String destination, SourcePos pos, Target target) {

    /** What a link points at. */
    public enum Target {
        /** Another page: a {@code .md} file or a typed reference. */
        PAGE,
        /** Another file in the content folder, copied with the site. */
        FILE,
        /**
         * A path from the site's root ({@code /answers/x/#faq}, {@code /llms.txt}), as the published
         * site serves it without the base URL's path.
         */
        SITE
    }
}
