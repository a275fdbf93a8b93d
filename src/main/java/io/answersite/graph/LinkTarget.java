package io.answersite.graph;

import io.answersite.content.PageKey;
import java.util.List;
import java.util.Objects;

/**
 * Where a body link goes: a page (and an optional anchor on it), a file of the content folder that
 * is copied with the site ({@code assetPath} relative to the output root), or another path of the
 * built site ({@code sitePath}, relative to the output root, with its query if it has one: a list
 * page, the hub, the search page, a machine file or a static file); or {@link #UNRESOLVED}, nowhere.
 */
public record LinkTarget(PageKey page, String anchor, String assetPath, String sitePath) {

    /**
     * A link that leads nowhere: its slot holds this (never null). The graph reported it, so a build
     * stops before writing; the preview shows {@code #} for it until the link is fixed.
     */
    public static final LinkTarget UNRESOLVED = new LinkTarget(null, null, null, null);

    /** The target of {@code slot} in a page's (or snippet's) slots; {@link #UNRESOLVED} past their end. */
    public static LinkTarget at(List<LinkTarget> slots, int slot) {
        return slot < slots.size() ? slots.get(slot) : UNRESOLVED;
    }

    public static LinkTarget page(PageKey page, String anchor) {
        return new LinkTarget(page, anchor, null, null);
    }

    public static LinkTarget asset(String assetPath) {
        return new LinkTarget(null, null, assetPath, null);
    }

    /** A path of the built site that no page record stands for ({@code answers/}, {@code llms.txt}). */
    public static LinkTarget sitePath(String sitePath, String anchor) {
        return new LinkTarget(null, anchor, null, sitePath);
    }

    // written out: a record's generated hashCode and equals go through a method handle, slow under the
    // client compiler, and the build cache's copy of the graph puts some 70,000 targets in a hash map
    @Override
    public int hashCode() {
        return ((Objects.hashCode(page) * 31 + Objects.hashCode(anchor)) * 31 + Objects.hashCode(assetPath)) * 31
                + Objects.hashCode(sitePath);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof LinkTarget that && Objects.equals(page, that.page)
                && Objects.equals(anchor, that.anchor) && Objects.equals(assetPath, that.assetPath)
                && Objects.equals(sitePath, that.sitePath);
    }

    /** Whether the link leads somewhere (this is not {@link #UNRESOLVED}). */
    public boolean isResolved() {
        return page != null || assetPath != null || sitePath != null;
    }

    public boolean isAsset() {
        return assetPath != null;
    }

    /** Whether the link goes to a page record ({@link #page()} is set). */
    public boolean isPage() {
        return page != null;
    }

    public boolean isSitePath() {
        return sitePath != null;
    }

    /** {@code base} (the page's URL) with the anchor, if any. */
    public String url(String base) {
        return anchor == null || anchor.isEmpty() ? base : base + "#" + anchor;
    }

    /** The URL through {@code urls}: root-relative ({@code absolute} false) or absolute. */
    public String url(UrlScheme urls, boolean absolute) {
        if (!isResolved()) {
            throw new IllegalStateException("an unresolved link has no URL");
        }
        String folder = isAsset() ? assetPath : isSitePath() ? sitePath : urls.pageFolder(page);
        return url(absolute ? urls.absolute(folder) : urls.path(folder));
    }
}
