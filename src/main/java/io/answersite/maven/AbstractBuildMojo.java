package io.answersite.maven;

import io.answersite.output.OutputBusyException;
import io.answersite.report.ConsoleReport;
import io.answersite.report.ReportFiles;
import io.answersite.report.WorkflowCommands;
import io.answersite.site.Answersite;
import io.answersite.site.BuildRequest;
import io.answersite.site.BuildResult;
import java.io.File;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal that runs the whole pipeline once ({@code site:build}, {@code site:check}): it writes the
 * reports, prints the findings and the summary, and fails on errors.
 */
abstract class AbstractBuildMojo extends AbstractPipelineMojo {

    /** Where report.json, junit.xml and report.html are written, by every build and check. */
    @Parameter(property = "site.reportDir", defaultValue = "${project.build.directory}/site-report")
    private File reportDir;

    /** The plugin, for its version in the SARIF log. */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    /** The process environment by variable name ({@code null} when unset); tests give their own. */
    Function<String, String> environment = System::getenv;

    /** Where GitHub Actions workflow commands go: the process's standard output, where the runner reads them. */
    PrintStream workflowCommands = System.out;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        BuildResult result;
        try {
            result = run(new Answersite(getClass().getClassLoader(), progress()), request(drafts()));
            ReportFiles.write(reportDir.toPath(), siteName(), repositoryPrefix(),
                    toolVersion(), result.diagnostics());
        } catch (OutputBusyException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("the build could not read or write a file: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            // the build's objects are garbage once unwound to here; the previous output was not touched
            throw new MojoExecutionException(HeapAdvice.message("the build", Runtime.getRuntime().maxMemory()), e);
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
                    + " in the site; " + outputPath().toFile() + " was left as it was");
        }
        succeeded(result);
    }

    /** Runs the goal's work: a full build, or checks only. */
    abstract BuildResult run(Answersite answersite, BuildRequest request);

    /** What the goal does after a run without errors, once the findings are printed. */
    abstract void succeeded(BuildResult result) throws MojoExecutionException;

    /**
     * The site's folder relative to the root of the repository it is in (the nearest folder above or
     * at it with a {@code .git} entry), with a trailing {@code /}; empty when the site is that root or
     * is in no repository. The CI reports name files from the repository root.
     */
    String repositoryPrefix() {
        Path site = sitePath().toAbsolutePath().normalize();
        for (Path folder = site; folder != null; folder = folder.getParent()) {
            if (Files.exists(folder.resolve(".git"))) {
                String prefix = folder.relativize(site).toString().replace(File.separatorChar, '/');
                return prefix.isEmpty() ? "" : prefix + "/";
            }
        }
        return "";
    }

    private String toolVersion() {
        return plugin != null && plugin.getVersion() != null ? plugin.getVersion() : "unknown";
    }
}
