package io.answersite.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.Severity;
import io.answersite.source.SourceText;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** site.yml read into a {@link SiteConfig}: every section, its defaults, and what a wrong value gives. */
class SiteConfigReaderTest {

    private final Diagnostics diagnostics = new Diagnostics();

    private Optional<SiteConfig> read(String yml) {
        return new SiteConfigReader(new YAMLFactory()).read(new SourceText("site/site.yml", yml), Optional.empty(),
                diagnostics);
    }

    private List<String> findings() {
        return diagnostics.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void aSiteYmlWithTitleAndBaseUrlOnlyGetsEveryDefault() {
        SiteConfig config = read("title: T\nbase_url: https://x.example/docs\n").orElseThrow();
        assertEquals(List.of(), findings());
        assertEquals(URI.create("https://x.example/docs/"), config.baseUrl());
        assertEquals(List.of(new Language("en", "en", "")), config.languages());
        assertEquals(ZoneId.of("UTC"), config.timezone());
        assertEquals(new Organization("T", null, null), config.organization());
        assertEquals(RobotsPolicy.ALLOW_EVERYTHING, config.robots());
        assertEquals(0, config.llmsTxtMaxTokens());
        assertEquals(0, config.llmsFullMaxTokens());
        assertEquals(4, config.moreAnswers());
        assertEquals(20, config.feedEntries());
        assertEquals(100, config.listPageSize());
        assertEquals(10, config.hubAnswersPerTopic());
        assertEquals(CheckSettings.DEFAULTS, config.checks());
    }

    @Test
    void listPagesAndHubGroupsTakeTheirSizesAndZeroMeansAllOnOnePage() {
        SiteConfig config = read("title: T\nbase_url: https://x.example/\nlist_page_size: 0\nhub_answers_per_topic: 3\n")
                .orElseThrow();
        assertEquals(List.of(), findings());
        assertEquals(0, config.listPageSize());
        assertEquals(3, config.hubAnswersPerTopic());
    }

    @Test
    void aNegativeListPageSizeIsReportedAtItsValue() {
        assertEquals(Optional.empty(), read("title: T\nbase_url: https://x.example/\nlist_page_size: -5\n"));
        assertEquals(1, findings().size(), findings().toString());
        assertTrue(findings().get(0).startsWith("site/site.yml:3:17: error: "), findings().get(0));
        assertTrue(findings().get(0).contains("list_page_size"), findings().get(0));
    }

    @Test
    void readsEverySection() {
        SiteConfig config = read("""
                title: T
                base_url: https://x.example/
                default_language: zh-CN
                languages:
                  - code: en
                    name: English
                  - code: zh-CN
                    name: 简体中文
                    title: 示例
                authors:
                  team:
                    name: The Team
                    type: Person
                default_author: team
                timezone: Asia/Shanghai
                organization:
                  name: Org
                  logo: /logo.png
                robots:
                  default: allow
                  ai_crawlers: disallow
                  crawlers:
                    GPTBot: allow
                  disallow: [/private/]
                llms:
                  max_tokens_llms_txt: 100
                  max_tokens_llms_full: 2000
                rules:
                  orphan: error
                  term-unused: off
                limits:
                  description_max_chars: 150
                  answer_max_length: 250
                  title_max_chars: 50
                  title_max_chars_cjk: 25
                  question_similarity_percent: 90
                  review_overdue_error_days: 30
                report:
                  max_lines_per_rule: 7
                related_reciprocal: true
                glossary_autolink: true
                safety:
                  patterns:
                    - name: internal host
                      regex: corp\\.internal
                  allow: [abc123]
                """).orElseThrow();
        assertEquals(List.of(), findings());
        assertEquals(List.of(new Language("zh-CN", "简体中文", ""), new Language("en", "English", "en/")),
                config.languages());
        assertEquals(Map.of("zh-CN", "示例"), config.languageTitles());
        assertEquals(Map.of("team", new Author("team", "The Team", null, "Person")), config.authors());
        assertEquals(ZoneId.of("Asia/Shanghai"), config.timezone());
        assertEquals(new Organization("Org", null, "/logo.png"), config.organization());
        assertEquals(new RobotsPolicy(true, false, Map.of("GPTBot", true), List.of("/private/")), config.robots());
        assertEquals(100, config.llmsTxtMaxTokens());
        assertEquals(2000, config.llmsFullMaxTokens());
        CheckSettings checks = config.checks();
        assertEquals(Map.of(Rules.ORPHAN, Optional.of(Severity.ERROR), Rules.TERM_UNUSED, Optional.empty()),
                checks.severities().overrides());
        assertEquals(List.of(150, 250, 50, 25, 90, 30, 7), List.of(checks.descriptionMaxChars(),
                checks.answerMaxLength(), checks.titleMaxChars(), checks.titleMaxCharsCjk(),
                checks.questionSimilarityPercent(), checks.reviewOverdueErrorDays(), checks.maxLinesPerRule()));
        assertEquals(true, checks.relatedReciprocal());
        assertEquals(true, checks.glossaryAutolink());
        assertEquals(List.of("internal host:corp\\.internal"), checks.safetyPatterns().stream()
                .map(p -> p.name() + ":" + p.pattern().pattern()).toList());
        assertEquals(Set.of("abc123"), checks.allowedFingerprints());
    }

    @Test
    void aLimitLeftOutKeepsItsDefaultBesideOnesSet() {
        CheckSettings checks = read("title: T\nbase_url: https://x.example/\nlimits:\n  answer_max_length: 99\n")
                .orElseThrow().checks();
        assertEquals(99, checks.answerMaxLength());
        assertEquals(CheckSettings.DEFAULTS.descriptionMaxChars(), checks.descriptionMaxChars());
        assertEquals(CheckSettings.DEFAULTS.maxLinesPerRule(), checks.maxLinesPerRule());
    }

    @Test
    void wrongValuesInEachSectionAreReportedAtTheirKeysAndGiveNoConfig() {
        Optional<SiteConfig> config = read("""
                title: T
                base_url: https://x.example/
                timezone: Mars/Olympus
                authors:
                  Bad_Id:
                    name: X
                rules:
                  link-target: warning
                limits: 12
                safety:
                  patterns:
                    - name: broken
                      regex: "("
                """);
        assertEquals(Optional.empty(), config);
        assertEquals(List.of(
                "site/site.yml:3:11: error: timezone 'Mars/Olympus' is not a time zone such as 'UTC' or"
                        + " 'Asia/Shanghai' [config]",
                "site/site.yml:5:3: error: author id 'Bad_Id' must match [a-z0-9][a-z0-9-]* [config]",
                "site/site.yml:8:3: error: rule 'link-target' is always an error and cannot be changed in site.yml"
                        + " [config]",
                "site/site.yml:9:9: error: 'limits' must be a mapping of keys to values, not a number (12)"
                        + " [front-matter-type]",
                "site/site.yml:13:14: error: safety pattern 'broken' is not a valid regular expression: Unclosed"
                        + " group [config]"), findings());
    }
}
