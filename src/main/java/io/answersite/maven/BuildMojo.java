package io.answersite.maven;

import io.answersite.diagnostic.Diagnostic;
import io.answersite.site.Answersite;
import io.answersite.site.BuildRequest;
import io.answersite.site.BuildResult;
import java.io.File;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Loads, checks, renders and writes the site. Reports every content error it finds, then fails the
 * build if there was any; the previous output is then left as it was.
 */
@Mojo(name = "build", threadSafe = true)
public class BuildMojo extends AbstractMojo {

    /** The site's root: reports name files relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    private File basedir;

    /** The Markdown content. */
    @Parameter(property = "site.contentDir", defaultValue = "${project.basedir}/content")
    private File contentDir;

    /** The site's own templates; each overrides the built-in template of the same name. */
    @Parameter(property = "site.templatesDir", defaultValue = "${project.basedir}/templates")
    private File templatesDir;

    /** The site's own static files, copied as they are; each overrides the built-in file of the same path. */
    @Parameter(property = "site.staticDir", defaultValue = "${project.basedir}/site/static")
    private File staticDir;

    /** The site-wide settings. */
    @Parameter(property = "site.config", defaultValue = "${project.basedir}/site/site.yml")
    private File config;

    /** Where the site is written. Replaced as a whole, only by a build without errors. */
    @Parameter(property = "site.outputDir", defaultValue = "${project.build.directory}/site")
    private File outputDir;

    /** Overrides base_url in site.yml, for example for a staging host. */
    @Parameter(property = "site.baseUrl")
    private String baseUrl;

    /** Publish drafts and future-dated pages too. */
    @Parameter(property = "site.drafts", defaultValue = "false")
    private boolean drafts;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        BuildRequest request = new BuildRequest(basedir.toPath(), contentDir.toPath(), templatesDir.toPath(),
                staticDir.toPath(), config.toPath(), outputDir.toPath(),
                Optional.ofNullable(baseUrl).filter(s -> !s.isBlank()), drafts, LocalDate.now());
        BuildResult result;
        try {
            result = new Answersite(BuildMojo.class.getClassLoader()).build(request);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("the build could not read or write a file: " + e.getMessage(), e);
        }
        for (Diagnostic diagnostic : result.diagnostics()) {
            if (diagnostic.isError()) {
                getLog().error(diagnostic.format());
            } else {
                getLog().warn(diagnostic.format());
            }
        }
        result.heldBack().forEach(h -> getLog().info("held back " + h.sourcePath() + ": " + h.reason()));
        getLog().info("answersite: " + result.summary());
        if (result.failed()) {
            throw new MojoFailureException(result.errorCount() + (result.errorCount() == 1 ? " error" : " errors")
                    + " in the site; " + outputDir + " was left as it was");
        }
        if (result.written()) {
            getLog().info("answersite: site written to " + outputDir);
        }
    }
}
