package io.answersite.config;

/** The organization behind the site, for the home page's structured data; {@code logo} may be null. */
public record Organization(String name, String url, String logo) {
}
