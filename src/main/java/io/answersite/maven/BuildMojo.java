package io.answersite.maven;

import io.answersite.report.ConsoleReport;
import io.answersite.report.ReportFiles;
import io.answersite.report.WorkflowCommands;
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

    /** Where report.json, junit.xml and report.html are written, by every build and check. */
    @Parameter(property = "site.reportDir", defaultValue = "${project.build.directory}/site-report")
    private File reportDir;

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

    /**
     * Where the nginx snippet for the site's server block is written after a successful build: the
     * site's _headers and _redirects as nginx rules, its 404 page, and Markdown twins for clients that
     * prefer them. Outside the site folder, which is published as it is.
     */
    @Parameter(property = "site.nginxFile", defaultValue = "${project.build.directory}/nginx/answersite.conf")
    private File nginxFile;

    /** Overrides base_url in site.yml, for example for a staging host. */
    @Parameter(property = "site.baseUrl")
    private String baseUrl;

    /** Publish drafts and future-dated pages too. */
    /**
     * The build cache: lets a build with no change finish without loading anything, and a build
     * with a change render only the pages it reaches. Deleting it is always safe.
     */
    @Parameter(property = "site.cacheDir", defaultValue = "${project.build.directory}/answersite-cache")
    private File cacheDir;

    /** {@code -Dsite.cache=false} builds everything from scratch and leaves the cache alone. */
    @Parameter(property = "site.cache", defaultValue = "true")
    private boolean cache;

    @Parameter(property = "site.drafts", defaultValue = "false")
    private boolean drafts;

    /**
     * How many seconds a build waits while another build writes the same output folder (another
     * terminal, CI, an editor) before it stops; the builds never write the folder at the same time.
     */
    @Parameter(property = "site.lockWait", defaultValue = "300")
    private int lockWait = 300;

    /** The plugin, for its version in the SARIF log. */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    private org.apache.maven.plugin.descriptor.PluginDescriptor plugin;

    /** The process environment by variable name ({@code null} when unset); tests give their own. */
    java.util.function.Function<String, String> environment = System::getenv;

    /** Where GitHub Actions workflow commands go: the process's standard output, where the runner reads them. */
    java.io.PrintStream workflowCommands = System.out;

    /** The Maven session, to tell an interactive console from a batch run. */
    @Parameter(defaultValue = "${session}", readonly = true)
    protected org.apache.maven.execution.MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        BuildResult result;
        try {
            result = run(new Answersite(BuildMojo.class.getClassLoader(), progress())
                    .waitingForOtherBuilds(java.time.Duration.ofSeconds(Math.max(0, lockWait))), request());
            ReportFiles.write(reportDir.toPath(), basedir.getName(), repositoryPrefix(), toolVersion(),
                    result.diagnostics());
        } catch (io.answersite.output.OutputBusyException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("the build could not read or write a file: " + e.getMessage(), e);
        }
        for (ConsoleReport.Line line : ConsoleReport.lines(result.diagnostics(), result.maxLinesPerRule())) {
            switch (line.level()) {
                case ERROR -> getLog().error(line.text());
                case WARNING -> getLog().warn(line.text());
                default -> getLog().info(line.text());
            }
        }
        if (WorkflowCommands.enabled(environment)) {
            // straight to standard output: the runner reads a command only at the start of a line,
            // so it cannot go through Maven's log with its "[ERROR] " prefix
            WorkflowCommands.lines(result.diagnostics(), repositoryPrefix()).forEach(workflowCommands::println);
            workflowCommands.flush();
        }
        result.heldBack().forEach(h -> getLog().info("held back " + h.sourcePath() + ": " + h.reason()));
        getLog().info("answersite: " + result.summary());
        getLog().info("answersite: report in " + reportDir);
        if (result.failed()) {
            throw new MojoFailureException(result.errorCount() + (result.errorCount() == 1 ? " error" : " errors")
                    + " in the site; " + outputDir + " was left as it was");
        }
        if (result.written()) {
            getLog().info("answersite: site written to " + outputDir);
        }
        if (writesSite() && nginxFile != null) {
            writeNginxSnippet();
        }
    }

    /**
     * Progress for people: on an interactive console a bar of pages rendered; in batch mode (CI, -B)
     * one line per stage and no bar.
     */
    io.answersite.site.BuildListener progress() {
        boolean interactive = session != null && session.getRequest().isInteractiveMode() && System.console() != null;
        return new io.answersite.site.BuildListener() {
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

    /** Whether the goal writes the site (and so the nginx snippet beside it); not {@code site:check}. */
    boolean writesSite() {
        return true;
    }

    private void writeNginxSnippet() throws MojoExecutionException {
        java.nio.file.Path site = outputDir.toPath();
        java.nio.file.Path headers = site.resolve(io.answersite.emit.HostingFiles.HEADERS);
        java.nio.file.Path redirects = site.resolve(io.answersite.emit.HostingFiles.REDIRECTS);
        if (!java.nio.file.Files.isRegularFile(headers) || !java.nio.file.Files.isRegularFile(redirects)) {
            return;
        }
        try {
            java.nio.file.Files.createDirectories(nginxFile.toPath().toAbsolutePath().getParent());
            java.nio.file.Files.writeString(nginxFile.toPath(), io.answersite.emit.NginxSnippet.of(
                    java.nio.file.Files.readString(headers), java.nio.file.Files.readString(redirects)));
        } catch (java.io.IOException e) {
            throw new MojoExecutionException("cannot write the nginx snippet " + nginxFile + ": " + e.getMessage(), e);
        }
        getLog().info("answersite: nginx snippet in " + nginxFile);
    }

    /** Runs the goal's work: a full build here, checks only in {@code site:check}. */
    BuildResult run(Answersite answersite, BuildRequest request) {
        return cache && cacheDir != null ? answersite.build(request, cacheDir.toPath()) : answersite.build(request);
    }

    BuildRequest request() {
        return request(drafts);
    }

    BuildRequest request(boolean includeDrafts) {
        return new BuildRequest(basedir.toPath(), contentDir.toPath(), templatesDir.toPath(),
                staticDir.toPath(), config.toPath(), outputDir.toPath(),
                Optional.ofNullable(baseUrl).filter(s -> !s.isBlank()), includeDrafts, LocalDate.now());
    }

    /** Whether {@code -Dsite.drafts} was given on the command line (serve shows drafts unless told not to). */
    boolean draftsGiven() {
        return session != null && session.getUserProperties().getProperty("site.drafts") != null;
    }

    boolean drafts() {
        return drafts;
    }

    /**
     * The site's folder relative to the root of the repository it is in (the nearest folder above or
     * at it with a {@code .git} entry), with a trailing {@code /}; empty when the site is that root or
     * is in no repository. The CI reports name files from the repository root.
     */
    String repositoryPrefix() {
        java.nio.file.Path site = basedir.toPath().toAbsolutePath().normalize();
        for (java.nio.file.Path folder = site; folder != null; folder = folder.getParent()) {
            if (java.nio.file.Files.exists(folder.resolve(".git"))) {
                String prefix = folder.relativize(site).toString().replace(java.io.File.separatorChar, '/');
                return prefix.isEmpty() ? "" : prefix + "/";
            }
        }
        return "";
    }

    private String toolVersion() {
        return plugin != null && plugin.getVersion() != null ? plugin.getVersion() : "unknown";
    }

    java.nio.file.Path reportPath() {
        return reportDir.toPath();
    }

    java.nio.file.Path contentPath() {
        return contentDir.toPath();
    }

    java.nio.file.Path templatesPath() {
        return templatesDir.toPath();
    }

    java.nio.file.Path configPath() {
        return config.toPath();
    }

    java.nio.file.Path sitePath() {
        return basedir.toPath();
    }

    java.util.List<java.nio.file.Path> watchedFolders() {
        return java.util.List.of(contentDir.toPath(), templatesDir.toPath(), staticDir.toPath(),
                config.toPath().toAbsolutePath().getParent());
    }
}
