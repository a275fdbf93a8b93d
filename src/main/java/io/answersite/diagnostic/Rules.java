package io.answersite.diagnostic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule the build knows, in one place. Problems that make a page unreadable or unsafe are
 * fixed errors; editorial and link-hygiene rules are warnings that site.yml may raise to errors or
 * switch off ({@code rules: {orphan: error}}).
 */
public final class Rules {

    private static final Map<String, Rule> ALL = new LinkedHashMap<>();

    static {
        // reading files and front matter
        fixed("encoding", "a file is not valid UTF-8");
        fixed("file-empty", "a page file is empty");
        fixed("front-matter-missing", "a page does not start with front matter");
        fixed("front-matter-unclosed", "front matter has no closing '---'");
        fixed("yaml-syntax", "front matter or site.yml is not valid YAML");
        fixed("yaml-not-a-mapping", "front matter is not a set of key: value lines");
        fixed("front-matter-required", "a required key is missing");
        fixed("front-matter-type", "a key has a value of the wrong type");
        fixed("front-matter-unknown-key", "a key the page's schema does not define");
        fixed("front-matter-enum", "a value outside the set a key allows (such as the kind in a typed reference)");
        fixed("markdown-nesting", "a Markdown body nests too deeply for the parser");
        fixed("date-format", "a date is not written YYYY-MM-DD or does not exist");
        fixed("date-order", "'updated' is before 'date'");
        fixed("id-pattern", "an id does not match [a-z0-9][a-z0-9-]*");
        fixed("id-duplicate", "two pages of one kind and language share an id");
        fixed("language-unknown", "a file-name language suffix that site.yml does not list");
        fixed("content-location", "a Markdown file outside the content folders");
        fixed("topic-unknown", "a page names a topic that does not exist");
        fixed("author-unknown", "a page names an author site.yml does not list");
        // links
        fixed("link-target", "a link (inline, reference-style, typed or from the site's root) to a page or file that does not exist");
        fixed("link-anchor", "a link to an anchor its target does not show");
        fixed("link-type", "a typed reference whose kind does not match its target");
        fixed("link-draft", "a published page links to a draft or scheduled page");
        fixed("link-file", "a link leaves the content folder or names a file that does not exist");
        fixed("link-external", "an http(s) link that is not a valid URL");
        fixed("image-alt", "an image without alt text");
        fixed("alias-path", "an alias is not a safe site path");
        fixed("url-collision", "two pages or aliases claim the same URL");
        configurable("orphan", Severity.WARNING, "no other page, topic or hub links to the page");
        configurable("answer-unbacked", Severity.WARNING, "an answer links to no guide or checklist");
        configurable("term-unused", Severity.WARNING, "no page links to a glossary term");
        configurable("term-unlinked", Severity.WARNING, "an answer uses a glossary term without linking it");
        configurable("link-language", Severity.WARNING, "a link to another language while a translation exists");
        configurable("related-oneway", Severity.WARNING, "a related page does not link back (when site.yml asks)");
        // editorial limits
        configurable("description-length", Severity.WARNING, "a description longer than the set limit");
        configurable("answer-length", Severity.WARNING, "a short answer longer than the set limit");
        configurable("title-length", Severity.WARNING, "a title wider than result pages show (full-width characters count two)");
        configurable("question-duplicate", Severity.WARNING, "two answers in one language ask nearly the same question");
        configurable("title-question", Severity.WARNING, "an answer's title is not a question");
        configurable("basis-empty", Severity.WARNING, "an answer has no basis");
        configurable("next-steps-empty", Severity.WARNING, "an answer has no next steps");
        // safety and freshness
        fixed("secret", "a credential, token or private key in content");
        fixed("secret-frontend-env", "a front-end environment variable that carries a secret");
        fixed("safety-pattern", "a match of a site.yml safety pattern (internal host, private IP, account id)");
        configurable("review-overdue", Severity.WARNING, "review.next is in the past");
        // site, theme and output
        fixed("config", "site.yml has a wrong value");
        fixed("config-missing", "site.yml is missing");
        fixed("content-missing", "the content folder is missing");
        fixed("template", "a template fails to parse or render");
        fixed("ui-strings", "a UI string is empty");
        fixed("llms-budget", "llms.txt or llms-full.txt is over its token cap");
        fixed("built-site", "a generated page breaks an HTML invariant (a generator or template bug; body links are link-target)");
    }

    private static final java.util.Set<String> SECRET_RULES = java.util.Set.of("secret", "secret-frontend-env",
            "safety-pattern");

    private Rules() {
    }

    /**
     * Whether a finding of this rule means its file holds a secret (a credential, or a match of a
     * site's safety pattern): nothing derived from such a file is kept on disk by the build, whatever
     * severity site.yml gives the rule.
     */
    public static boolean findsSecret(String ruleId) {
        return SECRET_RULES.contains(ruleId);
    }

    private static void fixed(String id, String summary) {
        ALL.put(id, new Rule(id, Severity.ERROR, false, summary));
    }

    private static void configurable(String id, Severity severity, String summary) {
        ALL.put(id, new Rule(id, severity, true, summary));
    }

    public static Optional<Rule> find(String id) {
        return Optional.ofNullable(ALL.get(id));
    }

    public static List<Rule> all() {
        return List.copyOf(ALL.values());
    }
}
