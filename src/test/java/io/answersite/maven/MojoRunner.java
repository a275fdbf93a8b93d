package io.answersite.maven;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs a goal the way Maven would for a site folder: parameters set to their defaults for that
 * folder, and every log line captured, so tests can read exactly what a user's console shows.
 */
public final class MojoRunner {

    /** Every line the goal logged, prefixed with its level as Maven prints it. */
    public final List<String> log = new ArrayList<>();

    /** Sets each folder parameter the goal has to its default for {@code site}, and captures the log. */
    public <T extends AbstractMojo> T configure(T mojo, Path site) throws ReflectiveOperationException {
        Map<String, Path> defaults = new LinkedHashMap<>();
        defaults.put("basedir", site);
        defaults.put("contentDir", site.resolve("content"));
        defaults.put("templatesDir", site.resolve("templates"));
        defaults.put("staticDir", site.resolve("site/static"));
        defaults.put("config", site.resolve("site/site.yml"));
        defaults.put("outputDir", site.resolve("target/site"));
        defaults.put("reportDir", site.resolve("target/site-report"));
        defaults.put("nginxFile", site.resolve("target/nginx/answersite.conf"));
        for (Map.Entry<String, Path> parameter : defaults.entrySet()) {
            if (field(mojo.getClass(), parameter.getKey()).isPresent()) {
                set(mojo, parameter.getKey(), parameter.getValue().toFile());
            }
        }
        mojo.setLog(new CapturingLog());
        return mojo;
    }

    /** Sets one of the goal's parameters as Maven would from {@code -Dsite.<name>=...}. */
    public static void set(Object mojo, String name, Object value) throws ReflectiveOperationException {
        Field field = field(mojo.getClass(), name)
                .orElseThrow(() -> new NoSuchFieldException(mojo.getClass().getSimpleName() + " has no " + name));
        field.setAccessible(true);
        field.set(mojo, value);
    }

    /** The goal's field of that name, declared by its class or one of the abstract goals above it. */
    private static Optional<Field> field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != AbstractMojo.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    return Optional.of(field);
                }
            }
        }
        return Optional.empty();
    }

    private final class CapturingLog implements Log {
        private void add(String level, CharSequence text, Throwable error) {
            log.add("[" + level + "] " + (text == null ? "" : text) + (error == null ? "" : " " + error));
        }

        @Override public boolean isDebugEnabled() { return true; }
        @Override public void debug(CharSequence content) { add("DEBUG", content, null); }
        @Override public void debug(CharSequence content, Throwable error) { add("DEBUG", content, error); }
        @Override public void debug(Throwable error) { add("DEBUG", null, error); }
        @Override public boolean isInfoEnabled() { return true; }
        @Override public void info(CharSequence content) { add("INFO", content, null); }
        @Override public void info(CharSequence content, Throwable error) { add("INFO", content, error); }
        @Override public void info(Throwable error) { add("INFO", null, error); }
        @Override public boolean isWarnEnabled() { return true; }
        @Override public void warn(CharSequence content) { add("WARNING", content, null); }
        @Override public void warn(CharSequence content, Throwable error) { add("WARNING", content, error); }
        @Override public void warn(Throwable error) { add("WARNING", null, error); }
        @Override public boolean isErrorEnabled() { return true; }
        @Override public void error(CharSequence content) { add("ERROR", content, null); }
        @Override public void error(CharSequence content, Throwable error) { add("ERROR", content, error); }
        @Override public void error(Throwable error) { add("ERROR", null, error); }
    }
}
