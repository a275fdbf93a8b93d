package io.answersite.maven;

import io.answersite.site.Answersite;
import io.answersite.site.BuildRequest;
import io.answersite.site.BuildResult;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Runs every check of {@code site:build} (content, links, safety, and the built pages, rendered into
 * a temporary folder) and writes the report, but no site: the output folder is not touched. Fails
 * on errors, like a build.
 */
@Mojo(name = "check", threadSafe = true)
public final class CheckMojo extends AbstractBuildMojo {

    @Override
    BuildResult run(Answersite answersite, BuildRequest request) {
        return answersite.check(request);
    }

    @Override
    void succeeded(BuildResult result) {
        // nothing was written
    }
}
