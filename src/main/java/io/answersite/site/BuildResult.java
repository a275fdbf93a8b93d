package io.answersite.site;

import io.answersite.diagnostic.Diagnostic;
import io.answersite.graph.HeldBack;
import io.answersite.render.PageCounts;
import io.answersite.sink.OutputManifest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a build did: every finding (sorted), what it wrote, what it held back, and how long each
 * stage took. {@code written} is false when errors stopped it (or for a check); the output folder
 * is then untouched. {@code maxLinesPerRule} is site.yml's cap on console lines per rule;
 * {@code changedFiles} how many files of the output folder the build changed, added or removed
 * (-1 when it wrote no output folder); {@code output} the output folder as a written build left it.
 */
public record BuildResult(List<Diagnostic> diagnostics, PageCounts pages, int staticFiles, List<HeldBack> heldBack,
                          StageTimes times, boolean written, int maxLinesPerRule, int changedFiles, boolean upToDate,
                          Optional<OutputManifest> output) {

    public BuildResult(List<Diagnostic> diagnostics, PageCounts pages, int staticFiles, List<HeldBack> heldBack,
                       StageTimes times, boolean written, int maxLinesPerRule, int changedFiles) {
        this(diagnostics, pages, staticFiles, heldBack, times, written, maxLinesPerRule, changedFiles, false,
                Optional.empty());
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return diagnostics.size() - errorCount();
    }

    public boolean failed() {
        return errorCount() > 0;
    }

    /** The one-line summary printed at the end of a build. */
    public String summary() {
        StringBuilder line = new StringBuilder();
        if (upToDate) {
            line.append("up to date (inputs and output as the build cache recorded them): ").append(pages.total())
                    .append(" pages (").append(pages).append("), ").append(staticFiles).append(" static files, 0 files changed");
        } else if (written) {
            int rendered = pages.renderedPaths().size();
            line.append("wrote ").append(pages.total()).append(" pages (").append(pages).append("), ");
            if (rendered < pages.total()) {
                line.append(rendered).append(" of them rendered again (the others' views are unchanged), ");
            }
            line.append(staticFiles).append(" static files, ").append(changedFiles)
                    .append(changedFiles == 1 ? " file changed" : " files changed");
        } else if (pages.total() > 0) {
            line.append("checked ").append(pages.total()).append(" pages (").append(pages).append("), wrote no site");
        } else {
            line.append("wrote nothing");
        }
        if (!heldBack.isEmpty()) {
            line.append(", held back ").append(heldBack.size());
        }
        line.append("; ").append(warningCount()).append(warningCount() == 1 ? " warning, " : " warnings, ")
                .append(errorCount()).append(errorCount() == 1 ? " error" : " errors")
                .append(" in ").append(String.format(Locale.ROOT, "%.2f s", times.totalMillis() / 1000.0));
        return line.toString();
    }
}
