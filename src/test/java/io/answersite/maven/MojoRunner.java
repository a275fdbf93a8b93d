package io.answersite.maven;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs a goal the way Maven would for a site folder: parameters set to their defaults for that
 * folder, and every log line captured, so tests can read exactly what a user's console shows.
 */
public final class MojoRunner {

    /** Every line the goal logged, prefixed with its level as Maven prints it. */
    public final List<String> log = new ArrayList<>();

    public <T extends AbstractMojo> T configure(T mojo, Path site) throws ReflectiveOperationException {
        set(mojo, "basedir", site.toFile());
        set(mojo, "contentDir", site.resolve("content").toFile());
        set(mojo, "templatesDir", site.resolve("templates").toFile());
        set(mojo, "staticDir", site.resolve("site/static").toFile());
        set(mojo, "config", site.resolve("site/site.yml").toFile());
        set(mojo, "outputDir", site.resolve("target/site").toFile());
        set(mojo, "reportDir", site.resolve("target/site-report").toFile());
        set(mojo, "nginxFile", site.resolve("target/nginx/answersite.conf").toFile());
        mojo.setLog(new CapturingLog());
        return mojo;
    }

    /** Sets one of the goal's parameters as Maven would from {@code -Dsite.<name>=...}. */
    public static void set(Object mojo, String name, Object value) throws ReflectiveOperationException {
        Field field = BuildMojo.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(mojo, value);
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
