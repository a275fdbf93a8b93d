package io.answersite.emit;

import io.answersite.cache.Fragments;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.sink.SiteOutput;
import java.util.List;

/**
 * The list of emitters, assembled in one place: Markdown twins, llms.txt and llms-full.txt,
 * llms.json, the sitemap, robots.txt, the Atom feeds and the published JSON Schemas.
 */
public final class MachineFiles {

    private final SiteText site;
    private final String configLabel;
    private final Fragments fragments;

    /** @param configLabel how reports name site.yml, for budget findings */
    public MachineFiles(SiteText site, String configLabel) {
        this(site, configLabel, Fragments.none());
    }

    /** @param fragments per-page pieces of earlier builds (twins and their hashes), reused where unchanged */
    public MachineFiles(SiteText site, String configLabel, Fragments fragments) {
        this.site = site;
        this.configLabel = configLabel;
        this.fragments = fragments;
    }

    public void emit(SiteOutput output, Diagnostics diagnostics) {
        MarkdownTwins twins = new MarkdownTwins(site, fragments);
        twins.emit(output);
        // the files below only read the twins and the graph: each on a core of its own as one comes free
        List.<Runnable>of(
                () -> new LlmsFiles(site, twins, configLabel, fragments).emit(output, diagnostics),
                () -> new LlmsJson(site, twins, fragments).emit(output),
                () -> new Sitemap(site, fragments).emit(output),
                () -> {
                    new Robots(site).emit(output);
                    new AtomFeed(site).emit(output);
                    new Schemas().emit(output);
                }).parallelStream().forEach(Runnable::run);
    }
}
