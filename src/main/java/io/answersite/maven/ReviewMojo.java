package io.answersite.maven;

import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.graph.ContentGraph;
import io.answersite.report.ReviewReport;
import io.answersite.site.Answersite;
import io.answersite.site.BuildRequest;
import io.answersite.site.LoadedSite;
import io.answersite.site.StageTimes;
import java.io.File;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists published pages by review state (overdue, due within {@code site.reviewDays} days, never
 * reviewed) with owner and dates, on the console and as review.html in the report folder. A page
 * whose file has a secret finding is left out (with a warning): nothing of such a file is written.
 */
@Mojo(name = "review", threadSafe = true)
public final class ReviewMojo extends AbstractSiteMojo {

    /** Where review.html is written, beside the build's reports. */
    @Parameter(property = "site.reportDir", defaultValue = "${project.build.directory}/site-report")
    private File reportDir;

    /** Pages whose next review falls within this many days count as due soon. */
    @Parameter(property = "site.reviewDays", defaultValue = "14")
    private int reviewDays;

    @Override
    public void execute() throws MojoFailureException {
        // loading reads neither templates, static files nor the output folder: the usual paths stand in
        BuildRequest request = new BuildRequest(sitePath(), contentPath(), sitePath().resolve("templates"),
                sitePath().resolve("site/static"), configPath(), sitePath().resolve("target/site"), Optional.empty(),
                false, LocalDate.now());
        Diagnostics diagnostics = new Diagnostics();
        LoadedSite loaded = new Answersite(ReviewMojo.class.getClassLoader()).load(request, diagnostics, new StageTimes());
        if (loaded.graph().isEmpty()) {
            diagnostics.sorted().forEach(d -> getLog().error(d.format()));
            throw new MojoFailureException("the site could not be loaded; fix the errors above");
        }
        ContentGraph graph = loaded.graph().get();
        Set<String> withSecrets = new TreeSet<>();
        diagnostics.sorted().stream().filter(d -> Rules.findsSecret(d.ruleId()))
                .forEach(d -> withSecrets.add(d.pos().path()));
        withSecrets.forEach(path -> getLog().warn("answersite: " + path + " is left out of the review plan: it has"
                + " a secret finding (site:check shows it)"));
        List<ReviewReport.Row> rows = ReviewReport.rows(graph, LocalDate.now(), reviewDays).stream()
                .filter(row -> !withSecrets.contains(row.path())).toList();
        ReviewReport.lines(rows).forEach(getLog()::info);
        ReviewReport.writeHtml(reportDir.toPath(), graph.config().title(), rows, LocalDate.now());
        getLog().info("answersite: review plan in " + reportDir.toPath().resolve("review.html"));
    }
}
