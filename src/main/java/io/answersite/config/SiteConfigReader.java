package io.answersite.config;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rule;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.Severity;
import io.answersite.diagnostic.SeverityPolicy;
import io.answersite.diagnostic.Suggestions;
import io.answersite.diagnostic.SourcePos;
import io.answersite.source.Fields;
import io.answersite.source.SourceReader;
import io.answersite.source.SourceText;
import io.answersite.source.YamlDocument;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads and checks site.yml; every problem is a diagnostic at its key. */
public final class SiteConfigReader {

    /**
     * Entries per list page by default: a list of every answer on one page reached 6.6 MB of HTML at
     * 10,000 pages and 33 MB at 50,000 (bench/generate_corpus.py's default shape), beyond the 15 MB of a
     * page search engines read, and made every edit of one answer render the whole list again.
     */
    public static final int DEFAULT_LIST_PAGE_SIZE = 100;
    /** Answers the hub shows per topic by default; the topic's page lists them all. */
    public static final int DEFAULT_HUB_ANSWERS_PER_TOPIC = 10;

    private static final Set<String> KEYS = Set.of("title", "description", "base_url", "default_language",
            "languages", "authors", "default_author", "more_answers", "timezone", "image", "organization", "robots",
            "llms", "feed_entries", "list_page_size", "hub_answers_per_topic", "rules", "limits", "report",
            "related_reciprocal", "glossary_autolink", "safety");
    private static final Set<String> LIMITS_KEYS = Set.of("description_max_chars", "answer_max_length",
            "title_max_chars", "title_max_chars_cjk", "question_similarity_percent", "review_overdue_error_days");
    private static final Set<String> REPORT_KEYS = Set.of("max_lines_per_rule");
    private static final Set<String> SAFETY_KEYS = Set.of("patterns", "allow");
    private static final Set<String> PATTERN_KEYS = Set.of("name", "regex");
    private static final Set<String> ORGANIZATION_KEYS = Set.of("name", "url", "logo");
    private static final Set<String> ROBOTS_KEYS = Set.of("default", "ai_crawlers", "crawlers", "disallow");
    private static final Set<String> LLMS_KEYS = Set.of("max_tokens_llms_txt", "max_tokens_llms_full");
    private static final Set<String> LANGUAGE_KEYS = Set.of("code", "name", "title");
    private static final Set<String> AUTHOR_KEYS = Set.of("name", "url", "type");
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern AUTHOR_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final YAMLFactory yaml;

    public SiteConfigReader(YAMLFactory yaml) {
        this.yaml = yaml;
    }

    /**
     * Reads the site.yml at {@code file}, through {@code reader} (which reports unreadable text);
     * a missing file is a {@code config-missing} error.
     */
    public Optional<SiteConfig> read(Path file, SourceReader reader, Optional<String> baseUrlOverride,
                                     Diagnostics diagnostics) {
        if (!Files.isRegularFile(file)) {
            diagnostics.error(Rules.CONFIG_MISSING, SourcePos.fileOnly(reader.label(file)),
                    "site.yml not found; create it with at least 'title:' and 'base_url:', or point site.config at it");
            return Optional.empty();
        }
        return reader.read(file, diagnostics).flatMap(text -> read(text, baseUrlOverride, diagnostics));
    }

    public Optional<SiteConfig> read(SourceText source, Optional<String> baseUrlOverride, Diagnostics diagnostics) {
        Optional<YamlDocument> document = YamlDocument.parse(yaml, source.path(), source.text(), 1, diagnostics);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        long errorsBefore = diagnostics.errorCount();
        Fields fields = new Fields(document.get(), "site.yml", diagnostics);
        fields.rejectUnknownKeys(KEYS, "in site.yml");
        String title = fields.requiredString("title").orElse("");
        String description = fields.string("description").orElse("");
        URI baseUrl = baseUrl(fields, baseUrlOverride, diagnostics);
        Languages languages = languages(fields, diagnostics);
        Map<String, Author> authors = fields.object("authors", map -> Optional.of(authors(map, diagnostics)))
                .orElse(Map.of());
        String defaultAuthor = fields.string("default_author").orElse(null);
        if (defaultAuthor != null && !authors.containsKey(defaultAuthor)) {
            diagnostics.error(Rules.CONFIG, fields.valuePos("default_author"), "default_author '" + defaultAuthor
                    + "' is not under 'authors'" + Suggestions.didYouMean(defaultAuthor,
                    authors.keySet(), "authors in site.yml"));
        }
        int moreAnswers = fields.integer("more_answers", 0, 50).orElse(4);
        int feedEntries = fields.integer("feed_entries", 1, 1000).orElse(20);
        int listPageSize = fields.integer("list_page_size", 0, 100_000).orElse(DEFAULT_LIST_PAGE_SIZE);
        int hubAnswersPerTopic = fields.integer("hub_answers_per_topic", 0, 100_000)
                .orElse(DEFAULT_HUB_ANSWERS_PER_TOPIC);
        ZoneId timezone = timezone(fields, diagnostics);
        String image = sitePath(fields, "image", diagnostics).orElse(null);
        Organization organization = fields.object("organization", org -> {
            org.rejectUnknownKeys(ORGANIZATION_KEYS, "in 'organization'");
            Optional<String> name = org.requiredString("name");
            return name.map(n -> new Organization(n, org.string("url").orElse(null),
                    sitePath(org, "logo", diagnostics).orElse(null)));
        }).orElse(new Organization(title, null, null));
        RobotsPolicy robots = fields.object("robots", r -> Optional.of(robots(r, diagnostics)))
                .orElse(RobotsPolicy.ALLOW_EVERYTHING);
        LlmsCaps llms = fields.object("llms", l -> {
            l.rejectUnknownKeys(LLMS_KEYS, "in 'llms'");
            return Optional.of(new LlmsCaps(l.integer("max_tokens_llms_txt", 1, Integer.MAX_VALUE).orElse(0),
                    l.integer("max_tokens_llms_full", 1, Integer.MAX_VALUE).orElse(0)));
        }).orElse(new LlmsCaps(0, 0));

        CheckSettings checks = checks(fields, diagnostics);

        if (diagnostics.errorCount() > errorsBefore || baseUrl == null || languages.all().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SiteConfig(title, description, baseUrl, languages.all(), Map.copyOf(authors),
                defaultAuthor, moreAnswers, languages.titles(), timezone, image, organization, robots, llms.txt(),
                llms.full(), feedEntries, listPageSize, hubAnswersPerTopic, checks));
    }

    /** The languages in site.yml order, the default first, and the site titles some of them set. */
    private record Languages(List<Language> all, Map<String, String> titles) {
    }

    /** The token caps of llms.txt and llms-full.txt; 0 for no cap. */
    private record LlmsCaps(int txt, int full) {
    }

    /** The limits under 'limits' and 'report', each its default when site.yml does not set it. */
    private record Limits(int descriptionMaxChars, int answerMaxLength, int titleMaxChars, int titleMaxCharsCjk,
                          int questionSimilarityPercent, int reviewOverdueErrorDays) {
    }

    /** The site's own safety patterns and the finding fingerprints it allows. */
    private record Safety(List<CheckSettings.SafetyPattern> patterns, Set<String> allowed) {
        static final Safety NONE = new Safety(List.of(), Set.of());
    }

    private static Languages languages(Fields fields, Diagnostics diagnostics) {
        String defaultCode = fields.string("default_language").orElse("en");
        List<LanguageEntry> entries = fields.list("languages", item -> languageEntry(item, diagnostics));
        if (entries.isEmpty() && !fields.has("languages")) {
            entries = List.of(new LanguageEntry(defaultCode, defaultCode, Optional.empty(), fields.pos()));
        }
        LanguageEntry defaultEntry = entries.stream().filter(e -> e.code.equals(defaultCode)).findFirst().orElse(null);
        List<Language> languages = new ArrayList<>();
        Map<String, String> titles = new LinkedHashMap<>();
        if (defaultEntry == null && !entries.isEmpty()) {
            diagnostics.error(Rules.CONFIG, fields.valuePos("default_language"), "default_language '" + defaultCode
                    + "' is not one of the languages listed: "
                    + String.join(", ", entries.stream().map(LanguageEntry::code).toList()));
        } else if (defaultEntry != null) {
            languages.add(new Language(defaultEntry.code, defaultEntry.name, ""));
            defaultEntry.title.ifPresent(t -> titles.put(defaultEntry.code, t));
            for (LanguageEntry entry : entries) {
                if (entry != defaultEntry) {
                    if (languages.stream().anyMatch(l -> l.code().equalsIgnoreCase(entry.code))) {
                        diagnostics.error(Rules.CONFIG, entry.pos, "language '" + entry.code + "' is listed twice");
                        continue;
                    }
                    languages.add(new Language(entry.code, entry.name, entry.code.toLowerCase(Locale.ROOT) + "/"));
                    entry.title.ifPresent(t -> titles.put(entry.code, t));
                }
            }
        }
        return new Languages(List.copyOf(languages), Map.copyOf(titles));
    }

    private static Optional<LanguageEntry> languageEntry(Fields.Item item, Diagnostics diagnostics) {
        Optional<Fields> mapping = item.mapping("a mapping with 'code' and 'name'", LANGUAGE_KEYS, "in a language");
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Fields language = mapping.get();
        Optional<String> code = language.requiredString("code");
        Optional<String> name = language.requiredString("name");
        if (code.isPresent() && !LANGUAGE_CODE.matcher(code.get()).matches()) {
            diagnostics.error(Rules.CONFIG, language.valuePos("code"), "language code '" + code.get()
                    + "' is not a language tag such as 'en' or 'zh-CN'");
            return Optional.empty();
        }
        if (code.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LanguageEntry(code.get(), name.get(), language.string("title"), item.pos()));
    }

    private static Map<String, Author> authors(Fields map, Diagnostics diagnostics) {
        Map<String, Author> authors = new LinkedHashMap<>();
        for (String id : map.keys()) {
            if (!AUTHOR_ID.matcher(id).matches()) {
                diagnostics.error(Rules.CONFIG, map.keyPos(id), "author id '" + id + "' must match [a-z0-9][a-z0-9-]*");
                continue;
            }
            map.object(id, author -> {
                author.rejectUnknownKeys(AUTHOR_KEYS, "in an author");
                Optional<String> name = author.requiredString("name");
                String type = author.string("type").orElse("Organization");
                if (!type.equals("Organization") && !type.equals("Person")) {
                    diagnostics.error(Rules.CONFIG, author.valuePos("type"), "author type must be Person or"
                            + " Organization, not '" + type + "'");
                }
                return name.map(n -> new Author(id, n, author.string("url").orElse(null), type));
            }).ifPresent(author -> authors.put(id, author));
        }
        return authors;
    }

    private static ZoneId timezone(Fields fields, Diagnostics diagnostics) {
        Optional<String> zone = fields.string("timezone");
        if (zone.isPresent()) {
            try {
                return ZoneId.of(zone.get());
            } catch (DateTimeException e) {
                diagnostics.error(Rules.CONFIG, fields.valuePos("timezone"), "timezone '" + zone.get()
                        + "' is not a time zone such as 'UTC' or 'Asia/Shanghai'");
            }
        }
        return ZoneId.of("UTC");
    }

    private static RobotsPolicy robots(Fields r, Diagnostics diagnostics) {
        r.rejectUnknownKeys(ROBOTS_KEYS, "in 'robots'");
        boolean allowAll = policy(r, "default", diagnostics).orElse(true);
        boolean ai = policy(r, "ai_crawlers", diagnostics).orElse(allowAll);
        Map<String, Boolean> crawlers = r.object("crawlers", c -> {
            Map<String, Boolean> byAgent = new TreeMap<>();
            for (String agent : c.keys()) {
                policy(c, agent, diagnostics).ifPresent(allow -> byAgent.put(agent, allow));
            }
            return Optional.of(byAgent);
        }).orElse(Map.of());
        List<String> disallow = r.strings("disallow");
        for (String path : disallow) {
            if (!path.startsWith("/")) {
                diagnostics.error(Rules.CONFIG, r.valuePos("disallow"), "robots disallow path '" + path
                        + "' must start with '/'");
            }
        }
        return new RobotsPolicy(allowAll, ai, Map.copyOf(crawlers), disallow);
    }

    private static CheckSettings checks(Fields fields, Diagnostics diagnostics) {
        CheckSettings defaults = CheckSettings.DEFAULTS;
        Map<String, Optional<Severity>> overrides = fields.object("rules", rules -> Optional.of(severities(rules,
                diagnostics))).orElse(Map.of());
        Limits limits = fields.object("limits", l -> {
            l.rejectUnknownKeys(LIMITS_KEYS, "in 'limits'");
            return Optional.of(new Limits(
                    l.integer("description_max_chars", 1, 100_000).orElse(defaults.descriptionMaxChars()),
                    l.integer("answer_max_length", 1, 100_000).orElse(defaults.answerMaxLength()),
                    l.integer("title_max_chars", 1, 100_000).orElse(defaults.titleMaxChars()),
                    l.integer("title_max_chars_cjk", 1, 100_000).orElse(defaults.titleMaxCharsCjk()),
                    l.integer("question_similarity_percent", 1, 100).orElse(defaults.questionSimilarityPercent()),
                    l.integer("review_overdue_error_days", 0, 100_000).orElse(defaults.reviewOverdueErrorDays())));
        }).orElse(new Limits(defaults.descriptionMaxChars(), defaults.answerMaxLength(), defaults.titleMaxChars(),
                defaults.titleMaxCharsCjk(), defaults.questionSimilarityPercent(), defaults.reviewOverdueErrorDays()));
        int maxLinesPerRule = fields.object("report", r -> {
            r.rejectUnknownKeys(REPORT_KEYS, "in 'report'");
            return r.integer("max_lines_per_rule", 1, 1_000_000);
        }).orElse(defaults.maxLinesPerRule());
        Safety safety = fields.object("safety", s -> Optional.of(safety(s, diagnostics))).orElse(Safety.NONE);
        return new CheckSettings(new SeverityPolicy(Map.copyOf(overrides)), limits.descriptionMaxChars(),
                limits.answerMaxLength(), limits.titleMaxChars(), limits.titleMaxCharsCjk(),
                limits.questionSimilarityPercent(), limits.reviewOverdueErrorDays(), maxLinesPerRule,
                fields.bool("related_reciprocal").orElse(false), fields.bool("glossary_autolink").orElse(false),
                safety.patterns(), safety.allowed());
    }

    /** The severities site.yml gives rules under 'rules'; empty for a rule switched off. */
    private static Map<String, Optional<Severity>> severities(Fields rules, Diagnostics diagnostics) {
        Map<String, Optional<Severity>> overrides = new TreeMap<>();
        for (String id : rules.keys()) {
            Optional<Rule> rule = Rules.find(id);
            if (rule.isEmpty()) {
                diagnostics.error(Rules.CONFIG, rules.keyPos(id), "unknown rule id '" + id + "'"
                        + Suggestions.didYouMean(id, Rules.all().stream().map(Rule::id).toList(), "rule ids"));
                continue;
            }
            if (!rule.get().configurable()) {
                diagnostics.error(Rules.CONFIG, rules.keyPos(id), "rule '" + id + "' is always an error and"
                        + " cannot be changed in site.yml");
                continue;
            }
            // YAML 1.1 reads a bare 'off' as false
            var raw = rules.raw(id);
            Optional<String> level = raw != null && raw.isBoolean() && !raw.booleanValue() ? Optional.of("off")
                    : rules.string(id);
            if (level.isEmpty() || !Set.of("error", "warning", "off").contains(level.get())) {
                diagnostics.error(Rules.CONFIG, rules.valuePos(id), "rule '" + id + "' must be set to error,"
                        + " warning or off, not '" + level.orElse("") + "'");
                continue;
            }
            overrides.put(id, switch (level.get()) {
                case "error" -> Optional.of(Severity.ERROR);
                case "warning" -> Optional.of(Severity.WARNING);
                default -> Optional.empty();
            });
        }
        return overrides;
    }

    private static Safety safety(Fields safety, Diagnostics diagnostics) {
        safety.rejectUnknownKeys(SAFETY_KEYS, "in 'safety'");
        List<CheckSettings.SafetyPattern> patterns = safety.list("patterns", item -> item.mapping(
                "a mapping with 'name' and 'regex'", PATTERN_KEYS, "in a safety pattern").flatMap(pattern -> {
            Optional<String> name = pattern.requiredString("name");
            Optional<String> regex = pattern.requiredString("regex");
            if (name.isEmpty() || regex.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new CheckSettings.SafetyPattern(name.get(), Pattern.compile(regex.get())));
            } catch (PatternSyntaxException e) {
                diagnostics.error(Rules.CONFIG, pattern.valuePos("regex"), "safety pattern '" + name.get()
                        + "' is not a valid regular expression: " + e.getDescription());
                return Optional.empty();
            }
        }));
        return new Safety(List.copyOf(patterns), Set.copyOf(safety.strings("allow")));
    }

    private static Optional<Boolean> policy(Fields fields, String key, Diagnostics diagnostics) {
        Optional<String> value = fields.string(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().equals("allow") && !value.get().equals("disallow")) {
            diagnostics.error(Rules.CONFIG, fields.valuePos(key), "'" + key + "' must be allow or disallow, not '"
                    + value.get() + "'");
            return Optional.empty();
        }
        return Optional.of(value.get().equals("allow"));
    }

    private static Optional<String> sitePath(Fields fields, String key, Diagnostics diagnostics) {
        Optional<String> value = fields.string(key);
        if (value.isPresent() && !value.get().startsWith("/")) {
            diagnostics.error(Rules.CONFIG, fields.valuePos(key), "'" + key + "' must be a site path starting with '/',"
                    + " such as /assets/logo.png, not '" + value.get() + "'");
            return Optional.empty();
        }
        return value;
    }

    private static URI baseUrl(Fields fields, Optional<String> override, Diagnostics diagnostics) {
        SourcePos pos = fields.valuePos("base_url");
        Optional<String> raw = override.isPresent() ? override : fields.requiredString("base_url");
        if (raw.isEmpty()) {
            return null;
        }
        String where = override.isPresent() ? "site.baseUrl" : "base_url";
        try {
            String text = raw.get().endsWith("/") ? raw.get() : raw.get() + "/";
            URI uri = new URI(text);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                    || uri.getQuery() != null || uri.getFragment() != null) {
                diagnostics.error(Rules.CONFIG, pos, where + " '" + raw.get()
                        + "' must be an absolute http(s) URL such as https://example.com/");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            diagnostics.error(Rules.CONFIG, pos, where + " '" + raw.get() + "' is not a valid URL: " + e.getReason());
            return null;
        }
    }

    private record LanguageEntry(String code, String name, Optional<String> title, SourcePos pos) {
    }
}
