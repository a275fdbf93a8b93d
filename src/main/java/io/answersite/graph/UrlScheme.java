package io.answersite.graph;

import io.answersite.config.Language;
import io.answersite.config.SiteConfig;
import io.answersite.content.Kind;
import io.answersite.content.PageKey;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where each page lives. Site paths start with {@code /} and include the base URL's path; output
 * paths are relative to the output folder and name the file written ({@code answers/x/index.html}).
 */
public final class UrlScheme {

    /** Where files of the content folder that pages link to are copied, relative to the output root. */
    public static final String CONTENT_ASSETS = "assets/content/";

    private static final Pattern SAFE_ALIAS_SEGMENT = Pattern.compile("[\\p{L}\\p{N}._~-]+");

    private final SiteConfig config;
    private final String origin;

    public UrlScheme(SiteConfig config) {
        this.config = config;
        String base = config.baseUrl().toString();
        this.origin = base.substring(0, base.length() - config.baseUrl().getRawPath().length());
    }

    /** The folder of a language's search index, relative to the site root: {@code search/zh-cn/}. */
    public static String searchIndexFolder(Language language) {
        return "search/" + language.code().toLowerCase(Locale.ROOT) + "/";
    }

    /** The folder of a page relative to the site root: {@code en/answers/x/}; {@code ""} for the default hub. */
    public String pageFolder(PageKey key) {
        String prefix = prefix(key.language());
        return key.kind() == Kind.HUB ? prefix : prefix + key.kind().folder() + "/" + key.id() + "/";
    }

    /** The folder of a kind's list page: {@code answers/}, {@code en/glossary/}. */
    public String listFolder(Kind kind, String language) {
        return kind == Kind.HUB ? prefix(language) : prefix(language) + kind.folder() + "/";
    }

    /**
     * The folder of page {@code number} (from 1) of a kind's list: the list's folder for the first,
     * {@code answers/page/2/} for the second, as Hugo and Zola name them.
     */
    public String listPageFolder(Kind kind, String language, int number) {
        return number <= 1 ? listFolder(kind, language) : listFolder(kind, language) + "page/" + number + "/";
    }

    public String hubFolder(String language) {
        return prefix(language);
    }

    /** The root-relative URL of a folder, as links in pages use it: {@code /base/answers/x/}. */
    public String path(String folder) {
        return config.basePath() + "/" + folder;
    }

    public String pagePath(PageKey key) {
        return path(pageFolder(key));
    }

    /** The absolute URL of a folder, for canonical links and machine files. */
    public String absolute(String folder) {
        return origin + path(folder);
    }

    /** The file written for a folder URL. */
    public static String indexFile(String folder) {
        return folder + "index.html";
    }

    private String prefix(String language) {
        for (Language candidate : config.languages()) {
            if (candidate.code().equalsIgnoreCase(language)) {
                return candidate.urlPrefix();
            }
        }
        return "";
    }

    /** The output folder of an alias ({@code old/path/}), or empty when it is not a safe path. */
    public static Optional<String> aliasFolder(String alias) {
        if (!alias.startsWith("/") || alias.startsWith("//")) {
            return Optional.empty();
        }
        String trimmed = alias.substring(1);
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        for (String segment : trimmed.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || !SAFE_ALIAS_SEGMENT.matcher(segment).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(trimmed + "/");
    }
}
