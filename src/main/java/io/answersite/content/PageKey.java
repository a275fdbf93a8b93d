package io.answersite.content;

/** What identifies a page: its kind, its id and its language code. The hub's id is {@code index}. */
public record PageKey(Kind kind, String id, String language) implements Comparable<PageKey> {

    public static final String HUB_ID = "index";

    /** The same page in another language. */
    public PageKey in(String otherLanguage) {
        return new PageKey(kind, id, otherLanguage);
    }

    @Override
    public int compareTo(PageKey other) {
        // by hand rather than a comparator chain: sorted maps of pages compare keys millions of times a build
        int byKind = kind.compareTo(other.kind);
        if (byKind != 0) {
            return byKind;
        }
        int byId = id.compareTo(other.id);
        return byId != 0 ? byId : language.compareTo(other.language);
    }

    /**
     * By the kind's ordinal rather than the enum's identity hash: the same in every run, and no
     * object header read per lookup (pages are looked up by key hundreds of thousands of times per build).
     */
    @Override
    public int hashCode() {
        return (kind.ordinal() * 31 + id.hashCode()) * 31 + language.hashCode();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof PageKey that && kind == that.kind && id.equals(that.id)
                && language.equals(that.language);
    }

    @Override
    public String toString() {
        return kind.refName() + ":" + id + " (" + language + ")";
    }
}
