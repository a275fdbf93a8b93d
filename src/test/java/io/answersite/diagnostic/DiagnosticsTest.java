package io.answersite.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The collector: severities from the rules, site.yml's policy over every finding. */
class DiagnosticsTest {

    private static List<String> lines(Diagnostics diagnostics) {
        return diagnostics.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void aPolicyAppliesToFindingsAddedBeforeIt() {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.warning(Rules.ORPHAN, SourcePos.fileOnly("a.md"), "alone");
        diagnostics.warning(Rules.TERM_UNUSED, SourcePos.fileOnly("b.md"), "unused");
        diagnostics.error(Rules.LINK_TARGET, SourcePos.fileOnly("c.md"), "nowhere");
        diagnostics.usePolicy(new SeverityPolicy(Map.of(Rules.ORPHAN, Optional.of(Severity.ERROR),
                Rules.TERM_UNUSED, Optional.empty())));
        assertEquals(List.of("a.md: error: alone [orphan]", "c.md: error: nowhere [link-target]"), lines(diagnostics));
        assertEquals(2, diagnostics.errorCount());
    }

    @Test
    void aPolicyAppliesToFindingsAddedAfterIt() {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.usePolicy(new SeverityPolicy(Map.of(Rules.ORPHAN, Optional.of(Severity.ERROR))));
        diagnostics.warning(Rules.ORPHAN, SourcePos.fileOnly("a.md"), "alone");
        assertEquals(List.of("a.md: error: alone [orphan]"), lines(diagnostics));
    }

    @Test
    void aFindingRaisedToAnErrorStaysAnErrorUnlessThePolicySaysOtherwise() {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.raisedToError(Rules.REVIEW_OVERDUE, SourcePos.fileOnly("a.md"), "late");
        assertEquals(List.of("a.md: error: late [review-overdue]"), lines(diagnostics));
        diagnostics.usePolicy(new SeverityPolicy(Map.of(Rules.REVIEW_OVERDUE, Optional.of(Severity.WARNING))));
        assertEquals(List.of("a.md: warning: late [review-overdue]"), lines(diagnostics));
    }
}
