package io.answersite.site;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What to build, and where from and to. Paths may be relative; they are taken as given.
 *
 * @param siteRoot the folder that reports name files relative to
 * @param templatesDir the site's own templates; need not exist (the built-in theme is used)
 * @param staticDir the site's own static files; need not exist
 * @param baseUrl overrides {@code base_url} in site.yml when present
 * @param includeDrafts publish drafts and future-dated pages too
 * @param today the date against which future-dated pages are held back
 */
public record BuildRequest(Path siteRoot, Path contentDir, Path templatesDir, Path staticDir, Path configFile,
                           Path outputDir, Optional<String> baseUrl, boolean includeDrafts, LocalDate today) {

    /** The conventional layout of a site folder: content/, templates/, site/static/, site/site.yml, target/site/. */
    public static BuildRequest forSite(Path siteRoot, LocalDate today) {
        return new BuildRequest(siteRoot, siteRoot.resolve("content"), siteRoot.resolve("templates"),
                siteRoot.resolve("site/static"), siteRoot.resolve("site/site.yml"), siteRoot.resolve("target/site"),
                Optional.empty(), false, today);
    }

    public BuildRequest withOutputDir(Path newOutputDir) {
        return new BuildRequest(siteRoot, contentDir, templatesDir, staticDir, configFile, newOutputDir, baseUrl,
                includeDrafts, today);
    }

    public BuildRequest withContentDir(Path newContentDir) {
        return new BuildRequest(siteRoot, newContentDir, templatesDir, staticDir, configFile, outputDir, baseUrl,
                includeDrafts, today);
    }

    public BuildRequest withIncludeDrafts(boolean include) {
        return new BuildRequest(siteRoot, contentDir, templatesDir, staticDir, configFile, outputDir, baseUrl,
                include, today);
    }
}
