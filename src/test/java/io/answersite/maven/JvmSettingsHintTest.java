package io.answersite.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JvmSettingsHintTest {

    @Test
    void suggestsTheRecommendedSettingsWithTheClientCompilerAloneAfterASiteOfUpTo15000PagesBuiltInADefaultJvm() {
        assertEquals(Optional.of("answersite: 13349 pages built in a JVM with its default collector and heap; a line"
                        + " '-XX:+UseParallelGC -XX:GCTimeRatio=4 -XX:InlineSmallCode=1000 -XX:MetaspaceSize=160m -Xms1g"
                        + " -XX:TieredStopAtLevel=1 -XX:Tier3InvocationThreshold=40 -XX:Tier3MinInvocationThreshold=20"
                        + " -XX:Tier3CompileThreshold=400 -XX:Tier3BackEdgeThreshold=20000' in the site's"
                        + " .mvn/jvm.config kept clean builds of such sites in less than half the memory and made them"
                        + " faster (README: \"The JVM's settings for a large site\")"),
                JvmSettingsHint.of(13_349, List.of("-Dmaven.home=/usr/share/maven", "-Dclassworlds.conf=/x"), false));
    }

    @Test
    void suggestsTheRecommendedSettingsWithBothCompilersAfterALargerSiteBuiltInADefaultJvm() {
        assertEquals(Optional.of("answersite: 66682 pages built in a JVM with its default collector and heap; a line"
                        + " '-XX:+UseParallelGC -XX:GCTimeRatio=4 -XX:InlineSmallCode=1000 -XX:MetaspaceSize=160m -Xms1g'"
                        + " in the site's .mvn/jvm.config kept clean builds of such sites in less than half the memory"
                        + " and made them faster (README: \"The JVM's settings for a large site\")"),
                JvmSettingsHint.of(66_682, List.of(), false));
    }

    @Test
    void tellsASiteThatOutgrewTheClientCompilerAloneToTakeItOut() {
        List<String> recommendedForSmallSites = List.of("-XX:+UseParallelGC", "-XX:GCTimeRatio=4", "-Xms1g",
                "-XX:TieredStopAtLevel=1");
        assertEquals(Optional.of("answersite: 33339 pages built with the client compiler alone (-XX:TieredStopAtLevel=1);"
                        + " builds of sites past about 15000 pages were faster without it: take it (and the Tier3"
                        + " thresholds) out of the site's .mvn/jvm.config (README: \"The JVM's settings for a large site\")"),
                JvmSettingsHint.of(33_339, recommendedForSmallSites, false));
        assertEquals(Optional.empty(), JvmSettingsHint.of(JvmSettingsHint.CLIENT_COMPILER_PAGES, recommendedForSmallSites, false));
        List<String> overridden = new java.util.ArrayList<>(recommendedForSmallSites);
        overridden.add("-XX:TieredStopAtLevel=4"); // MAVEN_OPTS comes after .mvn/jvm.config: the last one counts
        assertEquals(Optional.empty(), JvmSettingsHint.of(33_339, overridden, false));
        List<String> cappedForMemory = new java.util.ArrayList<>(recommendedForSmallSites);
        cappedForMemory.add("-Xmx1250m"); // README: C1 alone keeps a capped 101,006-page build within 1.5 GB
        assertEquals(Optional.empty(), JvmSettingsHint.of(101_006, cappedForMemory, false));
    }

    @Test
    void staysSilentForASmallSite() {
        assertEquals(Optional.empty(), JvmSettingsHint.of(JvmSettingsHint.PAGES - 1, List.of(), false));
    }

    @Test
    void staysSilentOnceTheSiteChoseAnyCollectorOrHeapSetting() {
        for (String setting : List.of("-XX:+UseParallelGC", "-XX:+UseG1GC", "-XX:+UseSerialGC", "-Xmx4g", "-Xms1g",
                "-Xmn300m", "-XX:GCTimeRatio=9", "-XX:MaxRAMPercentage=50", "-XX:MaxHeapSize=2g")) {
            assertEquals(Optional.empty(), JvmSettingsHint.of(50_000, List.of("-Dx=y", setting), false), setting);
        }
    }

    @Test
    void isNotSilencedBySettingsThatNeitherChooseTheCollectorNorSizeTheHeap() {
        assertEquals(true, JvmSettingsHint.of(10_000, List.of("-XX:TieredStopAtLevel=1", "-Xss4m",
                "-XX:+UseCompressedOops"), false).isPresent());
    }

    @Test
    void onLinuxTheSuggestedLineKeepsTheHeapInHugePages() {
        assertEquals(Optional.of("answersite: 13349 pages built in a JVM with its default collector and heap; a line"
                        + " '-XX:+UseParallelGC -XX:GCTimeRatio=4 -XX:InlineSmallCode=1000 -XX:MetaspaceSize=160m -Xms1g"
                        + " -XX:TieredStopAtLevel=1 -XX:Tier3InvocationThreshold=40 -XX:Tier3MinInvocationThreshold=20"
                        + " -XX:Tier3CompileThreshold=400 -XX:Tier3BackEdgeThreshold=20000 -XX:+UseTransparentHugePages'"
                        + " in the site's .mvn/jvm.config kept clean builds of such sites in less than half the memory and"
                        + " made them faster (README: \"The JVM's settings for a large site\")"),
                JvmSettingsHint.of(13_349, List.of(), true));
        assertEquals(Optional.of("answersite: 66682 pages built in a JVM with its default collector and heap; a line"
                        + " '-XX:+UseParallelGC -XX:GCTimeRatio=4 -XX:InlineSmallCode=1000 -XX:MetaspaceSize=160m -Xms1g"
                        + " -XX:+UseTransparentHugePages' in the site's .mvn/jvm.config kept clean builds of such sites in"
                        + " less than half the memory and made them faster (README: \"The JVM's settings for a large site\")"),
                JvmSettingsHint.of(66_682, List.of(), true));
    }
}
