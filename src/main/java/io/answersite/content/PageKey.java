package io.answersite.content;

import java.util.Comparator;

/** What identifies a page: its kind, its id and its language code. The hub's id is {@code index}. */
public record PageKey(Kind kind, String id, String language) implements Comparable<PageKey> {

    public static final String HUB_ID = "index";

    private static final Comparator<PageKey> ORDER = Comparator.comparing(PageKey::kind)
            .thenComparing(PageKey::id).thenComparing(PageKey::language);

    /** The same page in another language. */
    public PageKey in(String otherLanguage) {
        return new PageKey(kind, id, otherLanguage);
    }

    @Override
    public int compareTo(PageKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return kind.refName() + ":" + id + " (" + language + ")";
    }
}
