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
import io.answersite.source.SourceText;
import io.answersite.source.YamlDocument;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks site.yml; every problem is a diagnostic at its key. */
public final class SiteConfigReader {

    public static final String RULE_CONFIG = "config";

    private static final Set<String> KEYS = Set.of("title", "description", "base_url", "default_language",
            "languages", "authors", "default_author", "more_answers", "timezone", "image", "organization", "robots",
            "llms", "feed_entries", "rules", "limits", "report", "related_reciprocal", "glossary_autolink", "safety");
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

        String defaultCode = fields.string("default_language").orElse("en");
        List<Language> languages = new ArrayList<>();
        Map<String, String> titles = new LinkedHashMap<>();
        List<LanguageEntry> entries = fields.list("languages", item -> {
            if (!item.isObject()) {
                item.reportType("a mapping with 'code' and 'name'");
                return Optional.empty();
            }
            Fields language = item.fields();
            language.rejectUnknownKeys(LANGUAGE_KEYS, "in a language");
            Optional<String> code = language.requiredString("code");
            Optional<String> name = language.requiredString("name");
            if (code.isPresent() && !LANGUAGE_CODE.matcher(code.get()).matches()) {
                diagnostics.error(RULE_CONFIG, language.valuePos("code"), "language code '" + code.get()
                        + "' is not a language tag such as 'en' or 'zh-CN'");
                return Optional.empty();
            }
            if (code.isEmpty() || name.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new LanguageEntry(code.get(), name.get(), language.string("title"), item.pos()));
        });
        if (entries.isEmpty() && !fields.has("languages")) {
            entries = List.of(new LanguageEntry(defaultCode, defaultCode, Optional.empty(), fields.pos()));
        }
        LanguageEntry defaultEntry = entries.stream().filter(e -> e.code.equals(defaultCode)).findFirst().orElse(null);
        if (defaultEntry == null && !entries.isEmpty()) {
            diagnostics.error(RULE_CONFIG, fields.valuePos("default_language"), "default_language '" + defaultCode
                    + "' is not one of the languages listed: "
                    + String.join(", ", entries.stream().map(LanguageEntry::code).toList()));
        } else if (defaultEntry != null) {
            languages.add(new Language(defaultEntry.code, defaultEntry.name, ""));
            defaultEntry.title.ifPresent(t -> titles.put(defaultEntry.code, t));
            for (LanguageEntry entry : entries) {
                if (entry != defaultEntry) {
                    if (languages.stream().anyMatch(l -> l.code().equalsIgnoreCase(entry.code))) {
                        diagnostics.error(RULE_CONFIG, entry.pos, "language '" + entry.code + "' is listed twice");
                        continue;
                    }
                    languages.add(new Language(entry.code, entry.name, entry.code.toLowerCase(Locale.ROOT) + "/"));
                    entry.title.ifPresent(t -> titles.put(entry.code, t));
                }
            }
        }

        Map<String, Author> authors = new LinkedHashMap<>();
        fields.object("authors", map -> {
            for (String id : iterable(map)) {
                if (!AUTHOR_ID.matcher(id).matches()) {
                    diagnostics.error(RULE_CONFIG, map.keyPos(id), "author id '" + id
                            + "' must match [a-z0-9][a-z0-9-]*");
                    continue;
                }
                map.object(id, author -> {
                    author.rejectUnknownKeys(AUTHOR_KEYS, "in an author");
                    Optional<String> name = author.requiredString("name");
                    String type = author.string("type").orElse("Organization");
                    if (!type.equals("Organization") && !type.equals("Person")) {
                        diagnostics.error(RULE_CONFIG, author.valuePos("type"), "author type must be Person or"
                                + " Organization, not '" + type + "'");
                    }
                    name.ifPresent(n -> authors.put(id, new Author(id, n, author.string("url").orElse(null), type)));
                    return Optional.empty();
                });
            }
            return Optional.empty();
        });
        String defaultAuthor = fields.string("default_author").orElse(null);
        if (defaultAuthor != null && !authors.containsKey(defaultAuthor)) {
            diagnostics.error(RULE_CONFIG, fields.valuePos("default_author"), "default_author '" + defaultAuthor
                    + "' is not under 'authors'" + io.answersite.diagnostic.Suggestions.didYouMean(defaultAuthor,
                    authors.keySet(), "authors in site.yml"));
        }
        int moreAnswers = fields.integer("more_answers", 0, 50).orElse(4);
        int feedEntries = fields.integer("feed_entries", 1, 1000).orElse(20);
        ZoneId timezone = ZoneId.of("UTC");
        Optional<String> zone = fields.string("timezone");
        if (zone.isPresent()) {
            try {
                timezone = ZoneId.of(zone.get());
            } catch (java.time.DateTimeException e) {
                diagnostics.error(RULE_CONFIG, fields.valuePos("timezone"), "timezone '" + zone.get()
                        + "' is not a time zone such as 'UTC' or 'Asia/Shanghai'");
            }
        }
        String image = sitePath(fields, "image", diagnostics).orElse(null);
        Organization organization = fields.object("organization", org -> {
            org.rejectUnknownKeys(ORGANIZATION_KEYS, "in 'organization'");
            Optional<String> name = org.requiredString("name");
            return name.map(n -> new Organization(n, org.string("url").orElse(null),
                    sitePath(org, "logo", diagnostics).orElse(null)));
        }).orElse(new Organization(title, null, null));
        RobotsPolicy robots = fields.object("robots", r -> {
            r.rejectUnknownKeys(ROBOTS_KEYS, "in 'robots'");
            boolean allowAll = policy(r, "default", diagnostics).orElse(true);
            boolean ai = policy(r, "ai_crawlers", diagnostics).orElse(allowAll);
            Map<String, Boolean> crawlers = new java.util.TreeMap<>();
            r.object("crawlers", c -> {
                for (String agent : c.keys()) {
                    policy(c, agent, diagnostics).ifPresent(allow -> crawlers.put(agent, allow));
                }
                return Optional.empty();
            });
            List<String> disallow = r.strings("disallow");
            for (String path : disallow) {
                if (!path.startsWith("/")) {
                    diagnostics.error(RULE_CONFIG, r.valuePos("disallow"), "robots disallow path '" + path
                            + "' must start with '/'");
                }
            }
            return Optional.of(new RobotsPolicy(allowAll, ai, Map.copyOf(crawlers), disallow));
        }).orElse(RobotsPolicy.ALLOW_EVERYTHING);
        int[] llms = {0, 0};
        fields.object("llms", l -> {
            l.rejectUnknownKeys(LLMS_KEYS, "in 'llms'");
            llms[0] = l.integer("max_tokens_llms_txt", 1, Integer.MAX_VALUE).orElse(0);
            llms[1] = l.integer("max_tokens_llms_full", 1, Integer.MAX_VALUE).orElse(0);
            return Optional.empty();
        });

        CheckSettings checks = checks(fields, diagnostics);

        if (diagnostics.errorCount() > errorsBefore || baseUrl == null || languages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SiteConfig(title, description, baseUrl, List.copyOf(languages), Map.copyOf(authors),
                defaultAuthor, moreAnswers, Map.copyOf(titles), timezone, image, organization, robots, llms[0], llms[1],
                feedEntries, checks));
    }

    private static CheckSettings checks(Fields fields, Diagnostics diagnostics) {
        CheckSettings defaults = CheckSettings.DEFAULTS;
        Map<String, Optional<Severity>> overrides = new java.util.TreeMap<>();
        fields.object("rules", rules -> {
            for (String id : rules.keys()) {
                Optional<Rule> rule = Rules.find(id);
                if (rule.isEmpty()) {
                    diagnostics.error(RULE_CONFIG, rules.keyPos(id), "unknown rule id '" + id + "'"
                            + Suggestions.didYouMean(id, Rules.all().stream().map(Rule::id).toList(), "rule ids"));
                    continue;
                }
                if (!rule.get().configurable()) {
                    diagnostics.error(RULE_CONFIG, rules.keyPos(id), "rule '" + id + "' is always an error and"
                            + " cannot be changed in site.yml");
                    continue;
                }
                // YAML 1.1 reads a bare 'off' as false
                var raw = rules.raw(id);
                Optional<String> level = raw != null && raw.isBoolean() && !raw.booleanValue() ? Optional.of("off")
                        : rules.string(id);
                if (level.isEmpty() || !Set.of("error", "warning", "off").contains(level.get())) {
                    diagnostics.error(RULE_CONFIG, rules.valuePos(id), "rule '" + id + "' must be set to error,"
                            + " warning or off, not '" + level.orElse("") + "'");
                    continue;
                }
                overrides.put(id, switch (level.get()) {
                    case "error" -> Optional.of(Severity.ERROR);
                    case "warning" -> Optional.of(Severity.WARNING);
                    default -> Optional.empty();
                });
            }
            return Optional.empty();
        });
        int[] limits = {defaults.descriptionMaxChars(), defaults.answerMaxLength(), defaults.reviewOverdueErrorDays(),
                defaults.maxLinesPerRule(), defaults.titleMaxChars(), defaults.titleMaxCharsCjk(),
                defaults.questionSimilarityPercent()};
        fields.object("limits", l -> {
            l.rejectUnknownKeys(LIMITS_KEYS, "in 'limits'");
            limits[0] = l.integer("description_max_chars", 1, 100_000).orElse(limits[0]);
            limits[1] = l.integer("answer_max_length", 1, 100_000).orElse(limits[1]);
            limits[2] = l.integer("review_overdue_error_days", 0, 100_000).orElse(limits[2]);
            limits[4] = l.integer("title_max_chars", 1, 100_000).orElse(limits[4]);
            limits[5] = l.integer("title_max_chars_cjk", 1, 100_000).orElse(limits[5]);
            limits[6] = l.integer("question_similarity_percent", 1, 100).orElse(limits[6]);
            return Optional.empty();
        });
        fields.object("report", r -> {
            r.rejectUnknownKeys(REPORT_KEYS, "in 'report'");
            limits[3] = r.integer("max_lines_per_rule", 1, 1_000_000).orElse(limits[3]);
            return Optional.empty();
        });
        List<CheckSettings.SafetyPattern> patterns = new java.util.ArrayList<>();
        Set<String> allowed = new java.util.TreeSet<>();
        fields.object("safety", safety -> {
            safety.rejectUnknownKeys(SAFETY_KEYS, "in 'safety'");
            patterns.addAll(safety.list("patterns", item -> {
                if (!item.isObject()) {
                    item.reportType("a mapping with 'name' and 'regex'");
                    return Optional.empty();
                }
                Fields pattern = item.fields();
                pattern.rejectUnknownKeys(PATTERN_KEYS, "in a safety pattern");
                Optional<String> name = pattern.requiredString("name");
                Optional<String> regex = pattern.requiredString("regex");
                if (name.isEmpty() || regex.isEmpty()) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(new CheckSettings.SafetyPattern(name.get(), java.util.regex.Pattern.compile(regex.get())));
                } catch (java.util.regex.PatternSyntaxException e) {
                    diagnostics.error(RULE_CONFIG, pattern.valuePos("regex"), "safety pattern '" + name.get()
                            + "' is not a valid regular expression: " + e.getDescription());
                    return Optional.empty();
                }
            }));
            allowed.addAll(safety.strings("allow"));
            return Optional.empty();
        });
        return new CheckSettings(new SeverityPolicy(Map.copyOf(overrides)), limits[0], limits[1], limits[4], limits[5],
                limits[6], limits[2], limits[3],
                fields.bool("related_reciprocal").orElse(false), fields.bool("glossary_autolink").orElse(false),
                List.copyOf(patterns), Set.copyOf(allowed));
    }

    private static Optional<Boolean> policy(Fields fields, String key, Diagnostics diagnostics) {
        Optional<String> value = fields.string(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().equals("allow") && !value.get().equals("disallow")) {
            diagnostics.error(RULE_CONFIG, fields.valuePos(key), "'" + key + "' must be allow or disallow, not '"
                    + value.get() + "'");
            return Optional.empty();
        }
        return Optional.of(value.get().equals("allow"));
    }

    private static Optional<String> sitePath(Fields fields, String key, Diagnostics diagnostics) {
        Optional<String> value = fields.string(key);
        if (value.isPresent() && !value.get().startsWith("/")) {
            diagnostics.error(RULE_CONFIG, fields.valuePos(key), "'" + key + "' must be a site path starting with '/',"
                    + " such as /assets/logo.png, not '" + value.get() + "'");
            return Optional.empty();
        }
        return value;
    }

    private static Iterable<String> iterable(Fields map) {
        return map.keys();
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
                diagnostics.error(RULE_CONFIG, pos, where + " '" + raw.get()
                        + "' must be an absolute http(s) URL such as https://example.com/");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            diagnostics.error(RULE_CONFIG, pos, where + " '" + raw.get() + "' is not a valid URL: " + e.getReason());
            return null;
        }
    }

    private record LanguageEntry(String code, String name, Optional<String> title, SourcePos pos) {
    }
}
