package io.answersite.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.answersite.TestSites;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule list is complete: every rule id constant is registered and documented, and a finding of
 * an unregistered rule, or at another severity than its rule's, is refused.
 */
class RulesTest {

    @Test
    void everyRuleIdConstantIsRegisteredUnderItsOwnId() throws IllegalAccessException {
        List<String> unregistered = new ArrayList<>();
        int constants = 0;
        for (Field field : Rules.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants++;
                String id = (String) field.get(null);
                if (Rules.find(id).map(Rule::id).filter(id::equals).isEmpty()) {
                    unregistered.add(field.getName() + " = " + id);
                }
            }
        }
        assertEquals(List.of(), unregistered);
        assertEquals(Rules.all().size(), constants, "one constant per registered rule");
    }

    @Test
    void aFindingOfARuleNoOneRegisteredIsAProgrammingError() {
        Diagnostics diagnostics = new Diagnostics();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> diagnostics.error("no-such-rule", SourcePos.fileOnly("a.md"), "x"));
        assertEquals("no rule 'no-such-rule' is registered in Rules", e.getMessage());
    }

    @Test
    void aWarningRuleReportedAsAnErrorIsAProgrammingError() {
        Diagnostics diagnostics = new Diagnostics();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> diagnostics.error(Rules.ORPHAN, SourcePos.fileOnly("a.md"), "x"));
        assertEquals("rule 'orphan' is WARNING by default, not ERROR; report it with report()", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> diagnostics.warning(Rules.LINK_TARGET, SourcePos.fileOnly("a.md"), "x"));
    }

    @Test
    void reportGivesAFindingItsRulesDefaultSeverity() {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.report(Rules.ORPHAN, SourcePos.fileOnly("a.md"), "alone");
        diagnostics.report(Rules.LINK_TARGET, SourcePos.fileOnly("b.md"), "nowhere");
        assertEquals(List.of("a.md: warning: alone [orphan]", "b.md: error: nowhere [link-target]"),
                diagnostics.sorted().stream().map(Diagnostic::format).toList());
    }

    @Test
    void theRuleListCannotBeChanged() {
        assertThrows(UnsupportedOperationException.class, () -> Rules.all().clear());
    }

    @Test
    void everyRegisteredRuleIsDocumentedWithAnExampleAndAFix() throws IOException {
        String docs = Files.readString(TestSites.repositoryRoot().resolve("docs/rules.md"));
        List<String> missing = Rules.all().stream()
                .filter(rule -> !docs.contains("### `" + rule.id() + "`")).map(Rule::id).toList();
        assertEquals(List.of(), missing, "rules without a section in docs/rules.md");
        List<String> incomplete = Rules.all().stream().filter(rule -> {
            String section = docs.substring(docs.indexOf("### `" + rule.id() + "`"));
            int next = section.indexOf("\n### ", 5);
            section = next < 0 ? section : section.substring(0, next);
            return !section.contains("Example:") || !section.contains("Fix:");
        }).map(Rule::id).toList();
        assertEquals(List.of(), incomplete, "rules whose section lacks an example or a fix");
    }
}
