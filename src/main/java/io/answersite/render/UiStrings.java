package io.answersite.render;

import io.answersite.config.SiteConfig;
import java.util.Map;

/**
 * The one lookup of UI strings, for the pages and for the files emitted beside them: a language's
 * strings are its own bundle, or the default language's when it has none; a key missing from the
 * bundle stands for itself.
 */
public final class UiStrings {

    private UiStrings() {
    }

    /**
     * The strings pages in {@code language} use.
     *
     * @param byLanguage the UI strings by language code, from {@link Theme#strings}
     */
    public static Map<String, String> of(Map<String, Map<String, String>> byLanguage, SiteConfig config,
                                         String language) {
        Map<String, String> bundle = byLanguage.getOrDefault(language,
                byLanguage.get(config.defaultLanguage().code()));
        return bundle == null ? Map.of() : bundle;
    }

    /** The string {@code key} in {@code language}, or the key itself when no bundle has it. */
    public static String get(Map<String, Map<String, String>> byLanguage, SiteConfig config, String language,
                             String key) {
        return of(byLanguage, config, language).getOrDefault(key, key);
    }
}
