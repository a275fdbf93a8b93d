package io.answersite.diagnostic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every rule the build knows, in one place: its id as a constant, which code reports by name, and
 * its registration. Problems that make a page unreadable or unsafe are fixed errors; editorial and
 * link-hygiene rules are warnings that site.yml may raise to errors or switch off
 * ({@code rules: {orphan: error}}). {@link Diagnostics} refuses a finding of a rule not listed here.
 */
public final class Rules {

    // reading files and front matter
    public static final String ENCODING = "encoding";
    public static final String FILE_EMPTY = "file-empty";
    public static final String FRONT_MATTER_MISSING = "front-matter-missing";
    public static final String FRONT_MATTER_UNCLOSED = "front-matter-unclosed";
    public static final String YAML_SYNTAX = "yaml-syntax";
    public static final String YAML_NOT_A_MAPPING = "yaml-not-a-mapping";
    public static final String FRONT_MATTER_REQUIRED = "front-matter-required";
    public static final String FRONT_MATTER_TYPE = "front-matter-type";
    public static final String FRONT_MATTER_UNKNOWN_KEY = "front-matter-unknown-key";
    public static final String FRONT_MATTER_ENUM = "front-matter-enum";
    public static final String MARKDOWN_NESTING = "markdown-nesting";
    public static final String DATE_FORMAT = "date-format";
    public static final String DATE_ORDER = "date-order";
    public static final String ID_PATTERN = "id-pattern";
    public static final String ID_DUPLICATE = "id-duplicate";
    public static final String LANGUAGE_UNKNOWN = "language-unknown";
    public static final String CONTENT_LOCATION = "content-location";
    public static final String TOPIC_UNKNOWN = "topic-unknown";
    public static final String AUTHOR_UNKNOWN = "author-unknown";

    // links
    public static final String LINK_TARGET = "link-target";
    public static final String LINK_ANCHOR = "link-anchor";
    public static final String LINK_TYPE = "link-type";
    public static final String LINK_DRAFT = "link-draft";
    public static final String LINK_FILE = "link-file";
    public static final String LINK_EXTERNAL = "link-external";
    public static final String IMAGE_ALT = "image-alt";
    public static final String ALIAS_PATH = "alias-path";
    public static final String URL_COLLISION = "url-collision";
    public static final String ORPHAN = "orphan";
    public static final String ANSWER_UNBACKED = "answer-unbacked";
    public static final String TERM_UNUSED = "term-unused";
    public static final String TERM_UNLINKED = "term-unlinked";
    public static final String LINK_LANGUAGE = "link-language";
    public static final String RELATED_ONEWAY = "related-oneway";

    // editorial limits
    public static final String DESCRIPTION_LENGTH = "description-length";
    public static final String ANSWER_LENGTH = "answer-length";
    public static final String TITLE_LENGTH = "title-length";
    public static final String QUESTION_DUPLICATE = "question-duplicate";
    public static final String TITLE_QUESTION = "title-question";
    public static final String BASIS_EMPTY = "basis-empty";
    public static final String NEXT_STEPS_EMPTY = "next-steps-empty";

    // safety and freshness
    public static final String SECRET = "secret";
    public static final String SECRET_FRONTEND_ENV = "secret-frontend-env";
    public static final String SAFETY_PATTERN = "safety-pattern";
    public static final String REVIEW_OVERDUE = "review-overdue";

    // site, theme and output
    public static final String CONFIG = "config";
    public static final String CONFIG_MISSING = "config-missing";
    public static final String CONTENT_MISSING = "content-missing";
    public static final String TEMPLATE = "template";
    public static final String UI_STRINGS = "ui-strings";
    public static final String LLMS_BUDGET = "llms-budget";
    public static final String BUILT_SITE = "built-site";

    private static final Map<String, Rule> ALL = byId(List.of(
            // reading files and front matter
            fixed(ENCODING, "a file is not valid UTF-8"),
            fixed(FILE_EMPTY, "a page file is empty"),
            fixed(FRONT_MATTER_MISSING, "a page does not start with front matter"),
            fixed(FRONT_MATTER_UNCLOSED, "front matter has no closing '---'"),
            fixed(YAML_SYNTAX, "front matter or site.yml is not valid YAML"),
            fixed(YAML_NOT_A_MAPPING, "front matter is not a set of key: value lines"),
            fixed(FRONT_MATTER_REQUIRED, "a required key is missing"),
            fixed(FRONT_MATTER_TYPE, "a key has a value of the wrong type"),
            fixed(FRONT_MATTER_UNKNOWN_KEY, "a key the page's schema does not define"),
            fixed(FRONT_MATTER_ENUM, "a value outside the set a key allows (such as the kind in a typed reference)"),
            fixed(MARKDOWN_NESTING, "a Markdown body nests too deeply for the parser"),
            fixed(DATE_FORMAT, "a date is not written YYYY-MM-DD or does not exist"),
            fixed(DATE_ORDER, "'updated' is before 'date'"),
            fixed(ID_PATTERN, "an id does not match [a-z0-9][a-z0-9-]*"),
            fixed(ID_DUPLICATE, "two pages of one kind and language share an id"),
            fixed(LANGUAGE_UNKNOWN, "a file-name language suffix that site.yml does not list"),
            fixed(CONTENT_LOCATION, "a Markdown file outside the content folders"),
            fixed(TOPIC_UNKNOWN, "a page names a topic that does not exist"),
            fixed(AUTHOR_UNKNOWN, "a page names an author site.yml does not list"),
            // links
            fixed(LINK_TARGET, "a link (inline, reference-style, typed or from the site's root) to a page or file that does not exist"),
            fixed(LINK_ANCHOR, "a link to an anchor its target does not show"),
            fixed(LINK_TYPE, "a typed reference whose kind does not match its target"),
            fixed(LINK_DRAFT, "a published page links to a draft or scheduled page"),
            fixed(LINK_FILE, "a link leaves the content folder or names a file that does not exist"),
            fixed(LINK_EXTERNAL, "an http(s) link that is not a valid URL"),
            fixed(IMAGE_ALT, "an image without alt text"),
            fixed(ALIAS_PATH, "an alias is not a safe site path"),
            fixed(URL_COLLISION, "two pages or aliases claim the same URL"),
            configurable(ORPHAN, Severity.WARNING, "no other page, topic or hub links to the page"),
            configurable(ANSWER_UNBACKED, Severity.WARNING, "an answer links to no guide or checklist"),
            configurable(TERM_UNUSED, Severity.WARNING, "no page links to a glossary term"),
            configurable(TERM_UNLINKED, Severity.WARNING, "an answer uses a glossary term without linking it"),
            configurable(LINK_LANGUAGE, Severity.WARNING, "a link to another language while a translation exists"),
            configurable(RELATED_ONEWAY, Severity.WARNING, "a related page does not link back (when site.yml asks)"),
            // editorial limits
            configurable(DESCRIPTION_LENGTH, Severity.WARNING, "a description longer than the set limit"),
            configurable(ANSWER_LENGTH, Severity.WARNING, "a short answer longer than the set limit"),
            configurable(TITLE_LENGTH, Severity.WARNING, "a title wider than result pages show (full-width characters count two)"),
            configurable(QUESTION_DUPLICATE, Severity.WARNING, "two answers in one language ask nearly the same question"),
            configurable(TITLE_QUESTION, Severity.WARNING, "an answer's title is not a question"),
            configurable(BASIS_EMPTY, Severity.WARNING, "an answer has no basis"),
            configurable(NEXT_STEPS_EMPTY, Severity.WARNING, "an answer has no next steps"),
            // safety and freshness
            fixed(SECRET, "a credential, token or private key in content"),
            fixed(SECRET_FRONTEND_ENV, "a front-end environment variable that carries a secret"),
            fixed(SAFETY_PATTERN, "a match of a site.yml safety pattern (internal host, private IP, account id)"),
            configurable(REVIEW_OVERDUE, Severity.WARNING, "review.next is in the past"),
            // site, theme and output
            fixed(CONFIG, "site.yml has a wrong value"),
            fixed(CONFIG_MISSING, "site.yml is missing"),
            fixed(CONTENT_MISSING, "the content folder is missing"),
            fixed(TEMPLATE, "a template fails to parse or render"),
            fixed(UI_STRINGS, "a UI string is empty"),
            fixed(LLMS_BUDGET, "llms.txt or llms-full.txt is over its token cap"),
            fixed(BUILT_SITE, "a generated page breaks an HTML invariant (a generator or template bug; body links are link-target)")));

    private static final Set<String> SECRET_RULES = Set.of(SECRET, SECRET_FRONTEND_ENV, SAFETY_PATTERN);

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

    private static Rule fixed(String id, String summary) {
        return new Rule(id, Severity.ERROR, false, summary);
    }

    private static Rule configurable(String id, Severity severity, String summary) {
        return new Rule(id, severity, true, summary);
    }

    private static Map<String, Rule> byId(List<Rule> rules) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (byId.put(rule.id(), rule) != null) {
                throw new IllegalStateException("rule " + rule.id() + " is registered twice");
            }
        }
        return Collections.unmodifiableMap(byId);
    }

    public static Optional<Rule> find(String id) {
        return Optional.ofNullable(ALL.get(id));
    }

    /** The rule of {@code id}; an id no rule has is a programming error. */
    public static Rule require(String id) {
        Rule rule = ALL.get(id);
        if (rule == null) {
            throw new IllegalArgumentException("no rule '" + id + "' is registered in Rules");
        }
        return rule;
    }

    /** Every rule, in the order of the rule list in docs/rules.md. */
    public static List<Rule> all() {
        return List.copyOf(ALL.values());
    }
}
