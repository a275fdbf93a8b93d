package io.answersite.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeapAdviceTest {

    @Test
    void namesTheHeapTheJvmHadAndSuggestsTwiceAsMuchInJvmConfig() {
        assertEquals("the preview ran out of memory with a maximum heap of 6144 MB; give the JVM more in the site's"
                        + " .mvn/jvm.config, for example -Xmx12g beside -XX:+UseParallelGC -XX:GCTimeRatio=4"
                        + " -XX:InlineSmallCode=1000 -XX:MetaspaceSize=160m -Xms1g"
                        + " (README: \"The JVM's settings for a large site\")",
                HeapAdvice.message("the preview", 6L << 30));
    }

    @Test
    void roundsTheSuggestionUpToWholeGigabytes() {
        assertEquals(true, HeapAdvice.message("site:build", 700L << 20).contains("with a maximum heap of 700 MB;"));
        assertEquals(true, HeapAdvice.message("site:build", 700L << 20).contains("-Xmx2g "));
    }
}
