/**
 * Site-wide settings from {@code site/site.yml}: the base URL, the languages and which one is the
 * default, the authors, and the numbers the theme uses. Read once, checked, then immutable.
 */
package io.answersite.config;
