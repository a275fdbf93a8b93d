package io.answersite.maven;

import java.util.Optional;

/**
 * A one-line hint, once the preview's first build is done, to start the preview with the heap it
 * grew to: the preview holds the whole built site, its heap grows well past a build's {@code -Xms1g},
 * and while it grows the parallel collector compacts it in full collections of about a second. At
 * 13,476 pages with glossary terms as common words, most runs had one rebuild of 2.2–2.6 s instead
 * of 0.8–1.3 s; started with {@code -Xms3g}, none in forty rounds (docs/PERFORMANCE.md, session 24).
 * Silent while the heap stays within half again its initial size, or when a start of one gigabyte
 * would hold what it took and a quarter more.
 */
final class PreviewHeapHint {

    private static final long GIB = 1L << 30;

    private PreviewHeapHint() {
    }

    /**
     * @param initialBytes the heap the JVM started with ({@code MemoryUsage.getInit()})
     * @param committedBytes the heap it holds after the first build ({@code MemoryUsage.getCommitted()})
     */
    static Optional<String> of(long initialBytes, long committedBytes) {
        if (initialBytes <= 0 || committedBytes * 2 <= initialBytes * 3) {
            return Optional.empty();
        }
        // a quarter more than the first build took: the rebuilds hold the last site and the next at once
        long suggested = (committedBytes + committedBytes / 4 + GIB - 1) / GIB;
        if (suggested < 2) {
            return Optional.empty();
        }
        return Optional.of("answersite: the preview's heap grew from " + initialBytes / (1024 * 1024) + " MB to "
                + committedBytes / (1024 * 1024) + " MB in its first build, and growing it costs full collections"
                + " of about a second in later rebuilds; start it with MAVEN_OPTS=-Xms" + suggested
                + "g mvn site:serve (README: \"The JVM's settings for a large site\")");
    }
}
