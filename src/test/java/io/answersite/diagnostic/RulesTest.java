package io.answersite.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.answersite.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule list is complete: every rule id the code reports is registered and documented. */
class RulesTest {

    private static final Pattern RULE_IN_CODE = Pattern.compile(
            "RULE_[A-Z_]+ = \"([a-z-]+)\"|\\.(?:error|warning)\\(\"([a-z-]+)\"");

    @Test
    void everyRuleIdReportedInTheCodeIsRegistered() throws IOException {
        TreeSet<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TestSites.repositoryRoot().resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = RULE_IN_CODE.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                }
            }
        }
        List<String> unregistered = used.stream().filter(id -> Rules.find(id).isEmpty()).toList();
        assertEquals(List.of(), unregistered);
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
