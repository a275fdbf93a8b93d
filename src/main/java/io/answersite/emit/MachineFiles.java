package io.answersite.emit;

import io.answersite.diagnostic.Diagnostics;
import io.answersite.output.SiteOutput;

/**
 * The list of emitters, assembled in one place: Markdown twins, llms.txt and llms-full.txt,
 * llms.json, the sitemap, robots.txt, the Atom feeds and the published JSON Schemas.
 */
public final class MachineFiles {

    private final SiteText site;
    private final String configLabel;

    /** @param configLabel how reports name site.yml, for budget findings */
    public MachineFiles(SiteText site, String configLabel) {
        this.site = site;
        this.configLabel = configLabel;
    }

    public void emit(SiteOutput output, Diagnostics diagnostics) {
        MarkdownTwins twins = new MarkdownTwins(site);
        twins.emit(output);
        new LlmsFiles(site, twins, configLabel).emit(output, diagnostics);
        new LlmsJson(site, twins).emit(output);
        new Sitemap(site).emit(output);
        new Robots(site).emit(output);
        new AtomFeed(site).emit(output);
        new Schemas().emit(output);
        new io.answersite.search.SearchIndex(site).emit(output);
    }
}
