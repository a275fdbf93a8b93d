package io.answersite.config;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.SourcePos;
import io.answersite.source.Fields;
import io.answersite.source.SourceText;
import io.answersite.source.YamlDocument;
import java.net.URI;
import java.net.URISyntaxException;
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
            "languages", "authors", "default_author", "more_answers");
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

        if (diagnostics.errorCount() > errorsBefore || baseUrl == null || languages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SiteConfig(title, description, baseUrl, List.copyOf(languages), Map.copyOf(authors),
                defaultAuthor, moreAnswers, Map.copyOf(titles)));
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
