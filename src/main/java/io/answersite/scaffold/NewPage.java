package io.answersite.scaffold;

import io.answersite.config.Language;
import io.answersite.config.SiteConfig;
import io.answersite.content.ContentLoader;
import io.answersite.content.Kind;
import io.answersite.diagnostic.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a new page. Refuses, with a message that says what to do, an unknown type, an id that
 * breaks the pattern, a missing or unknown topic, an unknown language, a translation of a page that
 * does not exist, and a file that already exists: it never overwrites.
 */
public final class NewPage {

    /** What to write. {@code topic}, {@code language} and {@code title} may be null. */
    public record Request(String type, String id, String topic, String language, String title, LocalDate today) {
    }

    /** A refusal: the message says why and what to do. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private static final List<String> TYPES = Kind.contentKinds().stream().map(Kind::refName).toList();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z]+)\\s*}}");

    private final SiteConfig config;
    private final Path contentDir;
    private final Path siteTemplates;
    private final ClassLoader themeClassLoader;

    public NewPage(SiteConfig config, Path contentDir, Path siteTemplates, ClassLoader themeClassLoader) {
        this.config = config;
        this.contentDir = contentDir;
        this.siteTemplates = siteTemplates;
        this.themeClassLoader = themeClassLoader;
    }

    /** Writes the page and returns its file. */
    public Path write(Request request) throws Refused {
        if (request.type() == null || !TYPES.contains(request.type())) {
            throw new Refused("unknown type '" + request.type() + "'; use -Dtype= one of " + String.join(", ", TYPES)
                    + Suggestions.closest(String.valueOf(request.type()), TYPES).map(t -> " (did you mean '" + t + "'?)")
                    .orElse(""));
        }
        Kind kind = Kind.fromRefName(request.type()).orElseThrow();
        if (request.id() == null || !ContentLoader.ID_PATTERN.matcher(request.id()).matches()) {
            throw new Refused("id '" + request.id() + "' must match [a-z0-9][a-z0-9-]* (lower-case letters, digits and"
                    + " '-'), for example -Did=model-not-found");
        }
        Language language = config.defaultLanguage();
        if (request.language() != null && !request.language().isBlank()) {
            language = config.language(request.language()).orElseThrow(() -> new Refused("unknown language '"
                    + request.language() + "'; site.yml lists " + String.join(", ",
                    config.languages().stream().map(Language::code).toList())));
        }
        Path folder = contentDir.resolve(kind.folder());
        Path file = folder.resolve(request.id() + (language.isDefault() ? "" : "." + language.code()) + ".md");
        if (Files.exists(file)) {
            throw new Refused(contentDir.getFileName() + "/" + kind.folder() + "/" + file.getFileName()
                    + " already exists; pick another id, or edit that file");
        }
        String text = language.isDefault() ? fromArchetype(kind, request) : translation(kind, request, language, folder);
        try {
            Files.createDirectories(folder);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private String fromArchetype(Kind kind, Request request) throws Refused {
        String topic = request.topic();
        if (kind.requiresTopic() || (topic != null && !topic.isBlank())) {
            TreeSet<String> topics = topics();
            if (topic == null || topic.isBlank()) {
                throw new Refused("a new " + kind.refName() + " needs a topic: add -Dtopic=<id>; known topics: "
                        + (topics.isEmpty() ? "none yet (create one with -Dtype=topic)" : String.join(", ", topics)));
            }
            if (!topics.contains(topic)) {
                throw new Refused("unknown topic '" + topic + "'" + Suggestions.didYouMean(topic, topics, "known topics"));
            }
        }
        String title = request.title() != null && !request.title().isBlank() ? request.title()
                : humanize(request.id()) + (kind == Kind.ANSWER ? "?" : "");
        Map<String, String> values = Map.of("title", yaml(title), "description",
                yaml("TODO: one or two sentences for search results."), "date", request.today().toString(),
                "topic", topic == null ? "" : topic, "id", request.id());
        Matcher matcher = PLACEHOLDER.matcher(archetype(kind));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), matcher.group())));
        }
        return matcher.appendTail(out).toString();
    }

    /** A copy of the page in the default language, marked as a draft to translate. */
    private String translation(Kind kind, Request request, Language language, Path folder) throws Refused {
        Path original = folder.resolve(request.id() + ".md");
        if (!Files.isRegularFile(original)) {
            throw new Refused("there is no " + kind.refName() + " '" + request.id() + "' in "
                    + config.defaultLanguage().code() + " to translate (" + contentDir.getFileName() + "/"
                    + kind.folder() + "/" + request.id() + ".md); create it first");
        }
        String text;
        try {
            text = Files.readString(original, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!text.startsWith("---\n")) {
            throw new Refused(original.getFileName() + " has no front matter to copy");
        }
        String header = "---\n# Translation into " + language.code() + " of " + kind.folder() + "/" + request.id()
                + ".md: translate every value and the body, then remove 'draft: true'.\n";
        String rest = text.substring(4)
                .replaceFirst("(?m)^draft:.*\\n", "")
                .replaceFirst("(?m)^date:.*$", "date: " + request.today())
                .replaceFirst("(?m)^updated:.*\\n", "");
        if (request.title() != null && !request.title().isBlank()) {
            rest = rest.replaceFirst("(?m)^title:.*$", Matcher.quoteReplacement("title: " + yaml(request.title())));
        }
        return header + "draft: true\n" + rest;
    }

    private String archetype(Kind kind) {
        String name = "archetypes/" + kind.refName() + ".md";
        try {
            if (siteTemplates != null && Files.isRegularFile(siteTemplates.resolve(name))) {
                return Files.readString(siteTemplates.resolve(name), StandardCharsets.UTF_8);
            }
            try (InputStream in = themeClassLoader.getResourceAsStream("theme/templates/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in archetype " + name + " is missing");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TreeSet<String> topics() {
        TreeSet<String> topics = new TreeSet<>();
        Path folder = contentDir.resolve(Kind.TOPIC.folder());
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".md"))
                        .map(n -> n.substring(0, n.length() - 3)).filter(n -> !n.contains("."))
                        .forEach(topics::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return topics;
    }

    private static String humanize(String id) {
        String words = id.replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** A YAML double-quoted scalar. */
    static String yaml(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

}
