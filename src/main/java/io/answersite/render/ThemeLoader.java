package io.answersite.render;

import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds {@code name.peb} in the site's own template folder first, then in the plugin's built-in
 * theme on the classpath. Names are plain ({@code answer}, {@code partials/byline}): no paths
 * outside the template folders can be named.
 */
final class ThemeLoader implements Loader<String> {

    static final String BUILT_IN = "theme/templates/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*");
    private static final String SUFFIX = ".peb";

    private final Path siteTemplates;
    private final ClassLoader classLoader;

    ThemeLoader(Path siteTemplates, ClassLoader classLoader) {
        this.siteTemplates = siteTemplates;
        this.classLoader = classLoader;
    }

    @Override
    public Reader getReader(String name) {
        Optional<Path> own = own(name);
        try {
            if (own.isPresent()) {
                return new StringReader(Files.readString(own.get(), StandardCharsets.UTF_8));
            }
            InputStream builtIn = NAME.matcher(name).matches() ? classLoader.getResourceAsStream(BUILT_IN + name + SUFFIX) : null;
            if (builtIn == null) {
                throw new LoaderException(null, "no template '" + name + "' (looked for " + name + SUFFIX
                        + " in the site's templates and in the built-in theme)");
            }
            return new InputStreamReader(builtIn, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How reports name a template: its site path, or where in the plugin it comes from. */
    String describe(String name) {
        if (own(name).isPresent()) {
            return siteLabel(name);
        }
        return "(built-in theme) templates/" + name + SUFFIX;
    }

    String siteLabel(String name) {
        return "templates/" + name + SUFFIX;
    }

    private Optional<Path> own(String name) {
        if (siteTemplates == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = siteTemplates.resolve(name + SUFFIX);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public void setCharset(String charset) {
        // always UTF-8
    }

    @Override
    public void setPrefix(String prefix) {
        // the folders are fixed at construction
    }

    @Override
    public void setSuffix(String suffix) {
        // always .peb
    }

    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) {
        return null;
    }

    @Override
    public String createCacheKey(String templateName) {
        return templateName;
    }

    @Override
    public boolean resourceExists(String templateName) {
        return own(templateName).isPresent()
                || (NAME.matcher(templateName).matches() && classLoader.getResource(BUILT_IN + templateName + SUFFIX) != null);
    }
}
