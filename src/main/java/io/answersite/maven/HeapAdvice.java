package io.answersite.maven;

/**
 * What a goal says when the JVM ran out of heap: how much it had and where to give it more, instead
 * of Maven's stack trace of an {@code OutOfMemoryError}. A large site's build, and its preview even
 * more (the whole built site is held in memory), can need more than the JVM's default of a quarter of
 * the machine's memory.
 */
final class HeapAdvice {

    private HeapAdvice() {
    }

    /** @param maxHeapBytes the JVM's maximum heap ({@code Runtime.maxMemory()}) */
    static String message(String goal, long maxHeapBytes) {
        long megabytes = maxHeapBytes / (1024 * 1024);
        long suggested = Math.max(1, (maxHeapBytes * 2 + (1L << 30) - 1) >> 30);
        return goal + " ran out of memory with a maximum heap of " + megabytes + " MB; give the JVM more in the"
                + " site's .mvn/jvm.config, for example -Xmx" + suggested + "g beside " + JvmSettingsHint.SETTINGS
                + " (README: \"The JVM's settings for a large site\")";
    }
}
