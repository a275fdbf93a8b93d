package io.answersite.maven;

import java.util.List;
import java.util.Optional;

/**
 * A one-line hint, after a build of a large site in a JVM left at its defaults, to set the JVM's
 * options in the site's {@code .mvn/jvm.config}: on the machine measured, the parallel collector told
 * to keep the heap small held a clean 10,000-page build to 1.0 GB instead of 2.6 GB, and C2 told to
 * inline less into methods it has compiled made it about a tenth faster (both on the default corpus
 * shape; README, "The JVM's
 * settings for a large site"). Silent as soon as the JVM was given any collector or heap setting, so
 * that a site that chose its own settings is not told again at every build.
 */
final class JvmSettingsHint {

    /** From this many pages on, the settings were measured to matter. */
    static final int PAGES = 2_000;

    static final String SETTINGS = "-XX:+UseParallelGC -XX:GCTimeRatio=4 -XX:InlineSmallCode=1000 -XX:MetaspaceSize=160m -Xms1g";

    private JvmSettingsHint() {
    }

    /**
     * @param pages the pages the build wrote or checked
     * @param jvmArguments the JVM's own arguments (from {@code .mvn/jvm.config} and {@code MAVEN_OPTS})
     */
    static Optional<String> of(int pages, List<String> jvmArguments) {
        if (pages < PAGES || jvmArguments.stream().anyMatch(JvmSettingsHint::isCollectorOrHeapSetting)) {
            return Optional.empty();
        }
        return Optional.of("answersite: " + pages + " pages built in a JVM with its default collector and heap; a line "
                + "'" + SETTINGS + "' in the site's .mvn/jvm.config kept clean builds of such sites in less than"
                + " half the memory and made them about a tenth faster (README: \"The JVM's settings for a large"
                + " site\")");
    }

    private static boolean isCollectorOrHeapSetting(String argument) {
        return argument.startsWith("-Xmx") || argument.startsWith("-Xms") || argument.startsWith("-Xmn")
                || argument.matches("-XX:[+-]Use\\w*GC") || argument.startsWith("-XX:GCTimeRatio")
                || argument.startsWith("-XX:MaxRAM") || argument.startsWith("-XX:InitialRAM")
                || argument.startsWith("-XX:MaxHeapSize") || argument.startsWith("-XX:InitialHeapSize");
    }
}
