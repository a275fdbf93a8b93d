package io.answersite.content;

import io.answersite.diagnostic.SourcePos;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A typed reference to a page, {@code kind:id#anchor}, as written in {@code related} lists and in
 * body links. {@code hub:} names the answer hub.
 */
public record TypedRef(Kind kind, String id, String anchor, SourcePos pos) {

    private static final Pattern FORM = Pattern.compile("([a-z]+):([^#\\s]*)(?:#(\\S*))?");

    /** Parses {@code text}; empty when it is not of the form {@code kind:id} with a known kind. */
    public static Optional<TypedRef> parse(String text, SourcePos pos) {
        Matcher matcher = FORM.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<Kind> kind = Kind.fromRefName(matcher.group(1));
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        String id = kind.get() == Kind.HUB ? PageKey.HUB_ID : matcher.group(2);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TypedRef(kind.get(), id, matcher.group(3), pos));
    }

    @Override
    public String toString() {
        return kind.refName() + ":" + (kind == Kind.HUB ? "" : id) + (anchor == null ? "" : "#" + anchor);
    }
}
