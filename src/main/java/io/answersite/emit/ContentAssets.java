package io.answersite.emit;

import io.answersite.graph.ContentGraph;
import io.answersite.graph.LinkTarget;
import io.answersite.graph.UrlScheme;
import io.answersite.sink.SiteOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * Copies the files of the content folder that published pages link to (images, PDFs) to
 * {@code /assets/content/<path in content>}: only those, so drafts' files and stray files stay out.
 */
public final class ContentAssets {

    private final ContentGraph graph;
    private final Path contentDir;

    public ContentAssets(ContentGraph graph, Path contentDir) {
        this.graph = graph;
        this.contentDir = contentDir;
    }

    public int emit(SiteOutput output) {
        TreeSet<String> assets = new TreeSet<>();
        for (List<LinkTarget> targets : graph.linkTargets().values()) {
            for (LinkTarget target : targets) { // a loop, not a stream: every page's links, in every preview rebuild
                if (target.isAsset()) {
                    assets.add(target.assetPath());
                }
            }
        }
        for (String asset : assets) {
            Path source = contentDir.resolve(asset.substring(UrlScheme.CONTENT_ASSETS.length()));
            try {
                output.copy(asset, Files.newInputStream(source));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + source, e);
            }
        }
        return assets.size();
    }
}
