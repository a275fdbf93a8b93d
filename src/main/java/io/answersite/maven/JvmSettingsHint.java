package io.answersite.maven;

import java.util.List;
import java.util.Optional;

/**
 * A one-line hint, after a build of a large site in a JVM left at its defaults, to set the JVM's
 * options in the site's {@code .mvn/jvm.config}: on the machine measured, the parallel collector told
 * to keep the heap small held a clean 10,000-page build to 1.0 GB instead of 2.6 GB, and C2 told to
 * inline less into methods it has compiled made it about a tenth faster; up to about 15,000 pages,
 * the client compiler alone (no C2) made clean and edited builds a seventh to a third faster, and
 * beyond that slower (a sixth at 33,000 pages, a third at 67,000; all on the default corpus shape,
 * the client compiler also on the 10,000-page matrix of shapes; README, "The JVM's settings for a
 * large site"). Silent as soon as the JVM was given any collector or heap setting, so that a site
 * that chose its own settings is not told again at every build, unless it builds with the client
 * compiler alone and has grown past the size where that helps.
 */
final class JvmSettingsHint {

    /** From this many pages on, the settings were measured to matter. */
    static final int PAGES = 2_000;
    /** Up to this many pages, building with the client compiler alone was measured faster. */
    static final int CLIENT_COMPILER_PAGES = 15_000;

    static final String SETTINGS = "-XX:+UseParallelGC -XX:GCTimeRatio=4 -XX:InlineSmallCode=1000 -XX:MetaspaceSize=160m -Xms1g";
    static final String CLIENT_COMPILER_ONLY = "-XX:TieredStopAtLevel=1";
    /**
     * The client compiler's thresholds a fifth of their defaults: a build's code compiled sooner, 4 to 8
     * % off clean 1,000-page builds (default, long-guides and glossary-common corpus shapes) and 1 to 5 %
     * off 10,000-page ones (topics-200, related-many; docs/PERFORMANCE.md, session 18).
     */
    static final String CLIENT_COMPILER_SOONER = "-XX:Tier3InvocationThreshold=40 -XX:Tier3MinInvocationThreshold=20"
            + " -XX:Tier3CompileThreshold=400 -XX:Tier3BackEdgeThreshold=20000";

    /**
     * Linux only (other systems' JVMs do not know the option and refuse to start): the heap in huge
     * pages, 8 % off clean 1,000-page builds, 17 % off clean 10,000-page ones and 25 % off clean
     * 50,000-page ones on the development machine, default corpus shape only (docs/PERFORMANCE.md, session 22).
     */
    static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

    private JvmSettingsHint() {
    }

    /**
     * @param pages the pages the build wrote or checked
     * @param jvmArguments the JVM's own arguments (from {@code .mvn/jvm.config} and {@code MAVEN_OPTS})
     * @param linux whether the JVM runs on Linux, where the heap can be kept in huge pages
     */
    static Optional<String> of(int pages, List<String> jvmArguments, boolean linux) {
        if (pages < PAGES) {
            return Optional.empty();
        }
        if (jvmArguments.stream().anyMatch(JvmSettingsHint::isCollectorOrHeapSetting)) {
            // with a heap cap, C1 alone may be a choice for memory (README: a 101,006-page site within 1.5 GB)
            boolean cappedHeap = jvmArguments.stream().anyMatch(argument -> argument.startsWith("-Xmx"));
            return pages > CLIENT_COMPILER_PAGES && clientCompilerOnly(jvmArguments) && !cappedHeap
                    ? Optional.of("answersite: " + pages + " pages built with the client compiler alone ("
                    + CLIENT_COMPILER_ONLY + "); builds of sites past about " + CLIENT_COMPILER_PAGES
                    + " pages were faster without it: take it (and the Tier3 thresholds) out of the site's"
                    + " .mvn/jvm.config (README: \"The"
                    + " JVM's settings for a large site\")")
                    : Optional.empty();
        }
        String line = (pages <= CLIENT_COMPILER_PAGES ? SETTINGS + " " + CLIENT_COMPILER_ONLY + " " + CLIENT_COMPILER_SOONER
                : SETTINGS) + (linux ? " " + HUGE_PAGES : "");
        return Optional.of("answersite: " + pages + " pages built in a JVM with its default collector and heap; a line "
                + "'" + line + "' in the site's .mvn/jvm.config kept clean builds of such sites in less than"
                + " half the memory and made them faster (README: \"The JVM's settings for a large site\")");
    }

    /** Whether the last word on the JVM's compilers stops them at the client compiler's levels. */
    private static boolean clientCompilerOnly(List<String> jvmArguments) {
        String level = null;
        for (String argument : jvmArguments) {
            if (argument.startsWith("-XX:TieredStopAtLevel=")) {
                level = argument.substring("-XX:TieredStopAtLevel=".length());
            }
        }
        return level != null && !level.equals("4");
    }

    private static boolean isCollectorOrHeapSetting(String argument) {
        return argument.startsWith("-Xmx") || argument.startsWith("-Xms") || argument.startsWith("-Xmn")
                || argument.matches("-XX:[+-]Use\\w*GC") || argument.startsWith("-XX:GCTimeRatio")
                || argument.startsWith("-XX:MaxRAM") || argument.startsWith("-XX:InitialRAM")
                || argument.startsWith("-XX:MaxHeapSize") || argument.startsWith("-XX:InitialHeapSize");
    }
}
