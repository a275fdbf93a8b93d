package io.answersite.content;

import io.answersite.diagnostic.SourcePos;
import java.util.Optional;

/**
 * A typed reference to a page, {@code kind:id#anchor}, as written in {@code related} lists and in
 * body links. {@code hub:} names the answer hub.
 */
public record TypedRef(Kind kind, String id, String anchor, SourcePos pos) {

    /**
     * Parses {@code text}; empty when it is not of the form {@code kind:id} with a known kind: a kind
     * of lower-case letters, a colon, an id without {@code #} or white space, and optionally
     * {@code #} and an anchor without white space. By hand rather than with a regular expression:
     * every body link of every page is parsed in each build, and the preview builds after each edit.
     */
    public static Optional<TypedRef> parse(String text, SourcePos pos) {
        String form = text.strip();
        int colon = form.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        for (int i = 0; i < colon; i++) {
            char c = form.charAt(i);
            if (c < 'a' || c > 'z') {
                return Optional.empty();
            }
        }
        Optional<Kind> kind = Kind.fromRefName(form, colon); // no substring: every body link of every page is parsed
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        int hash = form.indexOf('#', colon + 1);
        String written = hash < 0 ? form.substring(colon + 1) : form.substring(colon + 1, hash);
        String anchor = hash < 0 ? null : form.substring(hash + 1);
        if (hasWhiteSpace(written) || anchor != null && hasWhiteSpace(anchor)) {
            return Optional.empty();
        }
        String id = kind.get() == Kind.HUB ? PageKey.HUB_ID : written;
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TypedRef(kind.get(), id, anchor, pos));
    }

    /** Whether {@code text} holds white space as {@code \s} in a Java regular expression means it (ASCII). */
    private static boolean hasWhiteSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return kind.refName() + ":" + (kind == Kind.HUB ? "" : id) + (anchor == null ? "" : "#" + anchor);
    }
}
