package io.answersite.config;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings in {@code site/site.yml}.
 *
 * @param title the site's name, shown in every page title
 * @param description one sentence about the site
 * @param baseUrl absolute, ending in {@code /}; canonical URLs are built from it
 * @param languages the default language first, then the others in the order site.yml lists them
 * @param authors by id
 * @param defaultAuthor the id of the author of pages that name none
 * @param moreAnswers how many "more short answers like this" an answer page shows
 * @param languageTitles the site title per language code, where site.yml gives one
 * @param timezone the zone dates are in, for machine files that need a time ({@code 2026-03-02T00:00:00+08:00})
 * @param image the default share image, a site path ({@code /assets/og-image.png})
 * @param organization the publisher, for structured data
 * @param robots what robots.txt allows
 * @param llmsTxtMaxTokens a cap on the estimated tokens of each llms.txt, or 0 for none
 * @param llmsFullMaxTokens a cap on the estimated tokens of each llms-full.txt, or 0 for none
 * @param feedEntries how many answers each Atom feed lists
 * @param listPageSize how many entries each page of a list shows ({@code answers/}, then
 *     {@code answers/page/2/}, ...), or 0 for every entry on one page
 * @param hubAnswersPerTopic how many answers the hub shows under each topic before a link to the
 *     topic's page, or 0 for all of them
 * @param checks rule severities, thresholds and safety patterns
 */
public record SiteConfig(String title, String description, URI baseUrl, List<Language> languages,
                         Map<String, Author> authors, String defaultAuthor, int moreAnswers,
                         Map<String, String> languageTitles, ZoneId timezone, String image,
                         Organization organization, RobotsPolicy robots, int llmsTxtMaxTokens,
                         int llmsFullMaxTokens, int feedEntries, int listPageSize, int hubAnswersPerTopic,
                         CheckSettings checks) {

    public Language defaultLanguage() {
        return languages.get(0);
    }

    public Optional<Language> language(String code) {
        for (Language language : languages) { // a loop: URLs of every page ask, in every build
            if (language.code().equalsIgnoreCase(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The path part of the base URL without its trailing slash: {@code ""} for a site at the root. */
    public String basePath() {
        String path = baseUrl.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    public String titleIn(Language language) {
        return languageTitles.getOrDefault(language.code(), title);
    }
}
