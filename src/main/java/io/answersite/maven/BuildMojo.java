package io.answersite.maven;

import io.answersite.emit.HostingFiles;
import io.answersite.site.Answersite;
import io.answersite.site.BuildRequest;
import io.answersite.site.BuildResult;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Loads, checks, renders and writes the site. Reports every content error it finds, then fails the
 * build if there was any; the previous output is then left as it was.
 */
@Mojo(name = "build", threadSafe = true)
public final class BuildMojo extends AbstractBuildMojo {

    /**
     * Where the nginx snippet for the site's server block is written after a successful build: the
     * site's _headers and _redirects as nginx rules, its 404 page, and Markdown twins for clients that
     * prefer them. Outside the site folder, which is published as it is.
     */
    @Parameter(property = "site.nginxFile", defaultValue = "${project.build.directory}/nginx/answersite.conf")
    private File nginxFile;

    /**
     * The build cache: lets a build with no change finish without loading anything, and a build
     * with a change render only the pages it reaches. Deleting it is always safe.
     */
    @Parameter(property = "site.cacheDir", defaultValue = "${project.build.directory}/answersite-cache")
    private File cacheDir;

    /** {@code -Dsite.cache=false} builds everything from scratch and leaves the cache alone. */
    @Parameter(property = "site.cache", defaultValue = "true")
    private boolean cache;

    /**
     * How many seconds a build waits while another build writes the same output folder (another
     * terminal, CI, an editor) before it stops; the builds never write the folder at the same time.
     */
    @Parameter(property = "site.lockWait", defaultValue = "300")
    private int lockWait = 300;

    @Override
    BuildResult run(Answersite answersite, BuildRequest request) {
        Answersite waiting = answersite.waitingForOtherBuilds(Duration.ofSeconds(Math.max(0, lockWait)));
        return cache && cacheDir != null ? waiting.build(request, cacheDir.toPath()) : waiting.build(request);
    }

    @Override
    void succeeded(BuildResult result) throws MojoExecutionException {
        if (result.written()) {
            getLog().info("answersite: site written to " + outputPath().toFile());
        }
        if (nginxFile != null) {
            writeNginxSnippet();
        }
        if (!result.upToDate()) {
            JvmSettingsHint.of(result.pages().total(), ManagementFactory.getRuntimeMXBean().getInputArguments(),
                    System.getProperty("os.name", "").startsWith("Linux"))
                    .ifPresent(getLog()::info);
        }
    }

    private void writeNginxSnippet() throws MojoExecutionException {
        Path headers = outputPath().resolve(HostingFiles.HEADERS);
        Path redirects = outputPath().resolve(HostingFiles.REDIRECTS);
        if (!Files.isRegularFile(headers) || !Files.isRegularFile(redirects)) {
            return;
        }
        boolean written;
        try {
            written = NginxSnippetFile.write(headers, redirects, nginxFile.toPath(),
                    cache && cacheDir != null ? cacheDir.toPath().resolve(NginxSnippetFile.STAMP) : null);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the nginx snippet " + nginxFile + ": " + e.getMessage(), e);
        }
        getLog().info("answersite: nginx snippet in " + nginxFile + (written ? "" : " (unchanged)"));
    }
}
