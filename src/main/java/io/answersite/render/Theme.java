package io.answersite.render;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.answersite.cache.Fingerprint;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.SourcePos;
import io.answersite.source.Fields;
import io.answersite.source.SourceReader;
import io.answersite.source.SourceText;
import io.answersite.source.YamlDocument;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates and UI strings of a build: the site's own where it has them, the built-in theme
 * otherwise. One per build; safe to render from several threads.
 */
public final class Theme {

    private static final String STRINGS_FOLDER = "i18n/";

    private final ThemeLoader loader;
    private final PebbleEngine engine;
    private final Path siteTemplates;
    private final ClassLoader classLoader;
    private final YAMLFactory yaml;
    private final SourceReader reader;
    /** Per template, a little over the bytes of the last page rendered with it: the next page's first buffer size. */
    private final Map<String, Integer> lastSizes = new ConcurrentHashMap<>();

    /** @param siteTemplates the site's template folder; it need not exist */
    public Theme(Path siteTemplates, ClassLoader classLoader, YAMLFactory yaml, SourceReader reader) {
        this.siteTemplates = siteTemplates != null && Files.isDirectory(siteTemplates) ? siteTemplates : null;
        this.classLoader = classLoader;
        this.yaml = yaml;
        this.reader = reader;
        this.loader = new ThemeLoader(this.siteTemplates, classLoader);
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .strictVariables(true)
                .autoEscaping(true)
                .newLineTrimming(true)
                .build();
    }

    /**
     * Compiles {@code templates} (and what they include) into the engine's cache on a thread of its own,
     * while the build reads and checks the content: a build that renders a few pages spent about a
     * quarter of its render stage parsing templates with code not yet compiled. A template that does
     * not compile is left for {@link #render} to report. The returned thread ends by itself.
     */
    public Thread compileInBackground(Collection<String> templates) {
        Thread thread = new Thread(() -> {
            for (String template : templates) {
                try {
                    engine.getTemplate(template);
                } catch (RuntimeException e) {
                    // a template mistake: reported with its position when a page is rendered with it
                }
            }
        }, "answersite-templates");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Renders {@code template} with {@code context} into the page's bytes (UTF-8); a template mistake
     * is reported at the template's file and line, and gives empty.
     */
    public Optional<byte[]> render(String template, Map<String, Object> context, Diagnostics diagnostics) {
        return render(template, context, diagnostics, 0);
    }

    /**
     * As {@link #render(String, Map, Diagnostics)}, the page expected to be about {@code lastSize}
     * bytes (its size last time, when known; 0 otherwise).
     */
    Optional<byte[]> render(String template, Map<String, Object> context, Diagnostics diagnostics, int lastSize) {
        try {
            PebbleTemplate compiled = engine.getTemplate(template);
            // sized by the page's last size, else by the last page of the template, so that a page's
            // bytes are rarely copied to grow (a list or hub page is megabytes, its template's others kilobytes)
            Utf8Writer out = new Utf8Writer(lastSize > 0 ? lastSize + lastSize / 16 + 256
                    : lastSizes.getOrDefault(template, 16 * 1024));
            compiled.evaluate(out, context);
            byte[] bytes = out.toByteArray();
            lastSizes.put(template, bytes.length + bytes.length / 8);
            return Optional.of(bytes);
        } catch (PebbleException e) {
            String name = e.getFileName() != null ? e.getFileName() : template;
            int line = e.getLineNumber() == null ? 0 : Math.max(0, e.getLineNumber());
            String message = e.getPebbleMessage() != null ? e.getPebbleMessage() : String.valueOf(e.getMessage());
            // no page name in the message: the same mistake found while rendering many pages is one finding
            diagnostics.error(Rules.TEMPLATE, new SourcePos(loader.describe(name), line, 0),
                    message.strip().replace(Views.class.getName() + "$", ""));
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The UI strings for a language: the built-in bundle, with the site's own {@code
     * templates/i18n/<lang>.yml} laid over it key by key. A language without a built-in bundle
     * falls back to English.
     */
    public Map<String, String> strings(String language, Diagnostics diagnostics) {
        Map<String, String> strings = new TreeMap<>();
        String builtIn = ThemeLoader.BUILT_IN + STRINGS_FOLDER + language + ".yml";
        if (classLoader.getResource(builtIn) == null) {
            builtIn = ThemeLoader.BUILT_IN + STRINGS_FOLDER + "en.yml";
        }
        readStrings(builtIn, classLoader.getResourceAsStream(builtIn), strings, diagnostics);
        if (siteTemplates != null) {
            Path own = siteTemplates.resolve(STRINGS_FOLDER + language + ".yml");
            if (Files.isRegularFile(own)) {
                reader.read(own, diagnostics).ifPresent(text -> readStrings(text, strings, diagnostics));
            }
        }
        // sorted, so that a view's text (which render caching digests) is the same from run to run
        return Collections.unmodifiableMap(strings);
    }

    /**
     * A digest of the site's own templates and strings (the built-in ones change only with the
     * plugin), so that cached pages are not reused across a template edit.
     */
    public String fingerprint() {
        Fingerprint fingerprint = new Fingerprint();
        return (siteTemplates == null ? fingerprint.add("templates", "none")
                : fingerprint.addTree("templates", siteTemplates)).hex();
    }

    private void readStrings(String label, InputStream in, Map<String, String> into, Diagnostics diagnostics) {
        if (in == null) {
            return;
        }
        try (in) {
            SourceReader.decode(label, in.readAllBytes(), diagnostics).ifPresent(text -> readStrings(text, into, diagnostics));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readStrings(SourceText text, Map<String, String> into, Diagnostics diagnostics) {
        YamlDocument.parse(yaml, text.path(), text.text(), 1, diagnostics).ifPresent(document -> {
            Fields fields = new Fields(document, diagnostics);
            for (String key : fields.keys()) {
                fields.string(key).ifPresentOrElse(value -> into.put(key, value),
                        () -> diagnostics.error(Rules.UI_STRINGS, fields.valuePos(key), "UI string '" + key
                                + "' is empty; give it a text or remove the key"));
            }
        });
    }
}
