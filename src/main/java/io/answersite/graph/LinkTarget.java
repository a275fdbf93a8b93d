package io.answersite.graph;

import io.answersite.content.PageKey;

/**
 * Where a body link goes: a page (and an optional anchor on it), or a file of the content folder
 * that is copied with the site ({@code assetFolderPath} relative to the output root).
 */
public record LinkTarget(PageKey page, String anchor, String assetPath) {

    public static LinkTarget page(PageKey page, String anchor) {
        return new LinkTarget(page, anchor, null);
    }

    public static LinkTarget asset(String assetPath) {
        return new LinkTarget(null, null, assetPath);
    }

    public boolean isAsset() {
        return assetPath != null;
    }

    /** {@code base} (the page's URL) with the anchor, if any. */
    public String url(String base) {
        return anchor == null || anchor.isEmpty() ? base : base + "#" + anchor;
    }

    /** The URL through {@code urls}: root-relative ({@code absolute} false) or absolute. */
    public String url(UrlScheme urls, boolean absolute) {
        String folder = isAsset() ? assetPath : urls.pageFolder(page);
        return url(absolute ? urls.absolute(folder) : urls.path(folder));
    }
}
