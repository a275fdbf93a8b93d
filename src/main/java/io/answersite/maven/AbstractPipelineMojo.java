package io.answersite.maven;

import io.answersite.site.BuildListener;
import io.answersite.site.BuildRequest;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals that run the whole pipeline (build, check, serve) read besides the content: the
 * theme, static files, where pages go, the base URL and whether drafts are published.
 */
abstract class AbstractPipelineMojo extends AbstractSiteMojo {

    /** The site's own templates; each overrides the built-in template of the same name. */
    @Parameter(property = "site.templatesDir", defaultValue = "${project.basedir}/templates")
    private File templatesDir;

    /** The site's own static files, copied as they are; each overrides the built-in file of the same path. */
    @Parameter(property = "site.staticDir", defaultValue = "${project.basedir}/site/static")
    private File staticDir;

    /**
     * Where the site is written. Replaced as a whole, only by a build without errors; findings in
     * built pages name files below it.
     */
    @Parameter(property = "site.outputDir", defaultValue = "${project.build.directory}/site")
    private File outputDir;

    /** Overrides base_url in site.yml, for example for a staging host. */
    @Parameter(property = "site.baseUrl")
    private String baseUrl;

    /** Publish drafts and future-dated pages too. */
    @Parameter(property = "site.drafts", defaultValue = "false")
    private boolean drafts;

    /** The Maven session, to tell an interactive console from a batch run. */
    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    BuildRequest request(boolean includeDrafts) {
        return new BuildRequest(sitePath(), contentPath(), templatesDir.toPath(), staticDir.toPath(), configPath(),
                outputDir.toPath(), Optional.ofNullable(baseUrl).filter(s -> !s.isBlank()), includeDrafts,
                LocalDate.now());
    }

    boolean drafts() {
        return drafts;
    }

    /** Whether {@code -Dsite.drafts} was given on the command line (serve shows drafts unless told not to). */
    boolean draftsGiven() {
        return session != null && session.getUserProperties().getProperty("site.drafts") != null;
    }

    Path outputPath() {
        return outputDir.toPath();
    }

    /** The folders whose changes the preview follows. */
    List<Path> watchedFolders() {
        return List.of(contentPath(), templatesDir.toPath(), staticDir.toPath(),
                configPath().toAbsolutePath().getParent());
    }

    /**
     * Progress for people: on an interactive console a bar of pages rendered; in batch mode (CI, -B)
     * one line per stage and no bar.
     */
    BuildListener progress() {
        boolean interactive = session != null && session.getRequest().isInteractiveMode() && System.console() != null;
        return new BuildListener() {
            private int lastPercent = -1;

            @Override
            public void stageEnded(String stage, long millis) {
                if (interactive && lastPercent >= 0) {
                    System.out.print("\r\033[K");
                    lastPercent = -1;
                }
                getLog().info("answersite: " + stage + " done in " + millis + " ms");
            }

            @Override
            public void note(String message) {
                getLog().info("answersite: " + message);
            }

            @Override
            public synchronized void pagesRendered(int done, int total) {
                int percent = total == 0 ? 100 : done * 100 / total;
                if (interactive && percent != lastPercent) {
                    lastPercent = percent;
                    int bar = percent / 5;
                    System.out.print("\r[" + "#".repeat(bar) + " ".repeat(20 - bar) + "] " + done + "/" + total
                            + " pages");
                    System.out.flush();
                }
            }
        };
    }
}
