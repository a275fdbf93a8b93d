package io.answersite.config;

/**
 * A language the site is written in.
 *
 * @param code the BCP 47 tag ({@code zh-CN}, {@code en}); also the file suffix ({@code name.en.md})
 * @param name the language's own name, for the language switch ({@code 简体中文})
 * @param urlPrefix {@code ""} for the default language, otherwise the code in lower case and a slash
 */
public record Language(String code, String name, String urlPrefix) {

    public boolean isDefault() {
        return urlPrefix.isEmpty();
    }
}
