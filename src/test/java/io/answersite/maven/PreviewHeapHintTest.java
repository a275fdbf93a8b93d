package io.answersite.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreviewHeapHintTest {

    private static final long MIB = 1L << 20;

    @Test
    void aHeapThatGrewPastHalfAgainItsStartIsToldToStartAtWhatItTookAndAQuarter() {
        assertEquals(Optional.of("answersite: the preview's heap grew from 1024 MB to 2312 MB in its first build,"
                        + " and growing it costs full collections of about a second in later rebuilds; start it with"
                        + " MAVEN_OPTS=-Xms3g mvn site:serve (README: \"The JVM's settings for a large site\")"),
                PreviewHeapHint.of(1024 * MIB, 2312 * MIB));
    }

    @Test
    void aHeapThatStayedNearItsStartOrUnderTwoGigabytesGetsNoHint() {
        assertTrue(PreviewHeapHint.of(1024 * MIB, 1536 * MIB).isEmpty(), "half again: not past it");
        assertTrue(PreviewHeapHint.of(256 * MIB, 700 * MIB).isEmpty(), "grew, but to less than a gigabyte with its quarter");
        assertTrue(PreviewHeapHint.of(0, 4096 * MIB).isEmpty(), "an unknown start");
    }
}
