package io.answersite.maven;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/** What every goal reads: the site's folder, its Markdown content and its settings. */
abstract class AbstractSiteMojo extends AbstractMojo {

    /** The site's root: reports name files relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    private File basedir;

    /** The Markdown content. */
    @Parameter(property = "site.contentDir", defaultValue = "${project.basedir}/content")
    private File contentDir;

    /** The site-wide settings. */
    @Parameter(property = "site.config", defaultValue = "${project.basedir}/site/site.yml")
    private File config;

    /** The site folder's own name, as reports title it. */
    String siteName() {
        return basedir.getName();
    }

    Path sitePath() {
        return basedir.toPath();
    }

    Path contentPath() {
        return contentDir.toPath();
    }

    Path configPath() {
        return config.toPath();
    }
}
